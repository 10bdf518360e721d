"""The staff-facing tools the README promises: the evaluation run and the explain tool."""
import json
import subprocess
import sys

import pytest

from tools import evaluate
from apps.paths import ROOT, quiet_env

pytestmark = pytest.mark.servers


@pytest.mark.skipif(not (evaluate.HARNESS_DIR / "run_eval.py").exists(), reason="the shared harness is not beside this clone")
def test_evaluation_harness_on_the_held_out_cases(bot, tmp_path):
    summary = evaluate.run_single(evaluate.SETS["heldout"], f"http://127.0.0.1:{bot.rasa_port}", tmp_path)
    assert summary["errors"] == 0
    assert summary["emergency_recall"] == 1.0  # safety first: every emergency gets 999 first
    assert summary["routing_accuracy"] >= 0.95


def test_explain_shows_the_routing_decision(model):
    # the command staff run, in its own process (the browser tests keep an event loop running here)
    run = subprocess.run([sys.executable, "-m", "tools.explain",
                          "my son is meeting a man from roblox tonight", "hello"],
                         cwd=ROOT, env=quiet_env(), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert rows[0]["routing"]["intent"] == "immediate_danger" and rows[0]["routing"]["safety_net"]
    assert rows[1]["intent"]["name"] == "greet" and ["PLATFORM", "roblox"] in rows[0]["entities"]


def test_secrets_come_from_an_untracked_file_and_the_environment_wins(tmp_path, monkeypatch):
    from apps.supervisor import load_secrets
    secrets_file = tmp_path / "secrets.env"
    secrets_file.write_text("# staff\nTYG_STAFF_TOKEN='from-the-file-123456'\nTYG_REDIS_PASSWORD=file\n")
    monkeypatch.delenv("TYG_STAFF_TOKEN", raising=False)
    monkeypatch.setenv("TYG_REDIS_PASSWORD", "from-the-environment")
    monkeypatch.setenv("TYG_SECRETS_FILE", str(secrets_file))
    load_secrets()
    import os
    assert os.environ["TYG_STAFF_TOKEN"] == "from-the-file-123456"
    assert os.environ["TYG_REDIS_PASSWORD"] == "from-the-environment"
    monkeypatch.delenv("TYG_STAFF_TOKEN")  # what load_secrets set is not monkeypatch's to undo


def test_endpoints_keep_passwords_in_the_environment(monkeypatch):
    from apps.supervisor import endpoints_yaml
    monkeypatch.setenv("TYG_REDIS_URL", "redis://cache.internal:6380/2")
    monkeypatch.setenv("TYG_REDIS_PASSWORD", "s3cret-value")
    text = endpoints_yaml(5055)
    assert "PrivateTrackerStore" in text and "url: cache.internal" in text and "port: 6380" in text
    assert "db: 2" in text and "${TYG_REDIS_PASSWORD}" in text and "s3cret-value" not in text
    assert "type: rasa_ext.lock_store.AtomicRedisLockStore" in text


def test_general_questions_answered_with_the_police_route_first_are_counted(tmp_path):
    cases = tmp_path / "cases.yaml"
    cases.write_text(json.dumps([
        {"id": "settings", "text": "a", "required": []},
        {"id": "screen-time", "text": "b"},
        {"id": "contact", "text": "c", "required": [["101", "CEOP"]]},
        {"id": "danger", "text": "d", "emergency": True},
    ]))  # JSON is YAML
    rows = [{"id": "settings", "order": ["CEOP", "NSPCC"]}, {"id": "screen-time", "order": ["NSPCC"]},
            {"id": "contact", "order": ["101", "CEOP"]}, {"id": "danger", "order": ["999", "101"]}]
    # of the two that need no helpline, one was sent down the police route
    assert evaluate.police_first_unneeded(cases, rows) == 0.5
    assert evaluate.police_first_unneeded(cases, rows[2:]) == 0.0


def test_sets_are_printed_side_by_side():
    rows = {"real": {"cases": 3, "routing_accuracy": 0.5, "by_category": {"sextortion": "1/2"}},
            "blind2": {"cases": 4, "routing_accuracy": 1.0, "by_category": {"gaming": "4/4"}}}
    head, cases, right = evaluate.table(rows).splitlines()[:3]
    assert head.split() == ["real", "blind2"] and cases.split()[-2:] == ["3", "4"]
    assert right.split()[-2:] == ["0.5", "1.0"]
    cats = evaluate.by_category(rows).splitlines()
    assert cats[1].split() == ["gaming", "-", "4/4"] and cats[2].split() == ["sextortion", "1/2", "-"]


@pytest.mark.skipif(not (evaluate.HARNESS_DIR / "run_multiturn.py").exists(), reason="the shared harness is not beside this clone")
def test_the_conversation_set_is_played_turn_by_turn(bot, tmp_path):
    summary = evaluate.run_conversations(evaluate.CONVERSATIONS["multi"], f"http://127.0.0.1:{bot.rasa_port}", tmp_path)
    assert summary["conversations"] >= 40 and summary["errors"] == 0
    assert summary["turns"] > summary["conversations"]
