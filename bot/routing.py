"""Routing: which concern a message is answered for, and which helplines that concern gets."""
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import AbstractSet, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from bot import content_schema as schema
from bot.catalogue import Catalogue, catalogue
from bot.content_files import CONTENT_DIR, ContentError, load, require

EMERGENCY_CONCERN = "immediate_danger"
CHILD_CONCERN = "child_user"
OUT_OF_SCOPE = "out_of_scope"
CLOSE_RUNNER_UP = 0.8  # an only_as_top concern still counts this close behind the first reading
FOLLOW_UP = "followup_"  # the follow-up questions' intents all start so
CONTENDER_CONFIDENCE = 0.05  # below this a runner-up is noise, not a reading of the message


@dataclass(frozen=True)
class Concern:
    intent: str
    severity: int
    helplines: Tuple[str, ...]
    may_offer: Tuple[str, ...]
    label: str
    emergency: bool = False
    evidence: Tuple[re.Pattern, ...] = ()
    unless: Tuple[re.Pattern, ...] = ()
    app_steps: bool = True  # the app's block-and-report steps belong in this reply
    otherwise: Optional[str] = None  # the reading when this one's evidence is missing
    only_as_top: bool = False  # not chosen, nor acknowledged, as a runner-up (unless a close one)

    def contradicted(self, text: str) -> bool:
        lowered = (text or "").lower().replace("\u2019", "'")
        return any(p.search(lowered) for p in self.unless)

    def fits(self, text: str) -> bool:
        """The message carries this concern's evidence (if it needs any) and nothing against it."""
        lowered = (text or "").lower().replace("\u2019", "'")
        if self.evidence and not any(p.search(lowered) for p in self.evidence):
            return False
        return not self.contradicted(text)


@dataclass(frozen=True)
class Decision:
    """The concern a message is answered for, and the other concerns it also raised."""
    concern: str
    also: Tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class SmallTalk:
    """Intents only believed of short messages, and none with a `not_with` word: small talk
    (greetings, thanks, goodbyes, yes and no, never with a word of a child or a worry, so a long
    message never gets the goodbye reply) and short answers (an app's name, an age)."""
    intents: Tuple[str, ...]
    max_words: int
    not_with: Tuple[re.Pattern, ...]

    def believable(self, text: str) -> bool:
        lowered = (text or "").lower().replace("\u2019", "'")
        return len(lowered.split()) <= self.max_words and not any(p.search(lowered) for p in self.not_with)


@dataclass(frozen=True)
class DangerModelUse:
    """When the separate danger-now model's score alone means 999 first, and when it does
    with an urgent word the safety net found (bot.safety_net's supporting concepts)."""
    alone: float
    with_support: float
    doubt_alone_after_999: bool = False  # the message after a 999 reply: alone, doubted
    # the self-harm reading's only: below it (and from with_support), supported, 999 is named in
    # the first bubble, not first
    lead_with_support: float = 0.0
    # the danger-now model's only: below `doubt_below`, its score alone names 999 in the first
    # bubble, not first, while the classifier is at least `doubt_beside` sure of another concern
    doubt_below: float = 0.0
    doubt_beside: float = 1.0

    def doubts(self, score: float, other_concern: float) -> bool:
        return score < self.doubt_below and other_concern >= self.doubt_beside


def one_line(text: str) -> str:
    """The message lower-cased on one line: a pattern's look-aheads ("...offender" and "...next
    door") see the whole message, whatever line each part is on."""
    return " ".join((text or "").lower().replace("\u2019", "'").split())


