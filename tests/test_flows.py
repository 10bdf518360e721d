"""Staff conversation scripts (bot/content/flows/): they are valid, they cover every route
and every button, and `make flows` plays them all against the real bot and reports."""
import re
import subprocess
import sys

import pytest

from bot.content_files import ContentError
from bot.flow_scripts import SCRIPTS_DIR, load_script, load_scripts
from bot.guidance import guidance
from bot.routing import routing
from apps.paths import ROOT, quiet_env


def test_every_script_is_valid():
    scripts = load_scripts()
    assert len(scripts) == len(list(SCRIPTS_DIR.glob("*.yaml")))
    assert len({s.name for s in scripts}) == len(scripts), "two scripts share a name"


def test_every_route_has_a_script():
    covered = {s.route for s in load_scripts()}
    assert set(routing().concerns) - covered == set()


def test_every_button_is_pressed_by_a_script():
    pressed = {title.lower() for s in load_scripts() for title in s.buttons}
    titles = {b.title.lower() for b in guidance().buttons.values()}
    assert titles - pressed == set()


@pytest.mark.parametrize("text,message", [
    ("turns: [{parent: hi}]", "name: field required"),
    ("name: x\nturns: []", "turns: must not be empty"),
    ("name: x\nturns: [{press: Go}]", "first turn can't press"),
    ("name: x\nturns: [{parent: hi, press: Go}]", "either 'parent' or 'press'"),
    ("name: x\nturns: [{parent: hi, mentions: [SAMARITANS]}]", "not a helpline"),
    ("name: x\nroute: nope\nturns: [{parent: hi}]", "not a concern"),
    ("name: x\nturns: [{parent: hi, mention: [NSPCC]}]", r"turns\[1\]\.mention: unknown field"),
    ("name: x\nturns: [{parent: hi}", "cannot read the layout near line 2"),
    ("name: x\nturns:\n  - parent: hi\n   mentions: [NSPCC]\n", "check the spaces"),
])
def test_bad_scripts_say_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ContentError, match=message):
        load_script(path)


def flows(bot, *args):
    env = quiet_env()
    env.update({"RASA_PORT": str(bot.rasa_port), "ACTION_PORT": str(bot.action_port)})
    return subprocess.run([sys.executable, "-m", "tools.flows.cli", *map(str, args)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.servers
def test_make_flows_plays_every_script_and_all_pass(bot, tmp_path):
    report = tmp_path / "report.html"
    run = flows(bot, "--report", report)
    summary = run.stdout.strip().splitlines()[-2]
    print(summary)
    assert run.returncode == 0, run.stdout + run.stderr
    n = len(load_scripts())
    assert re.fullmatch(rf"flows: {n} scripts, (\d+) checks: \1 passed, 0 failed", summary), summary
    page = report.read_text()
    assert summary in page and page.count('<section class="pass">') == n


@pytest.mark.servers
def test_a_failing_script_fails_the_run_and_the_report_says_why(bot, tmp_path, helplines):
    script = tmp_path / "wrong.yaml"
    script.write_text("name: A deliberately wrong expectation\nturns:\n"
                      "  - parent: my daughter flips her phone over when I walk in\n"
                      "    mentions: [STOP_IT_NOW]\n"
                      "  - press: No such button\n")
    report = tmp_path / "report.html"
    run = flows(bot, "--report", report, script)
    assert run.returncode == 1
    assert "flows: 1 script, 2 checks: 0 passed, 2 failed (in 1 script)" in run.stdout
    page = report.read_text()
    assert '<section class="fail">' in page and "✗ FAIL" in page
    assert f"mentions {helplines['STOP_IT_NOW'].name}: not in the reply; it named NSPCC helpline" in page
    assert "no such button so far" in page


def test_route_scripts_do_not_replay_training_examples():
    """A route script that only repeats a training example would test memory, not the bot."""
    from tests.test_nlu_data import DATA, norm

    trained = {norm(t) for _, texts in DATA.values() for t in texts}
    replayed = [s.name for s in load_scripts() if s.route and norm(s.turns[0].parent) in trained]
    assert replayed == []


def test_not_first_allows_999_later_but_not_leading(helplines):
    from tools.flows.player import check_turn
    from bot.flow_scripts import Mention, Turn

    turn = Turn(parent="should I take her phone at night?", not_first=(Mention("EMERGENCY", "EMERGENCY"),))
    later = [{"text": "Agree phone rules together."}, {"text": f"If a child is in danger now, call {helplines['EMERGENCY'].phone}."}]
    leading = [{"text": f"Call {helplines['EMERGENCY'].phone} now."}]
    assert all(c.passed for c in check_turn(turn, later, helplines))
    assert not any(c.passed for c in check_turn(turn, leading, helplines))
