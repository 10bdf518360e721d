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


# a few words in quotation marks are someone else's: the age a contact claims ("a lad who says
# he's 18... 'when I'm 15'", "someone with 'im 14' in their name"), or a child quoted by a
# parent; a long quoted stretch is more often the writer's own message wrapped in markup
# ({"content": "im 13 and..."}). An apostrophe inside a word ("I'm") opens or closes nothing
QUOTED_WORDS = 12
_QUOTED = re.compile(r"(?<!\w)'(?:[^'\n]|(?<=\w)'(?=\w))*'(?!\w)|\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|\u2018(?:[^\u2019\n]|(?<=\w)\u2019(?=\w))*\u2019(?!\w)")


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " if len(m.group().split()) <= QUOTED_WORDS else m.group(), text or "")


def child_is_typing(text: str) -> bool:
    return _matches("child_typing", _unquoted(text))


def about_someone_close(text: str) -> bool:
    """The adult in question is the writer's partner, relative or ex, and not in contact with
    the writer's own child (that is grooming, whoever does it)."""
    return _matches("close_relation", text) and not _matches("contact_with_the_child", text)
