"""The tracker store: Rasa's SQL tracker store, made private and fault-tolerant.

endpoints.yml names it (`type: rasa_ext.tracker_store.PrivateTrackerStore`); where the
database is comes from stores.storage (SQLite in the data folder, or TYG_DATABASE_URL).
- Every user event is redacted (bot.redaction) before it is written. The NLU and the
  actions have already read the original text by then; the database never sees it.
- Each conversation is counted once, by week, route and school-link source, when it is first
  given a route (stores/trend_counts.py: anonymous, for the staff trends page), in the same
  transaction as its events: one commit, and a count is never kept without its conversation
  or lost with a write that is retried.
- If the database cannot be written (locked, full, gone), the error is logged plainly and
  the conversation is kept in memory, so the parent is still answered and nothing is lost:
  the next successful save writes everything that was missed.
"""
import asyncio
import datetime as dt
import json
import logging
from collections import OrderedDict
from typing import Any, List, Optional, Text, Tuple

import sqlalchemy as sa
import sqlalchemy.exc
import sqlalchemy.orm
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.redaction import redact_event
from bot.routing import routing
from bot.source_link import clean_source
from bot.trends import iso_week
from rasa_ext.concern_router import ROUTING_KEY
from stores import storage
from stores.trend_counts import DIRECT, TrendCounts, upsert

logger = logging.getLogger(__name__)
MAX_UNSAVED = 2000  # conversations held in memory while the database refuses writes


class PrivateTrackerStore(SQLTrackerStore):
    def __init__(self, domain=None, host: Optional[Text] = None, event_broker=None, **kwargs: Any) -> None:
        url = storage.database_url()
        super().__init__(domain=domain, host=url.render_as_string(hide_password=False),
                         event_broker=event_broker)
        if url.get_backend_name() == "sqlite":  # pooled connections with the pragmas
            self.engine.dispose()
            self.engine = storage.engine(url)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self._unsaved: "OrderedDict[str, DialogueStateTracker]" = OrderedDict()
        TrendCounts(self.engine)  # its table, created once
        logger.info("Conversations are stored in %s (%s).", url.get_backend_name(),
                    url.database if url.get_backend_name() == "sqlite" else url.host)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        if sender_id in self._unsaved:  # newer than anything the database holds
            return self._unsaved[sender_id]
        try:
            return await super().retrieve(sender_id)
        except sqlalchemy.exc.SQLAlchemyError as exc:
            logger.error("DATABASE ERROR: could not read conversation %s (%s). It is answered as a "
                         "new conversation.", sender_id, _reason(exc))
            return None

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        if conversation_id in self._unsaved:
            return self._unsaved[conversation_id]
        return await super().retrieve_full_tracker(conversation_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        try:
            # on a worker thread: other conversations are answered while the database writes
            # (this conversation stays locked by Rasa until the write is done)
            await asyncio.get_running_loop().run_in_executor(None, self._write, tracker)
        except sqlalchemy.exc.SQLAlchemyError as exc:
            self._unsaved[tracker.sender_id] = tracker
            self._unsaved.move_to_end(tracker.sender_id)
            while len(self._unsaved) > MAX_UNSAVED:
                self._unsaved.popitem(last=False)
            logger.error("DATABASE ERROR: could not store conversation %s (%s). It is kept in memory "
                         "and stored when the database accepts writes again.", tracker.sender_id, _reason(exc))
            return
        if self._unsaved.pop(tracker.sender_id, None) is not None:
            logger.info("Conversation %s is stored again after a database error.", tracker.sender_id)
        await self.stream_events(tracker)

    def _write(self, tracker: DialogueStateTracker) -> None:
        # SQLTrackerStore.save, with each event redacted before it is serialised
        with self.session_scope() as session:
            rows = []
            new = list(self._additional_events(session, tracker))
            for event in new:
                data = redact_event(event.as_dict())
                rows.append({
                    "sender_id": tracker.sender_id,
                    "type_name": event.type_name,
                    "timestamp": data.get("timestamp"),
                    "intent_name": (data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                    "action_name": data.get("name"),
                    "data": json.dumps(data),
                })
            if rows:  # one multi-row insert, not an ORM object per event
                session.execute(self.SQLEvent.__table__.insert(), rows)
            count = self._first_route_count(tracker, new)
            if count is not None:  # in the same transaction: counted exactly when stored
                session.execute(count)
            session.commit()

    def _first_route_count(self, tracker: DialogueStateTracker, new: List[Event]):
        """The trend count's upsert, when the message that first gave the conversation a
        route is among the events being stored (so a conversation counts once)."""
        if not any(isinstance(e, UserUttered) for e in new):  # no new message: nothing to count
            return None
        first = first_route(tracker.events)
        if first is None or not any(e is first[0] for e in new):
            return None
        event, route, source = first
        week = iso_week(dt.datetime.fromtimestamp(event.timestamp, dt.timezone.utc).date())
        return upsert(self.engine.dialect.name, week, route, source)


def first_route(events) -> Optional[Tuple[UserUttered, str, str]]:
    """The first message given a route (a concern, the emergency included), the route, and
    the school-link source the conversation came from ('direct' if none)."""
    source = DIRECT
    for event in events:
        if not isinstance(event, UserUttered):
            continue
        source = clean_source((event.metadata or {}).get("source")) or source
        routed = (event.parse_data or {}).get(ROUTING_KEY) or {}
        route = routed.get("concern") or event.intent_name  # a topic link opens on its intent
        if route and route in routing().concerns:
            return event, route, source
    return None


def _reason(exc: Exception) -> str:
    """The database's own words, without the SQL statement and parameters."""
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0][:200]
