"""Input channels that clean what people type before Rasa reads it.

Registered in credentials.yml under the built-in channels' names, so the URLs stay the
standard ones (/webhooks/rest/webhook, /socket.io). They:
- pass the text through bot.text_input.clean_user_text: a leading "/" would otherwise make
  Rasa read the message as an intent or slot command, bypassing the NLU and safety net;
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
import logging
import os
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional

import rasa.core.actions.action as rasa_action
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput

from bot.text_input import clean_user_text
from bot.topics import opening_intent

logger = logging.getLogger(__name__)

from rasa_ext import speedups

speedups.apply()  # loaded with the channels, so every `rasa run` of this bot has it

REPLY_SECONDS = float(os.environ.get("TYG_REPLY_SECONDS", "8"))
# Rasa waits up to 5 minutes for the action server; a parent should not.
rasa_action.DEFAULT_REQUEST_TIMEOUT = int(os.environ.get("TYG_ACTION_TIMEOUT", "10"))

Handler = Callable[[UserMessage], Awaitable[Any]]


def cleaning(on_new_message: Handler) -> Handler:
    async def handler(message: UserMessage) -> None:
        metadata = message.metadata if isinstance(message.metadata, dict) else {}
        intent = opening_intent(metadata.get("topic"))
        if intent and not (message.text or "").strip():
            # a link opened the chat on a topic: the topic's guidance, as if asked for
            message.text = f"/{intent}"
            message.metadata = {"topic": metadata["topic"]}
        else:
            message.text = clean_user_text(message.text)
            message.metadata = None  # nothing the browser sends is stored beyond the text
        await on_new_message(message)
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
        return super().blueprint(answering_within(REPLY_SECONDS, cleaning(on_new_message)))


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

        return bp
