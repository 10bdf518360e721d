"""The web server (apps/web/) over HTTP, as the browser and schools use it, and the
topic opening through both Rasa channels."""
import json
import re

import pytest
import requests

from sqlalchemy.engine import make_url

from bot.catalogue import digits
from bot.topics import topics
from bot.widget_config import widget_config
from tests.conftest import bubble_texts

pytestmark = pytest.mark.servers


def link_counts(data_dir):
    """The link counts the running web server has stored in its database."""
    from stores import storage
    from stores.source_counts import SourceCounts

    return SourceCounts(storage.engine(make_url(f"sqlite:///{data_dir / 'conversations.db'}"))).read()


@pytest.fixture
def web(bot):
    return f"http://127.0.0.1:{bot.web_port}"


def test_chat_page_carries_the_config_and_safety_headers(web, bot):
    page = requests.get(web + "/", timeout=10)
    assert page.status_code == 200
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and f"ws://127.0.0.1:{bot.rasa_port}" in csp
    assert page.headers["Referrer-Policy"] == "no-referrer"
    config = json.loads(re.search(r'id="tyg-config">(.*?)</script>', page.text, re.S).group(1))
    assert config["bot_url"] == f"http://127.0.0.1:{bot.rasa_port}"
    assert config["texts"] == widget_config()["texts"]


def test_config_json_is_public_for_embedding(web):
    reply = requests.get(web + "/api/config.json", timeout=10)
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert {t["key"] for t in reply.json()["topics"]} == set(topics())


def test_helplines_json_is_the_catalogue(web, helplines):
    served = {h["key"]: h for h in requests.get(web + "/api/helplines.json", timeout=10).json()}
    assert set(served) == set(helplines.helplines)
    for key, line in helplines.helplines.items():
        assert (served[key]["phone"], served[key]["url"]) == (line.phone, line.url)


def test_widget_files_and_the_bundled_socket_io_client_are_served(web):
    for path in ("/widget.js", "/widget.css", "/schools.js", "/vendor/socket.io.min.js"):
        reply = requests.get(web + path, timeout=10)
        assert reply.status_code == 200 and reply.content, path
    assert "socket.io" in requests.get(web + "/vendor/socket.io.min.js", timeout=10).text[:300].lower()
    assert requests.get(web + "/../Makefile", timeout=10).status_code == 404
    assert requests.get(web + "/web/widget.js", timeout=10).status_code == 404


def test_pages_and_scripts_are_compressed_for_a_parents_phone(web):
    sent = plain = 0
    for path in ("/", "/widget.js", "/widget.css", "/vendor/socket.io.min.js"):
        reply = requests.get(web + path, headers={"Accept-Encoding": "gzip"}, stream=True, timeout=10)
        assert reply.headers.get("Content-Encoding") == "gzip", path
        sent += len(reply.raw.read(decode_content=False))
        plain += len(requests.get(web + path, headers={"Accept-Encoding": "identity"}, timeout=10).content)
    assert sent < plain / 2


def test_visit_counts_only_a_source_and_topic(web, data_dir):
    for body in ("not json", json.dumps({"source": "Bad Source!"}), json.dumps(["x"]), ""):
        assert requests.post(web + "/api/visit", data=body, timeout=10).status_code == 400
    assert requests.post(web + "/api/visit", data=json.dumps({"source": "count-test", "topic": "talking"}),
                         timeout=10).status_code == 204
    requests.post(web + "/api/visit", data=json.dumps({"source": "count-test", "topic": "<b>"}), timeout=10)
    assert link_counts(data_dir)["count-test"] == {"talking": 1, "none": 1}


@pytest.mark.parametrize("body", [
    {"source": "school-a", "topic": ["gaming"]}, {"source": "school-a", "topic": {"a": 1}},
    {"source": "school-a", "topic": 7}, ["school-a"], "school-a", {"source": ["school-a"]},
])
def test_visit_refuses_a_malformed_body_with_400_not_500(web, body):
    assert requests.post(web + "/api/visit", data=json.dumps(body), timeout=10).status_code == 400


