"""The socket.io channel (what the website widget uses): session persistence and a reply
with the route's helplines, over a real socket.io v5 client."""
import asyncio
import uuid

import pytest
import socketio

pytestmark = pytest.mark.servers


async def converse(port, texts, session_id, metadata=None):
    client = socketio.AsyncClient()
    replies, confirmed = [], asyncio.Event()

    @client.on("session_confirm")
    async def on_confirm(sid):
        confirmed.set()

    @client.on("bot_uttered")
    async def on_bot(data):
        replies.append(data)

    await client.connect(f"http://127.0.0.1:{port}", transports=["polling"], socketio_path="socket.io")
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), 20)
        for text in texts:
            before = len(replies)
            message = {"message": text, "session_id": session_id, **({"metadata": metadata} if metadata else {})}
            await client.emit("user_uttered", message)
            for _ in range(200):  # up to 20 s for the reply bubbles to arrive
                await asyncio.sleep(0.1)
                if len(replies) > before and (await _settled(replies)):
                    break
    finally:
        await _close(client)
    return replies


async def _close(client):
    """Like a closed tab: a polite long-polling disconnect waits out the poll (about 25 s)."""
    try:
        await asyncio.wait_for(client.disconnect(), 1)
    except asyncio.TimeoutError:
        pass


async def _settled(replies, quiet=0.5):
    n = len(replies)
    await asyncio.sleep(quiet)
    return len(replies) == n


def test_socketio_reply_names_the_route_s_helpline(bot, helplines):
    replies = asyncio.run(converse(bot.rasa_port, ["my daughter flips her phone over when I walk in"],
                                   uuid.uuid4().hex))
    assert replies, "no reply over socket.io"
    assert "NSPCC" in helplines.mentions(replies[0]["text"])
    assert any(r.get("quick_replies") or r.get("buttons") for r in replies)


def test_socketio_conversation_survives_a_reconnect(bot):
    session = uuid.uuid4().hex
    asyncio.run(converse(bot.rasa_port, ["my son plays on roblox and a man keeps messaging him"], session))
    # a new connection (page reload) with the same session id continues the conversation
    replies = asyncio.run(converse(bot.rasa_port, ["How do I block and report them on the app?"], session))
    assert any((r.get("text") or "").startswith("On Roblox:") for r in replies)


def test_socketio_emergency_first(bot, helplines):
    replies = asyncio.run(converse(bot.rasa_port, ["he's gone to meet a man from discord and isn't answering"],
                                   uuid.uuid4().hex))
    assert helplines.mentions(replies[0]["text"])[:1] == ["EMERGENCY"]


async def _raw_emit(port, payload):
    """Sends one user_uttered payload as it is; a session request first only when the payload
    names a session (as the widget does), since replies go to that session's room."""
    client = socketio.AsyncClient()
    replies, confirmed = [], asyncio.Event()
    client.on("bot_uttered", lambda data: replies.append(data))
    client.on("session_confirm", lambda *_: confirmed.set())
    await client.connect(f"http://127.0.0.1:{port}", transports=["polling"], socketio_path="socket.io")
    try:
        if isinstance(payload, dict) and payload.get("session_id"):
            await client.emit("session_request", {"session_id": payload["session_id"]})
            await asyncio.wait_for(confirmed.wait(), 20)
        await client.emit("user_uttered", payload)
        for _ in range(100):
            await asyncio.sleep(0.1)
            if replies and await _settled(replies):
                break
    finally:
        await _close(client)
    return replies


@pytest.mark.parametrize("payload", [
    "a bare string: my son is talking to a stranger",  # not the usual {"message": ...}
    {"message": "no session id: someone keeps messaging my daughter"},
    {"message": 12345, "session_id": "x" + uuid.uuid4().hex},
    {"message": "", "session_id": "y" + uuid.uuid4().hex},
    {"message": "hello", "session_id": "z" + uuid.uuid4().hex, "customData": "not json {"},
])
def test_socketio_odd_payloads_are_answered(bot, payload):
    replies = asyncio.run(_raw_emit(bot.rasa_port, payload))
    assert replies and all(r.get("text") for r in replies)
