"""The few things the channels say themselves (bot/content/channel_notes.yaml), with the
helplines filled in from the catalogue."""
from functools import lru_cache
from typing import Dict

from bot.catalogue import Catalogue, catalogue
from bot.content_files import CONTENT_DIR, load, require
from bot.guidance import render

NOTES = ("empty", "shortened", "rate_limited", "other_language")
# a parent who is held back must still see where to get help at once
MUST_NAME = {"empty": ("EMERGENCY",), "rate_limited": ("EMERGENCY", "NSPCC"),
             "other_language": ("NSPCC", "EMERGENCY")}


def load_notes(directory=CONTENT_DIR, helplines: Catalogue = None) -> Dict[str, str]:
    helplines = helplines or catalogue()
    data = load("channel_notes.yaml", directory)
    notes = {}
    for name in NOTES:
        where = f"channel_notes.yaml: {name}"
        require(isinstance(data.get(name), str) and data[name].strip(), where, "is required")
        notes[name] = render(data[name].strip(), helplines, where)
        named = helplines.mentions(notes[name])
        for key in MUST_NAME.get(name, ()):
            require(key in named, where, f"must name {key}")
    unknown = set(data) - set(NOTES) - {"version"}
    require(not unknown, "channel_notes.yaml", f"unknown entries {sorted(unknown)}")
    return notes


@lru_cache(maxsize=1)
def notes() -> Dict[str, str]:
    return load_notes()
