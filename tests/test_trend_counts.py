"""The trend counts in the conversation database: one upsert per conversation, exact under
concurrent writers, and nothing stored but week, route, source and a number."""
import concurrent.futures

import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, UserUttered

from rasa_ext.tracker_store import first_route
from stores.trend_counts import DIRECT, WEEKS, TrendCounts


def _store(tmp_path):
    return TrendCounts(sa.create_engine(f"sqlite:///{tmp_path / 'c.db'}"))


def test_counts_add_up_by_route_week_and_source(tmp_path):
    store = _store(tmp_path)
    store.add("2026-W49", "gifts_money")
    store.add("2026-W49", "gifts_money", "stmarys")
    store.add("2026-W49", "gifts_money", "stmarys")
    store.add("2026-W48", "sextortion", "stmarys")
    assert store.by_route() == {"gifts_money": {"2026-W49": 3}, "sextortion": {"2026-W48": 1}}
    assert store.by_route("stmarys") == {"gifts_money": {"2026-W49": 2}, "sextortion": {"2026-W48": 1}}
    assert store.sources() == [DIRECT, "stmarys"]


def test_concurrent_writers_never_lose_a_count(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    stores = [TrendCounts(sa.create_engine(url, connect_args={"timeout": 30})) for _ in range(2)]
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: stores[i % 2].add("2026-W49", "unknown_contact"), range(200)))
    assert stores[0].by_route() == {"unknown_contact": {"2026-W49": 200}}


def test_the_table_holds_nothing_that_could_identify_a_parent():
    assert [c.name for c in WEEKS.columns] == ["week", "route", "source", "conversations"]


def _user(text, concern=None, intent=None, source=None, timestamp=1764676800.0):
    parse = {"intent": {"name": intent or concern}, "tyg": {"concern": concern}}
    return UserUttered(text, intent={"name": intent or concern}, parse_data=parse,
                       metadata={"source": source} if source else None, timestamp=timestamp)


def test_a_conversation_counts_under_its_first_route_and_link():
    events = [_user("hi", intent="greet"), ActionExecuted("utter_greet"),
              _user("a man keeps sending him robux", "gifts_money", source="stmarys-newsletter"),
              _user("and now he wants pictures", "nude_images")]
    event, route, source = first_route(events)
    assert (route, source) == ("gifts_money", "stmarys-newsletter") and event is events[2]
    assert first_route([_user("hello", intent="greet")]) is None
    assert first_route([_user("x", "sextortion", source="Not A Source!")])[2] == DIRECT
