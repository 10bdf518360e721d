"""How often each school or website link is used: one aggregate count per (source, topic),
nothing else. No time, no address, no session id, so a count can never be tied to a person.

    python -m bot.source_counts          # print the counts
"""
import json
import os
import re
import threading
from pathlib import Path
from typing import Dict, Optional

from bot.storage import data_dir

SOURCE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
DEFAULT_FILE = data_dir() / "source_counts.json"


def clean_source(raw) -> Optional[str]:
    """The source as counted (lower case, digits, dashes), or None if it isn't one."""
    if not isinstance(raw, str):
        return None
    source = raw.strip().lower()
    return source if SOURCE_RE.match(source) else None


class SourceCounts:
    """Counts kept in a small JSON file, written atomically so a crash never corrupts it."""

    def __init__(self, path: Path = DEFAULT_FILE):
        self.path = Path(path)
        self._lock = threading.Lock()

    def read(self) -> Dict[str, Dict[str, int]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def add(self, source: str, topic: str = "none") -> int:
        with self._lock:
            counts = self.read()
            per_topic = counts.setdefault(source, {})
            per_topic[topic] = per_topic.get(topic, 0) + 1
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(counts, indent=1, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.path)
            return per_topic[topic]


def main() -> None:
    counts = SourceCounts().read()
    if not counts:
        print("No link has been used yet.")
    for source, per_topic in sorted(counts.items()):
        detail = ", ".join(f"{topic} {n}" for topic, n in sorted(per_topic.items()))
        print(f"{source}: {sum(per_topic.values())} ({detail})")


if __name__ == "__main__":
    main()