@dataclass(frozen=True)
class InArea:
    """A long message about a child and their phone, games or apps is the bot's area when the
    classifier calls it off topic without conviction and its next reading is general advice
    (screen time, a first phone, "can't get him off the games"): that advice, never "sorry, I
    can only help with...". A next reading that is a contact, an image or a young person
    typing is never overruled by it, nor any such reading at `others_below` or more."""
    min_words: int
    max_confidence: float  # the classifier's doubt: "off topic" believed less than this
    min_reading: float  # the general reading must be at least this likely
    others_below: float  # ...and no other concern (a contact, a young person, own thoughts) this likely
    answer_from: Tuple[str, ...]  # the general-advice concerns
    when_all: Tuple[re.Pattern, ...]  # a child, and their use of devices

    def reading(self, text: str, ranking: Sequence[Tuple[str, float]],
                is_concern) -> Optional[Tuple[str, float]]:
        """The general-advice concern to answer and its confidence, or None when the rule does
        not apply. ranking: the classifier's, best first, its top being off topic."""
        if not ranking or ranking[0][1] >= self.max_confidence:
            return None
        lowered = one_line(text)
        if len(lowered.split()) < self.min_words or not all(p.search(lowered) for p in self.when_all):
            return None
        concerns = [(i, c) for i, c in ranking[1:] if is_concern(i)]
        if not concerns or any(c >= self.others_below for i, c in concerns if i not in self.answer_from):
            return None
        concern, confidence = concerns[0]
        return (concern, confidence) if concern in self.answer_from and confidence >= self.min_reading else None


@dataclass(frozen=True)
class Redirect:
    """A reading the message's words correct: when the chosen concern is one of `instead_of`,
    a `when` pattern matches, so does an `alongside` one if any are given, and no `unless`
    pattern does, the message is answered as `to` ("she's been messaging a 28-year-old" read as
    signs is a contact worry)."""
    name: str
    to: str
    instead_of: Tuple[str, ...]
    when: Tuple[re.Pattern, ...]
    unless: Tuple[re.Pattern, ...] = ()
    alongside: Tuple[re.Pattern, ...] = ()

    def applies(self, chosen: str, text: str) -> bool:
        if chosen not in self.instead_of:
            return False  # most messages: no need to read the text at all
        return self.told(text)

    def told(self, text: str) -> bool:
        """The words say it, whatever the reading."""
        text = one_line(text)
        return (any(p.search(text) for p in self.when)
                and (not self.alongside or any(p.search(text) for p in self.alongside))
                and not any(p.search(text) for p in self.unless))


@dataclass(frozen=True)
class PossibleDanger:
    """Danger words in a long message that both readings doubt, in every stretch of it: most are
    a scare told after it ended. Answered for the worry, with 999 named in the first bubble but
    not leading it."""
    min_words: int
    below: float
    not_beside: Tuple[str, ...] = ()  # concerns that keep 999 first when the classifier raises them...
    beside: float = 0.05  # ...this likely or more
    never: Tuple[str, ...] = ()  # safety-net triggers never doubted (safety_net.yaml names)
    never_from_a_child: Tuple[str, ...] = ()  # ...nor these, when a young person is typing...
    never_beside: Mapping[str, FrozenSet[str]] = field(default_factory=dict)  # ...nor a trigger beside these concepts
    below_for: Mapping[str, float] = field(default_factory=dict)  # a trigger's own bar, in place of `below`
    long_words: Optional[int] = None  # from this many words...
    long_below: float = 0.0  # ...every bar is at least this (the danger-now model's supported score too)

    def doubts(self, trigger: str, text: str, peak: float, ranking: Sequence[Tuple[str, float]] = (),
               child: bool = False, concepts: AbstractSet[str] = frozenset()) -> bool:
        """trigger: the safety-net trigger that fired; peak: the highest score any stretch of the
        message gets from either danger reading; child: a young person seems to be typing;
        concepts: the safety net's concepts found in the message."""
        never = self.never + (self.never_from_a_child if child else ())
        urgent = bool(concepts & self.never_beside.get(trigger, frozenset()))
        bar = self.below_for.get(trigger, self.below)
        if self._long(text):
            bar = max(bar, self.long_below)
        return (trigger not in never and not urgent and peak < bar and len(text.split()) >= self.min_words
                and not self._beside_a_threat(ranking))

    def doubts_a_long_story(self, text: str, peak: float, ranking: Sequence[Tuple[str, float]] = ()) -> bool:
        """The danger-now model's trigger (its score with an urgent word or the classifier's own
        emergency guess beside it) in a story long enough for the long tier, under its bar in
        every stretch."""
        return self._long(text) and peak < self.long_below and not self._beside_a_threat(ranking)

    def _long(self, text: str) -> bool:
        return self.long_words is not None and len(text.split()) >= self.long_words

    def _beside_a_threat(self, ranking: Sequence[Tuple[str, float]]) -> bool:
        return any(i in self.not_beside and c >= self.beside for i, c in ranking)


