"""The flows report: one self-contained HTML page with every transcript and check, and a
short terminal summary."""
import datetime as dt
import html
from pathlib import Path
from typing import List

from bot.flows.player import ScriptResult
from bot.tools.paths import ROOT

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#0b0c0c}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin:0}.summary{font-size:1.1rem;font-weight:700}
section{border:2px solid #00703c;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
section.fail{border-color:#b3261e}.status{font-weight:700}.pass .status{color:#00703c}
.fail .status{color:#b3261e}.file{color:#505a5f;font-size:.9rem}.turn{margin:.75rem 0}
.parent{background:#1d4ed8;color:#fff;padding:.4rem .7rem;border-radius:.4rem;display:inline-block}
.bot{background:#f3f2f1;padding:.4rem .7rem;border-radius:.4rem;margin:.3rem 0;white-space:pre-wrap}
.buttons{font-size:.9rem;color:#383f43}ul.checks{margin:.3rem 0;padding-left:1.2rem}
.ok{color:#00703c}.bad{color:#b3261e;font-weight:700}
"""


def summary_line(results: List[ScriptResult]) -> str:
    checks = [c for r in results for c in r.checks]
    failed_scripts = [r for r in results if not r.passed]
    failed = sum(not c.passed for c in checks)
    def n(count, word):
        return f"{count} {word}" + ("" if count == 1 else "s")

    return (f"flows: {n(len(results), 'script')}, {n(len(checks), 'check')}: {len(checks) - failed} passed, "
            f"{failed} failed" + (f" (in {n(len(failed_scripts), 'script')})" if failed_scripts else ""))


def _script_html(r: ScriptResult) -> str:
    e = html.escape
    status = "PASS" if r.passed else "FAIL"
    where = r.script.path.relative_to(ROOT) if r.script.path.is_relative_to(ROOT) else r.script.path
    out = [f'<section class="{status.lower()}"><h2>{e(r.script.name)} '
           f'<span class="status">{status}</span></h2>',
           f'<p class="file">{e(str(where))}' + (f" · route {e(r.script.route)}" if r.script.route else "")
           + "</p>"]
    if r.script.notes:
        out.append(f"<p>{e(r.script.notes)}</p>")
    for t in r.turns:
        out.append(f'<div class="turn"><div class="parent">Parent: {e(t.said)}</div>')
        for b in t.bubbles:
            out.append(f'<div class="bot">{e(b.get("text") or "")}</div>')
            titles = [btn.get("title", "") for btn in b.get("buttons") or []]
            if titles:
                out.append(f'<div class="buttons">Buttons: {e(" | ".join(titles))}</div>')
        out.append('<ul class="checks">')
        for c in t.checks:
            mark = '<span class="ok">✓ pass</span>' if c.passed else '<span class="bad">✗ FAIL</span>'
            out.append(f"<li>{mark} {e(c.what)}" + (f": {e(c.reason)}" if c.reason else "") + "</li>")
        out.append("</ul></div>")
    out.append("</section>")
    return "\n".join(out)


def write_html(results: List[ScriptResult], path: Path) -> Path:
    ordered = sorted(results, key=lambda r: (r.passed, r.script.name))  # failures first
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    page = (f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Trust Your Gut: conversation flows</title><style>{STYLE}</style></head><body>"
            f"<h1>Conversation flows</h1><p class=\"summary\">{html.escape(summary_line(results))}</p>"
            f"<p>Run {when}. Each script was played as a new conversation; failures are listed first.</p>"
            + "\n".join(_script_html(r) for r in ordered) + "</body></html>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def terminal_report(results: List[ScriptResult]) -> str:
    lines = []
    for r in sorted(results, key=lambda r: r.script.name):
        lines.append(f"{'PASS' if r.passed else 'FAIL'}  {r.script.name}")
        for t in r.turns:
            for c in t.checks:
                if not c.passed:
                    lines.append(f"      after \"{t.said}\": {c.what}: {c.reason}")
    lines.append(summary_line(results))
    return "\n".join(lines)
