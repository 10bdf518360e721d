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

from bot import content_schema as schema
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


def _mentions(items: List, where: str, helplines: Catalogue) -> Tuple[Mention, ...]:
    out = []
    for item in items:
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
    script = schema.validate(schema.FlowScript, raw, where)
    require(script.route is None or script.route in routing().concerns, where,
            f"'route: {script.route}' is not a concern in routing.yaml")
    turns = []
    for i, t in enumerate(script.turns, 1):
        at = f"{where}: turn {i}"
        require((t.parent is None) != (t.press is None), at, "give either 'parent' or 'press', not both")
        require(t.press is None or i > 1, at, "the first turn can't press a button")
        turns.append(Turn(parent=t.parent, press=t.press,
                          **{c: _mentions(getattr(t, c), f"{at}: {c}", helplines) for c in CHECKS}))
    return Script(path=path, name=script.name.strip(), turns=tuple(turns), route=script.route,
                  notes=script.notes, buttons=tuple(t.press for t in turns if t.press))


def load_scripts(directory: Path = SCRIPTS_DIR) -> List[Script]:
    paths = sorted(list(directory.glob("*.yaml")) + list(directory.glob("*.yml")))
    return [load_script(p) for p in paths]
