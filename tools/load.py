"""`make load`: 200 five-turn conversations, 20 and then 50 at a time, over REST and over
socket.io, against the bot started here as `make run` starts it (SQLite tracker store in a
temporary data folder). Prints lost / wrong / no-helpline counts, p50/p95/p99 latency and
throughput, and writes results/load/load.json.

    python -m tools.load                         # the full run (about 8 minutes)
    python -m tools.load --conversations 20 --concurrency 10
    python -m tools.load --port 5005             # against a bot that is already running
"""
import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tools.bench.load import run_all, table
from apps.paths import ROOT

OUT = ROOT / "results" / "load"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Load test of the running bot")
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--port", type=int, help="a running bot's Rasa port (default: start one)")
    parser.add_argument("--out", type=Path, default=OUT, help="where load.json goes")
    args = parser.parse_args(argv)
    say = lambda s: print(s, flush=True)  # noqa: E731
    bot = None
    port = args.port
    if port is None:
        from apps.supervisor import Bot
        from tools.train import train
        os.environ["TYG_DATA_DIR"] = tempfile.mkdtemp(prefix="tyg-load-")
        bot = Bot(train(), rasa_port=5705, action_port=5755)
        say("starting the bot ...")
        bot.start()
        port = bot.rasa_port
    try:
        began = time.time()
        results = run_all(port, args.conversations, args.concurrency, progress=say)
    finally:
        if bot:
            bot.stop()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "load.json").write_text(json.dumps({"when": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                               "seconds": round(time.time() - began), "results": results},
                                              indent=1))
    say("\n" + table(results))
    for r in results:
        for example in r["examples"]:
            say(f"  {example}")
    say(f"\nwritten: {out / 'load.json'}")
    failed = sum(r["lost"] + r["wrong_or_out_of_order"] + r["without_helpline"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
