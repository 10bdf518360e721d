"""The chat widget in real headless Chromium, against the real web, Rasa and action servers:
what a parent on a phone or a desktop actually sees and can do."""
import re
import time

import pytest

from bot.catalogue import digits
from bot.widget_config import widget_config
from tests.test_web_server import link_counts

pytestmark = pytest.mark.servers

EXIT_URL = widget_config()["exit_url"]
CONCERN = "A man on Roblox keeps sending my son Robux and telling him to keep it secret"
EMERGENCY = "a man from online is outside the school waiting for my daughter right now"


def bot_bubbles(page):
    return page.locator(".tyg-bot")


def send(page, text):
    before = bot_bubbles(page).count()
    page.fill("#tyg-input", text)
    page.keyboard.press("Enter")
    wait_for_reply(page, before)


def wait_for_reply(page, before=0):
    """Waits until the bot has answered and gone quiet (its reply may be several bubbles)."""
    page.wait_for_function(f"document.querySelectorAll('.tyg-bot').length > {before}", timeout=15000)
    page.wait_for_function("document.querySelector('.tyg-status').textContent === ''", timeout=15000)


def transcript(page):
    return page.eval_on_selector_all(".tyg-msg", "els => els.map(e => e.className + '|' + e.innerText)")


def test_parent_sends_a_concern_and_gets_helplines_with_working_tel_links(new_page, helplines):
    page = new_page("/")
    send(page, CONCERN)
    links = page.eval_on_selector_all(".tyg-bot a[href^='tel:']",
                                      "els => els.map(a => [a.getAttribute('href'), a.textContent])")
    assert links, "no clickable number in the reply"
    for href, text in links:
        assert href == "tel:" + digits(text), (href, text)
        assert digits(text) in helplines.known_numbers()
    assert ["tel:" + digits(helplines["NSPCC"].phone), helplines["NSPCC"].phone] in links
    # the parent's own words are shown back as their message
    assert page.locator(".tyg-user").first.inner_text().endswith(CONCERN)
    assert page.errors == []


def test_emergency_puts_999_in_the_first_bubble(new_page, helplines):
    page = new_page("/")
    send(page, EMERGENCY)
    first = bot_bubbles(page).first
    assert first.locator("a[href='tel:999']").count() == 1
    assert first.inner_text().index(helplines["EMERGENCY"].phone) < 40


def test_reload_keeps_the_conversation_without_repeats(new_page):
    page = new_page("/")
    send(page, CONCERN)
    before = transcript(page)
    session = page.evaluate("JSON.parse(sessionStorage.getItem('tyg.chat.v1')).id")
    page.reload()
    page.wait_for_selector(".tyg-bot")
    time.sleep(1)  # anything shown twice would have arrived by now
    assert transcript(page) == before
    assert page.evaluate("JSON.parse(sessionStorage.getItem('tyg.chat.v1')).id") == session
    assert re.fullmatch(r"[0-9a-f]{32}", session)
    # the same conversation goes on: a follow-up button from before the reload still works
    count = bot_bubbles(page).count()
    page.get_by_role("button", name="Keeping evidence safely").first.click()
    wait_for_reply(page, count)
    assert "screenshot" in bot_bubbles(page).nth(count).inner_text().lower()
    assert len(transcript(page)) > len(before)


def test_short_network_drop_loses_nothing(new_page):
    page = new_page(None)
    network = {"down": False, "sockets": []}

    def socket_route(ws):  # a real pass-through to Rasa, which the test can cut
        if network["down"]:
            ws.close()
            return
        ws.connect_to_server()
        network["sockets"].append(ws)

    page.route_web_socket(re.compile(".*/socket.io/.*"), socket_route)
    page.route(re.compile(".*/webhooks/rest/webhook"),
               lambda route: route.abort() if network["down"] else route.continue_())
    page.goto(page.base + "/")
    send(page, "hello")
    network["down"] = True
    for ws in network["sockets"]:
        ws.close()
    page.wait_for_function("document.querySelector('.tyg-status').textContent !== ''")
    page.fill("#tyg-input", CONCERN)
    page.keyboard.press("Enter")
    time.sleep(3.5)  # the widget has tried REST too by now
    network["down"] = False
    wait_for_reply(page, bot_bubbles(page).count())
    time.sleep(1.5)
    texts = [t.split("|", 1)[1] for t in transcript(page)]
    assert sum(CONCERN in t for t in texts) == 1
    bot_texts = [t for t in transcript(page) if "tyg-bot" in t]
    assert len(bot_texts) == len(set(bot_texts)), "a reply was shown twice"
    assert any("0808 800 5000" in t for t in bot_texts[1:])


