"""rasa_ext.conversation_context: a message is marked as following a 999 reply, or a young
person's earlier message, from the conversation's real tracker, within the session only."""
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
    assert cc.session_marks(tracker(*events))[cc.AFTER_999_KEY] is after


def read(intent, young):
    return UserUttered("...", {"name": intent, "confidence": 1.0}, parse_data={
        "intent": {"name": intent, "confidence": 1.0}, cc.ROUTING_KEY: {"child_typing": young, "concern": intent}})


@pytest.mark.parametrize("events, young", [
    ((read("child_user", True), BotUttered("Childline..."), read("followup_fault", False)), True),
    ((read("unknown_contact", False), BotUttered("...")), False),
    ((read("child_user", True), BotUttered("..."), SessionStarted()), False),
    ((read("child_user", True), BotUttered("..."), Restarted(), read("greet", False)), False),
    ((said("greet"),), False),  # a message with no reading kept
])
def test_a_young_writer_earlier_in_the_session_is_remembered(events, young):
    assert cc.session_marks(tracker(*events))[cc.YOUNG_WRITER_KEY] is young


def answered(intent, concern):
    return UserUttered("...", {"name": intent, "confidence": 1.0}, parse_data={
        "intent": {"name": intent, "confidence": 1.0}, cc.ROUTING_KEY: {"concern": concern}})


@pytest.mark.parametrize("events, before", [
    ((answered("unknown_contact", "unknown_contact"), BotUttered("...")), True),
    ((answered("greet", None), BotUttered("Hello..."),), False),
    ((answered("unknown_contact", "unknown_contact"), BotUttered("..."), SessionStarted()), False),
    ((), False),
])
def test_an_answered_worry_earlier_in_the_session_is_remembered(events, before):
    assert cc.session_marks(tracker(*events))[cc.ANSWERED_BEFORE_KEY] is before


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
    young = tracker(read("child_user", True), BotUttered("Childline..."))
    asyncio.run(MessageProcessor.parse_message(None, UserMessage("its way worse than i said"), young))
    assert seen.pop() == {cc.YOUNG_WRITER_KEY: True, cc.ANSWERED_BEFORE_KEY: True}
