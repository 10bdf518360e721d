"""rasa_ext.conversation_context: a message is marked as following a 999 reply from the
conversation's real tracker, within the session only."""
import asyncio

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ActionExecuted, BotUttered, Restarted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from bot.routing import EMERGENCY_CONCERN
from rasa_ext import conversation_context as cc

pytestmark = pytest.mark.unit


def said(intent):
    return UserUttered("...", {"name": intent, "confidence": 1.0})


def tracker(*events):
    return DialogueStateTracker.from_events("parent", [ActionExecuted("action_listen"), *events])


@pytest.mark.parametrize("events, after", [
    ((said(EMERGENCY_CONCERN), BotUttered("Call 999 now."), ActionExecuted("action_listen")), True),
    ((said(EMERGENCY_CONCERN), BotUttered("Call 999 now."), said("thanks"), BotUttered("...")), False),
    ((said("unknown_contact"), BotUttered("...")), False),
    ((said(EMERGENCY_CONCERN), BotUttered("Call 999 now."), SessionStarted()), False),
    ((said(EMERGENCY_CONCERN), BotUttered("Call 999 now."), Restarted()), False),
    ((), False),
])
def test_the_previous_message_in_the_session_decides(events, after):
    assert cc.follows_999(tracker(*events)) is after


@pytest.mark.parametrize("metadata, marked", [
    ({cc.AFTER_999_KEY: True}, True),
    ({cc.AFTER_999_KEY: "yes"}, False),  # only the processor's own mark counts
    ({"source": "school"}, False),
    (None, False),
])
def test_only_the_mark_itself_counts(metadata, marked):
    assert cc.marked_after_999(Message(data={"text": "hi", cc.METADATA: metadata})) is marked


def test_the_processor_marks_the_message_before_its_nlu_reads_it(monkeypatch):
    seen = []

    async def parse(self, message, tracker=None, only_output_properties=True):
        seen.append(message.metadata)
        return {}

    monkeypatch.setattr(MessageProcessor, "parse_message", parse)
    cc.apply()
    cc.apply()  # applied once however often the channels are loaded

    after = tracker(said(EMERGENCY_CONCERN), BotUttered("Call 999 now."))
    for history, metadata in ((after, {"source": "school", cc.AFTER_999_KEY: True}), (tracker(), None),
                              (None, None)):  # /model/parse has no conversation
        message = UserMessage("...", metadata={"source": "school"} if history is after else None)
        asyncio.run(MessageProcessor.parse_message(None, message, history))
        assert seen.pop() == metadata
