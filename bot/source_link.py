"""What a school or website link's source looks like ("stmarys-newsletter"): the only thing
about where a parent came from that is ever kept, and only in aggregate counts."""
import re
from typing import Optional

SOURCE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


def clean_source(raw) -> Optional[str]:
    """The source as counted (lower case, digits, dashes), or None if it isn't one."""
    if not isinstance(raw, str):
        return None
    source = raw.strip().lower()
    return source if SOURCE_RE.match(source) else None
