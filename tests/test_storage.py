"""The tracker store and the retention commands, on a real SQLite file with real Rasa
trackers (no server needed)."""
import asyncio
import concurrent.futures
import json
import sqlite3
import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores import storage
from stores import retention
from apps.paths import ROOT
from rasa_ext.tracker_store import PrivateTrackerStore

def run(coroutine):
    """asyncio.run on a thread of its own: the browser tests' Playwright keeps an event loop
    running on the main thread for the whole session."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


PII = "my son is called Jake, our number is 07700 900123 and we live at 12 Acacia Avenue LS1 4AB"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("TYG_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TYG_DATABASE_URL", raising=False)
    return tmp_path / "conversations.db"


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "build" / "domain"))


def tracker(sender, text, when=None):
    events = [ActionExecuted("action_listen", timestamp=when),
              UserUttered(text, {"name": "unknown_contact", "confidence": 0.9}, timestamp=when,
                          parse_data={"text": text, "intent": {"name": "unknown_contact"}, "entities": []}),
              BotUttered("Call the NSPCC helpline.", timestamp=when)]
    return DialogueStateTracker.from_events(sender, events)


def stored_texts(db):
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("select data from events order by id")]


def test_conversations_are_stored_redacted_and_read_back(db, domain):
    store = PrivateTrackerStore(domain=domain)
    run(store.save(tracker("parent-1", PII)))
    raw = "\n".join(stored_texts(db))
    for secret in ("Jake", "07700", "900123", "Acacia", "LS1 4AB"):
        assert secret not in raw
    assert "[name]" in raw and "[phone]" in raw and "[address]" in raw and "[postcode]" in raw
    # a restarted server (a new store on the same file) continues the conversation
    again = run(PrivateTrackerStore(domain=domain).retrieve("parent-1"))
    assert again.latest_message.text.startswith("my son is called [name]")
    assert len(again.events) == 3


def test_a_locked_database_loses_nothing(db, domain, caplog):
    store = PrivateTrackerStore(domain=domain)
    first = tracker("parent-2", "someone keeps messaging my daughter")
    run(store.save(first))
    blocker = sqlite3.connect(db, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        first.update(UserUttered("he sent her robux", {"name": "gifts_money"}))
        run(store.save(first))
        assert "DATABASE ERROR: could not store conversation parent-2" in caplog.text
        assert "locked" in caplog.text
        held = run(store.retrieve("parent-2"))
        assert held.latest_message.text == "he sent her robux"  # answered from memory meanwhile
    finally:
        blocker.rollback()
        blocker.close()
    run(store.save(held))  # the database works again: everything missed is written
    texts = [json.loads(d).get("text") for d in stored_texts(db)]
    assert "he sent her robux" in texts and len(texts) == 4


def test_a_full_database_is_reported_and_recovers(db, domain, caplog, monkeypatch):
    monkeypatch.setenv("TYG_DB_MAX_MB", "0.1")
    store = PrivateTrackerStore(domain=domain)
    big = "x" * 2000
    for i in range(40):  # fill the capped file through the store itself
        run(store.save(tracker(f"filler-{i}", big)))
    assert "database or disk is full" in caplog.text
    assert run(store.retrieve("filler-39")) is not None  # kept in memory


def test_retention_deletes_only_idle_conversations(db, domain, capsys):
    store = PrivateTrackerStore(domain=domain)
    now = time.time()
    run(store.save(tracker("old", "an old worry", when=now - 31 * 86400)))
    run(store.save(tracker("recent", "a recent worry", when=now - 29 * 86400)))
    assert storage.conversation_count() == 2
    assert retention.main([]) == 0
    assert "deleted 1 conversation(s) idle for over 30 days" in capsys.readouterr().out
    assert run(store.retrieve("old")) is None
    assert run(store.retrieve("recent")) is not None
    assert retention.main(["--days", "7"]) == 0
    assert storage.conversation_count() == 0


def test_forget_deletes_one_conversation(db, domain, capsys):
    store = PrivateTrackerStore(domain=domain)
    for sender in ("keep-me", "delete-me"):
        run(store.save(tracker(sender, "a worry")))
    retention.main(["--forget", "delete-me"])
    assert "deleted conversation delete-me: 3 event(s)" in capsys.readouterr().out
    assert run(store.retrieve("delete-me")) is None
    assert run(store.retrieve("keep-me")) is not None
    retention.main(["--forget", "delete-me"])
    assert "no conversation with id delete-me" in capsys.readouterr().out


def test_retention_setting_is_checked(monkeypatch):
    monkeypatch.setenv("TYG_RETENTION_DAYS", "0")
    with pytest.raises(ValueError, match="TYG_RETENTION_DAYS.*more than 0"):
        storage.retention_days()
    monkeypatch.setenv("TYG_RETENTION_DAYS", "a month")
    with pytest.raises(ValueError, match="TYG_RETENTION_DAYS.*whole number"):
        storage.retention_days()


def test_the_trend_counts_outlive_retention_and_count_a_conversation_once(db, domain):
    from stores.trend_counts import TrendCounts

    store = PrivateTrackerStore(domain=domain)
    then = time.time() - 40 * 86400
    old = tracker("counted-once", "a man keeps messaging my son", when=then)
    run(store.save(old))
    old.update(UserUttered("he sent him robux too", {"name": "gifts_money"}, timestamp=then + 60,
                           parse_data={"intent": {"name": "gifts_money"}, "tyg": {"concern": "gifts_money"}}))
    run(store.save(old))  # a second worry, a second save: still one conversation
    counts = TrendCounts().by_route()
    assert list(counts) == ["unknown_contact"] and sum(counts["unknown_contact"].values()) == 1
    assert retention.main(["--days", "30"]) == 0 and storage.conversation_count() == 0
    assert TrendCounts().by_route() == counts  # anonymous, so retention keeps them