def test_escape_key_leaves_for_the_neutral_site_and_forgets_the_chat(new_page, bot):
    page = new_page("/")
    page.route(EXIT_URL + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><p>Sunny</p>"))
    send(page, CONCERN)
    page.keyboard.press("Escape")
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Weather"
    # coming back in the same tab shows an empty chat, not what the parent wrote
    page.goto(f"http://localhost:{bot.web_port}/")
    page.wait_for_selector(".tyg-log")
    assert page.locator(".tyg-msg").count() == 0


def test_exit_button_is_always_on_screen_and_leaves(new_page):
    page = new_page("/", width=320, height=640)
    page.route(EXIT_URL + "**", lambda route: route.fulfill(status=200, body="weather"))
    send(page, CONCERN)
    send(page, "How do I keep evidence safely?")
    page.mouse.wheel(0, 5000)
    time.sleep(0.3)
    for selector in (".tyg-exit", ".tyg-danger a[href='tel:999']"):
        box = page.locator(selector).bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 640, selector
    page.locator(".tyg-exit").click()
    page.wait_for_url(EXIT_URL)


def test_a_school_link_opens_on_its_topic_and_only_counts_the_source(new_page, data_dir):
    page = new_page("/?topic=gaming&src=st-marys-test")
    wait_for_reply(page)
    assert page.locator(".tyg-topic").inner_text().endswith("Online gaming")
    first = bot_bubbles(page).first.inner_text()
    assert "game" in first.lower() and "0808 800 5000" in first
    assert page.locator(".tyg-user").count() == 0  # the topic is not shown as if the parent typed it
    assert link_counts(data_dir)["st-marys-test"] == {"gaming": 1}
    page.reload()
    wait_for_reply(page)
    assert bot_bubbles(page).count() == 2  # not opened a second time
    assert link_counts(data_dir)["st-marys-test"] == {"gaming": 1}  # one conversation, one count


def test_unknown_topic_opens_an_ordinary_chat(new_page):
    page = new_page("/?topic=<script>&src=x")
    page.wait_for_selector(".tyg-log")
    time.sleep(1)
    assert page.locator(".tyg-msg").count() == 0
    assert page.locator(".tyg-topic").is_hidden()


def test_html_in_a_message_is_shown_as_text_and_never_runs(new_page):
    page = new_page("/")
    attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> is this safe?'
    send(page, attack)
    assert page.locator(".tyg-user").first.inner_text().endswith(attack)
    assert page.locator(".tyg-log img, .tyg-log script").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_bot_stopped_mid_chat_shows_the_helplines(new_page, bot, helplines):
    page = new_page("/")
    send(page, "hello")
    bot.stop_rasa()
    try:
        page.fill("#tyg-input", CONCERN)
        page.keyboard.press("Enter")
        # while waiting, the widget says the bot is typing
        assert page.locator(".tyg-status").inner_text() == widget_config()["texts"]["typing"] + "…"
        note = page.locator(".tyg-note")
        note.wait_for(timeout=widget_config()["no_answer_ms"] + 8000)
        hrefs = note.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
        assert hrefs[0] == "tel:" + helplines["EMERGENCY"].phone
        assert "tel:" + digits(helplines["NSPCC"].phone) in hrefs
        assert helplines["CEOP"].url in hrefs
        # the helplines come from the catalogue the project serves as JSON
        served = {h["key"]: h for h in page.evaluate(
            "fetch('/api/helplines.json').then(r => r.json())")}
        assert served["NSPCC"]["phone"] == helplines["NSPCC"].phone
    finally:
        bot.start_rasa()


def test_privacy_notice_is_linked_and_says_what_is_kept(new_page, helplines):
    page = new_page("/")
    link = page.locator(".tyg-privacy-link")
    assert link.get_attribute("href").endswith("/privacy")
    notice = new_page("/privacy")
    text = notice.locator("main").inner_text()
    for words in ("What we keep", "30 days after its last message", "Who can see it", "[phone]",
                  helplines["EMERGENCY"].phone):
        assert words in text
    assert notice.errors == []


def test_parent_deletes_the_conversation(new_page, bot, data_dir):
    import sqlite3
    page = new_page("/")
    send(page, CONCERN)
    old_id = page.evaluate("JSON.parse(sessionStorage.getItem('tyg.chat.v1')).id")

    def stored(sender):
        with sqlite3.connect(data_dir / "conversations.db") as conn:
            return conn.execute("select count(*) from events where sender_id=?", (sender,)).fetchone()[0]
    assert stored(old_id) > 0
    page.click(".tyg-delete")  # the first press only asks to be sure
    assert page.locator(".tyg-delete").inner_text() == widget_config()["texts"]["delete_confirm"]
    assert stored(old_id) > 0
    page.click(".tyg-delete")
    page.wait_for_function("document.querySelector('.tyg-status').textContent !== ''", timeout=10000)
    assert page.locator(".tyg-status").inner_text() == widget_config()["texts"]["deleted_note"]
    assert stored(old_id) == 0
    assert page.locator(".tyg-msg").count() == 0
    new_id = page.evaluate("JSON.parse(sessionStorage.getItem('tyg.chat.v1')).id")
    assert new_id != old_id
    send(page, "thanks")  # and the chat carries on, as a new conversation
    assert stored(new_id) > 0
