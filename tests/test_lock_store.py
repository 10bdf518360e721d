"""The atomic Redis lock store against a real Redis: many servers (here threads, each with
its own connection, as each replica has) taking one conversation's lock at the same moment
get unique tickets, take turns, and leave nothing behind."""
import asyncio
import threading
import uuid

import pytest
import redis as redis_client
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from rasa_ext.lock_store import AtomicRedisLockStore
from tests import services

PORT = services.free_port()
SERVERS = 8


@pytest.fixture(scope="module")
def redis_port():
    with services.redis(PORT):
        yield PORT


def store(port: int) -> AtomicRedisLockStore:
    return AtomicRedisLockStore(host="127.0.0.1", port=port, db=0, key_prefix="tyg")


def all_at_once(work, count: int = SERVERS) -> list:
    """Run work(i) on `count` threads released together; the results in order of i."""
    results, start = [None] * count, threading.Barrier(count)

    def run(i):
        start.wait()
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_endpoints_yml_builds_it_with_rasas_redis_options(redis_port):
    config = EndpointConfig(url="127.0.0.1", type="rasa_ext.lock_store.AtomicRedisLockStore",
                            port=redis_port, db=0, key_prefix="tyg")
    built = LockStore.create(config)
    assert isinstance(built, AtomicRedisLockStore)
    assert built.key_prefix.startswith("tyg:") and built.red.ping()


def test_tickets_issued_at_the_same_moment_are_unique(redis_port):
    conversation = uuid.uuid4().hex
    stores = [store(redis_port) for _ in range(SERVERS)]
    for _ in range(5):  # several rounds: one round may happen not to race
        tickets = all_at_once(lambda i: stores[i].issue_ticket(conversation))
        assert len(set(tickets)) == SERVERS, f"two servers got the same ticket: {sorted(tickets)}"
    assert sorted(t.number for t in stores[0].get_lock(conversation).tickets) == list(range(5 * SERVERS))


def test_only_one_server_at_a_time_holds_a_conversation(redis_port):
    conversation, counter = uuid.uuid4().hex, f"test-counter-{uuid.uuid4().hex}"
    red, inside, overlaps = redis_client.Redis(port=redis_port), [0], []

    async def turn(lock_store):
        async with lock_store.lock(conversation):
            inside[0] += 1
            if inside[0] > 1:
                overlaps.append(inside[0])
            value = int(red.get(counter) or 0)  # read, wait, write: lost updates if two overlap
            await asyncio.sleep(0.02)
            red.set(counter, value + 1)
            inside[0] -= 1

    # each thread is a server with its own event loop and connection
    all_at_once(lambda i: asyncio.run(turn(store(redis_port))))
    assert overlaps == [] and int(red.get(counter)) == SERVERS
    assert red.get("tyg:lock:" + conversation) is None  # the last one out removed the lock


def test_a_held_lock_expires_in_redis_if_its_server_dies(redis_port):
    conversation = uuid.uuid4().hex
    crashed = store(redis_port)
    crashed.issue_ticket(conversation, lock_lifetime=5)  # never finished: the server died
    ttl = redis_client.Redis(port=redis_port).ttl("tyg:lock:" + conversation)
    assert 5 < ttl <= 5 + 60 + 1


def test_a_waiting_server_is_served_once_the_holder_finishes(redis_port):
    conversation, order = uuid.uuid4().hex, []
    first, second = store(redis_port), store(redis_port)

    async def both():
        async def hold(name, lock_store, seconds):
            async with lock_store.lock(conversation):
                order.append(f"{name} in")
                await asyncio.sleep(seconds)
                order.append(f"{name} out")
        holder = asyncio.ensure_future(hold("first", first, 0.3))
        await asyncio.sleep(0.05)
        await asyncio.gather(holder, hold("second", second, 0))

    asyncio.run(both())
    assert order == ["first in", "first out", "second in", "second out"]
