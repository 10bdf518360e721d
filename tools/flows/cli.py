"""`make flows`: play every conversation script in bot/content/flows/ against the bot and
write the report (results/flows/report.html). Uses a bot already answering on RASA_PORT
(default 5005), otherwise starts one for the run. Exit code 1 if any check fails.

    python -m tools.flows [--report report.html] [script.yaml ...]
"""
import argparse
import sys
from pathlib import Path

from bot import settings
from bot.content_files import ContentError
from tools.flows.player import play
from tools.flows.report import terminal_report, write_html
from bot.flow_scripts import load_script, load_scripts
from tools.evaluate import running
from apps.paths import ROOT

REPORT = ROOT / "results" / "flows" / "report.html"


def run(port: int, paths=None, report: Path = REPORT):
    scripts = [load_script(Path(p).resolve()) for p in paths] if paths else load_scripts()
    results = [play(s, port) for s in scripts]
    write_html(results, report)
    return results


def main(argv) -> int:
    parser = argparse.ArgumentParser(description="Play the conversation scripts against the bot.")
    parser.add_argument("scripts", nargs="*", help="script files (default: all in bot/content/flows/)")
    parser.add_argument("--report", type=Path, default=REPORT, help=f"HTML report (default {REPORT})")
    args = parser.parse_args(argv)
    port = settings.get("RASA_PORT")
    bot = None
    try:
        if not running(port):
            from apps.supervisor import Bot
            from tools.train import train

            print(f"no bot on port {port}; starting one for this run", flush=True)
            bot = Bot(train(), port, settings.get("ACTION_PORT")).start()
        results = run(port, args.scripts, args.report)
    except ContentError as exc:
        print(f"a script is not valid: {exc}", file=sys.stderr)
        return 2
    finally:
        if bot:
            bot.stop()
    print(terminal_report(results))
    print(f"report: {args.report}")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
