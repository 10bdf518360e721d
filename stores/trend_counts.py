"""Anonymous weekly counts of what parents ask about: conversations per (ISO week, route,
source), nothing else. No text, no conversation id, no time finer than the week, no address.
Each conversation is counted once, when it is first given a route (rasa_ext/tracker_store.py).
The table `concern_weeks` lives in the conversation database (SQLite by default, PostgreSQL
when configured); retention never deletes it, as nothing in it can point to a person.

    python -m tools.trends        # the figures in the terminal (make trends)
"""
from typing import Dict, List, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from stores import storage

DIRECT = "direct"  # a conversation that did not come from a school link
_META = sa.MetaData()
WEEKS = sa.Table(
    "concern_weeks", _META,
    sa.Column("week", sa.String(8), primary_key=True),  # 2026-W49
    sa.Column("route", sa.String(60), primary_key=True),
    sa.Column("source", sa.String(60), primary_key=True),
    sa.Column("conversations", sa.Integer, nullable=False),
)
_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}  # both can upsert


def upsert(dialect: str, week: str, route: str, source: str = DIRECT, by: int = 1):
    """The statement that adds `by` to one count, creating its row if need be; the tracker
    store runs it in the same transaction as the conversation's events."""
    insert = _INSERT[dialect](WEEKS).values(week=week, route=route, source=source, conversations=by)
    return insert.on_conflict_do_update(index_elements=["week", "route", "source"],
                                        set_={"conversations": WEEKS.c.conversations + by})


class TrendCounts:
    """One row per (week, route, source); each count one upsert, so two Rasa replicas
    counting at once never lose one."""

    def __init__(self, eng: Optional[Engine] = None):
        self.engine = eng or storage.engine()
        _META.create_all(self.engine, tables=[WEEKS])

    def add(self, week: str, route: str, source: str = DIRECT, by: int = 1) -> None:
        with self.engine.begin() as db:
            db.execute(upsert(self.engine.dialect.name, week, route, source, by))

    def by_route(self, source: Optional[str] = None) -> Dict[str, Dict[str, int]]:
        """route -> week -> conversations, from every source or one."""
        query = sa.select(WEEKS.c.route, WEEKS.c.week, sa.func.sum(WEEKS.c.conversations)).group_by(
            WEEKS.c.route, WEEKS.c.week)
        if source:
            query = query.where(WEEKS.c.source == source)
        out: Dict[str, Dict[str, int]] = {}
        with self.engine.connect() as db:
            for route, week, total in db.execute(query):
                out.setdefault(route, {})[week] = int(total)
        return out

    def sources(self) -> List[str]:
        with self.engine.connect() as db:
            return sorted(db.execute(sa.select(WEEKS.c.source).distinct()).scalars())

    def clear(self) -> None:  # for the demo database only
        with self.engine.begin() as db:
            db.execute(WEEKS.delete())
