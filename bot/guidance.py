"""Guidance content: loading, rendering helpline placeholders, and checking each reply
names only the helplines its route allows, the first one first."""
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from bot.catalogue import Catalogue, catalogue
from bot.content_files import CONTENT_DIR, load, require
from bot.placeholders import fill
from bot.routing import Routing, routing

# Replies that are not concerns may name only these (never a reporting route out of context).
GENERAL_HELPLINES = ("EMERGENCY", "NSPCC", "CHILDLINE")


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    name: str  # the intent (or conversation event) it answers
    bubbles: Tuple[str, ...]  # rendered text
    buttons: Tuple[Button, ...] = ()
    # the same question answered differently under the conversation's concern (follow-ups):
    # concern -> bubbles, as many as the default's
    in_context: Dict[str, Tuple[str, ...]] = field(default_factory=dict)
    # the answer when it answers the bot's own question (conversation replies): question -> bubbles
    answering: Dict[str, Tuple[str, ...]] = field(default_factory=dict)
    # the answer before the conversation has raised any worry (and no question is open)
    before_concern: Tuple[str, ...] = ()
    # extras only: the child's ages (first, last) the extra is for
    ages: Optional[Tuple[int, int]] = None

    @property
    def response_name(self) -> str:
        return f"utter_{self.name}"


@dataclass(frozen=True)
class Guidance:
    concerns: Dict[str, Reply]
    followups: Dict[str, Reply]
    conversation: Dict[str, Reply]
    questions: Dict[str, Reply]
    buttons: Dict[str, Button]
    # bubbles the tailoring action adds itself; not domain responses
    extras: Dict[str, Reply] = field(default_factory=dict)

    def all_replies(self) -> List[Reply]:
        return [*self.concerns.values(), *self.followups.values(), *self.conversation.values(),
                *self.questions.values()]


def render(template: str, helplines: Catalogue, where: str, values: dict = None,
           keep: frozenset = frozenset()) -> str:
    """Fill a content text's placeholders (bot/placeholders.py): helplines from the catalogue,
    values given; names in keep are left for the tailoring action to fill."""
    return fill(template, values, helplines, where, keep)


def _reply(name: str, raw: dict, buttons: Dict[str, Button], helplines: Catalogue, where: str,
           keep: frozenset = frozenset()) -> Reply:
    require(isinstance(raw, dict), where, "must be a mapping")
    unknown = set(raw) - REPLY_KEYS
    require(not unknown, where, f"unknown fields {sorted(unknown)}")
    bubbles = raw.get("bubbles")
    require(isinstance(bubbles, list) and bubbles and all(isinstance(b, str) and b.strip() for b in bubbles),
            where, "'bubbles' must be a non-empty list of texts")
    names = raw.get("buttons") or []
    for b in names:
        require(b in buttons, where, f"unknown button '{b}'")
    return Reply(name, tuple(render(b, helplines, where, keep=keep) for b in bubbles), tuple(buttons[b] for b in names))


REPLY_KEYS = {"bubbles", "buttons"}
# what an extra's placeholders may name: the tailoring action fills them (bot/tailoring.py)
FILLED_WHEN_REPLYING = frozenset({"others", "app", "steps", "years", "min_age"})
FOLLOWUP_KEYS = REPLY_KEYS | {"names", "in_context"}
CONVERSATION_KEYS = REPLY_KEYS | {"answering", "before_concern"}


def _base(name: str, raw: dict, keys: set, buttons: Dict[str, Button], helplines: Catalogue, where: str,
          keep: frozenset = frozenset()) -> Reply:
    """The plain reply of a richer spec, after refusing the fields it may not have."""
    require(isinstance(raw, dict) and not set(raw) - keys, where,
            f"unknown fields {sorted(set(raw) - keys) if isinstance(raw, dict) else raw}")
    return _reply(name, {k: raw[k] for k in REPLY_KEYS if k in raw}, buttons, helplines, where, keep)


