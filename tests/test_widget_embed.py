"""The widget off its own page: embedded on a school's site with one script tag, falling
back to REST when socket.io can't be used, and the schools page that builds the links."""
import functools
import http.server
import re
import threading

import pytest

from tests.test_widget_browser import CONCERN, bot_bubbles, send, wait_for_reply

pytestmark = pytest.mark.servers



@pytest.fixture
def school_site(tmp_path):
    """A real site on another origin (its own loopback server), for the embed snippet."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_one_script_tag_embeds_the_widget_on_another_site(new_page, bot, school_site):
    folder, origin = school_site
    page = new_page(None)
    snippet = (f'<script src="{page.base}/widget.js" data-bot-url="http://localhost:{bot.rasa_port}" '
               'data-topic="talking" data-source="embed-test" async></script>')
    (folder / "news.html").write_text(
        f'<!doctype html><html lang="en"><title>School news</title><h1>News</h1>{snippet}')
    page.goto(origin + "/news.html")
    wait_for_reply(page)
    assert page.locator(".tyg-embed .tyg-topic").inner_text().endswith("online life")
    send(page, CONCERN)
    assert page.locator(".tyg-embed .tyg-bot a[href='tel:08088005000']").count() >= 1
    assert page.locator(".tyg-embed .tyg-exit").is_visible()
    assert page.errors == []


def test_esc_on_the_schools_own_page_stays_there_and_esc_in_the_widget_leaves(new_page, bot, school_site):
    folder, origin = school_site
    page = new_page(None)
    snippet = f'<script src="{page.base}/widget.js" data-bot-url="http://localhost:{bot.rasa_port}" async></script>'
    (folder / "search.html").write_text(
        f'<!doctype html><html lang="en"><title>School</title><input id="site-search" aria-label="Search">{snippet}')
    page.goto(origin + "/search.html")
    page.wait_for_selector(".tyg-embed .tyg-input")
    page.fill("#site-search", "term dates")
    page.press("#site-search", "Escape")
    page.wait_for_timeout(300)
    assert page.url == origin + "/search.html" and page.locator(".tyg-embed").count() == 1
    exit_url = page.evaluate("window.tygWidget.config.exit_url")
    page.route(exit_url + "**", lambda route: route.fulfill(status=200, content_type="text/html", body="<p>ok</p>"))
    page.press(".tyg-embed .tyg-input", "Escape")
    page.wait_for_url(exit_url + "**")


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
def test_the_schools_page_opens_on_its_heading_not_a_blank_screen(new_page, width, height):
    page = new_page("/schools", width=width, height=height)
    page.wait_for_function("document.getElementById('schools-title').textContent.length > 0")
    top = page.evaluate("document.getElementById('schools-title').getBoundingClientRect().bottom")
    assert 0 < top <= height, f"the heading starts {top}px down a {height}px window"


def test_rest_is_used_when_socket_io_cannot_load(new_page):
    page = new_page(None)
    sockets = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.route("**/vendor/socket.io.min.js", lambda route: route.abort())
    page.goto(page.base + "/")
    send(page, CONCERN)
    assert "0808 800 5000" in " ".join(bot_bubbles(page).all_inner_texts())
    assert sockets == []
    page.reload()  # the REST conversation is kept across a reload too
    page.wait_for_selector(".tyg-bot")
    assert page.locator(".tyg-user").count() == 1


def test_schools_page_builds_the_link_the_qr_code_and_the_snippet(new_page):
    page = new_page("/schools")
    page.select_option("#topic", "gaming")
    page.fill("#source", "stmarys-newsletter")
    link = page.locator("#link")
    assert link.inner_text() == f"{page.base}/?topic=gaming&src=stmarys-newsletter"
    page.wait_for_function("document.getElementById('qr').complete")
    assert page.evaluate("document.getElementById('qr').naturalWidth") > 100
    snippet = page.input_value("#embed")
    assert re.search(r'data-topic="gaming" data-source="stmarys-newsletter"', snippet)
    page.fill("#source", "St Mary's!")
    assert page.locator("#source-error").inner_text()
    assert "src=" not in page.locator("#link").inner_text()
    # the built link really opens on the topic
    page.fill("#source", "qr-test")
    page.goto(page.locator("#link").get_attribute("href"))
    wait_for_reply(page)
    assert page.locator(".tyg-topic").is_visible()