def test_visit_is_rate_limited_per_address(tmp_path):
    """In process, with the limit low and the test's own address not a trusted proxy."""
    import asyncio
    import concurrent.futures

    from aiohttp.test_utils import TestClient, TestServer

    from stores import storage
    from stores.rate_limit import RateLimits
    from stores.source_counts import SourceCounts
    from apps.web.app import make_app

    async def three_visits():
        counts = SourceCounts(storage.engine(make_url(f"sqlite:///{tmp_path / 'c.db'}")))
        app = make_app(counts, RateLimits(per_ip="2/minute", trusted_proxies=[]))
        async with TestClient(TestServer(app)) as client:
            return [(await client.post("/api/visit", data='{"source": "school-a"}')).status for _ in range(3)]

    # a thread of its own: the browser tests' Playwright keeps an event loop in this one
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, three_visits()).result(60) == [204, 204, 429]


def test_qr_code_is_an_svg_of_the_school_link(web):
    reply = requests.get(web + "/api/qr.svg", params={"topic": "gaming", "src": "st-marys"}, timeout=10)
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith("image/svg+xml")
    assert "<svg" in reply.text and "<path" in reply.text
    for bad in ({"topic": "nope"}, {"src": "Not Allowed"}, {"src": "a" * 80}):
        assert requests.get(web + "/api/qr.svg", params=bad, timeout=10).status_code == 400


def test_no_access_log_keeps_addresses_or_sources(web, bot):
    requests.get(web + "/?topic=gaming&src=log-test", timeout=10)
    log = (bot.log_dir / f"web-{bot.web_port}.log").read_text()
    assert "log-test" not in log and "127.0.0.1" not in log


@pytest.mark.parametrize("topic", sorted(topics()))
def test_every_topic_opens_on_its_guidance_over_rest(bot, topic, helplines):
    reply = requests.post(f"http://127.0.0.1:{bot.rasa_port}/webhooks/rest/webhook", timeout=30,
                          json={"sender": f"topic-{topic}", "message": "", "metadata": {"topic": topic}})
    texts = bubble_texts(reply.json())
    assert texts and digits(helplines["NSPCC"].phone) in digits(" ".join(texts))
    assert not texts[0].startswith("I'm sorry"), texts[0]


def test_metadata_cannot_smuggle_an_intent(bot):
    for metadata in ({"topic": "immediate_danger"}, {"topic": ["gaming"]}, {"intent": "gaming"}):
        reply = requests.post(f"http://127.0.0.1:{bot.rasa_port}/webhooks/rest/webhook", timeout=30,
                              json={"sender": "smuggle", "message": "", "metadata": metadata})
        assert reply.status_code == 200
        assert "999" not in bubble_texts(reply.json())[0][:80]


@pytest.mark.parametrize("body", ['{"id": "not-a-widget-id"}', "not json", '{"id": 12}', "{}"])
def test_forget_refuses_anything_but_a_widget_id(web, body):
    reply = requests.post(web + "/api/forget", data=body, headers={"Content-Type": "text/plain"}, timeout=10)
    assert reply.status_code == 400 and "expected" in reply.text


def test_forget_deletes_only_that_conversation(web, bot, data_dir):
    import secrets
    import sqlite3
    from apps.bot_client import send
    gone, kept = secrets.token_hex(16), secrets.token_hex(16)
    for sender in (gone, kept):
        send(bot.rasa_port, "my son is secretive about his phone", sender)
    reply = requests.post(web + "/api/forget", data=json.dumps({"id": gone}), timeout=10)
    assert reply.status_code == 204 and reply.headers["Access-Control-Allow-Origin"] == "*"
    with sqlite3.connect(data_dir / "conversations.db") as conn:
        count = lambda s: conn.execute("select count(*) from events where sender_id=?", (s,)).fetchone()[0]  # noqa: E731
        assert count(gone) == 0 and count(kept) > 0


def test_privacy_page_has_the_safety_headers(web):
    page = requests.get(web + "/privacy", timeout=10)
    assert page.status_code == 200 and page.headers["Referrer-Policy"] == "no-referrer"
    assert "<script" not in page.text and "days after its last message" in page.text
