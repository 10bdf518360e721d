"""How often each school or website link is used: one aggregate count per (source, topic),
nothing else. No time, no address, no session id, so a count can never be tied to a person.
The counts live in the conversation database (stores/storage.py: SQLite by default, PostgreSQL
when configured), in the table `link_visits`; retention never deletes them.

    python -m stores.source_counts          # print the counts
"""
import json
import os
from typing import Dict, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from bot.source_link import clean_source
from stores import storage

NO_TOPIC = "none"
LEGACY_FILE = "source_counts.json"  # where an earlier version kept them; imported once

_META = sa.MetaData()
VISITS = sa.Table(
    "link_visits", _META,
    sa.Column("source", sa.String(60), primary_key=True),
    sa.Column("topic", sa.String(60), primary_key=True),
    sa.Column("visits", sa.Integer, nullable=False),
)
_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}  # both can upsert


class SourceCounts:
    """Counts kept as one row per (source, topic), each use one upsert, so two web servers
    (or two threads) never lose a count."""

    def __init__(self, eng: Optional[Engine] = None):
        self.engine = eng or storage.engine()
        _META.create_all(self.engine, tables=[VISITS])
        self._import_legacy_file()

    def add(self, source: str, topic: str = NO_TOPIC, by: int = 1) -> int:
        insert = _INSERT[self.engine.dialect.name](VISITS).values(source=source, topic=topic, visits=by)
        upsert = insert.on_conflict_do_update(index_elements=["source", "topic"],
                                              set_={"visits": VISITS.c.visits + by})
        where = (VISITS.c.source == source) & (VISITS.c.topic == topic)
        with self.engine.begin() as db:
            db.execute(upsert)
            return db.execute(sa.select(VISITS.c.visits).where(where)).scalar_one()

    def read(self) -> Dict[str, Dict[str, int]]:
        counts: Dict[str, Dict[str, int]] = {}
        with self.engine.connect() as db:
            for source, topic, visits in db.execute(sa.select(VISITS.c.source, VISITS.c.topic, VISITS.c.visits)):
                counts.setdefault(source, {})[topic] = visits
        return counts

    def _import_legacy_file(self) -> None:
        path = storage.data_dir() / LEGACY_FILE
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for source, per_topic in (old.items() if isinstance(old, dict) else ()):
            for topic, n in (per_topic.items() if isinstance(per_topic, dict) else ()):
                if clean_source(source) and isinstance(topic, str) and isinstance(n, int) and n > 0:
                    self.add(clean_source(source), topic[:60], n)
        os.replace(path, path.with_suffix(".imported"))


def main() -> None:
    counts = SourceCounts().read()
    if not counts:
        print("No link has been used yet.")
    for source, per_topic in sorted(counts.items()):
        detail = ", ".join(f"{topic} {n}" for topic, n in sorted(per_topic.items()))
        print(f"{source}: {sum(per_topic.values())} ({detail})")


if __name__ == "__main__":
    main()
