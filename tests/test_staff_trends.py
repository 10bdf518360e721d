"""The staff trends page over HTTP and in headless Chromium: concerns sent over REST and
socket.io appear in the JSON and CSV under this week, once per conversation; the token is
required; small numbers are never shown; the page passes axe at phone and desktop widths."""
import asyncio
import csv
import datetime as dt
import io
import os
import threading
import time
import uuid

import pytest
import requests

from bot.trends import SUPPRESSED, iso_week
from tests.conftest import SCREENSHOTS
from tests.test_e2e_socketio import converse
from tests.test_widget_accessibility import axe_violations, serious

GIFTS = "a man on roblox keeps sending my son robux and says not to tell me"
IMAGES = "now he is asking my son for pictures of himself"


@pytest.fixture
def web(bot):
    return f"http://127.0.0.1:{bot.web_port}"


def staff():
    return {"Authorization": f"Bearer {os.environ['TYG_STAFF_TOKEN']}"}


def rest(bot, sender, text, source):
    reply = requests.post(f"http://127.0.0.1:{bot.rasa_port}/webhooks/rest/webhook", timeout=30,
                          json={"sender": sender, "message": text, "metadata": {"source": source}})
    assert reply.status_code == 200 and reply.json()


def this_week(web, source, route):
    data = requests.get(f"{web}/staff/trends.json", params={"source": source}, headers=staff(), timeout=10).json()
    counts = {r["route"]: {w["week"]: w["conversations"] for w in r["weeks"]} for r in data["routes"]}
    return counts[route][iso_week(dt.datetime.now(dt.timezone.utc).date())]


def wait_for(web, source, route, expected, seconds=15):
    deadline = time.monotonic() + seconds
    while this_week(web, source, route) != expected and time.monotonic() < deadline:
        time.sleep(0.5)
    return this_week(web, source, route)


def on_its_own_loop(coroutine):
    """Run a coroutine to its end in a thread of its own: the browser tests' driver keeps an
    event loop running in this one for the rest of the session."""
    worker = threading.Thread(target=asyncio.run, args=(coroutine,))
    worker.start()
    worker.join(120)


def test_concerns_over_rest_and_socketio_are_counted_once_per_conversation(bot, web):
    source = f"trends-{uuid.uuid4().hex[:8]}"  # a link of its own: other tests' conversations don't count here
    for _ in range(3):  # three REST conversations, each with a second, different worry
        sender = uuid.uuid4().hex
        rest(bot, sender, GIFTS, source)
        rest(bot, sender, IMAGES, source)
    assert wait_for(web, source, "gifts_money", SUPPRESSED) == SUPPRESSED  # 3: shown as fewer than 5
    for _ in range(2):  # two over socket.io, as the widget sends them
        on_its_own_loop(converse(bot.rasa_port, [GIFTS, IMAGES], uuid.uuid4().hex, metadata={"source": source}))
    assert wait_for(web, source, "gifts_money", 5) == 5
    assert this_week(web, source, "nude_images") == 0  # the second worry never counts again
    reply = requests.get(f"{web}/staff/trends.csv", params={"source": source}, headers=staff(), timeout=10)
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert reply.headers["Content-Type"].startswith("text/csv")
    assert [r["conversations"] for r in rows if r["route"] == "gifts_money"][-1] == "5"
    assert set(rows[0]) == {"week", "route", "label", "source", "conversations", "flagged"}
    assert all(r["conversations"] not in {"1", "2", "3", "4"} for r in rows)


def test_the_page_and_both_exports_need_the_token(web):
    for path in ("/staff/trends", "/staff/trends.json", "/staff/trends.csv"):
        for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}):
            assert requests.get(web + path, headers=headers, timeout=10).status_code == 401, path
        assert requests.get(web + path, headers=staff(), timeout=10).status_code == 200, path
    assert requests.get(web + "/staff/trends.json?source=Not%20a%20source", headers=staff(), timeout=10).status_code == 400


def test_weeks_are_named_as_iso_weeks(web):
    data = requests.get(f"{web}/staff/trends.json", headers=staff(), timeout=10).json()
    assert len(data["weeks"]) == 26 and all(len(w) == 8 and w[4:6] == "-W" for w in data["weeks"])
    assert data["weeks"][-1] == iso_week(dt.date.today()) and data["demo"] is False


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)], ids=["phone-390px", "desktop-1280px"])
def test_the_dashboard_in_a_browser(new_page, width, height):
    page = new_page("/staff/trends", width=width, height=height)
    page.fill("#token", os.environ["TYG_STAFF_TOKEN"])
    page.click("text=Show the trends")
    page.locator("#rising").wait_for(timeout=10000)
    assert page.locator("svg[role=img]").count() >= 10
    table = page.locator("#route-gifts_money table")
    assert "conversations by week" in table.locator("caption").inner_text()
    assert table.locator("th").count() == 28  # a header per week, and the two row headers
    found = axe_violations(page)
    assert serious(found) == [], found
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"trends-{width}px.png"), full_page=False)


@pytest.fixture
def demo_web(tmp_path):
    """`make trends-demo` as it serves: the demo database filled, the web server on it."""
    import sys

    import sqlalchemy as sa

    from apps.paths import ROOT
    from apps.processes import spawn, stop_process
    from apps.supervisor import wait_for as ready
    from stores.trend_counts import TrendCounts
    from tests.services import free_port
    from tools.trends import demo_env, fill_demo

    fill_demo(TrendCounts(sa.create_engine(f"sqlite:///{tmp_path / 'conversations.db'}")), dt.date.today())
    port = free_port()
    env = {**demo_env(), "TYG_DATA_DIR": str(tmp_path), "WEB_PORT": str(port),
           "TYG_STAFF_TOKEN": os.environ["TYG_STAFF_TOKEN"]}
    proc = spawn([sys.executable, "-m", "apps.web"], tmp_path / "web.log", ROOT, env)
    try:
        ready(lambda: requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).ok, 60, "demo web server", alive=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(proc)


def test_the_demo_flags_its_surge_and_says_it_is_demo_data_everywhere(demo_web, new_page):
    from tools.trends import DEMO_SURGE

    data = requests.get(demo_web + "/staff/trends.json", headers=staff(), timeout=10).json()
    assert data["demo"] is True
    assert [r["route"] for r in data["routes"] if r["surge"]] == [DEMO_SURGE]  # and no week of noise
    assert data["routes"][0]["route"] == DEMO_SURGE  # flagged routes at the top
    assert "Demo data" in requests.get(demo_web + "/staff/trends", timeout=10).text  # the token form
    assert "Demo data" in requests.get(demo_web + "/staff/trends", headers=staff(), timeout=10).text
    assert requests.get(demo_web + "/staff/trends.csv", headers=staff(), timeout=10).text.startswith("# DEMO DATA")
    page = new_page(None, width=1280, height=900)
    page.goto(demo_web + "/staff/trends")
    page.fill("#token", os.environ["TYG_STAFF_TOKEN"])
    page.click("text=Show the trends")
    page.locator(".tyg-flags").wait_for(timeout=10000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "trends-demo-1280px.png"), full_page=False)
