"""`make bench --quick`: the benchmark runs end to end (both assistants trained or loaded,
served, measured, reported). It checks that it works; it does not judge the timings."""
import json
import subprocess
import sys

import pytest

from tools.bench.report import METRICS
from apps.paths import ROOT, quiet_env

pytestmark = pytest.mark.servers


def test_quick_benchmark_runs_and_reports_both_assistants(model, tmp_path):
    run = subprocess.run([sys.executable, "-m", "tools.bench.cli", "--quick", "--out", str(tmp_path)],
                         cwd=ROOT, env=quiet_env(), capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = json.loads((tmp_path / "bench.json").read_text())
    for side in ("stock", "ours"):
        r = results[side]
        assert r["cold_start_s"] > 0 and r["single"]["messages"] == 6
        assert r["concurrent"]["messages"] == 8 and r["rss_rasa_mb"] > 100
    assert results["ours"]["concurrent"]["lost"] == 0
    assert results["ours"]["rss_actions_mb"] > 10
    assert results["stock"]["train_full_s"] > 0
    assert (tmp_path / "bench.png").stat().st_size > 10_000
    assert "| measure | stock rasa init | Trust Your Gut | ratio | target | met |" in run.stdout
    assert len([l for l in run.stdout.splitlines() if l.startswith("| ")]) == len(METRICS) + 1


def test_profile_shows_where_the_server_s_time_goes(model, tmp_path):
    run = subprocess.run([sys.executable, "-m", "tools.profile", "--seconds", "6", "--out", str(tmp_path)],
                         cwd=ROOT, env=quiet_env(), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert (tmp_path / "rasa-server.folded").stat().st_size > 1000
    shares = [line for line in run.stdout.splitlines() if line.strip().endswith(")") and "%" in line]
    assert any("handle_message" in line for line in shares)
