"""The flows report: one self-contained HTML page with every transcript and check, and a
short terminal summary."""
import datetime as dt
from pathlib import Path
from typing import List

from apps.paths import ROOT
from apps.templating import render
from tools.flows.player import ScriptResult


def summary_line(results: List[ScriptResult]) -> str:
    checks = [c for r in results for c in r.checks]
    failed_scripts = [r for r in results if not r.passed]
    failed = sum(not c.passed for c in checks)
    def n(count, word):
        return f"{count} {word}" + ("" if count == 1 else "s")

    return (f"flows: {n(len(results), 'script')}, {n(len(checks), 'check')}: {len(checks) - failed} passed, "
            f"{failed} failed" + (f" (in {n(len(failed_scripts), 'script')})" if failed_scripts else ""))


def write_html(results: List[ScriptResult], path: Path) -> Path:
    page = render("flows_report.html", summary=summary_line(results),
                  results=sorted(results, key=lambda r: (r.passed, r.script.name)),  # failures first
                  when=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                  where=lambda p: p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
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
