"""The staff-facing tools the README promises: the evaluation run and the explain tool."""
import json
import subprocess
import sys

import pytest

from bot.tools import evaluate
from bot.tools.paths import ROOT, quiet_env

pytestmark = pytest.mark.servers


@pytest.mark.skipif(not evaluate.HARNESS.exists(), reason="the shared harness is not beside this clone")
def test_evaluation_harness_on_the_held_out_cases(bot, tmp_path):
    summary = evaluate.run_harness(evaluate.SETS["heldout"], f"http://127.0.0.1:{bot.rasa_port}", tmp_path)
    assert summary["errors"] == 0
    assert summary["emergency_recall"] == 1.0  # safety first: every emergency gets 999 first
    assert summary["routing_accuracy"] >= 0.95


def test_explain_shows_the_routing_decision(model):
    # the command staff run, in its own process (the browser tests keep an event loop running here)
    run = subprocess.run([sys.executable, "-m", "bot.tools.explain",
                          "my son is meeting a man from roblox tonight", "hello"],
                         cwd=ROOT, env=quiet_env(), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert rows[0]["routing"]["intent"] == "immediate_danger" and rows[0]["routing"]["safety_net"]
    assert rows[1]["intent"]["name"] == "greet" and ["PLATFORM", "roblox"] in rows[0]["entities"]