@dataclass(frozen=True)
class SureGuess:
    """A guess the classifier is very sure of stands for a story told at length, though no
    evidence pattern bears it out: a parent can tell a meeting or a child's telling in words no
    pattern knows. Only for the concerns listed, whose route is right for any adult telling it:
    never the writer's own urges (Stop It Now speaks to the writer as the one with the urges),
    a threat (sextortion), a young person typing or an anonymous report."""
    above: float
    min_words: int
    concerns: Tuple[str, ...]

    def stands(self, guess: str, confidence: float, text: str) -> bool:
        return guess in self.concerns and confidence >= self.above and len(text.split()) >= self.min_words


@dataclass(frozen=True)
class Routing:
    concerns: Dict[str, Concern]
    secondary_confidence: float
    classifier_emergency_confidence: float
    rescue_concern_mass: float
    rescue_words: int
    child_story_words: int
    story_words: int  # a message this long tells a worry: never only a follow-up question
    story_follow_ups: Tuple[str, ...]  # questions still answered after such a worry, mid-conversation
    when_unsure: str
    small_talk: SmallTalk
    danger_model: DangerModelUse
    redirects: Tuple[Redirect, ...] = ()
    in_area: Optional[InArea] = None
    sure_guess: Optional[SureGuess] = None
    # the self-harm reading (bot.danger_model: DangerModel.self_harm): alone, or from its
    # with_support bar with a word the safety net's self_harm_support names; none: not used
    self_harm_model: Optional[DangerModelUse] = None
    # danger words the danger-now model and the self-harm reading both doubt (PossibleDanger);
    # none: the safety net's patterns always lead with 999
    possible_danger: Optional[PossibleDanger] = None
    # a message naming an app or giving an age is taken as only that when short; none: always
    short_answers: Optional[SmallTalk] = None
    # straight after a 999 reply, a message saying the child is safe (the safety net's settling
    # words, nothing still urgent) names 999 in the first bubble without leading it, whatever
    # urgent words its story retells
    settled_after_999: bool = False
    # follow-ups read as such only once the conversation has had an answer to a worry
    after_an_answer: Tuple[str, ...] = ()
    # redirects whose words still decide a message the classifier is unsure of or reads as off
    # the subject: a worry hidden in noise is answered as that worry
    off_subject: Tuple[Redirect, ...] = ()

    def concern_mass(self, ranking: Sequence[Tuple[str, float]]) -> float:
        return sum(c for n, c in ranking if self.is_concern(n))

    def worth_rescuing(self, ranking: Sequence[Tuple[str, float]], text: str) -> bool:
        """An unsure classifier's message is still answered as a worry: most of its belief is
        on concerns, or the message is a story told at length."""
        return (self.concern_mass(ranking) >= self.rescue_concern_mass
                or len((text or "").split()) >= self.rescue_words)

    def is_concern(self, intent: Optional[str]) -> bool:
        return intent in self.concerns

    def told_off_subject(self, text: str) -> Optional[str]:
        """The concern a message read as off the subject tells in its own words, if any."""
        return next((r.to for r in self.off_subject if r.told(text)), None)

    def decide(
        self,
        ranking: Sequence[Tuple[str, float]],
        emergency: Optional[str] = None,
        child_typing: bool = False,
        text: str = "",
    ) -> Optional[Decision]:
        """Pick the most serious concern among those the message raises.

        ranking: (intent, confidence) pairs from the NLU, best first.
        emergency: the safety-net trigger that fired, if any.
        child_typing: the writer seems to be a child or teenager.
        text: the message, checked against each concern's evidence.
        Returns None when the message raises no concern (chit-chat, follow-ups, fallback).
        """
        top, top_conf = ranking[0] if ranking else (None, 0.0)
        if emergency:
            raised = [n for n, c in ranking if self.is_concern(n) and c >= self.secondary_confidence]
            return Decision(EMERGENCY_CONCERN, tuple(c for c in raised if c != EMERGENCY_CONCERN),
                            f"safety net: {emergency}")
        # concerns the classifier ranks, best first, that the message's own words bear out;
        # the classifier's emergency guess alone is not enough (the safety net decides that)
        fitting = [(n, c) for n, c in ranking if self.is_concern(n) and n != EMERGENCY_CONCERN
                   and self.concerns[n].fits(text)
                   and (n == top or not self.concerns[n].only_as_top or c >= CLOSE_RUNNER_UP * top_conf)]
        # a child writing is answered as a child (Childline first), whatever they describe
        child_typing = child_typing or bool(fitting and fitting[0][0] == CHILD_CONCERN)
        a_story = top == OUT_OF_SCOPE and len(text.split()) >= self.child_story_words
        if child_typing and (top is None or self.is_concern(top) or top == "nlu_fallback" or a_story):
            also = tuple(n for n, c in fitting if n != CHILD_CONCERN and c >= self.secondary_confidence)
            return Decision(CHILD_CONCERN, also, "the writer seems to be a child")
        if not self.is_concern(top):
            return None
        sibling = self.concerns[top].otherwise
        if fitting and fitting[0][0] == top:
            lead = top
        elif not self.concerns[top].fits(text) and sibling and self.concerns[sibling].fits(text):
            lead = sibling  # "a stranger keeps messaging her": another adult's worry, minus the adult known
        elif self.concerns[top].contradicted(text):  # the words rule the top guess out
            if not fitting:
                return None
            lead = fitting[0][0]
        else:  # the words don't bear the top guess out: the next that fits, if it's a contender at all,
               # or the guess itself if the classifier is very sure of a story told at length
            contenders = [n for n, c in fitting if c >= CONTENDER_CONFIDENCE]
            if contenders:
                lead = contenders[0]
            elif self.sure_guess and self.sure_guess.stands(top, top_conf, text):
                lead = top
            else:
                lead = self.when_unsure
        raised = [lead] + [n for n, c in fitting if n != lead and c >= self.secondary_confidence]
        # most severe first; among equals, the classifier's order (the sort is stable)
        ordered = sorted(raised, key=lambda c: -self.concerns[c].severity)
        chosen = ordered[0]
        reason = "top intent" if chosen == top else f"more serious than, or instead of, '{top}'"
        for redirect in self.redirects:
            if redirect.applies(chosen, text):
                return Decision(redirect.to, tuple(c for c in ordered if c != redirect.to), f"redirect: {redirect.name}")
        return Decision(chosen, tuple(ordered[1:]), reason)

    def helplines_for(self, concern: str) -> Tuple[str, ...]:
        return self.concerns[concern].helplines

    def may_name(self, concern: str) -> Tuple[str, ...]:
        c = self.concerns[concern]
        return ("EMERGENCY",) + c.helplines + c.may_offer


