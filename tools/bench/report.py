"""The benchmark's table (Markdown, for the terminal and the README), its targets, and a
small chart."""
from pathlib import Path
from typing import List, Optional, Tuple

# (label, where in a result, lower is better, target) -- target: ("ratio<=", x), ("ratio>=", x),
# ("ours<=", x) in the metric's own unit, or None
METRICS: List[Tuple[str, Tuple[str, ...], bool, Optional[Tuple[str, float]]]] = [
    ("single message p50 (ms)", ("single", "p50_ms"), True, None),
    ("single message p95 (ms)", ("single", "p95_ms"), True, ("ratio<=", 1.0)),
    ("20 conversations: throughput (msg/s)", ("concurrent", "throughput_msg_s"), False, ("ratio>=", 1.2)),
    ("20 conversations: p50 (ms)", ("concurrent", "p50_ms"), True, None),
    ("20 conversations: p95 (ms)", ("concurrent", "p95_ms"), True, None),
    ("20 conversations: p99 (ms)", ("concurrent", "p99_ms"), True, None),
    ("20 conversations: lost or empty replies", ("concurrent", "lost"), True, ("ours<=", 0)),
    ("cold start to first correct reply (s)", ("cold_start_s",), True, ("ratio<=", 0.3)),
    ("Rasa server memory after load (MB)", ("rss_rasa_mb",), True, ("ratio<=", 0.7)),
    ("action server memory (MB)", ("rss_actions_mb",), True, None),
    ("training from scratch (s)", ("train_full_s",), True, ("ours<=", 360)),
    ("retrain after one response text (s)", ("retrain_response_s",), True, ("ours<=", 30)),
    ("retrain after one NLU example (s)", ("retrain_nlu_example_s",), True, None),
]


def _get(result: dict, path: Tuple[str, ...]):
    for key in path:
        if not isinstance(result, dict) or key not in result:
            return None
        result = result[key]
    return result


def _ratio(ours, stock) -> Optional[float]:
    if ours is None or stock in (None, 0):
        return None
    return round(ours / stock, 2)


def verdicts(results: dict) -> dict:
    out = {}
    for label, path, _, target in METRICS:
        if not target:
            continue
        ours, stock = _get(results["ours"], path), _get(results["stock"], path)
        kind, limit = target
        if ours is None:
            met = None
        elif kind == "ours<=":
            met = ours <= limit
        else:
            ratio = _ratio(ours, stock)
            met = None if ratio is None else (ratio <= limit if kind == "ratio<=" else ratio >= limit)
        out[label] = {"target": f"{kind.replace('ours', 'this bot ')} {limit}", "met": met}
    return out


def table(results: dict) -> str:
    rows = ["| measure | stock rasa init | Trust Your Gut | ratio | target | met |",
            "|---|---|---|---|---|---|"]
    marks = {True: "yes", False: "**no**", None: "n/a"}
    for label, path, _, target in METRICS:
        ours, stock = _get(results["ours"], path), _get(results["stock"], path)
        v = results.get("verdicts", {}).get(label)
        rows.append(f"| {label} | {'' if stock is None else stock} | {'' if ours is None else ours} | "
                    f"{_ratio(ours, stock) or ''} | {v['target'] if v else ''} | {marks[v['met']] if v else ''} |")
    return "\n".join(rows)


def round_ratios(results: dict) -> str:
    """Each targeted serving measure's ratio in every round, beside the median's: how far the
    machine drifted during the run."""
    stock, ours = results["stock"].get("rounds") or [], results["ours"].get("rounds") or []
    rows = ["| measure (ratio) | " + " | ".join(f"round {i}" for i in range(1, len(ours) + 1)) + " | medians' ratio |",
            "|---|" + "---|" * (len(ours) + 1)]
    for label, path, _, target in METRICS:
        if not target or target[0] == "ours<=" or _get(results["ours"], path) is None or not ours:
            continue
        per_round = [_ratio(_get(o, path), _get(s, path)) for o, s in zip(ours, stock)]
        rows.append(f"| {label} | " + " | ".join(str(r) for r in per_round)
                    + f" | {_ratio(_get(results['ours'], path), _get(results['stock'], path))} |")
    return "\n".join(rows)


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no screen
    import matplotlib.pyplot as plt

    labels, ratios = [], []
    for label, p, lower_better, _ in METRICS:
        r = _ratio(_get(results["ours"], p), _get(results["stock"], p))
        if r is not None and r > 0:
            labels.append(label)
            # shown as "times better than stock": above 1 is better whichever way the metric runs
            ratios.append(round(1 / r, 2) if lower_better else r)
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(labels) + 1.2))
    colours = ["#00703c" if r >= 1 else "#b3261e" for r in ratios]
    ax.barh(labels, ratios, color=colours)
    ax.axvline(1, color="#0b0c0c", linewidth=1)
    ax.set_xscale("log")
    ax.set_xlabel("times better than the stock assistant (log scale; 1 = the same)")
    ax.set_title(f"Trust Your Gut vs stock rasa init, {results['when']}")
    ax.invert_yaxis()
    for y, r in enumerate(ratios):
        ax.text(r, y, f" {r}x", va="center", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
