"""The few things the channels say themselves (bot/content/channel_notes.yaml), with the
helplines filled in from the catalogue."""
from functools import lru_cache
from typing import Dict

from bot import content_schema as schema
from bot.catalogue import Catalogue, catalogue
from bot.content_files import CONTENT_DIR, load, require
from bot.guidance import render

NOTES = ("empty", "shortened", "rate_limited", "other_language")
# a parent who is held back must still see where to get help at once
MUST_NAME = {"empty": ("EMERGENCY",), "rate_limited": ("EMERGENCY", "NSPCC"),
             "other_language": ("NSPCC", "EMERGENCY")}


def load_notes(directory=CONTENT_DIR, helplines: Catalogue = None) -> Dict[str, str]:
    helplines = helplines or catalogue()
    data = schema.validate(schema.ChannelNotesFile, load("channel_notes.yaml", directory), "channel_notes.yaml")
    notes = {}
    for name in NOTES:
        where = f"channel_notes.yaml: {name}"
        notes[name] = render(getattr(data, name).strip(), helplines, where)
        named = helplines.mentions(notes[name])
        for key in MUST_NAME.get(name, ()):
            require(key in named, where, f"must name {key}")
    return notes


@lru_cache(maxsize=1)
def notes() -> Dict[str, str]:
    return load_notes()
