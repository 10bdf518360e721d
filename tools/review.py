"""`make review`: one HTML document of everything the bot can say, for sign-off by a
safeguarding lead. Every route with its helplines and its words, the follow-ups and other
replies, the app steps, the chat page's texts and school-link topics, and the helpline
catalogue with each entry's "last checked" date, flagging entries older than
TYG_REVIEW_MAX_AGE_DAYS (default 90) or never checked.

    python -m tools.review [--max-age-days N] [--out results/review/content-review.html]
"""
import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import List, Optional, Tuple

from apps.paths import ROOT
from apps.templating import render
from bot import settings
from bot.catalogue import Helpline, catalogue
from bot.entities import lexicon
from bot.guidance import Reply, guidance
from bot.routing import routing
from bot.topics import topics
from bot.widget_config import widget_config

OUT = ROOT / "results" / "review" / "content-review.html"
DEFAULT_MAX_AGE_DAYS = settings.get("TYG_REVIEW_MAX_AGE_DAYS")

def contact(line: Helpline) -> str:
    parts = [p for p in (line.phone, line.textphone and f"textphone {line.textphone}", line.email,
                         line.url, line.how) if p]
    return ", ".join(parts)


def stale(line: Helpline, today: dt.date, max_age_days: int) -> Optional[str]:
    if line.last_checked is None:
        return "never checked"
    age = (today - line.last_checked).days
    return f"checked {age} days ago (limit {max_age_days})" if age > max_age_days else None


WHERE = {  # widget.yaml's keys, as a reviewer knows them
    "title": "Chat title", "subtitle": "Under the title", "danger_line": "Always on screen",
    "privacy_note": "Privacy note, shown on opening", "input_label": "Label of the typing box",
    "input_hint": "Example inside the typing box", "send_label": "Send button",
    "you_label": "Read out before the parent's own messages", "topic_prefix": "Before a school link's topic",
    "typing": "While the bot is answering", "no_answer_text": "When the bot can't be reached (then the helplines below)",
    "offline_note": "When the connection drops", "exit_label": "Exit button", "exit_note": "Next to the exit button",
}


def widget_rows(config: dict) -> List[Tuple[str, str]]:
    rows = [(WHERE.get(k, k), v) for k, v in config["texts"].items()]
    return rows + [(f"Schools page: {k.replace('_', ' ')}", v) for k, v in config["schools"].items()]


def _doubted_danger_line(g) -> dict:
    """The line that ends a worry's first bubble when both readings doubt its danger words."""
    return {"possible_danger (end of a first bubble)": Reply("possible_danger", (g.possible_danger,))} \
        if g.possible_danger else {}


def build(today: Optional[dt.date] = None, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> str:
    today = today or dt.date.today()
    g, table, lines, config = guidance(), routing(), catalogue(), widget_config()
    return render(
        "content_review.html", today=today, max_age_days=max_age_days, guidance=g,
        routes=sorted(table.concerns.items(), key=lambda kv: (-kv[1].severity, kv[0])),
        helplines=lines.helplines, retired=lines.retired_numbers, contact=contact,
        stale=lambda line: stale(line, today, max_age_days),
        questions_and_extras={**g.questions, **g.extras, **_doubted_danger_line(g)},
        platforms=list(lexicon().platforms.values()),
        widget=config, widget_rows=widget_rows(config), topics=list(topics().values()))


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-age-days", type=int, default=DEFAULT_MAX_AGE_DAYS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(build(max_age_days=args.max_age_days), encoding="utf-8")
    today = dt.date.today()
    flagged = [(l, stale(l, today, args.max_age_days)) for l in catalogue().helplines.values()]
    flagged = [(l, why) for l, why in flagged if why]
    print(f"review document: {args.out}")
    for line, why in flagged:
        print(f"  check {line.name}: {why}")
    print(f"{len(flagged)} catalogue entries need checking" if flagged else "every catalogue entry is in date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
