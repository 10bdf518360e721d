"""Every URL the web server answers, and its view. Anything not listed is a 404."""
from aiohttp import web

from apps.staff import console as staff_console
from apps.staff import trends as staff_trends
from apps.web import views


def add_routes(app: web.Application) -> None:
    for path in views.PAGES:
        if path != "/staff":  # the console adds its own page, only when it is switched on
            app.router.add_get(path, views.page)
    staff_console.add_routes(app, views.page)
    staff_trends.add_routes(app)
    for path in views.STATIC:
        app.router.add_get(path, views.static)
    app.router.add_get("/privacy", views.privacy)
    app.router.add_get("/api/config.json", views.config_json)
    app.router.add_get("/api/helplines.json", views.helplines_json)
    app.router.add_post("/api/visit", views.visit)
    app.router.add_post("/api/forget", views.forget)
    app.router.add_get("/api/qr.svg", views.qr_svg)
    app.router.add_get("/healthz", views.health)
    app.router.add_get("/favicon.ico", lambda request: web.Response(status=204))
