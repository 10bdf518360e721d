"""`make bench`: this bot against the stock `rasa init` assistant, measured in one run on
this machine, served the same way. Prints a table with the ratios and the targets, and
writes results/bench/bench.json (plus a dated copy in results/bench/history/) and
results/bench/bench.png.

    python -m tools.bench            # the full run (about 25 minutes on 2 cores)
    python -m tools.bench --quick    # checks it all works (no training times, tiny loads)
    python -m tools.bench --serving-only   # full loads, no training times
    python -m tools.bench --rounds 1 # the serving measures once each (before stop 65)

The serving measures (cold start, latency, load, memory) are taken in rounds, the two
assistants one after the other with the order swapped each round, and each is reported as its
median (bench.rounds); every round's figures are kept in bench.json.
"""
import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from tools.bench import measure, rounds as serving_rounds
from tools.bench.assistants import Assistant, StockAssistant, TrustYourGut
from tools.bench.report import chart, round_ratios, table, verdicts
from apps.paths import ROOT

OUT = ROOT / "results" / "bench"
SINGLE_ROUNDS = 2
ROUNDS = 3  # serving rounds in a full run (--rounds)
FOLLOW_UPS = ["How do I keep evidence safely?", "How do I talk to my child about this?", "thanks"]


def parent_messages():
    cases = yaml.safe_load((ROOT / "tests" / "eval" / "heldout_cases.yaml").read_text(encoding="utf-8"))
    return [c["text"] for c in cases]


def conversations(texts, count: int, turns: int):
    """count conversations of `turns` turns: a worry, follow-ups, another worry..."""
    out = []
    for i in range(count):
        conv = []
        for t in range(turns):
            conv.append(texts[(i * turns + t) % len(texts)] if t % 2 == 0 else FOLLOW_UPS[(i + t) % len(FOLLOW_UPS)])
        out.append(measure.Conversation(conv))
    return out


def train_one(a: Assistant, quick: bool, time_training: bool = True) -> dict:
    r = {"assistant": a.name}
    if not time_training and isinstance(a, TrustYourGut):
        from tools.train import train

        a.model.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(train(), a.model)  # the project's own model: --quick checks, it doesn't time training
    else:
        a.forget_training()
        r["train_full_s"] = measure.timed(a.train)
        print(f"  {a.name}: trained from scratch in {r['train_full_s']} s", flush=True)
        if time_training:
            a.change_one_response()
            r["retrain_response_s"] = measure.timed(a.train)
            a.add_one_example()
            r["retrain_nlu_example_s"] = measure.timed(a.train)
            print(f"  {a.name}: retrained after a response change in {r['retrain_response_s']} s, "
                  f"after one NLU example in {r['retrain_nlu_example_s']} s", flush=True)
    return r


def serve_one(a: Assistant, quick: bool, texts) -> dict:
    r = {}
    try:
        r["cold_start_s"] = measure.cold_start(a.launch, a.rasa_port, a.probe, a.correct)
        measure.one_at_a_time(a.rasa_port, texts[:3])  # warm-up, not counted
        # Every held-out message twice: a p95 of 60 messages was its third-slowest reply, and moved
        # by a tenth between runs of the same code.
        r["single"] = measure.one_at_a_time(a.rasa_port, texts[3:9] if quick else texts[3:] * SINGLE_ROUNDS)
        convs = conversations(texts, 4 if quick else 60, 2 if quick else 5)
        r["concurrent"] = measure.concurrent(a.rasa_port, convs, 2 if quick else 20)
        r["rss_rasa_mb"] = measure.rss_mb(a.rasa.pid)
        r["rss_actions_mb"] = measure.rss_mb(a.actions.pid) if a.actions else None
    finally:
        a.stop()
    print(f"  {a.name}: served and measured (cold start {r.get('cold_start_s')} s, "
          f"p95 {r.get('single', {}).get('p95_ms')} ms, "
          f"{r.get('concurrent', {}).get('throughput_msg_s')} msg/s)", flush=True)
    return r


def main(argv) -> int:
    parser = argparse.ArgumentParser(description="Benchmark this bot against the stock rasa init assistant.")
    parser.add_argument("--quick", action="store_true", help="check it works: no retraining, tiny loads")
    parser.add_argument("--serving-only", action="store_true",
                        help="full loads, but no training times (this bot's current model is used)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--rounds", type=int, default=None,
                        help=f"serving rounds, the order swapped each round (default {ROUNDS}; 1 with --quick)")
    args = parser.parse_args(argv)
    texts = parent_messages()
    work = Path(tempfile.mkdtemp(prefix="tyg-bench-"))
    try:
        stock = StockAssistant(work / "stock", rasa_port=5405)
        ours = TrustYourGut(work / "ours", rasa_port=5305, action_port=5355)
        results = {"when": dt.datetime.now().isoformat(timespec="seconds"), "quick": args.quick,
                   "serving_only": args.serving_only,
                   "machine": {"cores": len(__import__("os").sched_getaffinity(0))}}
        time_training = not (args.quick or args.serving_only)
        sides = {"stock": stock, "ours": ours}
        count = (1 if args.quick else ROUNDS) if args.rounds is None else args.rounds
        if count < 1:
            parser.error("--rounds must be 1 or more")
        results["rounds"] = count
        for key, a in sides.items():
            print(f"training {a.name} ...", flush=True)
            results[key] = train_one(a, args.quick, time_training)
        served = serving_rounds.serve_in_rounds(sides, count, lambda a: serve_one(a, args.quick, texts))
        for key in sides:
            results[key].update(served[key])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["verdicts"] = verdicts(results)
    args.out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=1)
    (args.out / "bench.json").write_text(text)
    if time_training:  # a complete run: kept for comparison over time
        (args.out / "history").mkdir(exist_ok=True)
        (args.out / "history" / f"bench-{results['when'].replace(':', '')}.json").write_text(text)
    chart(results, args.out / "bench.png")
    print(table(results))
    if count > 1:
        print(round_ratios(results))
    print(f"results: {args.out / 'bench.json'}, chart: {args.out / 'bench.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
