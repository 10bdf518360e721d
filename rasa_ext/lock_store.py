"""The lock store for more than one Rasa server: Rasa's Redis ticket lock, made atomic.

Rasa's RedisLockStore changes a conversation's lock by reading it, changing it in Python
and writing it back. Two replicas receiving the same conversation at the same moment both
read "no lock", both issue ticket 0 and both go ahead: each answers from the same tracker
and one of the two turns is never stored (tests/test_lock_store.py shows the race). Here every
change is one Redis transaction (WATCH, then MULTI/EXEC, retried if another server changed
the lock in between), so tickets are unique and served in order across replicas.

endpoints.yml names it (`type: rasa_ext.lock_store.AtomicRedisLockStore`, with Rasa's
Redis options: url, port, db, password, key_prefix).
"""
import json
import math
import time
from contextlib import asynccontextmanager
from typing import Any, Callable, Optional, Text, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

WAIT_SECONDS = 0.1  # between looks at a busy lock; Rasa's 1 s delays a queued message by up to 1 s
KEEP_SECONDS = 60  # a lock key outlives its last ticket by this much, then Redis drops it
T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # built by Rasa from endpoints.yml
            kwargs = {**endpoint_config.kwargs, "host": endpoint_config.url or "localhost", **kwargs}
        super().__init__(**kwargs)

    def _change(self, conversation_id: Text, change: Callable[[TicketLock], T],
                create: bool = False) -> Optional[T]:
        """Apply `change` to the stored lock as one transaction, and write the lock back, or
        delete it once it holds no ticket. Without a stored lock: nothing, unless `create`."""
        key = self.key_prefix + conversation_id

        def attempt(pipe) -> Optional[T]:
            raw = pipe.get(key)
            if not raw and not create:
                return None
            lock = TicketLock.from_dict(json.loads(raw)) if raw else self.create_lock(conversation_id)
            result = change(lock)
            pipe.multi()
            if not lock.tickets:
                pipe.delete(key)
            elif lock.dumps().encode() != raw:  # unchanged (a look at a busy lock): no write
                last_expiry = max(ticket.expires for ticket in lock.tickets)
                pipe.set(key, lock.dumps(), ex=max(1, math.ceil(last_expiry - time.time())) + KEEP_SECONDS)
            return result

        return self.red.transaction(attempt, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime), create=True)
        except Exception as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        # one transaction: a ticket issued between "nobody waits" and "delete" is never lost
        self.finish_serving(conversation_id, ticket_number)

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = WAIT_SECONDS):
        async with super().lock(conversation_id, lock_lifetime, min(wait_time_in_seconds, WAIT_SECONDS)) as held:
            yield held
