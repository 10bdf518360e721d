"""`make review`: the content document holds everything the bot can say and flags old
catalogue entries."""
import datetime as dt
import html
import subprocess
import sys

from bot.guidance import guidance
from bot.routing import routing
from apps.paths import ROOT
from tools.review import build
from bot.topics import topics
from bot.widget_config import widget_config


def test_review_holds_every_route_reply_and_helpline(helplines):
    page = html.unescape(build())
    g = guidance()
    for name, concern in routing().concerns.items():
        assert f'id="route-{name}"' in page
        for key in concern.helplines:
            assert helplines[key].name in page
    for reply in [*g.all_replies(), *g.extras.values()]:
        variants = [*reply.in_context.values(), *reply.answering.values(), reply.before_concern,
                    *reply.in_conversation.values()]
        for bubble in [b for bubbles in [reply.bubbles, *variants] for b in bubbles]:
            assert bubble in page, bubble[:60]
        for button in reply.buttons:
            assert button.payload in page
    assert g.possible_danger in page
    for line in helplines.helplines.values():
        for value in (line.phone, line.email, line.url):
            assert value is None or value in page
    for text in widget_config()["texts"].values():
        assert text in page
    for key in topics():
        assert f"<code>{key}</code>" in page


def test_routes_are_listed_most_serious_first():
    page = build()
    order = sorted(routing().concerns.items(), key=lambda kv: (-kv[1].severity, kv[0]))
    positions = [page.index(f'id="route-{name}"') for name, _ in order]
    assert positions == sorted(positions)
    assert order[0][1].emergency


def test_old_catalogue_entries_are_flagged(helplines):
    checked = min(line.last_checked for line in helplines.helplines.values())
    assert build(today=checked, max_age_days=90).count('<tr class="stale">') == 0
    later = checked + dt.timedelta(days=91)
    assert build(today=later, max_age_days=90).count('<tr class="stale">') == len(helplines.helplines)
    assert "checked 91 days ago (limit 90)" in build(today=later, max_age_days=90)


def test_make_review_writes_the_document(tmp_path):
    out = tmp_path / "review.html"
    run = subprocess.run([sys.executable, "-m", "tools.review", "--out", str(out), "--max-age-days", "0"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_text().startswith("<!doctype html>")
    assert f"review document: {out}" in run.stdout
