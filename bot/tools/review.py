"""`make review`: one HTML document of everything the bot can say, for sign-off by a
safeguarding lead. Every route with its helplines and its words, the follow-ups and other
replies, the app steps, the chat page's texts and school-link topics, and the helpline
catalogue with each entry's "last checked" date, flagging entries older than
TYG_REVIEW_MAX_AGE_DAYS (default 90) or never checked.

    python -m bot.tools.review [--max-age-days N] [--out results/review/content-review.html]
"""
import argparse
import datetime as dt
import html
import sys
from pathlib import Path
from typing import Iterable, List, Optional

from bot import settings
from bot.catalogue import Catalogue, Helpline, catalogue
from bot.entities import lexicon
from bot.guidance import Guidance, Reply, guidance
from bot.routing import Routing, routing
from bot.tools.paths import ROOT
from bot.topics import topics
from bot.widget_config import widget_config

OUT = ROOT / "results" / "review" / "content-review.html"
DEFAULT_MAX_AGE_DAYS = settings.get("TYG_REVIEW_MAX_AGE_DAYS")
e = html.escape

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:62rem;padding:1rem;color:#0b0c0c}
h1{font-size:1.7rem}h2{font-size:1.35rem;border-bottom:2px solid #0b0c0c;margin-top:2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .3rem}.route{border:1px solid #b1b4b6;border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}
.emergency{border:3px solid #b3261e}.bubble{background:#f3f2f1;border-radius:.4rem;padding:.4rem .7rem;margin:.3rem 0}
.meta{color:#383f43;font-size:.95rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}
.stale{background:#fff7d6;font-weight:700;color:#8c1d18}.sign{margin-top:2rem;border-top:2px solid #0b0c0c}
"""


def contact(line: Helpline) -> str:
    parts = [p for p in (line.phone, line.textphone and f"textphone {line.textphone}", line.email,
                         line.url, line.how) if p]
    return ", ".join(parts)


def stale(line: Helpline, today: dt.date, max_age_days: int) -> Optional[str]:
    if line.last_checked is None:
        return "never checked"
    age = (today - line.last_checked).days
    return f"checked {age} days ago (limit {max_age_days})" if age > max_age_days else None


def _reply(reply: Reply) -> str:
    out = [f'<div class="bubble">{e(b)}</div>' for b in reply.bubbles]
    if reply.buttons:
        out.append('<p class="meta">Buttons: ' + "; ".join(
            f"<strong>{e(b.title)}</strong> (sends “{e(b.payload)}”)" for b in reply.buttons) + "</p>")
    # the same reply worded for a conversation's concern, or as the answer to the bot's question
    variants = [(f"When the conversation is about {concern}", bubbles) for concern, bubbles in reply.in_context.items()]
    variants += [(f"When it answers the question {question}", bubbles) for question, bubbles in reply.answering.items()]
    variants += [("Before any worry has been raised", reply.before_concern)] if reply.before_concern else []
    for when, bubbles in variants:
        out.append(f'<p class="meta">{e(when)}:</p>' + "".join(f'<div class="bubble">{e(b)}</div>' for b in bubbles))
    return "\n".join(out)


def _routes(table: Routing, g: Guidance, lines: Catalogue) -> Iterable[str]:
    yield "<h2>1. Routes: each worry, its helplines and its words</h2>"
    yield ("<p>Most serious first. When a message raises several worries, it is answered for the "
           "most serious and the others are acknowledged. 999 may be added to any reply.</p>")
    for name, c in sorted(table.concerns.items(), key=lambda kv: (-kv[1].severity, kv[0])):
        cls = "route emergency" if c.emergency else "route"
        yield f'<section class="{cls}" id="route-{e(name)}"><h3>{e(c.label[:1].upper() + c.label[1:])}</h3>'
        yield (f'<p class="meta">Route <code>{e(name)}</code>, seriousness {c.severity}'
               + (", <strong>emergency: 999 first</strong>" if c.emergency else "")
               + (f", only chosen when the message bears it out ({len(c.evidence)} checks)" if c.evidence else "")
               + "</p>")
        yield "<p><strong>Helplines, in order:</strong></p><ol>"
        for key in c.helplines:
            yield f"<li>{e(lines[key].name)}: {e(contact(lines[key]))}</li>"
        yield "</ol>"
        if c.may_offer:
            yield ("<p class=\"meta\">May also offer, when it fits: "
                   + ", ".join(f"{e(lines[k].name)} ({e(contact(lines[k]))})" for k in c.may_offer) + "</p>")
        yield _reply(g.concerns[name])
        yield "</section>"


def _replies(title: str, replies: dict, intro: str) -> Iterable[str]:
    yield f"<h2>{e(title)}</h2><p>{e(intro)}</p>"
    for name, reply in replies.items():
        yield f'<section class="route"><h3><code>{e(name)}</code></h3>{_reply(reply)}</section>'


WHERE = {  # widget.yaml's keys, as a reviewer knows them
    "title": "Chat title", "subtitle": "Under the title", "danger_line": "Always on screen",
    "privacy_note": "Privacy note, shown on opening", "input_label": "Label of the typing box",
    "input_hint": "Example inside the typing box", "send_label": "Send button",
    "you_label": "Read out before the parent's own messages", "topic_prefix": "Before a school link's topic",
    "typing": "While the bot is answering", "no_answer_text": "When the bot can't be reached (then the helplines below)",
    "offline_note": "When the connection drops", "exit_label": "Exit button", "exit_note": "Next to the exit button",
}


def _widget() -> Iterable[str]:
    config = widget_config()
    yield "<h2>6. The chat page and school links</h2><table><tr><th>where</th><th>text</th></tr>"
    rows = [(WHERE.get(k, k), v) for k, v in config["texts"].items()]
    rows += [(f"Schools page: {k.replace('_', ' ')}", v) for k, v in config["schools"].items()]
    for where, text in rows:
        yield f"<tr><td>{e(where)}</td><td>{e(text)}</td></tr>"
    yield (f"<tr><td>exit goes to</td><td>{e(config['exit_url'])}</td></tr>"
           f"<tr><td>no answer after</td><td>{config['no_answer_ms'] // 1000} seconds, the page shows: "
           + e(", ".join(f"{h['name']} {h['phone'] or h['url']}" for h in config["no_answer_helplines"]))
           + "</td></tr></table>")
    yield "<h3>Topics a school link can open on</h3><ul>"
    for t in topics().values():
        yield f"<li><code>{e(t.key)}</code>: {e(t.label)} (opens on the <a href=\"#route-{e(t.concern)}\">{e(t.concern)}</a> reply)</li>"
    yield "</ul>"


def _catalogue(lines: Catalogue, today: dt.date, max_age_days: int) -> Iterable[str]:
    yield ("<h2>7. Helpline catalogue</h2><p>Every number, email and link the bot gives comes from "
           f"here. Entries not checked in the last {max_age_days} days are flagged.</p>")
    yield ("<table><tr><th>entry</th><th>contact</th><th>for</th><th>anonymous</th>"
           "<th>last checked</th></tr>")
    for line in lines.helplines.values():
        flag = stale(line, today, max_age_days)
        checked = e(str(line.last_checked or "never")) + (f"<br>⚠ {e(flag)}" if flag else "")
        row = '<tr class="stale">' if flag else "<tr>"
        yield (f"{row}<td>{e(line.name)}<br><code>{e(line.key)}</code></td>"
               f"<td>{e(contact(line))}</td><td>{e(line.audience)}</td>"
               f"<td>{'yes' if line.anonymous else 'no'}</td><td>{checked}</td></tr>")
    yield "</table>"
    if lines.retired_numbers:
        yield "<p class=\"meta\">Retired numbers, never given: " + ", ".join(lines.retired_numbers) + "</p>"


def build(today: Optional[dt.date] = None, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> str:
    today = today or dt.date.today()
    g, table, lines = guidance(), routing(), catalogue()
    parts: List[str] = [
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Trust Your Gut: content for review</title><style>{STYLE}</style></head><body>",
        "<h1>Trust Your Gut: everything the bot can say</h1>",
        f"<p>Made {today.isoformat()} from the content files in <code>bot/content/</code>. "
        f"{len(table.concerns)} routes, {len(lines.helplines)} helplines.</p>",
        *_routes(table, g, lines),
        *_replies("2. Follow-ups (buttons after a reply)", g.followups,
                  "What the bot says when a parent presses a button or asks these questions."),
        *_replies("3. Conversation", g.conversation,
                  "Greeting, thanks, goodbye, and what the bot says when it doesn't understand."),
        *_replies("4. Questions and extras", {**g.questions, **g.extras},
                  "The one question the bot may ask (only after giving help), and the sentences it adds "
                  "to a reply when they fit. [Words in square brackets] are filled in, e.g. the app's name."),
        "<h2>5. Steps for each app</h2><p>Added when a parent names the app.</p><table>"
        "<tr><th>app</th><th>steps</th><th>minimum age</th></tr>",
        *(f"<tr><td>{e(p.display)}</td><td>{e(p.report)}</td><td>{p.min_age or ''}</td></tr>"
          for p in lexicon().platforms.values()),
        "</table>",
        *_widget(),
        *_catalogue(lines, today, max_age_days),
        '<div class="sign"><p>Reviewed by (safeguarding lead): ____________________ '
        "Date: ____________ Signature: ____________________</p></div></body></html>",
    ]
    return "\n".join(parts)


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
