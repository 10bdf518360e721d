"""Link-use counts: aggregate numbers only."""
import json
import threading

import pytest

from bot.source_counts import SourceCounts, clean_source


@pytest.mark.parametrize("raw,expected", [
    ("stmarys-newsletter", "stmarys-newsletter"), (" StMarys ", "stmarys"),
    ("st marys", None), ("<script>", None), ("", None), (None, None), (42, None), ("a" * 61, None),
    ("-leading-dash", None),
])
def test_sources_are_short_slugs(raw, expected):
    assert clean_source(raw) == expected


def test_counts_hold_only_numbers_per_source_and_topic(tmp_path):
    counts = SourceCounts(tmp_path / "counts.json")
    counts.add("school-a", "gaming")
    counts.add("school-a", "gaming")
    counts.add("school-b")
    assert json.loads((tmp_path / "counts.json").read_text()) == {
        "school-a": {"gaming": 2}, "school-b": {"none": 1}}


def test_concurrent_counts_are_not_lost(tmp_path):
    counts = SourceCounts(tmp_path / "counts.json")
    threads = [threading.Thread(target=lambda: [counts.add("busy", "gaming") for _ in range(25)])
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counts.read() == {"busy": {"gaming": 100}}


def test_a_damaged_file_starts_again_instead_of_failing(tmp_path):
    (tmp_path / "counts.json").write_text("{not json")
    counts = SourceCounts(tmp_path / "counts.json")
    assert counts.read() == {}
    assert counts.add("school-a") == 1


def test_the_readme_command_prints_the_counts(tmp_path):
    """`python -m bot.source_counts`, as the README tells staff to run it."""
    import os
    import subprocess
    import sys

    from bot.tools.paths import ROOT

    env = {**os.environ, "TYG_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "bot.source_counts"]
    empty = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert empty.stdout.strip() == "No link has been used yet."
    SourceCounts(tmp_path / "source_counts.json").add("stmarys", "gaming")
    SourceCounts(tmp_path / "source_counts.json").add("stmarys", "talking")
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "stmarys: 2 (gaming 1, talking 1)"
