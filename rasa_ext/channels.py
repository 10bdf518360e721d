"""Input channels that clean what people type before Rasa reads it.

Registered in credentials.yml under the built-in channels' names, so the URLs stay the
standard ones (/webhooks/rest/webhook, /socket.io). They:
- pass the text through bot.text_input.clean: a leading "/" would otherwise make Rasa read
  the message as an intent or slot command, bypassing the NLU and safety net. A message
  with no words left, or clearly in another language (bot/language.py), is answered here
  (channel_notes.yaml) without touching the conversation; a very long one is cut, and the
  reply ends with a note saying so;
- limit how fast one conversation and one address may send (stores.rate_limit); over the
  limit the answer still names 999 and the NSPCC helpline (HTTP 429 on REST);
- on REST, read a body that is not valid UTF-8 as best it can, and refuse one that is not
  JSON or has no sender id with a clear 400 (never the shared "default" conversation);
- open a chat on a topic when the widget's first message is empty with metadata
  {"topic": key} (a school link): only topics.yaml's general-information concerns, and no
  other metadata is kept;
- on REST, answer with whatever the bot has said after REPLY_SECONDS instead of waiting for
  a slow action server: the route's guidance comes from domain responses first, so a
  parent still gets the helplines while the tailored extras finish in the background;
- on socket.io, join the session's room properly: Rasa 3.6 calls python-socketio 5's
  coroutine `enter_room` without awaiting it, so with session persistence no reply
  would ever reach the browser.
"""
import asyncio
import inspect
import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional

import rasa.core.actions.action as rasa_action
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput

from sanic import response

from bot import settings
from bot.channel_notes import notes
from bot.language import detect_language
from bot.redaction import install_log_filter
from bot.source_link import clean_source
from bot.text_input import clean
from bot.topics import opening_intent
from stores.rate_limit import RateLimits

logger = logging.getLogger(__name__)

from rasa_ext import conversation_context, speedups

# loaded with the channels, so every `rasa run` of this bot has them
speedups.apply()
conversation_context.apply()
install_log_filter()
RATE_LIMITS = RateLimits.from_env()
MAX_SENDER_CHARS = 255  # the tracker store's column

REPLY_SECONDS = settings.get("TYG_REPLY_SECONDS")
# Rasa waits up to 5 minutes for the action server; a parent should not.
rasa_action.DEFAULT_REQUEST_TIMEOUT = settings.get("TYG_ACTION_TIMEOUT")

Handler = Callable[[UserMessage], Awaitable[Any]]


def cleaning(on_new_message: Handler) -> Handler:
    async def handler(message: UserMessage) -> None:
        metadata = message.metadata if isinstance(message.metadata, dict) else {}
        intent = opening_intent(metadata.get("topic"))
        # the school link the chat came from, if any: counted for the trends, never more
        link = clean_source(metadata.get("source"))
        source = {"source": link} if link else {}
        if intent and not (message.text or "").strip():
            # a link opened the chat on a topic: the topic's guidance, as if asked for
            message.text = f"/{intent}"
            message.metadata = {"topic": metadata["topic"], **source}
            await on_new_message(message)
            return
        cleaned = clean(message.text)
        if not cleaned.text:  # nothing to read: say so, and leave the conversation as it was
            await message.output_channel.send_text_message(message.sender_id, notes()["empty"])
            return
        if detect_language(cleaned.text):  # the NLU would only guess: say so, with the helplines
            await message.output_channel.send_text_message(message.sender_id, notes()["other_language"])
            return
        message.text = cleaned.text
        message.metadata = source or None  # nothing else the browser sends is stored
        await on_new_message(message)
        if cleaned.shortened:
            await message.output_channel.send_text_message(message.sender_id, notes()["shortened"])
    return handler


def answering_within(seconds: float, on_new_message: Handler) -> Handler:
    async def handler(message: UserMessage) -> None:
        task = asyncio.ensure_future(on_new_message(message))
        done, _ = await asyncio.wait({task}, timeout=seconds)
        if not done:
            logger.warning("Reply for %s took over %.0fs; answering with what was said so far.",
                           message.sender_id, seconds)
        elif task.exception() is not None:
            raise task.exception()
    return handler


class SafeRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def get_metadata(self, request) -> Optional[Dict[str, Any]]:
        body = request.json if request.json is not None else {}
        metadata = body.get("metadata") if isinstance(body, dict) else None
        return metadata if isinstance(metadata, dict) else None

    def blueprint(self, on_new_message: Handler):
        bp = super().blueprint(answering_within(REPLY_SECONDS, cleaning(on_new_message)))

        @bp.middleware("request")
        async def guard(request):
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            body = read_json(request.body)
            if not isinstance(body, dict):
                return response.json({"error": 'The body must be JSON: {"sender": "<conversation id>", '
                                               '"message": "<text>"}'}, status=400)
            sender = body.get("sender")
            if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
                return response.json({"error": f"'sender' must be a conversation id: text of 1 to "
                                               f"{MAX_SENDER_CHARS} characters"}, status=400)
            body["message"] = as_text(body.get("message"))  # Rasa calls .strip() on it
            request.parsed_json = body
            address = RATE_LIMITS.client_address(request.ip, request.headers.get("x-forwarded-for"))
            if not RATE_LIMITS.allow(sender, address):
                return response.json([{"recipient_id": sender, "text": notes()["rate_limited"]}], status=429)
            return None

        return bp


def as_text(message) -> str:
    """What was sent as the message, as text: numbers and lists as written, nothing as ''."""
    if isinstance(message, str):
        return message
    if isinstance(message, (bytes, bytearray)):
        return bytes(message).decode("utf-8", errors="replace")
    return "" if message is None else json.dumps(message, ensure_ascii=False)


def read_json(body: bytes):
    """The request body as JSON, reading invalid UTF-8 as replacement characters; None if
    it is not JSON at all."""
    if not body:
        return None
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        try:
            return json.loads(body.decode("utf-8", errors="replace"))
        except ValueError:
            return None
    except ValueError:
        return None


class SafeSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Handler):
        bp = super().blueprint(cleaning(on_new_message))
        sio = self.sio

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid, data=None):
            data = data if isinstance(data, dict) else {}
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, data["session_id"], namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        handle_message = sio.handlers[self.namespace or "/"][self.user_message_evt]

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def guarded_message(sid, data=None):
            if not isinstance(data, dict):
                data = {"message": data if isinstance(data, (str, bytes)) else None}
            data["message"] = as_text(data.get("message"))
            if self.session_persistence and not isinstance(data.get("session_id"), str):
                data["session_id"] = sid  # Rasa would drop it silently; answer on this socket
            environ = sio.get_environ(sid, namespace=self.namespace) or {}
            address = RATE_LIMITS.client_address(environ.get("REMOTE_ADDR"), environ.get("HTTP_X_FORWARDED_FOR"))
            if not RATE_LIMITS.allow(data.get("session_id") or sid, address):
                await sio.emit(self.bot_message_evt, {"text": notes()["rate_limited"]}, room=sid,
                               namespace=self.namespace)
                return
            if not isinstance(data.get(self.metadata_key), (dict, type(None))):
                data[self.metadata_key] = {}  # Rasa would try to parse a string as JSON
            await handle_message(sid, data)

        return bp
