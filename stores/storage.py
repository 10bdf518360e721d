"""Where conversations are kept, and how long.

One SQL database holds Rasa's conversation events (its SQL tracker store's `events` table):
SQLite in the data folder by default, PostgreSQL (or any SQLAlchemy URL) when
TYG_DATABASE_URL is set. Text in it is already redacted (rasa_ext/tracker_store.py).

Settings (bot/settings.py): TYG_DATA_DIR, TYG_DATABASE_URL, TYG_DATABASE_PASSWORD,
TYG_RETENTION_DAYS, TYG_DB_MAX_MB.
"""
import time
from functools import lru_cache
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from bot import settings


ROOT = Path(__file__).resolve().parent.parent
SQLITE_BUSY_MS = 2000  # a locked database fails fast: the parent is answered anyway


def data_dir() -> Path:
    return Path(settings.get("TYG_DATA_DIR") or ROOT / "var")


def database_url() -> URL:
    raw = settings.get("TYG_DATABASE_URL")
    if not raw:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return make_url(f"sqlite:///{folder / 'conversations.db'}")
    url = make_url(raw)
    password = settings.get("TYG_DATABASE_PASSWORD")
    return url.set(password=password) if password and not url.password else url


def retention_days() -> int:
    return settings.get("TYG_RETENTION_DAYS")


def max_mb() -> Optional[float]:
    return settings.get("TYG_DB_MAX_MB")


def sqlite_pragmas(engine: Engine) -> None:
    """On every new SQLite connection: WAL (the retention command can read and delete while
    the bot writes), a short busy wait, and the optional size cap."""
    cap = max_mb()

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # with WAL, NORMAL survives a crash of the bot intact; only a power cut can lose the
        # last moments' writes, and each commit no longer waits for the disk
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        if cap:
            page_size = cursor.execute("PRAGMA page_size").fetchone()[0]
            cursor.execute(f"PRAGMA max_page_count={max(int(cap * 1024 * 1024 / page_size), 16)}")
        cursor.close()


def engine(url: Optional[URL] = None) -> Engine:
    """One engine (and connection pool) per database and size cap, per process: the web
    server's delete requests and the retention job reuse it."""
    url = url or database_url()
    return _engine(url.render_as_string(hide_password=False), max_mb())


@lru_cache(maxsize=8)
def _engine(raw_url: str, _cap: Optional[float]) -> Engine:
    url = make_url(raw_url)
    if url.get_backend_name() != "sqlite":
        return sa.create_engine(url)
    # SQLAlchemy 1.4 opens a new SQLite connection per session by default (NullPool): with the
    # pragmas above, that was most of the cost of storing a turn. A small pool keeps them open.
    eng = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=2, max_overflow=4,
                           connect_args={"check_same_thread": False})
    sqlite_pragmas(eng)
    return eng


def _events(eng: Engine) -> Optional[sa.Table]:
    meta = sa.MetaData()
    try:
        return sa.Table("events", meta, autoload_with=eng)
    except sa.exc.NoSuchTableError:  # the bot has not stored anything yet
        return None


def delete_older_than(days: int, eng: Optional[Engine] = None, now: Optional[float] = None) -> int:
    """Delete every conversation whose last message is more than `days` days old.
    Returns how many conversations were deleted."""
    eng = eng or engine()
    events = _events(eng)
    if events is None:
        return 0
    cutoff = (now or time.time()) - days * 86400
    last = sa.select(events.c.sender_id).group_by(events.c.sender_id).having(
        sa.func.max(events.c.timestamp) < cutoff)
    with eng.begin() as conn:
        senders = [row[0] for row in conn.execute(last)]
        for start in range(0, len(senders), 500):
            conn.execute(events.delete().where(events.c.sender_id.in_(senders[start:start + 500])))
    return len(senders)


def delete_conversation(sender_id: str, eng: Optional[Engine] = None) -> int:
    """Delete one conversation by its id. Returns how many events were deleted."""
    eng = eng or engine()
    events = _events(eng)
    if events is None:
        return 0
    with eng.begin() as conn:
        return conn.execute(events.delete().where(events.c.sender_id == sender_id)).rowcount


def conversation_count(eng: Optional[Engine] = None) -> int:
    eng = eng or engine()
    events = _events(eng)
    if events is None:
        return 0
    with eng.connect() as conn:
        return conn.execute(sa.select(sa.func.count(sa.distinct(events.c.sender_id)))).scalar() or 0
