"""`make trends`: the staff trends page's figures in the terminal, rising routes flagged.
`make trends-demo`: a separate demo database with 26 weeks of made-up counts (one surge this
week), and the web server showing it, labelled as demo data on every screen.

    python -m tools.trends [--source stmarys-newsletter] [--weeks 9]
    python -m tools.trends --demo            # fill the demo database and serve it on WEB_PORT
"""
import argparse
import datetime as dt
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Dict

import numpy as np

from apps.paths import ROOT
from apps.staff.trends import SHOWN_WEEKS, SURGE_TEST, figures
from bot import settings
from bot import trends as rule
from bot.routing import routing
from stores import storage
from stores.trend_counts import DIRECT, TrendCounts

DEMO_DIR = ROOT / "var" / "trends-demo"
DEMO_SEED = 20260
DEMO_SURGE = "sextortion"  # the route whose count triples this week in the demo
DEMO_SOURCES = {DIRECT: 0.7, "stmarys-newsletter": 0.2, "oakfield-academy": 0.1}
DEMO_WEEKLY = {  # made-up usual conversations a week, by route
    "immediate_danger": 4, "sextortion": 7, "disclosure": 5, "meeting_planned": 5,
    "unknown_contact": 22, "gifts_money": 11, "nude_images": 9, "other_adult": 4,
    "own_thoughts": 2, "report_anonymously": 3, "child_user": 12,
}


def table(store: TrendCounts, source=None, weeks: int = 9) -> str:
    data = figures(store, source)
    shown = data["weeks"][-weeks:]
    width = max(len(r["label"]) for r in data["routes"]) if data["routes"] else 10
    cell = max(len(rule.SUPPRESSED), 8)
    lines = []
    if data["demo"]:
        lines.append("DEMO DATA: made up, not real conversations")
    lines.append(f"Conversations per week, source: {data['source']}; counts 1-4 shown as '{rule.SUPPRESSED}'")
    lines.append(f"{'route':<{width}}  " + " ".join(f"{w:>{cell}}" for w in shown) + f"  {'total':>{cell}}  flag")
    for r in data["routes"]:
        by_week = {w["week"]: w["conversations"] for w in r["weeks"]}
        flag = (f"RISING: {r['surge']['this_week']} vs {r['surge']['baseline']}/week, p={r['surge']['p']}"
                if r["surge"] else "")
        lines.append(f"{r['label'][:width]:<{width}}  " + " ".join(f"{str(by_week[w]):>{cell}}" for w in shown)
                     + f"  {str(r['total']):>{cell}}  {flag}")
    flagged = [r["label"] for r in data["routes"] if r["surge"]]
    lines.append(("Rising this week: " + "; ".join(flagged)) if flagged else "No route is rising this week.")
    lines.append(SURGE_TEST)
    return "\n".join(lines)


def demo_counts(today: dt.date) -> Dict[tuple, int]:
    """(week, route, source) -> conversations: Poisson noise around each route's usual
    number, every week the same, except DEMO_SURGE at three times its usual this week."""
    rng = np.random.default_rng(DEMO_SEED)
    weeks = rule.weeks_ending(rule.iso_week(today), SHOWN_WEEKS)
    routes = [r for r in routing().concerns if r in DEMO_WEEKLY] + [
        r for r in routing().concerns if r not in DEMO_WEEKLY]
    out = {}
    for week in weeks:
        for route in routes:
            usual = DEMO_WEEKLY.get(route, 3) * (3 if route == DEMO_SURGE and week == weeks[-1] else 1)
            for source, share in DEMO_SOURCES.items():
                n = int(rng.poisson(usual * share))
                if n:
                    out[(week, route, source)] = n
    return out


def fill_demo(store: TrendCounts, today: dt.date) -> None:
    store.clear()
    for (week, route, source), n in demo_counts(today).items():
        store.add(week, route, source, by=n)


def demo_env() -> dict:
    env = dict(os.environ)
    env.pop("TYG_DATABASE_URL", None)  # never the real conversation database
    env.update({"TYG_DATA_DIR": str(DEMO_DIR), "TYG_TRENDS_DEMO": "1", "PYTHONPATH": str(ROOT)})
    return env


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", help="one school link's source; default: all")
    parser.add_argument("--weeks", type=int, default=9, help="weeks shown in the terminal (the surge rule uses 9)")
    parser.add_argument("--demo", action="store_true", help="fill the demo database and serve the dashboard on it")
    args = parser.parse_args(argv)
    if not args.demo:
        print(table(TrendCounts(), args.source, args.weeks))
        return 0
    env = demo_env()
    DEMO_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update({k: env[k] for k in ("TYG_DATA_DIR", "TYG_TRENDS_DEMO")})
    os.environ.pop("TYG_DATABASE_URL", None)
    store = TrendCounts(storage.engine())
    fill_demo(store, dt.date.today())
    print(table(store, args.source, args.weeks))
    token = settings.get("TYG_STAFF_TOKEN") or secrets.token_urlsafe(18)
    env["TYG_STAFF_TOKEN"] = token
    print(f"\nDemo dashboard: http://localhost:{settings.get('WEB_PORT')}/staff/trends  (staff token: {token})"
          f"\nDemo database: {Path(DEMO_DIR).relative_to(ROOT)}. Ctrl-C stops it.", flush=True)
    try:
        return subprocess.call([sys.executable, "-m", "apps.web"], cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
