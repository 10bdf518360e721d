"""The web server's views: the pages parents and schools open (chat, schools, privacy),
the widget's files, and small JSON endpoints. Routes are in routes.py, the app in app.py."""
import asyncio
import io
import json
import re
from pathlib import Path
from typing import Callable, Dict, Optional, Tuple
from urllib.parse import urlencode, urlsplit

import segno
from aiohttp import web

from apps.paths import ROOT
from apps.templating import render
from apps.widget_bundle import widget_js
from bot import settings
from bot.catalogue import catalogue
from bot.privacy import load_notice
from bot.source_link import clean_source
from bot.topics import topics
from bot.widget_config import helpline_card, widget_config
from stores import storage
from stores.source_counts import NO_TOPIC

WEB_DIR = ROOT / "web"
SOCKET_IO_CLIENT = WEB_DIR / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"


def on_disk(path: Path) -> Callable[[], Optional[bytes]]:
    return lambda: path.read_bytes() if path.is_file() else None


STATIC: Dict[str, Tuple[Callable[[], Optional[bytes]], str]] = {  # URL path -> (its bytes, content type)
    "/widget.js": (widget_js, "text/javascript"),  # one script, from web/widget/
    "/widget.css": (on_disk(WEB_DIR / "widget.css"), "text/css"),
    "/schools.js": (on_disk(WEB_DIR / "schools.js"), "text/javascript"),
    "/staff.js": (on_disk(WEB_DIR / "staff.js"), "text/javascript"),
    "/trends.js": (on_disk(WEB_DIR / "trends.js"), "text/javascript"),
    "/vendor/socket.io.min.js": (on_disk(SOCKET_IO_CLIENT), "text/javascript"),
}  # nothing else on disk is reachable
WIDGET_ID_RE = re.compile(r"^[0-9a-f]{32}$")
PAGES = {"/": "chat.html", "/schools": "schools.html", "/staff": "staff.html"}  # path -> template


def bot_url(request: web.Request) -> str:
    """Where browsers reach Rasa: TYG_BOT_URL, else this host on the Rasa port."""
    configured = settings.get("TYG_BOT_URL")
    if configured:
        return configured
    host = urlsplit(f"//{request.host}").hostname or "localhost"
    return f"{request.scheme}://{host}:{settings.get('RASA_PORT')}"


def public_url(request: web.Request) -> str:
    """The address school links point at: TYG_PUBLIC_URL, else the address in use."""
    return (settings.get("TYG_PUBLIC_URL") or f"{request.scheme}://{request.host}").rstrip("/")


def browser_config(request: web.Request) -> dict:
    return {**widget_config(), "bot_url": bot_url(request), "public_url": public_url(request)}


def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    bot = urlsplit(bot_url(request))
    socket = f"{'wss' if bot.scheme == 'https' else 'ws'}://{bot.netloc}"
    response.headers.update({
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            f"connect-src 'self' {bot.scheme}://{bot.netloc} {socket}; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'self'"),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",  # leaving for the exit site must not say where from
        "Cache-Control": "no-store",
    })


async def page(request: web.Request) -> web.Response:
    text = render(PAGES[request.path], title=widget_config()["texts"]["title"], config=browser_config(request))
    response = web.Response(text=text, content_type="text/html", charset="utf-8")
    response.enable_compression()  # gzip when the browser accepts it
    security_headers(request, response)
    return response


async def static(request: web.Request) -> web.StreamResponse:
    read, content_type = STATIC[request.path]
    body = read()
    if body is None:
        raise web.HTTPNotFound(text=f"{request.path} is not installed; run make run")
    response = web.Response(body=body, content_type=content_type, charset="utf-8")
    response.enable_compression()  # 75 KB of page, widget and socket.io client become about 24
    response.headers["Access-Control-Allow-Origin"] = "*"  # the widget can be embedded anywhere
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def public_json(data) -> web.Response:
    response = web.json_response(data)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "no-cache"
    return response


async def config_json(request: web.Request) -> web.Response:
    return public_json(browser_config(request))


async def helplines_json(request: web.Request) -> web.Response:
    return public_json([helpline_card(line) for line in catalogue().helplines.values()])


async def visit(request: web.Request) -> web.Response:
    """Count one use of a school link: the source and topic only. A bad body is a 400; too
    many from one address, a 429 (the count is the only thing recorded, so it is kept honest)."""
    try:
        body = json.loads(await request.text())
    except ValueError:
        body = None
    source = clean_source(body.get("source")) if isinstance(body, dict) else None
    topic = body.get("topic", NO_TOPIC) if isinstance(body, dict) else None
    if source is None or not isinstance(topic, (str, type(None))):
        raise web.HTTPBadRequest(text='expected {"source": "letters-digits-dashes", "topic": "a topic"}')
    limits = request.app["limits"]
    if not limits.allow(None, limits.client_address(request.remote, request.headers.get("X-Forwarded-For"))):
        raise web.HTTPTooManyRequests(text="too many requests; try again in a minute")
    topic = topic if topic in topics() else NO_TOPIC
    try:  # a database write: off the event loop
        await asyncio.get_running_loop().run_in_executor(None, request.app["counts"].add, source, topic)
    except Exception as exc:  # a count is never worth an error on the parent's page
        print(f"visit not counted: {type(exc).__name__}", flush=True)
    response = web.Response(status=204)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


async def forget(request: web.Request) -> web.Response:
    """Delete the widget's own conversation at the parent's request. The id is the widget's
    128-bit random one, so only the browser that holds it can ask."""
    try:
        body = json.loads(await request.text())
    except ValueError:
        body = None
    conversation = body.get("id") if isinstance(body, dict) else None
    if not isinstance(conversation, str) or not WIDGET_ID_RE.match(conversation):
        raise web.HTTPBadRequest(text='expected {"id": "<the conversation id>"}')
    try:
        await asyncio.get_running_loop().run_in_executor(None, storage.delete_conversation, conversation)
    except Exception as exc:  # the widget tells the parent to try again
        print(f"forget failed: {type(exc).__name__}", flush=True)
        raise web.HTTPServiceUnavailable(text="could not delete the conversation just now") from None
    response = web.Response(status=204)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


async def privacy(request: web.Request) -> web.Response:
    title, sections = load_notice()
    response = web.Response(text=render("privacy.html", title=title, sections=sections),
                            content_type="text/html", charset="utf-8")
    security_headers(request, response)
    return response


def school_link(base: str, topic: str, source: str) -> str:
    query = {k: v for k, v in (("topic", topic), ("src", source)) if v}
    return f"{base}/" + (f"?{urlencode(query)}" if query else "")


async def qr_svg(request: web.Request) -> web.Response:
    topic = request.query.get("topic", "")
    source = request.query.get("src", "")
    if (topic and topic not in topics()) or (source and clean_source(source) != source):
        raise web.HTTPBadRequest(text="unknown topic or badly formed source")
    code = segno.make(school_link(public_url(request), topic, source), error="m")
    svg = io.BytesIO()
    code.save(svg, kind="svg", scale=6, border=4, dark="#000", light="#fff", title="QR code for the link")
    return web.Response(body=svg.getvalue(), content_type="image/svg+xml")


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})
