"""What the NLU cannot see for itself: whether the bot's reply to the conversation's previous
message led with 999. Rasa hands the conversation's tracker to the parsing of a message but not
to the NLU components, which see only the message; so this puts that one fact in the message's
metadata, which they do see (bot.understanding reads it as `after_999`). It costs a walk back
over the events since the last user message, already in memory."""
from typing import Any, Dict, Optional

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import Restarted, SessionStarted, UserUttered
from rasa.shared.nlu.training_data.message import Message

from bot.routing import EMERGENCY_CONCERN

AFTER_999_KEY = "after_999"
METADATA = "metadata"  # where Rasa's NLUMessageConverter puts a message's metadata


def follows_999(tracker) -> bool:
    """The previous message in this session was answered as an emergency (999 first)."""
    for event in reversed(tracker.events):
        if isinstance(event, (SessionStarted, Restarted)):
            return False  # a new session, or a restart, starts afresh whatever came before
        if isinstance(event, UserUttered):
            return (event.intent or {}).get("name") == EMERGENCY_CONCERN
    return False


def marked_after_999(message: Message) -> bool:
    metadata: Optional[Dict[str, Any]] = message.get(METADATA)
    return isinstance(metadata, dict) and metadata.get(AFTER_999_KEY) is True


def apply() -> None:
    original = MessageProcessor.parse_message
    if getattr(original, "marks_after_999", False):
        return

    async def parse_message(self, message, tracker=None, only_output_properties=True):
        if tracker is not None and follows_999(tracker):
            message.metadata = {**(message.metadata or {}), AFTER_999_KEY: True}
        return await original(self, message, tracker, only_output_properties)

    parse_message.marks_after_999 = True
    MessageProcessor.parse_message = parse_message
