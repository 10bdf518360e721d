"""What the NLU cannot see for itself: whether the bot's reply to the conversation's previous
message led with 999, whether an earlier message in the session was a young person writing
about themselves, and whether one was answered for a worry. Rasa hands the conversation's
tracker to the parsing of a message but not to the NLU components, which see only the message;
so this puts those facts in the message's metadata, which they do see (bot.understanding reads
them as `after_999`, `young_writer` and `answered_before`; the channels strip any a browser
sends). It costs one walk back over the session's events, already in memory."""
from typing import Any, Dict, Optional

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import Restarted, SessionStarted, UserUttered
from rasa.shared.nlu.training_data.message import Message

from bot.routing import EMERGENCY_CONCERN

AFTER_999_KEY = "after_999"
YOUNG_WRITER_KEY = "young_writer"
ANSWERED_BEFORE_KEY = "answered_before"
ROUTING_KEY = "tyg"  # where the decision is kept in the parse data (rasa_ext.concern_router), for actions and staff
METADATA = "metadata"  # where Rasa's NLUMessageConverter puts a message's metadata


def session_marks(tracker) -> Dict[str, bool]:
    """The marks of the next message, from one walk back over this session's events: whether the
    previous message was answered as an emergency (999 first), whether an earlier one was read as
    a young person writing about themselves ("im 15, ..."; their next messages, which seldom say
    their age again, are theirs too), and whether one was answered for a worry."""
    marks = {AFTER_999_KEY: False, YOUNG_WRITER_KEY: False, ANSWERED_BEFORE_KEY: False}
    previous = True
    for event in reversed(tracker.events):
        if isinstance(event, (SessionStarted, Restarted)):
            break  # a new session, or a restart, starts afresh whatever came before
        if not isinstance(event, UserUttered):
            continue
        if previous:
            marks[AFTER_999_KEY] = (event.intent or {}).get("name") == EMERGENCY_CONCERN
            previous = False
        reading = (event.parse_data or {}).get(ROUTING_KEY) or {}
        marks[YOUNG_WRITER_KEY] = marks[YOUNG_WRITER_KEY] or bool(reading.get("child_typing"))
        marks[ANSWERED_BEFORE_KEY] = marks[ANSWERED_BEFORE_KEY] or bool(reading.get("concern"))
    return marks


def _marked(message: Message, key: str) -> bool:
    metadata: Optional[Dict[str, Any]] = message.get(METADATA)
    return isinstance(metadata, dict) and metadata.get(key) is True


def marked_after_999(message: Message) -> bool:
    return _marked(message, AFTER_999_KEY)


def marked_young_writer(message: Message) -> bool:
    return _marked(message, YOUNG_WRITER_KEY)


def marked_answered_before(message: Message) -> bool:
    return _marked(message, ANSWERED_BEFORE_KEY)


def apply() -> None:
    original = MessageProcessor.parse_message
    if getattr(original, "marks_after_999", False):
        return

    async def parse_message(self, message, tracker=None, only_output_properties=True):
        if tracker is not None:
            marks = {k: True for k, v in session_marks(tracker).items() if v}
            if marks:
                message.metadata = {**(message.metadata or {}), **marks}
        return await original(self, message, tracker, only_output_properties)

    parse_message.marks_after_999 = True
    MessageProcessor.parse_message = parse_message