def load_routing(directory=CONTENT_DIR, helplines: Optional[Catalogue] = None) -> Routing:
    helplines = helplines or catalogue()
    where = "routing.yaml"
    data = schema.validate(schema.RoutingFile, load(where, directory), where)
    require(EMERGENCY_CONCERN in data.concerns, where, f"'{EMERGENCY_CONCERN}' is required")
    require(0 < data.secondary_confidence < 1, where, "'secondary_confidence' must be between 0 and 1")
    concerns = {intent: _concern(intent, spec, helplines, f"{where}: {intent}", tuple(data.concerns))
                for intent, spec in data.concerns.items()}
    top = max(c.severity for c in concerns.values())
    require(concerns[EMERGENCY_CONCERN].severity == top and
            sum(c.severity == top for c in concerns.values()) == 1,
            where, "the emergency must be the single most serious concern")
    emergency_conf = _fraction(data.classifier_emergency_confidence, where, "classifier_emergency_confidence")
    mass = _fraction(data.rescue_concern_mass, where, "rescue_concern_mass")
    unsure = data.when_unsure
    require(unsure in concerns and not concerns[unsure].evidence, where,
            "'when_unsure' must be a concern that needs no evidence")
    for key in ("rescue_words", "child_story_words", "story_words"):
        require(getattr(data, key) > 0, where, f"'{key}' must be a number of words above 0")
    odd = [i for i in data.story_follow_ups if not i.startswith(FOLLOW_UP)]
    require(not odd, where, f"'story_follow_ups' must be follow-up intents, not {odd}")
    odd = [i for i in data.after_an_answer if not i.startswith(FOLLOW_UP)]
    require(not odd, where, f"'after_an_answer' must be follow-up intents, not {odd}")
    redirects = _redirects(data.redirects, concerns, where)
    return Routing(concerns, float(data.secondary_confidence), emergency_conf, mass, data.rescue_words,
                   data.child_story_words, data.story_words, tuple(data.story_follow_ups), unsure,
                   _small_talk(data.small_talk, where), _danger_model(data.danger_model, where),
                   redirects, _in_area(data.in_area, concerns, where),
                   _sure_guess(data.sure_guess, concerns, where),
                   _danger_model(data.self_harm_model, where, "self_harm_model") if data.self_harm_model else None,
                   _possible_danger(data.possible_danger, concerns, where),
                   _small_talk(data.short_answers, where, "short_answers") if data.short_answers else None,
                   data.settled_after_999, tuple(data.after_an_answer),
                   _off_subject(data.when_off_subject, redirects, where))