def _variant(reply: Reply, spec: dict, buttons: Dict[str, Button], helplines: Catalogue, where: str) -> Tuple[str, ...]:
    """Another wording of a reply (under a concern, as an answer...): as many bubbles as the plain one."""
    bubbles = _reply(reply.name, spec, buttons, helplines, where).bubbles
    require(len(bubbles) == len(reply.bubbles), where, "needs as many bubbles as the default answer")
    return bubbles


def _followup(name: str, raw: dict, buttons: Dict[str, Button], helplines: Catalogue, where: str) -> Reply:
    """A follow-up question's answer: `names` lists the helplines it names, first one first;
    `in_context` answers it differently under a concern (each with its own bubbles and names)."""
    reply = _base(name, raw, FOLLOWUP_KEYS, buttons, helplines, where)
    variants = {}
    for concern, spec in (raw.get("in_context") or {}).items():
        w = f"{where}: in_context.{concern}"
        require(isinstance(spec, dict) and not set(spec) - {"bubbles", "names"}, w,
                "needs 'bubbles' and may have 'names', nothing else")
        variants[concern] = _variant(reply, {"bubbles": spec.get("bubbles")}, buttons, helplines, w)
    return Reply(reply.name, reply.bubbles, reply.buttons, variants)


def _conversation(name: str, raw: dict, buttons: Dict[str, Button], helplines: Catalogue, where: str) -> Reply:
    """A conversation reply; `answering` words it differently when it answers the bot's own
    question (a "no, skip that" to "which app?"), `before_concern` before any worry was raised."""
    reply = _base(name, raw, CONVERSATION_KEYS, buttons, helplines, where)
    answering = {question: _variant(reply, spec, buttons, helplines, f"{where}: answering.{question}")
                 for question, spec in (raw.get("answering") or {}).items()}
    before = (_variant(reply, raw["before_concern"], buttons, helplines, f"{where}: before_concern")
              if "before_concern" in raw else ())
    return Reply(reply.name, reply.bubbles, reply.buttons, answering=answering, before_concern=before)


def _extra(name: str, raw: dict, buttons: Dict[str, Button], helplines: Catalogue, where: str) -> Reply:
    """A bubble the tailoring action adds; `ages: [first, last]` limits it to children of those ages."""
    reply = _base(name, raw, REPLY_KEYS | {"ages"}, buttons, helplines, where, FILLED_WHEN_REPLYING)
    ages = raw.get("ages")
    require(ages is None or (isinstance(ages, list) and len(ages) == 2 and all(isinstance(a, int) for a in ages)
                             and 0 < ages[0] <= ages[1]), where, "'ages' must be [first, last]")
    return Reply(reply.name, reply.bubbles, reply.buttons, ages=tuple(ages) if ages else None)


def _check_followup(reply: Reply, raw: dict, table: Routing, helplines: Catalogue, where: str) -> None:
    def check(bubbles, names, w):
        unknown = [k for k in names if k not in helplines]
        require(not unknown, w, f"unknown helplines in 'names': {unknown}")
        check_reply_helplines(Reply(reply.name, bubbles, reply.buttons), tuple(names) + GENERAL_HELPLINES,
                              names[0] if names else None, helplines, w)

    check(reply.bubbles, list(raw.get("names") or ()), where)
    for concern, bubbles in reply.in_context.items():
        w = f"{where}: in_context.{concern}"
        require(concern in table.concerns, w, f"unknown concern '{concern}'")
        names = list(raw["in_context"][concern].get("names") or ())
        # under a concern, a follow-up names only what that concern's route may name
        outside = [k for k in names if k not in table.may_name(concern)]
        require(not outside, w, f"names helplines the '{concern}' route does not allow: {outside}")
        check(bubbles, names, w)


