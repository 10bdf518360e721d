"""`make eval`: run the shared black-box harness against the bot, on the shared sample and
on the project's own held-out cases (tests/eval/, never used for training).

Uses a bot already answering on EVAL_URL (default http://localhost:5005); otherwise starts
one for the run and stops it afterwards. Results go to results/eval/<set>/.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from bot.tools.paths import ROOT
from bot.tools.serve import Bot, send

HARNESS = ROOT.parent / "shared" / "eval" / "run_eval.py"
SETS = {
    "sample": ROOT.parent / "shared" / "eval" / "sample_cases.yaml",
    "heldout": ROOT / "tests" / "eval" / "heldout_cases.yaml",
    "dev": ROOT / "tests" / "eval" / "dev_cases.yaml",  # harder cases, used for tuning
    "blind": ROOT / "tests" / "eval" / "blind_cases.yaml",  # written last; see README
}


def running(port: int) -> bool:
    try:
        return bool(send(port, "hello", timeout=10))
    except Exception:
        return False


def run_harness(cases: Path, url: str, out: Path) -> dict:
    subprocess.run([sys.executable, str(HARNESS), str(cases), "--url", url, "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return json.loads((out / "summary.json").read_text())


def main() -> int:
    if not HARNESS.exists():
        print(f"harness not found at {HARNESS}", file=sys.stderr)
        return 2
    port = int(os.environ.get("RASA_PORT", 5005))
    url = os.environ.get("EVAL_URL", f"http://localhost:{port}")
    bot = None
    if not running(port):
        from bot.tools.train import train

        bot = Bot(train(), port, int(os.environ.get("ACTION_PORT", 5055))).start()
    try:
        for name, cases in SETS.items():
            if not cases.exists():
                continue
            s = run_harness(cases, url, ROOT / "results" / "eval" / name)
            print(f"{name:8s} cases={s['cases']} routing_accuracy={s['routing_accuracy']} "
                  f"emergency_recall={s['emergency_recall']} false_alarm={s['false_alarm_rate']} "
                  f"fallback_rate={s['fallback_rate_in_scope']} misroute={s['misroute_rate']} "
                  f"errors={s['errors']} p95_ms={s['latency_p95_ms']}")
            print("         by category: " + ", ".join(f"{k} {v}" for k, v in s["by_category"].items()))
    finally:
        if bot:
            bot.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
