"""Who is typing, and about whom: a child rather than a parent; an adult close to the writer."""
import re
from functools import lru_cache
from typing import Tuple

from bot import content_schema as schema
from bot.content_files import CONTENT_DIR, load


@lru_cache(maxsize=4)
def _patterns(key: str, directory=CONTENT_DIR) -> Tuple[re.Pattern, ...]:
    data = schema.validate(schema.AudienceFile, load("audience.yaml", directory), "audience.yaml")
    return tuple(re.compile(p) for p in getattr(data, key))


def _matches(key: str, text: str) -> bool:
    lowered = (text or "").lower().replace("\u2019", "'")
    return any(p.search(lowered) for p in _patterns(key))


def child_is_typing(text: str) -> bool:
    return _matches("child_typing", text)


def about_someone_close(text: str) -> bool:
    """The adult in question is the writer's partner, relative or ex."""
    return _matches("close_relation", text)