def check_reply_helplines(reply: Reply, allowed: Tuple[str, ...], first: Optional[str],
                          helplines: Catalogue, where: str) -> None:
    """The reply names no helpline outside `allowed`; if `first` is given it is named first
    (999 aside) and 999 never leads a reply that is not an emergency."""
    text = "\n".join(reply.bubbles + tuple(f"{b.title}\n{b.payload}" for b in reply.buttons))
    named = helplines.mentions(text)
    extra = [k for k in named if k not in allowed]
    require(not extra, where, f"names helplines its route does not allow: {extra}")
    opening = helplines.mentions(reply.bubbles[0])
    if first == "EMERGENCY":
        require(opening[:1] == ["EMERGENCY"], where, "an emergency reply must lead with 999")
        return
    require(opening[:1] != ["EMERGENCY"], where, "999 may lead only an emergency reply")
    if first is not None:
        lead = [k for k in named if k != "EMERGENCY"]
        require(lead[:1] == [first], where, f"must name {first} first, names {lead[:1]}")
        require(first in opening, where, f"must name {first} in its first bubble")


def load_guidance(directory=CONTENT_DIR, helplines: Optional[Catalogue] = None,
                  table: Optional[Routing] = None) -> Guidance:
    helplines = helplines or catalogue()
    table = table or routing()
    data = load("guidance.yaml", directory)
    where = "guidance.yaml"
    buttons = {}
    for key, raw in (data.get("buttons") or {}).items():
        require(isinstance(raw, dict) and raw.get("title") and raw.get("payload"),
                f"{where}: buttons.{key}", "needs a title and a payload")
        require(not raw["payload"].lstrip().startswith("/"), f"{where}: buttons.{key}",
                "payloads are plain sentences, not /intent commands")
        buttons[key] = Button(raw["title"], raw["payload"])
    sections = {}
    for section in ("concerns", "followups", "conversation"):
        raw = data.get(section)
        require(isinstance(raw, dict) and raw, where, f"'{section}' must be a non-empty mapping")
        make = {"followups": _followup, "conversation": _conversation}.get(section, _reply)
        sections[section] = {name: make(name, spec, buttons, helplines, f"{where}: {section}.{name}")
                             for name, spec in raw.items()}
    missing = set(table.concerns) - set(sections["concerns"])
    require(not missing, where, f"concerns without guidance: {sorted(missing)}")
    unrouted = set(sections["concerns"]) - set(table.concerns)
    require(not unrouted, where, f"guidance for concerns routing.yaml does not know: {sorted(unrouted)}")
    for name, reply in sections["concerns"].items():
        check_reply_helplines(reply, table.may_name(name), table.helplines_for(name)[0], helplines,
                              f"{where}: concerns.{name}")
    raw = data.get("questions") or {}
    sections["questions"] = {name: _reply(name, spec, buttons, helplines, f"{where}: questions.{name}")
                             for name, spec in raw.items()}
    raw = data.get("extras") or {}
    sections["extras"] = {name: _extra(name, spec, buttons, helplines, f"{where}: extras.{name}")
                          for name, spec in raw.items()}
    for name, reply in sections["extras"].items():  # the tailoring code checks the route allows them
        check_reply_helplines(reply, tuple(helplines.helplines), None, helplines, f"{where}: extras.{name}")
    for name, spec in data["followups"].items():
        _check_followup(sections["followups"][name], spec, table, helplines, f"{where}: followups.{name}")
    for section in ("conversation", "questions"):
        for name, reply in sections[section].items():
            check_reply_helplines(reply, GENERAL_HELPLINES, None, helplines, f"{where}: {section}.{name}")
            for question, bubbles in reply.answering.items():
                w = f"{where}: {section}.{name}.answering.{question}"
                require(question in sections["questions"], w, f"unknown question '{question}'")
                check_reply_helplines(Reply(name, bubbles), GENERAL_HELPLINES, None, helplines, w)
            if reply.before_concern:
                check_reply_helplines(Reply(name, reply.before_concern), GENERAL_HELPLINES, None, helplines,
                                      f"{where}: {section}.{name}.before_concern")
    require("nlu_fallback" in sections["conversation"], where, "a reply for 'nlu_fallback' is required")
    return Guidance(sections["concerns"], sections["followups"], sections["conversation"],
                    sections["questions"], buttons, sections["extras"])


@lru_cache(maxsize=1)
def guidance() -> Guidance:
    return load_guidance()
