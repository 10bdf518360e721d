"""Loading conversation scripts: plain YAML that helpline staff write, checked on load.

    name: Gifts from a stranger in a game
    route: gifts_money                  # optional: the routing.yaml concern it covers
    turns:
      - parent: "A man on Roblox keeps sending my son Robux"
        first_mentions: [CEOP]          # the first bubble of the reply must mention these
        mentions: [CEOP, POLICE, NSPCC] # the whole reply must mention these
        not_mentions: [EMERGENCY]       # and must not mention these
        not_first: [EMERGENCY]          # the reply must not lead with these (999 may come later)
      - press: "Keeping evidence safely"   # a button of the last reply, by its title
        mentions: ["screenshot"]

A mention in capitals that is a catalogue key (NSPCC, CEOP...) means that helpline, found by
its number, link or name, so a number change needs no script change; anything else is a
phrase, matched ignoring case.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Tuple

import yaml

from bot.catalogue import Catalogue, catalogue
from bot.content_files import CONTENT_DIR, ContentError, require
from bot.routing import routing

SCRIPTS_DIR = CONTENT_DIR / "flows"
ROOT = CONTENT_DIR.parents[1]  # error messages name files from the project folder
CHECKS = ("first_mentions", "mentions", "not_mentions", "not_first")


@dataclass(frozen=True)
class Mention:
    text: str
    helpline: Optional[str] = None  # a catalogue key, or None for a phrase

    def describe(self, helplines: Catalogue) -> str:
        return helplines[self.helpline].name if self.helpline else f'"{self.text}"'


@dataclass(frozen=True)
class Turn:
    parent: Optional[str] = None  # what the parent types...
    press: Optional[str] = None   # ...or the title of a button they press
    first_mentions: Tuple[Mention, ...] = ()
    mentions: Tuple[Mention, ...] = ()
    not_mentions: Tuple[Mention, ...] = ()
    not_first: Tuple[Mention, ...] = ()

    @property
    def said(self) -> str:
        return self.parent if self.parent is not None else f"[presses] {self.press}"


@dataclass(frozen=True)
class Script:
    path: Path
    name: str
    turns: Tuple[Turn, ...]
    route: Optional[str] = None
    notes: Optional[str] = None
    buttons: Tuple[str, ...] = field(default=())  # titles pressed, for the coverage check


def _mentions(raw, where: str, helplines: Catalogue) -> Tuple[Mention, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        require(isinstance(item, (str, int)) and str(item).strip(), where, f"'{item}' is not a helpline or phrase")
        text = str(item).strip()
        if text.isupper() and text.replace("_", "").isalpha():
            require(text in helplines, where, f"'{text}' is not a helpline in helplines.yaml "
                                              f"(known: {', '.join(helplines.helplines)})")
            out.append(Mention(text, helpline=text))
        else:
            out.append(Mention(text))
    return tuple(out)


def load_script(path: Path, helplines: Optional[Catalogue] = None) -> Script:
    helplines = helplines or catalogue()
    where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" near line {mark.line + 1}" if mark else ""
        raise ContentError(f"{where}: cannot read the layout{line}: check the spaces at the start of "
                           "each line (turns start with '  - ', checks line up under 'parent') and that "
                           "quotes are closed") from exc
    except OSError as exc:
        raise ContentError(f"{where}: cannot read: {exc}") from exc
    require(isinstance(raw, dict), where, "a script is a mapping with 'name' and 'turns'")
    unknown = set(raw) - {"name", "route", "turns", "notes"}
    require(not unknown, where, f"unknown fields {sorted(unknown)} (use name, route, notes, turns)")
    require(isinstance(raw.get("name"), str) and raw["name"].strip(), where, "'name' is required")
    route = raw.get("route")
    require(route is None or route in routing().concerns, where,
            f"'route: {route}' is not a concern in routing.yaml")
    turns_raw = raw.get("turns")
    require(isinstance(turns_raw, list) and turns_raw, where, "'turns' must be a list of turns")
    turns = []
    for i, t in enumerate(turns_raw, 1):
        at = f"{where}: turn {i}"
        require(isinstance(t, dict), at, "a turn is a mapping with 'parent' (or 'press') and checks")
        unknown = set(t) - {"parent", "press", *CHECKS}
        require(not unknown, at, f"unknown fields {sorted(unknown)}")
        require(("parent" in t) != ("press" in t), at, "give either 'parent' or 'press', not both")
        said = t.get("parent", t.get("press"))
        require(isinstance(said, str), at, "'parent' / 'press' must be text")
        require("press" not in t or i > 1, at, "the first turn can't press a button")
        turns.append(Turn(parent=t.get("parent"), press=t.get("press"),
                          **{c: _mentions(t.get(c), f"{at}: {c}", helplines) for c in CHECKS}))
    return Script(path=path, name=raw["name"].strip(), turns=tuple(turns), route=route,
                  notes=raw.get("notes"), buttons=tuple(t.press for t in turns if t.press))


def load_scripts(directory: Path = SCRIPTS_DIR) -> List[Script]:
    paths = sorted(list(directory.glob("*.yaml")) + list(directory.glob("*.yml")))
    return [load_script(p) for p in paths]