def _concern(intent: str, spec: schema.Concern, helplines: Catalogue, where: str, known=()) -> Concern:
    for key in spec.helplines + spec.may_offer:
        require(key in helplines, where, f"unknown helpline '{key}'")
    require(len(set(spec.helplines)) == len(spec.helplines), where, "a helpline is listed twice")
    require(len(spec.label) <= 60, where, "'label' must be a short phrase on one line")
    require(spec.emergency == (intent == EMERGENCY_CONCERN), where, "only the emergency concern is marked 'emergency'")
    require(not spec.emergency or spec.helplines[0] == "EMERGENCY", where, "an emergency names 999 first")
    require(spec.otherwise is None or (spec.otherwise in known and spec.otherwise != intent), where,
            f"'otherwise' must name another concern, not '{spec.otherwise}'")
    return Concern(intent, spec.severity, tuple(spec.helplines), tuple(spec.may_offer), spec.label, spec.emergency,
                   _patterns(spec.evidence, where, "evidence"), _patterns(spec.unless, where, "unless"),
                   spec.app_steps, spec.otherwise, spec.only_as_top)


def _fraction(value: float, where: str, name: str) -> float:
    require(0 < value <= 1, where, f"'{name}' must be between 0 and 1")
    return float(value)


def _small_talk(spec: schema.SmallTalk, where: str, name: str = "small_talk") -> SmallTalk:
    w = f"{where}: {name}"
    require(spec.max_words > 0, w, "'max_words' must be above 0")
    return SmallTalk(tuple(spec.intents), spec.max_words, _patterns(spec.not_with, w, "not_with"))


def _danger_model(spec: schema.DangerModel, where: str, name: str = "danger_model") -> DangerModelUse:
    w = f"{where}: {name}"
    alone, support = _fraction(spec.alone, w, "alone"), _fraction(spec.with_support, w, "with_support")
    require(support <= alone, w, "'with_support' cannot be above 'alone'")
    require(spec.lead_with_support is None or name == "self_harm_model", w,
            "'lead_with_support' is read for the self-harm reading only")
    lead = support if spec.lead_with_support is None else _fraction(spec.lead_with_support, w, "lead_with_support")
    require(support <= lead <= alone, w, "'lead_with_support' must be from 'with_support' to 'alone'")
    require((spec.doubt_below is None) == (spec.doubt_beside is None), w,
            "'doubt_below' and 'doubt_beside' go together")
    require(spec.doubt_below is None or name == "danger_model", w,
            "'doubt_below' is read for the danger-now model only")
    if spec.doubt_below is None:
        return DangerModelUse(alone, support, spec.doubt_alone_after_999, lead)
    below = _fraction(spec.doubt_below, w, "doubt_below")
    require(alone <= below, w, "'doubt_below' cannot be under 'alone'")
    return DangerModelUse(alone, support, spec.doubt_alone_after_999, lead, below,
                          _fraction(spec.doubt_beside, w, "doubt_beside"))


