"""Who is typing: signs that the writer is a child or teenager rather than a parent."""
import re
from functools import lru_cache
from typing import Tuple

from bot.content_files import CONTENT_DIR, load, require


@lru_cache(maxsize=1)
def _patterns(directory=CONTENT_DIR) -> Tuple[re.Pattern, ...]:
    data = load("audience.yaml", directory)
    raw = data.get("child_typing")
    require(isinstance(raw, list) and raw, "audience.yaml", "'child_typing' must be a non-empty list")
    return tuple(re.compile(p) for p in raw)


def child_is_typing(text: str) -> bool:
    lowered = (text or "").lower().replace("\u2019", "'")
    return any(p.search(lowered) for p in _patterns())
