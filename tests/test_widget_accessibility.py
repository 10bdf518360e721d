"""WCAG 2.2 AA checks of the widget and the schools page in headless Chromium: axe-core (from
the npm registry) finds no serious or critical violation, keyboard-only use works with a
visible focus, and a 320 px phone or 200% zoom needs no horizontal scrolling. Saves the
phone and desktop screenshots under results/screenshots/."""
import time

import pytest

from tests.conftest import SCREENSHOTS
from tests.test_widget_browser import CONCERN, bot_bubbles, send, wait_for_reply

pytestmark = pytest.mark.servers

AXE = "web/node_modules/axe-core/axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page):
    page.add_script_tag(path=AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    assert result["passes"], "axe checked nothing"
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def serious(violations):
    return [v for v in violations if v[1] in ("serious", "critical")]


def chat_with_buttons(page):
    send(page, CONCERN)
    return page


def test_chat_page_has_no_serious_accessibility_violations(new_page):
    page = chat_with_buttons(new_page("/"))
    found = axe_violations(page)
    assert serious(found) == [], found
    print("axe on the chat page:", found or "no violations")


def test_helplines_fallback_has_no_serious_accessibility_violations(new_page):
    page = new_page(None)
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.route_web_socket("**/socket.io/**", lambda ws: ws.close())
    page.goto(page.base + "/")
    page.fill("#tyg-input", CONCERN)
    page.keyboard.press("Enter")
    page.locator(".tyg-note").wait_for(timeout=15000)
    assert serious(axe_violations(page)) == []


def test_schools_page_has_no_serious_accessibility_violations(new_page):
    page = new_page("/schools")
    page.fill("#source", "stmarys-newsletter")
    assert serious(axe_violations(page)) == []


@pytest.mark.parametrize("width,height", [(320, 640), (640, 360)], ids=["phone-320px", "zoom-200pc"])
def test_no_horizontal_scrolling_on_a_small_phone_or_at_200_percent_zoom(new_page, width, height):
    # 200% zoom of a 1280x720 window lays the page out at 640x360 CSS pixels
    page = chat_with_buttons(new_page("/?topic=settings", width=width, height=height))
    wait_for_reply(page)
    send(page, "https://example.invalid/" + "averyveryverylongunbrokenword" * 8)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scrolling at {width}px"
    for selector in (".tyg-exit", ".tyg-danger", "#tyg-input", ".tyg-send", ".tyg-choice"):
        box = page.locator(selector).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, selector


def test_keyboard_only_use_with_visible_focus(new_page):
    page = new_page("/")
    page.keyboard.press("Tab")  # the first stop is the 999 link, then the exit control
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:999"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "tyg-exit"
    focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring != "none", "no visible focus on the exit control"
    while page.evaluate("document.activeElement.id") != "tyg-input":
        page.keyboard.press("Tab")
    page.keyboard.type(CONCERN)
    page.keyboard.press("Enter")
    wait_for_reply(page)
    count = bot_bubbles(page).count()
    # tab to the first suggested reply and press it with the keyboard
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('tyg-choice')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('tyg-choice')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    wait_for_reply(page, count)
    assert bot_bubbles(page).count() > count


def test_new_messages_are_announced(new_page):
    page = new_page("/")
    log = page.locator(".tyg-log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    assert page.locator(".tyg-status").get_attribute("role") == "status"
    assert page.locator("label[for='tyg-input']").inner_text()
    send(page, CONCERN)
    assert page.locator(".tyg-bot .tyg-visually-hidden").first.inner_text().strip()


@pytest.mark.parametrize("name,width,height", [("phone", 390, 844), ("desktop", 1280, 800)])
def test_screenshots_of_phone_and_desktop_layouts(new_page, name, width, height):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page("/?topic=gaming", width=width, height=height)
    wait_for_reply(page)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-opened-on-a-topic.png"))
    send(page, CONCERN)
    time.sleep(0.5)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-concern-answered.png"))
    schools = new_page("/schools", width=width, height=height)
    schools.fill("#source", "stmarys-newsletter")
    schools.wait_for_function("document.getElementById('qr').complete")
    schools.screenshot(path=str(SCREENSHOTS / f"{name}-schools-page.png"), full_page=True)
    for shot in ("opened-on-a-topic", "concern-answered", "schools-page"):
        assert (SCREENSHOTS / f"{name}-{shot}.png").stat().st_size > 5000