def _possible_danger(spec: Optional[schema.PossibleDanger], concerns: Dict[str, Concern],
                     where: str) -> Optional[PossibleDanger]:
    if spec is None:
        return None
    w = f"{where}: possible_danger"
    require(spec.min_words > 0, w, "'min_words' must be a number of words above 0")
    require((spec.long_words is None) == (spec.long_below is None), w, "'long_words' and 'long_below' go together")
    require(spec.long_words is None or spec.long_words >= spec.min_words, w,
            "'long_words' cannot be under 'min_words'")
    unknown = [c for c in spec.not_beside if c not in concerns]
    require(not unknown, w, f"'not_beside' must list known concerns, not {unknown}")
    return PossibleDanger(spec.min_words, _fraction(spec.below, w, "below"), tuple(spec.not_beside),
                          _fraction(spec.beside, w, "beside"), tuple(spec.never),
                          tuple(spec.never_from_a_child),
                          {t: frozenset(c) for t, c in spec.never_beside.items()},
                          {t: _fraction(b, w, f"below_for {t!r}") for t, b in spec.below_for.items()},
                          spec.long_words,
                          0.0 if spec.long_below is None else _fraction(spec.long_below, w, "long_below"))


def _patterns(raw: List[str], where: str, key: str) -> Tuple[re.Pattern, ...]:
    try:
        return tuple(re.compile(p) for p in raw)
    except re.error as exc:
        raise ContentError(f"{where}: bad '{key}' pattern: {exc}") from exc


def _in_area(spec: Optional[schema.InArea], concerns: Dict[str, Concern], where: str) -> Optional[InArea]:
    if spec is None:
        return None
    w = f"{where}: in_area"
    require(spec.min_words > 0, w, "'min_words' must be a number of words above 0")
    # general advice only: a concern that needs evidence (a contact, an image...) is never assumed
    odd = [c for c in spec.answer_from if c not in concerns or concerns[c].evidence or concerns[c].emergency]
    require(not odd, w, f"'answer_from' must be general-advice concerns, not {odd}")
    return InArea(spec.min_words, _fraction(spec.max_confidence, w, "max_confidence"),
                  _fraction(spec.min_reading, w, "min_reading"), _fraction(spec.others_below, w, "others_below"),
                  tuple(spec.answer_from), _patterns(spec.when_all, w, "when_all"))


def _sure_guess(spec: Optional[schema.SureGuess], concerns: Dict[str, Concern], where: str) -> Optional[SureGuess]:
    if spec is None:
        return None
    w = f"{where}: sure_guess"
    require(spec.min_words > 0, w, "'min_words' must be a number of words above 0")
    odd = [c for c in spec.concerns if c not in concerns or concerns[c].emergency]
    require(not odd, w, f"'concerns' must be known concerns other than the emergency, not {odd}")
    return SureGuess(_fraction(spec.above, w, "above"), spec.min_words, tuple(spec.concerns))


def _redirects(spec: Dict[str, schema.Redirect], concerns: Dict[str, Concern], where: str) -> Tuple[Redirect, ...]:
    out = []
    for name, raw in spec.items():
        w = f"{where}: redirects.{name}"
        require(raw.to in concerns, w, f"unknown concern '{raw.to}'")
        unknown = [c for c in raw.instead_of if c not in concerns]
        require(not unknown, w, f"'instead_of' must list known concerns, not {unknown}")
        # a redirect may never make a message less serious than the classifier's reading
        require(all(concerns[c].severity <= concerns[raw.to].severity for c in raw.instead_of), w,
                "'instead_of' may only list concerns no more serious than 'to'")
        out.append(Redirect(name, raw.to, tuple(raw.instead_of), _patterns(raw.when, w, "when"),
                            _patterns(raw.unless, w, "unless"), _patterns(raw.alongside, w, "alongside")))
    return tuple(out)


def _off_subject(names: Sequence[str], redirects: Tuple[Redirect, ...], where: str) -> Tuple[Redirect, ...]:
    by_name = {r.name: r for r in redirects}
    unknown = [n for n in names if n not in by_name]
    require(not unknown, f"{where}: when_off_subject", f"must name redirects, not {unknown}")
    return tuple(by_name[n] for n in names)


@lru_cache(maxsize=1)
def routing() -> Routing:
    return load_routing()

