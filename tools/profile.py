"""`make profile`: where the Rasa server's time goes under load. Starts this bot on its own
ports, samples the Rasa server with py-spy while the held-out parent messages are played
against it, and prints the functions that take the most time (inclusive). The raw samples
go to results/profile/rasa-server.folded (flamegraph's input format).

    python -m tools.profile [--seconds 30]
"""
import argparse
import collections
import subprocess
import sys
import threading
from pathlib import Path

from tools.bench.cli import parent_messages
from apps.paths import ROOT, VENV_BIN
from apps.bot_client import send
from apps.supervisor import Bot

OUT = ROOT / "results" / "profile"


def top_functions(folded: Path, count: int = 30):
    """(share of samples, function and file) for the functions most often on the stack."""
    inclusive, total = collections.Counter(), 0
    for line in folded.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        total += int(n)
        seen = set()
        for frame in stack.split(";"):
            name, _, where = frame.partition(" (")
            key = f"{name} ({where.split(':')[0].rsplit('/', 1)[-1]})" if where else name
            if key not in seen:
                seen.add(key)
                inclusive[key] += int(n)
    return [(round(100 * n / total, 1), key) for key, n in inclusive.most_common(count)] if total else []


def main(argv) -> int:
    parser = argparse.ArgumentParser(description="Profile the Rasa server under load with py-spy.")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from tools.train import train

    args.out.mkdir(parents=True, exist_ok=True)
    folded = args.out / "rasa-server.folded"
    bot = Bot(train(), 5505, 5555).start()
    stop = threading.Event()

    def load():
        texts, i = parent_messages(), 0
        while not stop.is_set():
            send(bot.rasa_port, texts[i % len(texts)], f"profile-{i}")
            i += 1

    worker = threading.Thread(target=load, daemon=True)
    try:
        worker.start()
        subprocess.run([str(VENV_BIN / "py-spy"), "record", "--pid", str(bot.rasa.pid), "--duration",
                        str(args.seconds), "--rate", "200", "--format", "raw", "--output", str(folded),
                        "--nonblocking"], check=True, capture_output=True)
    finally:
        stop.set()
        worker.join(timeout=30)
        bot.stop()
    print(f"where the Rasa server's time went ({folded}):")
    for share, name in top_functions(folded):
        print(f"{share:6.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
