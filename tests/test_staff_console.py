"""The staff console in headless Chromium against the real bot: token-protected, shows what
the bot understood beside each reply, and saves a conversation as a script that replays."""
import os

import pytest
import requests

from tools.flows.player import play
from bot.flow_scripts import load_script
from bot.routing import routing
from apps.staff.console import staff_token

pytestmark = pytest.mark.servers

EMERGENCY = "my daughter has gone to meet a man from snapchat right now"
CONCERN = "a man on Roblox keeps sending my son Robux and says to keep it secret"


def open_console(new_page):
    page = new_page("/staff")
    page.fill("#token", os.environ["TYG_STAFF_TOKEN"])
    page.get_by_role("button", name="Open the console").click()
    page.locator("#console").wait_for()
    return page


def say(page, text):
    before = page.locator(".staff-turn").count()
    page.fill("#text", text)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.staff-turn').length > {before}", timeout=30000)
    return page.locator(".staff-turn").nth(before)


def test_the_console_needs_the_token(bot, new_page):
    web = f"http://127.0.0.1:{bot.web_port}"
    for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"},
                    {"Authorization": os.environ["TYG_STAFF_TOKEN"]}):
        assert requests.post(web + "/staff/api/new", headers=headers, timeout=10).status_code == 401
    page = new_page("/staff")
    page.fill("#token", "not-the-token-at-all")
    page.get_by_role("button", name="Open the console").click()
    # the error line is visible while empty (it keeps its height): wait for the refusal's text
    page.wait_for_function("document.getElementById('login-error').textContent.length > 0", timeout=10000)
    assert "token" in page.locator("#login-error").inner_text().lower()
    assert page.locator("#console").is_hidden()


def test_the_console_is_off_without_a_long_enough_token(monkeypatch):
    for value in ("", "short"):
        monkeypatch.setenv("TYG_STAFF_TOKEN", value)
        assert staff_token() == ""


def test_beside_each_reply_staff_see_what_the_bot_understood(new_page):
    page = open_console(new_page)
    turn = say(page, EMERGENCY)
    panel = turn.locator(".staff-understood").inner_text()
    assert "a child in danger now (intent immediate_danger" in panel
    assert "FIRED" in panel  # the safety net
    assert "PLATFORM: snapchat" in panel
    assert "a rule, RulePolicy" in panel
    assert "999" in turn.locator(".staff-replies").inner_text()
    calm = say(page, "my daughter keeps her phone face down when I walk in")
    panel = calm.locator(".staff-understood").inner_text()
    assert "did not fire" in panel and "Runner-ups" in panel
    assert "action_tailor_reply" in panel


def test_one_click_saves_the_conversation_as_a_script_that_replays(new_page, bot, data_dir):
    page = open_console(new_page)
    say(page, CONCERN)
    page.locator(".tyg-choice", has_text="Keeping evidence safely").first.click()
    page.wait_for_function("document.querySelectorAll('.staff-turn').length === 2", timeout=30000)
    page.fill("#script-name", "Robux from a stranger, then evidence")
    page.get_by_role("button", name="Save as conversation script").click()
    page.wait_for_function("document.getElementById('saved').textContent.startsWith('Saved as')")
    saved = sorted((data_dir / "conversations").glob("robux-from-a-stranger-then-evidence-*.yaml"))
    assert len(saved) == 1
    script = load_script(saved[0])
    assert script.name == "Robux from a stranger, then evidence"
    assert script.turns[0].parent == CONCERN and script.turns[1].press == "Keeping evidence safely"
    # the saved script names the helplines in the order the reply did: the route's own first
    assert [m.helpline for m in script.turns[0].mentions][:1] == [routing().helplines_for("gifts_money")[0]]
    result = play(script, bot.rasa_port)
    assert result.passed, [(c.what, c.reason) for c in result.checks if not c.passed]
    assert len(result.checks) >= 3


def test_the_rasa_api_token_is_not_in_the_process_list(bot):
    """Every user of the machine can read a process's argv: the token goes by the environment."""
    assert bot.api_token
    cmdline = open(f"/proc/{bot.rasa.pid}/cmdline", "rb").read().decode("utf-8", "replace")
    assert "apps.rasa_server" in cmdline and bot.api_token not in cmdline


def test_the_console_signs_each_tracker_request_for_its_one_conversation(bot, monkeypatch):
    """The secret never travels: each request is signed (JWT) for one conversation, briefly."""
    import jwt
    import requests

    from apps.staff.console import rasa_api_headers

    monkeypatch.setenv("TYG_RASA_API_TOKEN", bot.api_token)
    url = f"http://127.0.0.1:{bot.rasa_port}/conversations/%s/tracker"
    headers = rasa_api_headers("staff-abc")
    assert bot.api_token not in headers["Authorization"]
    assert requests.get(url % "staff-abc", headers=headers, timeout=10).status_code == 200
    assert requests.get(url % "someone-else", headers=headers, timeout=10).status_code == 403
    assert requests.get(url % "staff-abc", timeout=10).status_code == 401
    forged = jwt.encode({"user": {"username": "staff-abc", "role": "admin"}}, "not-the-secret-not-the-secret",
                        algorithm="HS256")
    assert requests.get(url % "staff-abc", headers={"Authorization": f"Bearer {forged}"},
                        timeout=10).status_code == 401
