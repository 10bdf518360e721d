"""The web server's app factory and entry point.

    python -m apps.web        # WEB_PORT (8080); see README "Deploying and configuring"

Privacy: no access log (it would hold addresses and link sources), and the only thing
recorded is an aggregate count per link source, in the conversation database. POST
/api/forget deletes a conversation. It never talks to Rasa itself: browsers connect to the
Rasa server directly (socket.io, REST as fallback); the staff console is the exception.
"""
from aiohttp import web

from apps.web.routes import add_routes
from bot import settings
from bot.topics import topics
from bot.widget_config import widget_config
from stores.rate_limit import RateLimits
from stores.source_counts import SourceCounts


def make_app(counts: SourceCounts = None, limits: RateLimits = None) -> web.Application:
    app = web.Application(client_max_size=16 * 1024)
    app["counts"] = counts or SourceCounts()
    app["limits"] = limits or RateLimits.from_env()
    add_routes(app)
    return app


def main() -> None:
    # bad content or settings fail here, at start-up, not on a parent's request
    try:
        widget_config(), topics(), settings.check()
    except settings.SettingError as exc:
        raise SystemExit(str(exc)) from None
    port = settings.get("WEB_PORT")
    web.run_app(make_app(), host=settings.get("WEB_HOST"), port=port,
                access_log=None, print=lambda *_: print(f"widget on http://localhost:{port}/", flush=True))
