"""Shared fixtures. Tests marked `servers` use one real bot for the whole session: the
model trained from this checkout, the action server and the Rasa server, on their own
ports (TEST_RASA_PORT, TEST_ACTION_PORT, TEST_WEB_PORT) so a bot started by `make run` is not disturbed."""
import contextlib
import os
import shutil
import secrets
import time
from pathlib import Path

import pytest
import yaml

from bot.catalogue import catalogue
from bot.content_files import CONTENT_DIR
from apps.bot_client import http_json, send
from apps.supervisor import Bot
from tests.services import free_port


@contextlib.contextmanager
def environment(**values):
    """Environment variables for servers a test starts itself, put back afterwards."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def edited_content(tmp_path, name, edit):
    """A copy of bot/content/ in tmp_path with one file's data passed through edit()."""
    shutil.copytree(CONTENT_DIR, tmp_path, dirs_exist_ok=True)
    data = yaml.safe_load((tmp_path / name).read_text())
    edit(data)
    (tmp_path / name).write_text(yaml.safe_dump(data))
    return tmp_path


@pytest.fixture(scope="session")
def helplines():
    return catalogue()


@pytest.fixture(scope="session")
def model():
    from tools.train import train

    return train()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    """Where the servers started by the tests keep their data (link counts, saved scripts),
    not var/ or bot/content/flows/; and a staff token for this run only."""
    path = tmp_path_factory.mktemp("data")
    token = os.environ.get("TYG_STAFF_TOKEN") or secrets.token_urlsafe(24)  # the console is on
    # scripts the console saves go to TYG_SCRIPTS_DIR; all three are put back afterwards
    with environment(TYG_DATA_DIR=str(path), TYG_SCRIPTS_DIR=str(path / "conversations"), TYG_STAFF_TOKEN=token):
        yield path


@pytest.fixture(scope="session")
def bot(model, data_dir):
    # a low per-address limit, so the rate-limit test need not send hundreds of messages
    # (local tools without X-Forwarded-For, like the other tests, have no address limit)
    with environment(TYG_RATE_PER_IP=os.environ.get("TYG_RATE_PER_IP", "40/minute")):
        running = Bot(model, _port("TEST_RASA_PORT"), _port("TEST_ACTION_PORT"), _port("TEST_WEB_PORT"))
        try:
            running.start()
            yield running
        finally:
            running.stop()


def _port(variable: str) -> int:
    """A port set in the environment, or a free one (tests never collide with a running bot)."""
    return int(os.environ.get(variable) or free_port())


class Chat:
    """One conversation over the REST channel."""

    def __init__(self, port: int, sender: str):
        self.port, self.sender = port, sender

    def say(self, text: str):
        return send(self.port, text, self.sender)


@pytest.fixture
def chat(bot, request):
    return Chat(bot.rasa_port, f"test-{request.node.name}-{os.getpid()}")


def tracker_events(bot, sender):
    """The conversation's events, read from the Rasa server's own API."""
    url = f"http://127.0.0.1:{bot.rasa_port}/conversations/{sender}/tracker?token={bot.api_token}"
    return http_json(url)["events"]


def bubble_texts(reply):
    """Every bubble as text, button titles and payloads included (as the harness reads them)."""
    out = []
    for m in reply:
        parts = [m.get("text") or ""]
        for b in m.get("buttons") or []:
            parts += [b.get("title", ""), b.get("payload", "")]
        out.append("\n".join(parts))
    return out


# ---- the browser: Debian's Chromium driven by Playwright (no browser download) ----
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium keeps calling Google's hosts, which this closed network refuses.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "results" / "screenshots"
STARTED = time.time()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: `make test` installs Debian's chromium"
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def new_page(browser, bot):
    """Opens pages in fresh browser contexts (own sessionStorage), closed after the test.
    bypass_csp lets the test read the page with evaluate(); the escaping under test is the
    widget's own, so the checks hold without the page's Content-Security-Policy too."""
    contexts = []

    def open_page(path="/", width=1280, height=800, **options):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      bypass_csp=True, **options)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.base = f"http://localhost:{bot.web_port}"
        if path is not None:  # None: the test sets up routes first, then opens the page
            page.goto(page.base + path)
        return page

    yield open_page
    for context in contexts:
        context.close()


def pytest_terminal_summary(terminalreporter):
    shots = sorted(p for p in SCREENSHOTS.glob("*.png") if p.stat().st_mtime >= STARTED)
    if shots:
        terminalreporter.write_line(f"screenshots of the widget: {SCREENSHOTS} "
                                    f"({', '.join(p.name for p in shots)})")


# Tiers, for `make test-fast` (unit only) and for choosing what to run. A test's tier follows
# from what it needs: the trained model, running servers, a browser, PostgreSQL or Redis, or a
# long run. Everything else is a unit test.
TIER_BY_FIXTURE = {"model": "model", "bot": "servers", "chat": "servers", "browser": "browser",
                   "new_page": "browser"}
INFRA_MODULES = {"test_lock_store", "test_replicas"}  # start PostgreSQL or Redis themselves
SLOW_MODULES = {"test_bench", "test_load", "test_faults", "test_replicas"}
TIERS = ("model", "servers", "browser", "infra", "slow")


def pytest_collection_modifyitems(items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        tiers = {TIER_BY_FIXTURE[f] for f in item.fixturenames if f in TIER_BY_FIXTURE}
        tiers |= {"infra"} if module in INFRA_MODULES or item.get_closest_marker("infra") else set()
        tiers |= {"slow"} if module in SLOW_MODULES else set()
        tiers |= {"model"} if "servers" in tiers or "browser" in tiers else set()  # they serve the model
        for tier in tiers | ({"unit"} if not tiers and not item.get_closest_marker("servers") else set()):
            item.add_marker(tier)
