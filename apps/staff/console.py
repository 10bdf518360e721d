"""The staff console's web routes (/staff), added to the web server. Off unless
TYG_STAFF_TOKEN is set (at least 16 characters; never a default). Each request carries
"Authorization: Bearer <token>". The console talks to Rasa server-side: messages over the
REST channel, what was understood from the tracker through Rasa's HTTP API, each request
signed for its one conversation with TYG_RASA_API_TOKEN (which `make run` sets up when the
console is on); the secret itself is never sent."""
import hmac
import re
import time
import uuid
from pathlib import Path

import aiohttp
import jwt
from aiohttp import web

from apps.paths import ROOT
from apps.rasa_server import JWT_METHOD
from apps.staff.script_export import save_script, script_for, turns_from_tracker
from apps.staff.understood import latest_turn
from bot import settings
from bot.content_files import ContentError
from bot.flow_scripts import SCRIPTS_DIR
from bot.text_input import clean_user_text

MIN_TOKEN_CHARS = 16
API_CLAIM_SECONDS = 60
CONVERSATION_RE = re.compile(r"^[0-9a-f]{32}$")


def staff_token() -> str:
    token = settings.get("TYG_STAFF_TOKEN") or ""
    return token if len(token) >= MIN_TOKEN_CHARS else ""


def rasa_url() -> str:
    return settings.get("TYG_RASA_INTERNAL_URL") or f"http://127.0.0.1:{settings.get('RASA_PORT')}"


def scripts_dir() -> Path:
    return Path(settings.get("TYG_SCRIPTS_DIR") or SCRIPTS_DIR)


def authorised(request: web.Request) -> None:
    token = staff_token()
    if not token:
        raise web.HTTPNotFound(text="The staff console is off: set TYG_STAFF_TOKEN (16+ characters).")
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise web.HTTPUnauthorized(text="Wrong or missing staff token.")


async def _body(request: web.Request) -> dict:
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or not CONVERSATION_RE.match(str(body.get("conversation", ""))):
        raise web.HTTPBadRequest(text='expected {"conversation": "<32 hex>", ...}')
    return body


def rasa_api_headers(sender: str) -> dict:
    """A signed request for this one conversation, valid for a minute: Rasa checks it with
    the shared secret (apps/rasa_server.py), so the secret itself never travels."""
    claims = {"user": {"username": sender, "role": "user"}, "exp": int(time.time()) + API_CLAIM_SECONDS}
    signed = jwt.encode(claims, settings.get("TYG_RASA_API_TOKEN") or "", algorithm=JWT_METHOD)
    return {"Authorization": f"Bearer {signed}"}


async def _tracker(session: aiohttp.ClientSession, sender: str) -> dict:
    async with session.get(f"{rasa_url()}/conversations/{sender}/tracker", headers=rasa_api_headers(sender)) as r:
        if r.status != 200:
            raise web.HTTPBadGateway(text=f"Rasa's API answered {r.status}; is it enabled with TYG_RASA_API_TOKEN?")
        return await r.json()


def _sender(conversation: str) -> str:
    return f"staff-{conversation}"


async def say(request: web.Request) -> web.Response:
    authorised(request)
    body = await _body(request)
    text = str(body.get("text") or "")
    sender = _sender(body["conversation"])
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.post(f"{rasa_url()}/webhooks/rest/webhook",
                                json={"sender": sender, "message": text}) as r:
            if r.status != 200:
                raise web.HTTPBadGateway(text=f"the bot answered {r.status}")
            bubbles = await r.json()
        understood = latest_turn(await _tracker(session, sender))
    understood["cleaned_text"] = clean_user_text(text)
    return web.json_response({"bubbles": bubbles, "understood": understood})


async def save(request: web.Request) -> web.Response:
    authorised(request)
    body = await _body(request)
    name = " ".join(str(body.get("name") or "").split())[:120] or "Saved from the staff console"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        turns = turns_from_tracker(await _tracker(session, _sender(body["conversation"])))
    if not turns:
        raise web.HTTPBadRequest(text="Nothing to save yet: say something first.")
    try:
        path = save_script(script_for(name, turns), scripts_dir())
    except ContentError as exc:
        raise web.HTTPBadRequest(text=f"Could not save: {exc}")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return web.json_response({"saved": str(shown), "turns": len(turns)})


async def new_conversation(request: web.Request) -> web.Response:
    authorised(request)
    return web.json_response({"conversation": uuid.uuid4().hex})


def add_routes(app: web.Application, page_handler) -> None:
    app.router.add_get("/staff", page_handler)
    app.router.add_post("/staff/api/new", new_conversation)
    app.router.add_post("/staff/api/say", say)
    app.router.add_post("/staff/api/save", save)
