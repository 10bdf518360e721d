"""Per-conversation and per-address rate limits for the channels, on the `limits` library
(moving windows; in memory, or in Redis when replicas share TYG_REDIS_URL).

Settings (bot/settings.py): TYG_RATE_PER_SENDER, TYG_RATE_PER_IP, TYG_TRUSTED_PROXIES,
TYG_REDIS_URL, TYG_REDIS_PASSWORD, TYG_RATE_SALT.

Requests straight from a trusted address with no X-Forwarded-For are local tools (tests,
the evaluation, the staff console) and have no per-address limit. Addresses are only ever
held as salted hashes, in memory or in Redis for the length of the window, never stored.
"""
import hashlib
import ipaddress
import secrets
from typing import Iterable, Optional
from urllib.parse import quote, urlsplit, urlunsplit

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from bot import settings



def with_password(url: Optional[str], password: Optional[str]) -> Optional[str]:
    """The Redis address with TYG_REDIS_PASSWORD in it (compose starts Redis with
    --requirepass), unless the address already carries one."""
    if not url or not password:
        return url
    parts = urlsplit(url)
    if parts.password:
        return url
    netloc = f":{quote(password, safe='')}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _split(raw: str) -> list:
    return [p.strip() for p in raw.replace(",", " ").split() if p.strip()]


class RateLimits:
    def __init__(self, per_sender: str = "20/minute", per_ip: str = "300/minute",
                 trusted_proxies: Iterable[str] = ("127.0.0.1", "::1"),
                 storage_uri: str = "memory://", salt: Optional[str] = None):
        self.per_sender = parse(per_sender)
        self.per_ip = parse(per_ip)
        self.trusted = [ipaddress.ip_network(p, strict=False) for p in trusted_proxies]
        self.storage = storage_from_string(storage_uri)  # the limiter only holds a weak reference
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.salt = salt or secrets.token_hex(16)

    @classmethod
    def from_env(cls) -> "RateLimits":
        redis = with_password(settings.get("TYG_REDIS_URL"), settings.get("TYG_REDIS_PASSWORD"))
        return cls(
            per_sender=settings.get("TYG_RATE_PER_SENDER"),
            per_ip=settings.get("TYG_RATE_PER_IP"),
            trusted_proxies=settings.get("TYG_TRUSTED_PROXIES"),
            storage_uri=redis or "memory://",
            # replicas must hash an address the same way to count it together
            salt=settings.get("TYG_RATE_SALT") or (redis and hashlib.sha256(redis.encode()).hexdigest()),
        )

    def client_address(self, peer: Optional[str], forwarded_for: Optional[str]) -> Optional[str]:
        """The address to limit, or None for a local tool. Behind trusted proxies, the
        nearest address in X-Forwarded-For that is not itself a trusted proxy."""
        peer = (peer or "").strip()
        if not self.is_trusted(peer):
            return peer or None
        for hop in reversed(_split(forwarded_for or "")):
            if not self.is_trusted(hop):
                return hop
        return None

    def is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:  # not an address at all: never a trusted proxy
            return False
        return any(ip in net for net in self.trusted)

    def allow(self, sender: Optional[str], address: Optional[str]) -> bool:
        """Count one message; False if it goes over either limit."""
        ok = True
        if sender:
            ok = self.limiter.hit(self.per_sender, "sender", self._hash(sender)) and ok
        if address:
            ok = self.limiter.hit(self.per_ip, "ip", self._hash(address)) and ok
        return ok

    def _hash(self, value: str) -> str:
        return hashlib.sha256((self.salt + value).encode("utf-8", "replace")).hexdigest()[:32]
