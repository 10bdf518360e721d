import pytest

from stores.rate_limit import RateLimits, with_password
from tests.services import free_port, redis


def test_one_conversation_is_limited_alone():
    limits = RateLimits(per_sender="3/minute", per_ip="100/minute")
    assert [limits.allow("a", None) for _ in range(4)] == [True, True, True, False]
    assert limits.allow("b", None)  # another conversation is not held back


def test_one_address_is_limited_across_conversations():
    limits = RateLimits(per_sender="100/minute", per_ip="3/minute")
    results = [limits.allow(f"conversation-{i}", "203.0.113.7") for i in range(4)]
    assert results == [True, True, True, False]
    assert limits.allow("another", "198.51.100.1")


def test_client_address_behind_trusted_proxies():
    limits = RateLimits(trusted_proxies=["127.0.0.1", "10.0.0.2"])
    assert limits.client_address("198.51.100.1", "203.0.113.7") == "198.51.100.1"  # untrusted peer: XFF ignored
    assert limits.client_address("127.0.0.1", "203.0.113.7, 10.0.0.2") == "203.0.113.7"
    assert limits.client_address("127.0.0.1", None) is None  # a local tool: no address limit
    assert limits.client_address(None, None) is None
    docker = RateLimits(trusted_proxies=["172.16.0.0/12"])  # a proxy anywhere on Docker's networks
    assert docker.client_address("172.18.0.5", "203.0.113.7") == "203.0.113.7"
    assert docker.client_address("172.18.0.5", "not-an-address, 203.0.113.7") == "203.0.113.7"


def test_addresses_are_only_held_hashed():
    limits = RateLimits(per_ip="5/minute")
    limits.allow("a", "203.0.113.7")
    held = repr(limits.storage.events) + repr(limits.storage.storage)
    assert "203.0.113.7" not in held and len(held) > 10


@pytest.mark.infra
def test_rate_limits_work_against_a_redis_that_needs_a_password(monkeypatch):
    with redis(free_port(), password="s3cret pass/word") as url:
        monkeypatch.setenv("TYG_REDIS_URL", url)
        monkeypatch.setenv("TYG_REDIS_PASSWORD", "s3cret pass/word")
        limits = RateLimits.from_env()
        assert [limits.allow("a", "203.0.113.7") for _ in range(2)] == [True, True]


def test_a_password_already_in_the_address_is_kept():
    assert with_password("redis://:inline@host:6379/0", "other") == "redis://:inline@host:6379/0"
    assert with_password("redis://host:6379/1", "p@ss") == "redis://:p%40ss@host:6379/1"
    assert with_password("redis://host/0", None) == "redis://host/0"
