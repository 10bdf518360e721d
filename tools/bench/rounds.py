"""Several rounds of the serving measures, one assistant after the other and the order swapped
each round, summed up as each measure's median. On a shared 2-core machine the speed drifts
over minutes: one round each, stock first, measured the drift as often as the code."""
import statistics
from typing import Callable, Dict, List

# counts that are the same every round, and losses, which add up rather than average
SAME = ("messages", "conversations", "workers")
ADDED = ("lost",)


def _median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 2) if values else None


def combine(rounds: List[Dict]) -> Dict:
    """One result from several rounds' results: the median of every measure, losses summed,
    and the rounds themselves kept."""
    if not rounds:
        return {}
    out: Dict = {}
    for key, first in rounds[0].items():
        if isinstance(first, dict):
            part = {}
            for k, v in first.items():
                values = [r[key].get(k) for r in rounds]
                if k in SAME or not isinstance(v, (int, float)):
                    part[k] = sum(values, [])[:5] if isinstance(v, list) else v
                elif k in ADDED:
                    part[k] = sum(values)
                else:
                    part[k] = _median(values)
            if "lost" in part:  # losses are out of every round's messages, not the first's
                part["messages_all_rounds"] = sum(r[key].get("messages") or 0 for r in rounds)
            out[key] = part
        elif isinstance(first, (int, float)) or first is None:
            out[key] = _median([r.get(key) for r in rounds])
        else:
            out[key] = first
    if len(rounds) > 1:
        out["rounds"] = rounds
    return out


def serve_in_rounds(sides: Dict[str, object], count: int, serve: Callable[[object], Dict]) -> Dict[str, Dict]:
    """serve(assistant) for each side, `count` rounds in the swapped orders; each side's rounds
    combined."""
    served: Dict[str, List[Dict]] = {key: [] for key in sides}
    for i, order in enumerate(orders(count), 1):
        print(f"serving round {i} of {count}: {' then '.join(getattr(sides[k], 'name', k) for k in order)}", flush=True)
        for key in order:
            served[key].append(serve(sides[key]))
    return {key: combine(rounds) for key, rounds in served.items()}


def orders(count: int):
    """Which assistant goes first in each round: the stock one, then this bot, swapped each round."""
    return [("stock", "ours") if i % 2 == 0 else ("ours", "stock") for i in range(count)]
