"""Link-use counts: aggregate numbers only, in the conversation database."""
import json
import threading

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from stores import storage
from bot.source_link import clean_source
from stores.source_counts import SourceCounts


@pytest.mark.parametrize("raw,expected", [
    ("stmarys-newsletter", "stmarys-newsletter"), (" StMarys ", "stmarys"),
    ("st marys", None), ("<script>", None), ("", None), (None, None), (42, None), ("a" * 61, None),
    ("-leading-dash", None),
])
def test_sources_are_short_slugs(raw, expected):
    assert clean_source(raw) == expected


@pytest.fixture
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("TYG_DATA_DIR", str(tmp_path))  # no earlier version's file is found by accident
    return storage.engine(make_url(f"sqlite:///{tmp_path / 'counts.db'}"))


def test_counts_hold_only_numbers_per_source_and_topic(database):
    counts = SourceCounts(database)
    counts.add("school-a", "gaming")
    assert counts.add("school-a", "gaming") == 2
    counts.add("school-b")
    assert counts.read() == {"school-a": {"gaming": 2}, "school-b": {"none": 1}}
    with database.connect() as db:  # the table holds nothing else
        assert [c["name"] for c in sa.inspect(db).get_columns("link_visits")] == ["source", "topic", "visits"]


def test_concurrent_counts_are_not_lost(database):
    counts = SourceCounts(database)
    threads = [threading.Thread(target=lambda: [counts.add("busy", "gaming") for _ in range(25)])
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counts.read() == {"busy": {"gaming": 100}}


def test_counts_from_an_earlier_versions_file_are_imported_once(tmp_path, database):
    (tmp_path / "source_counts.json").write_text(json.dumps({"school-a": {"gaming": 3}, "<bad>": {"x": 1}}))
    assert SourceCounts(database).read() == {"school-a": {"gaming": 3}}
    assert not (tmp_path / "source_counts.json").exists()
    assert SourceCounts(database).read() == {"school-a": {"gaming": 3}}  # not twice


@pytest.mark.infra
def test_counts_in_postgresql_from_two_writers_at_once():
    from tests.services import free_port, postgres

    with postgres(free_port()) as url:
        first, second = (SourceCounts(sa.create_engine(url)) for _ in range(2))  # two web servers
        threads = [threading.Thread(target=lambda c=c: [c.add("school-a", "gaming") for _ in range(20)])
                   for c in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert first.read() == {"school-a": {"gaming": 40}}


def test_the_readme_command_prints_the_counts(tmp_path):
    """`python -m stores.source_counts`, as the README tells staff to run it."""
    import os
    import subprocess
    import sys

    from apps.paths import ROOT

    env = {**os.environ, "TYG_DATA_DIR": str(tmp_path)}
    env.pop("TYG_DATABASE_URL", None)
    command = [sys.executable, "-m", "stores.source_counts"]
    empty = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert empty.stdout.strip() == "No link has been used yet."
    counts = SourceCounts(storage.engine(make_url(f"sqlite:///{tmp_path / 'conversations.db'}")))
    counts.add("stmarys", "gaming")
    counts.add("stmarys", "talking")
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "stmarys: 2 (gaming 1, talking 1)"
