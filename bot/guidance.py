"""Guidance content: loading, rendering helpline placeholders, and checking each reply
names only the helplines its route allows, the first one first."""
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Dict, List, Optional, Sequence, Tuple

from bot import content_schema as schema
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
    # the answer once the conversation has raised a worry: concern -> bubbles (conversation replies)
    in_conversation: Dict[str, Tuple[str, ...]] = field(default_factory=dict)
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
    # the line naming 999 that ends a concern's first bubble when both readings doubt the
    # message's danger words (routing.yaml possible_danger); none: not said
    possible_danger: Optional[str] = None

    def doubting_danger(self, concern: str) -> Optional[str]:
        """The concern's first bubble as said when both readings doubt the danger words: with
        the 999 line after it, unless the bubble names 999 already (or there is no line)."""
        first = self.concerns[concern].bubbles[0]
        if not self.possible_danger or "EMERGENCY" in catalogue().mentions(first):
            return None
        return f"{first} {self.possible_danger}"

    def all_replies(self) -> List[Reply]:
        return [*self.concerns.values(), *self.followups.values(), *self.conversation.values(),
                *self.questions.values()]


def render(template: str, helplines: Catalogue, where: str, values: dict = None,
           keep: frozenset = frozenset()) -> str:
    """Fill a content text's placeholders (bot/placeholders.py): helplines from the catalogue,
    values given; names in keep are left for the tailoring action to fill."""
    return fill(template, values, helplines, where, keep)


# what an extra's placeholders may name: the tailoring action fills them (bot/tailoring.py)
FILLED_WHEN_REPLYING = frozenset({"others", "app", "steps", "years", "min_age"})


def _reply(name: str, spec: schema.Reply, buttons: Dict[str, Button], helplines: Catalogue, where: str,
           keep: frozenset = frozenset()) -> Reply:
    for b in spec.buttons:
        require(b in buttons, where, f"unknown button '{b}'")
    return Reply(name, tuple(render(b, helplines, where, keep=keep) for b in spec.bubbles),
                 tuple(buttons[b] for b in spec.buttons))


def _variant(reply: Reply, spec: schema.Reply, buttons: Dict[str, Button], helplines: Catalogue, where: str) -> Tuple[str, ...]:
    """Another wording of a reply (under a concern, as an answer...): as many bubbles as the plain one."""
    bubbles = _reply(reply.name, spec, buttons, helplines, where).bubbles
    require(len(bubbles) == len(reply.bubbles), where, "needs as many bubbles as the default answer")
    return bubbles


def _followup(name: str, spec: schema.Followup, buttons: Dict[str, Button], helplines: Catalogue,
              where: str) -> Reply:
    """A follow-up question's answer: `names` lists the helplines it names, first one first;
    `in_context` answers it differently under a concern (each with its own bubbles and names)."""
    reply = _reply(name, spec, buttons, helplines, where)
    variants = {concern: _variant(reply, schema.Reply(bubbles=variant.bubbles), buttons, helplines,
                                  f"{where}: in_context.{concern}")
                for concern, variant in spec.in_context.items()}
    return Reply(reply.name, reply.bubbles, reply.buttons, variants)


def _conversation(name: str, spec: schema.ConversationReply, buttons: Dict[str, Button], helplines: Catalogue,
                  where: str, concerns: Sequence[str] = ()) -> Reply:
    """A conversation reply; `answering` words it differently when it answers the bot's own
    question (a "no, skip that" to "which app?"), `before_concern` before any worry was raised,
    `in_conversation` once one was (under `concerns`, each in its own words where given)."""
    reply = _reply(name, spec, buttons, helplines, where)
    answering = {question: _variant(reply, answer, buttons, helplines, f"{where}: answering.{question}")
                 for question, answer in spec.answering.items()}
    before = (_variant(reply, spec.before_concern, buttons, helplines, f"{where}: before_concern")
              if spec.before_concern else ())
    during = {}
    if spec.in_conversation:
        w = f"{where}: in_conversation"
        require(not spec.answering, w, "cannot be combined with 'answering': Rasa would pick at random")
        anyway = _variant(reply, schema.Reply(bubbles=spec.in_conversation.bubbles), buttons, helplines, w)
        during = {concern: anyway for concern in concerns}
        for concern, own in spec.in_conversation.under.items():
            require(concern in concerns, f"{w}.under", f"unknown concern '{concern}'")
            during[concern] = _variant(reply, schema.Reply(bubbles=own.bubbles), buttons, helplines,
                                       f"{w}.under.{concern}")
    return Reply(reply.name, reply.bubbles, reply.buttons, answering=answering, before_concern=before,
                 in_conversation=during)


