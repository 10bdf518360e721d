"""Topics a link can open the chat on (topics.yaml), each tied to a general-information
concern of the routing."""
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Optional

from bot import content_schema as schema
from bot.content_files import CONTENT_DIR, load, require
from bot.routing import Routing, routing

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
# Concerns at or below this severity are general information (gaming, talking...);
# anything above assumes something has happened to the child.
MAX_TOPIC_SEVERITY = 25


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    concern: str


def load_topics(directory=CONTENT_DIR, routes: Optional[Routing] = None) -> Dict[str, Topic]:
    routes = routes or routing()
    data = schema.validate(schema.TopicsFile, load("topics.yaml", directory), "topics.yaml")
    topics = {}
    for key, entry in data.topics.items():
        where = f"topics.yaml: {key}"
        require(KEY_RE.match(key), where, "key must be lower case letters, digits, dashes")
        concern = routes.concerns.get(entry.concern)
        require(concern is not None, where, f"unknown concern '{entry.concern}'")
        require(not concern.emergency and concern.severity <= MAX_TOPIC_SEVERITY, where,
                f"'{entry.concern}' is not general information; a link must not open on it")
        topics[key] = Topic(key=key, label=entry.label, concern=entry.concern)
    return topics


@lru_cache(maxsize=1)
def topics() -> Dict[str, Topic]:
    return load_topics()


def opening_intent(topic_key) -> Optional[str]:
    """The intent a chat opened on this topic starts with; None for an unknown topic."""
    topic = topics().get(topic_key) if isinstance(topic_key, str) else None
    return topic.concern if topic else None
