"""Rasa's own scale-out: two Rasa server replicas sharing a PostgreSQL tracker store and a
Redis lock store, one action server, and conversations whose turns alternate between the
replicas under concurrent load. Nothing lost or duplicated, state consistent."""
import json
import threading
import uuid

import pytest
import sqlalchemy as sa

from tools.bench.load import bubbles_key, references, scripts
from apps.bot_client import send
from apps.supervisor import Bot
from tests import services
from tests.conftest import environment

pytestmark = pytest.mark.servers
PG_PORT, REDIS_PORT = services.free_port(), services.free_port()


@pytest.fixture(scope="module")
def replicas(model):
    with services.postgres(PG_PORT) as pg_url, services.redis(REDIS_PORT) as redis_url, \
            environment(TYG_DATABASE_URL=pg_url, TYG_REDIS_URL=redis_url):
        actions = services.free_port()
        first, second = Bot(model, services.free_port(), actions), Bot(model, services.free_port(), actions)
        try:
            first.start()  # the action server and the first replica
            second.start_rasa()  # the second replica, same action server
            yield first, second, pg_url
        finally:
            second.stop()
            first.stop()


def test_endpoints_name_the_shared_stores(replicas):
    first, _, _ = replicas
    text = first.endpoints.read_text()
    assert "PrivateTrackerStore" in text and f"port: {REDIS_PORT}" in text
    assert "type: rasa_ext.lock_store.AtomicRedisLockStore" in text


def test_alternating_replicas_under_load_lose_and_duplicate_nothing(replicas):
    first, second, pg_url = replicas
    convs = scripts(10)
    refs = references(first.rasa_port, convs)
    problems, lock = [], threading.Lock()
    senders = [f"replica-{uuid.uuid4().hex}" for _ in convs]

    def converse(i):
        for n, turn in enumerate(convs[i]):
            port = (first, second)[(i + n) % 2].rasa_port  # every turn on the other replica
            try:
                reply = send(port, turn.text, senders[i], timeout=60)
            except Exception as exc:
                reply = [{"text": f"error: {exc}"}]
            if bubbles_key(reply) != refs[i][n]:
                with lock:
                    problems.append(f"conversation {i} turn {n} on {port}: {reply!r}"[:200])

    threads = [threading.Thread(target=converse, args=(i,)) for i in range(len(convs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert problems == []
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        for i, sender in enumerate(senders):
            rows = conn.execute(sa.text("select type_name, data from events where sender_id=:s order by id"),
                                {"s": sender}).all()
            users = [json.loads(d)["text"] for t, d in rows if t == "user"]
            assert users == [turn.text for turn in convs[i]]  # each turn once, in order
            # consistent: every user turn is followed by the bot's answer before the next one
            kinds = [t for t, _ in rows if t in ("user", "bot")]
            assert all(a != "user" or b == "bot" for a, b in zip(kinds, kinds[1:] + ["bot"]))


@pytest.mark.parametrize("race", range(4))  # several races: one may happen not to overlap
def test_two_replicas_receiving_one_conversation_at_once(replicas, race):
    first, second, pg_url = replicas
    sender = f"replica-race-{uuid.uuid4().hex}"
    opening = "a man on discord keeps messaging my son"
    send(first.rasa_port, opening, sender)
    texts = ["he sends him robux as well", "How do I block and report them on the app?"]
    replies, start = {}, threading.Barrier(2)

    def at_once(k, bot):
        start.wait()
        replies[k] = send(bot.rasa_port, texts[k], sender, timeout=60)

    threads = [threading.Thread(target=at_once, args=(k, b)) for k, b in enumerate((first, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(replies.get(k) for k in (0, 1))  # both answered: the lock store queued one
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("select type_name, data from events where sender_id=:s order by id"),
                            {"s": sender}).all()
    users = [json.loads(d)["text"] for t, d in rows if t == "user"]
    assert users[0] == opening and sorted(users[1:]) == sorted(texts)  # neither turn lost
    # one turn after the other: the second replica read the first one's answer before its own
    kinds = [t for t, _ in rows if t in ("user", "bot")]
    assert all(a != "user" or b == "bot" for a, b in zip(kinds, kinds[1:] + ["bot"]))


def test_the_replicas_really_lock_and_count_in_redis(replicas):
    import redis
    stats = redis.Redis(port=REDIS_PORT).info("commandstats")
    # Rasa's lock store writes each conversation's lock with SET; the rate limits run as scripts
    assert stats.get("cmdstat_set", {}).get("calls", 0) >= 60
    assert stats.get("cmdstat_evalsha", {}).get("calls", 0) + stats.get("cmdstat_eval", {}).get("calls", 0) >= 60


def test_both_replicas_count_conversations_for_the_trends_without_losing_one(replicas):
    """Conversations on both replicas at once, all from one school link: the weekly count is
    exact (one upsert per conversation, concurrent on the same row) and once per conversation."""
    import requests

    from stores.trend_counts import TrendCounts

    first, second, pg_url = replicas
    source = f"replicas-{uuid.uuid4().hex[:8]}"
    errors = []

    def converse(i):
        port = (first, second)[i % 2].rasa_port
        sender = f"trend-{uuid.uuid4().hex}"
        for text in ("a man online keeps sending my daughter vouchers and gifts", "he also asked her for photos"):
            reply = requests.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook", timeout=60,
                                  json={"sender": sender, "message": text, "metadata": {"source": source}})
            if reply.status_code != 200:
                errors.append(reply.status_code)

    threads = [threading.Thread(target=converse, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert errors == []
    counts = TrendCounts(sa.create_engine(pg_url)).by_route(source)
    assert sum(counts.get("gifts_money", {}).values()) == 16, counts
    assert "nude_images" not in counts  # a conversation's second worry is not counted again