def _extra(name: str, spec: schema.Extra, buttons: Dict[str, Button], helplines: Catalogue, where: str) -> Reply:
    """A bubble the tailoring action adds; `ages: [first, last]` limits it to children of those ages."""
    reply = _reply(name, spec, buttons, helplines, where, FILLED_WHEN_REPLYING)
    ages = spec.ages
    require(ages is None or (len(ages) == 2 and 0 < ages[0] <= ages[1]), where, "'ages' must be [first, last]")
    return Reply(reply.name, reply.bubbles, reply.buttons, ages=tuple(ages) if ages else None)


def _check_followup(reply: Reply, spec: schema.Followup, table: Routing, helplines: Catalogue, where: str) -> None:
    def check(bubbles, names, w):
        unknown = [k for k in names if k not in helplines]
        require(not unknown, w, f"unknown helplines in 'names': {unknown}")
        check_reply_helplines(Reply(reply.name, bubbles, reply.buttons), tuple(names) + GENERAL_HELPLINES,
                              names[0] if names else None, helplines, w)

    check(reply.bubbles, spec.names, where)
    for concern, bubbles in reply.in_context.items():
        w = f"{where}: in_context.{concern}"
        require(concern in table.concerns, w, f"unknown concern '{concern}'")
        names = spec.in_context[concern].names
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
    where = "guidance.yaml"
    data = schema.validate(schema.GuidanceFile, load(where, directory), where)
    buttons = {}
    for key, spec in data.buttons.items():
        require(not spec.payload.lstrip().startswith("/"), f"{where}: buttons.{key}",
                "payloads are plain sentences, not /intent commands")
        buttons[key] = Button(spec.title, spec.payload)
    sections = {}
    conversation = partial(_conversation, concerns=tuple(table.concerns))
    for section, make in (("concerns", _reply), ("followups", _followup), ("conversation", conversation),
                          ("questions", _reply), ("extras", _extra)):
        sections[section] = {name: make(name, spec, buttons, helplines, f"{where}: {section}.{name}")
                             for name, spec in getattr(data, section).items()}
    missing = set(table.concerns) - set(sections["concerns"])
    require(not missing, where, f"concerns without guidance: {sorted(missing)}")
    unrouted = set(sections["concerns"]) - set(table.concerns)
    require(not unrouted, where, f"guidance for concerns routing.yaml does not know: {sorted(unrouted)}")
    for name, reply in sections["concerns"].items():
        check_reply_helplines(reply, table.may_name(name), table.helplines_for(name)[0], helplines,
                              f"{where}: concerns.{name}")
    for name, reply in sections["extras"].items():  # the tailoring code checks the route allows them
        check_reply_helplines(reply, tuple(helplines.helplines), None, helplines, f"{where}: extras.{name}")
    for name, spec in data.followups.items():
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
            for concern, bubbles in reply.in_conversation.items():  # under a concern: what its route may name,
                emergency = "EMERGENCY" if table.concerns[concern].emergency else None  # 999 first mid-emergency
                check_reply_helplines(Reply(name, bubbles), table.may_name(concern), emergency, helplines,
                                      f"{where}: {section}.{name}.in_conversation ({concern})")
    require("nlu_fallback" in sections["conversation"], where, "a reply for 'nlu_fallback' is required")
    line = None
    if data.possible_danger is not None:
        w = f"{where}: possible_danger"
        line = render(data.possible_danger, helplines, w)
        require(helplines.mentions(line) == ["EMERGENCY"], w, "must name 999 and no other helpline")
    return Guidance(sections["concerns"], sections["followups"], sections["conversation"],
                    sections["questions"], buttons, sections["extras"], line)


@lru_cache(maxsize=1)
def guidance() -> Guidance:
    return load_guidance()
