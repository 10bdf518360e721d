"""The staff trends page and its exports: anonymous weekly counts of what parents ask about,
rising routes flagged at the top (bot/trends.py says how). Behind the staff token, sent as
"Authorization: Bearer <token>"; without it the page answers 401 with a form for it.

    /staff/trends[?source=stmarys-newsletter]       the dashboard (HTML, charts as SVG)
    /staff/trends.json, /staff/trends.csv           the same figures

Every count from 1 to 4 is shown as "fewer than 5", in every view and export.
"""
import csv
import datetime as dt
import io
from typing import Dict, List, Optional

from aiohttp import web

from apps.staff.console import authorised
from apps.templating import render
from bot import settings
from bot import trends as rule
from bot.routing import routing
from bot.source_link import clean_source
from stores.trend_counts import TrendCounts

SHOWN_WEEKS = 26
CHART = {"width": 26 * 14, "height": 110, "bar": 10, "step": 14}  # px
SURGE_TEST = (f"A route is flagged when this week has at least {rule.MIN_SURGE} conversations, at least "
              f"{rule.RISE:g} times its average over the {rule.BASELINE_WEEKS} weeks before, and a one-sided "
              f"exact test of the two Poisson rates (this week against the {rule.BASELINE_WEEKS} before) puts the "
              f"chance of so many at under {rule.SURGE_P:g}.")


def counts() -> TrendCounts:
    return TrendCounts()


def figures(store: TrendCounts, source: Optional[str], today: Optional[dt.date] = None) -> dict:
    """Everything a view or export shows, already suppressed."""
    weeks = rule.weeks_ending(rule.iso_week(today or dt.date.today()), SHOWN_WEEKS)
    concerns = sorted(routing().concerns.items(), key=lambda kv: -kv[1].severity)
    labels = {name: concern.label[:1].upper() + concern.label[1:] for name, concern in concerns}
    found = rule.route_trends(store.by_route(source), labels, weeks)
    return {
        "demo": bool(settings.get("TYG_TRENDS_DEMO")),
        "source": source or "all",
        "sources": store.sources(),
        "weeks": weeks,
        "surge_test": SURGE_TEST,
        "routes": [{
            "route": t.route,
            "label": t.label,
            "total": rule.shown(t.total),
            "weeks": [{"week": w, "conversations": rule.shown(c)} for w, c in t.counts.items()],
            "surge": t.surge and {"this_week": t.surge.this_week, "baseline": t.surge.baseline,
                                  "p": float(f"{t.surge.p:.2g}")},
            "chart": chart(list(t.counts.values())),
        } for t in found],
    }


def chart(raw: List[int]) -> List[Dict]:
    """Bars for the SVG: a count under five is drawn as a pale bar of fixed height, so the
    chart shows no more than the table does."""
    top = max([rule.SUPPRESS_BELOW, *raw])
    bars = []
    for i, count in enumerate(raw):
        value = rule.SUPPRESS_BELOW - 1 if 0 < count < rule.SUPPRESS_BELOW else count
        height = round(value / top * (CHART["height"] - 10), 1)
        bars.append({"x": i * CHART["step"], "y": CHART["height"] - height, "height": height,
                     "small": 0 < count < rule.SUPPRESS_BELOW})
    return bars


def _source(request: web.Request) -> Optional[str]:
    raw = request.query.get("source", "")
    if raw in ("", "all"):
        return None
    source = clean_source(raw)
    if source is None:
        raise web.HTTPBadRequest(text="source: letters, digits and dashes, as in a school link")
    return source


async def page(request: web.Request) -> web.Response:
    try:
        authorised(request)
    except web.HTTPUnauthorized:
        login = render("trends_login.html", title="Trends", demo=bool(settings.get("TYG_TRENDS_DEMO")))
        return web.Response(status=401, text=login, content_type="text/html", charset="utf-8")
    data = figures(counts(), _source(request))
    return web.Response(text=render("trends.html", title="Trends", chart_size=CHART, **data),
                        content_type="text/html", charset="utf-8")


async def as_json(request: web.Request) -> web.Response:
    authorised(request)
    data = figures(counts(), _source(request))
    for route in data["routes"]:
        del route["chart"]
    return web.json_response(data)


async def as_csv(request: web.Request) -> web.Response:
    authorised(request)
    data = figures(counts(), _source(request))
    out = io.StringIO()
    if data["demo"]:
        out.write("# DEMO DATA: made up, not real conversations\n")
    writer = csv.writer(out)
    writer.writerow(["week", "route", "label", "source", "conversations", "flagged"])
    for route in data["routes"]:
        for week in route["weeks"]:
            writer.writerow([week["week"], route["route"], route["label"], data["source"],
                             week["conversations"], "yes" if route["surge"] else "no"])
    return web.Response(text=out.getvalue(), content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": 'attachment; filename="trends.csv"'})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/staff/trends", page)
    app.router.add_get("/staff/trends.json", as_json)
    app.router.add_get("/staff/trends.csv", as_csv)
