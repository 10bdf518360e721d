"""The shape of every content file: which fields it has, of what type, which are required.

Each model forbids unknown fields, so a misspelt key ("bubles:") is an error instead of being
silently ignored. What the content means (a helpline that must exist, a pattern that must
compile, an order to keep) is checked by the loader that uses the file.

A field left blank in YAML ("notes:" with nothing after it) counts as left out.
"""
import datetime as dt
import re
from typing import Dict, List, Literal, Optional, Type, TypeVar

from pydantic import (BaseModel, Field, StrictBool, StrictInt, StrictStr, ValidationError, conlist, root_validator,
                      validator)

from bot.content_files import ContentError

PHONE_RE = re.compile(r"^\d{3}( ?\d+)*$")
URL_RE = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(/[^\s]*)?$")
EMAIL_RE = re.compile(r"^[a-z0-9.+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")


class Checked:
    """A field type whose `check` refuses a bad value (with the message the editor sees) or
    returns the value the loader gets."""

    @classmethod
    def __get_validators__(cls):  # how pydantic finds a custom type's check
        yield cls.check


class Text(str, Checked):
    """Text that is not blank; kept exactly as written."""

    @staticmethod
    def check(value):
        if not isinstance(value, str):
            raise TypeError("must be text")
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class Word(str, Checked):
    """A word in a word list. YAML reads some bare words as numbers or true/false ("on" is
    true); the loaders have always taken those as text, so they are accepted as such."""

    @staticmethod
    def check(value):
        if not isinstance(value, (str, int, float)):
            raise TypeError("must be a word")
        return str(value)


class Number(float, Checked):
    """A whole or decimal number, kept as written (never true/false)."""

    @staticmethod
    def check(value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("must be a number")
        return value


class Date(dt.date, Checked):
    """A date written as 2024-05-31 (never text that looks like one)."""

    @staticmethod
    def check(value):
        if not isinstance(value, dt.date):
            raise TypeError("must be a date, written like 2024-05-31")
        return value


class Phone(str, Checked):
    """A phone number: digit groups, the first of three or more; YAML reads a bare
    three-digit number as a number, so one is accepted as such."""

    @staticmethod
    def check(value):
        if not isinstance(value, (str, int)) or not PHONE_RE.match(str(value)):
            raise ValueError("is not a phone number")
        return str(value)


class Link(str, Checked):
    @staticmethod
    def check(value):
        if not isinstance(value, str) or not URL_RE.match(value):
            raise ValueError("must be an https link")
        return value


class Email(str, Checked):
    @staticmethod
    def check(value):
        if not isinstance(value, str) or not EMAIL_RE.match(value):
            raise ValueError("is not an email address")
        return value


class Mentions(list, Checked):
    """What a flow turn checks for: one helpline key or phrase, or a list of them."""

    @staticmethod
    def check(value):
        items = value if isinstance(value, list) else [value]
        for item in items:
            if not isinstance(item, (str, int)) or not str(item).strip():
                raise ValueError(f"'{item}' is not a helpline or phrase")
        return items


Texts = conlist(Text, min_items=1)  # a non-empty list of texts


def _not_empty(value):
    if not value:
        raise ValueError("must not be empty")
    return value


def not_empty(*fields: str):
    """A validator refusing an empty mapping or list in the given fields."""
    return validator(*fields, allow_reuse=True)(_not_empty)


class Strict(BaseModel):
    """A part of a content file: unknown fields are errors."""

    class Config:
        extra = "forbid"

    @root_validator(pre=True, allow_reuse=True)
    def _blank_is_left_out(cls, values):
        known = {f.alias for f in cls.__fields__.values()}
        return {k: v for k, v in values.items() if v is not None or k not in known}


class ContentFile(Strict):
    version: StrictInt


# helplines.yaml

class Helpline(Strict):
    name: Text
    spoken: Text  # how the bot says it, and how a text names it when there is no number
    audience: Text = Field(alias="for")
    anonymous: StrictBool
    phone: Optional[Phone]
    textphone: Optional[Phone]
    email: Optional[Email]
    url: Optional[Link]
    how: Optional[Text]
    notes: Optional[Text]
    last_checked: Optional[Date]
    hours: Optional[Text]
    link_is_shared: StrictBool = False


class Retired(Strict):
    number: Text
    was: Optional[Text]  # whose number it was, for the reader


class HelplinesFile(ContentFile):
    helplines: Dict[str, Helpline]
    retired: List[Retired] = []
    _helplines = not_empty("helplines")


# routing.yaml

class Concern(Strict):
    severity: StrictInt
    helplines: Texts
    may_offer: List[Text] = []
    label: Text
    emergency: StrictBool = False
    evidence: List[Text] = []
    unless: List[Text] = []
    app_steps: StrictBool = True
    otherwise: Optional[Text] = None
    only_as_top: StrictBool = False


class SmallTalk(Strict):
    intents: Texts
    max_words: StrictInt
    not_with: List[Text]


class DangerModel(Strict):
    alone: Number
    with_support: Number
    # from with_support up to this bar, a supported score names 999 in the first bubble without
    # leading it; none: it leads from with_support
    lead_with_support: Optional[Number] = None
    # straight after a reply that led with 999, the score alone (no urgent word, no emergency
    # guess beside it) names 999 in the first bubble without leading it
    doubt_alone_after_999: StrictBool = False
    # below this bar, the score alone (no urgent word, no emergency guess beside it) names 999 in
    # the first bubble without leading it while the classifier is at least `doubt_beside` sure
    # of another concern; none: never
    doubt_below: Optional[Number] = None
    doubt_beside: Optional[Number] = None


class PossibleDanger(Strict):
    min_words: StrictInt
    below: Number
    below_for: Dict[Text, Number] = {}  # a trigger's own bar, in place of `below`
    # from this many words, the bar for every trigger (and the danger-now model's supported
    # score) is at least `long_below`; none: no such tier
    long_words: Optional[StrictInt] = None
    long_below: Optional[Number] = None
    not_beside: List[Text] = []
    beside: Number = 0.05
    never: List[Text] = []  # safety-net triggers never doubted
    never_from_a_child: List[Text] = []  # ...nor these, when a young person is typing...
    never_beside: Dict[Text, List[Text]] = {}  # ...nor a trigger beside these concepts


class InArea(Strict):
    min_words: StrictInt
    max_confidence: Number
    min_reading: Number
    others_below: Number
    answer_from: Texts
    when_all: Texts


class SureGuess(Strict):
    above: Number
    min_words: StrictInt
    concerns: Texts


class Redirect(Strict):
    to: Text
    instead_of: Texts
    when: Texts
    alongside: List[Text] = []  # when given, one of these must match too
    unless: List[Text] = []


class RoutingFile(ContentFile):
    concerns: Dict[str, Concern]
    secondary_confidence: Number
    classifier_emergency_confidence: Number
    rescue_concern_mass: Number
    rescue_words: StrictInt
    child_story_words: StrictInt
    story_words: StrictInt
    story_follow_ups: List[StrictStr] = []
    when_unsure: Text
    sure_guess: Optional[SureGuess] = None
    small_talk: SmallTalk
    short_answers: Optional[SmallTalk] = None
    settled_after_999: bool = False
    after_an_answer: List[StrictStr] = []
    danger_model: DangerModel
    self_harm_model: Optional[DangerModel] = None
    possible_danger: Optional[PossibleDanger] = None
    redirects: Dict[str, Redirect] = {}
    when_off_subject: List[StrictStr] = []
    in_area: Optional[InArea] = None
    _concerns = not_empty("concerns")


# guidance.yaml

class Button(Strict):
    title: Text
    payload: Text


class Reply(Strict):
    bubbles: Texts
    buttons: List[Text] = []


class InContext(Strict):
    bubbles: Texts
    names: List[Text] = []


class Followup(Reply):
    names: List[Text] = []  # the helplines it names, first one first
    in_context: Dict[str, InContext] = {}


class Bubbles(Strict):
    bubbles: Texts


class InConversation(Strict):  # said mid-story: no buttons
    bubbles: Texts  # under any concern
    under: Dict[str, Bubbles] = {}  # under a particular concern, in its own words


class ConversationReply(Reply):
    answering: Dict[str, Reply] = {}
    before_concern: Optional[Reply]
    in_conversation: Optional[InConversation]


class Extra(Reply):
    ages: Optional[List[StrictInt]]


class GuidanceFile(ContentFile):
    buttons: Dict[str, Button] = {}
    concerns: Dict[str, Reply]
    followups: Dict[str, Followup]
    conversation: Dict[str, ConversationReply]
    questions: Dict[str, Reply] = {}
    extras: Dict[str, Extra] = {}
    # said at the end of a concern's first bubble when both readings doubt its danger words
    possible_danger: Optional[Text] = None
    _sections = not_empty("concerns", "followups", "conversation")


# safety_net.yaml

class Trigger(Strict):
    name: Text
    all: List[Text] = []
    any: List[Text] = []
    none: List[Text] = []
    none_nearby: List[Text] = []  # silence only where the "all" concepts meet, or a sentence either side
    none_alongside: List[Text] = []  # silence only in the sentences where the "all" concepts meet
    one_sentence: bool = False  # the "all" concepts must meet in one sentence


class SafetyNetFile(ContentFile):
    textspeak: Dict[str, Word] = {}
    fragments: Dict[str, Text] = {}  # named pieces of pattern, written {name} in a pattern
    concepts: Dict[str, Texts]
    triggers: conlist(Trigger, min_items=1)
    supporting: List[Text] = []
    settling: List[Text] = []
    still_urgent: List[Text] = []
    ended_by: Dict[Text, List[Text]] = {}  # a concept that ends some still-urgent ones (the man caught)
    self_harm_support: List[Text] = []
    as_written: List[Text] = []  # concepts matched in the words, never in their lemmas
    uncorrected: List[Text] = []  # concepts whose words the spelling corrector never corrects towards
    keep_as_written: List[Text] = []
    real_words: List[Word] = []
    vocabulary: List[Word] = []
    _concepts = not_empty("concepts")


# platforms.yaml and entities.yaml

class Platform(Strict):
    display: Text
    names: conlist(Word, min_items=1)
    min_age: Optional[StrictInt]
    report: Text
    private_account: StrictBool = True  # "make the account private" makes sense there


class PlatformsFile(ContentFile):
    platforms: Dict[str, Platform]
    _platforms = not_empty("platforms")


class EntitiesFile(ContentFile):
    number_words: Dict[str, StrictInt]
    school_year_offset: StrictInt = 4
    claimed_age_cues: List[Text] = []
    age_suffixes: List[Text] = []
    child_words: List[Text] = []
    _words = not_empty("number_words")


# the smaller files

class AudienceFile(ContentFile):
    child_typing: Texts
    close_relation: Texts
    contact_with_the_child: Texts


class RedactionRule(Strict):
    what: Text
    placeholder: Text
    patterns: Texts
    case_sensitive: StrictBool = False
    keep: Optional[Literal["platform_names"]]  # words the rule never takes for a secret


class RedactionFile(ContentFile):
    rules: conlist(RedactionRule, min_items=1)


class Language(Strict):
    name: Text
    words: List[Word]
    letters: Optional[StrictStr]  # letters only this language uses


class LanguageScript(Strict):
    name: Text
    ranges: Texts


class LanguagesFile(ContentFile):
    english_words: conlist(Word, min_items=1)
    languages: Dict[str, Language] = {}
    scripts: List[LanguageScript] = []


class ChannelNotesFile(ContentFile):
    empty: Text
    shortened: Text
    rate_limited: Text
    other_language: Text


class PrivacySection(Strict):
    heading: Text
    paragraphs: Texts


class PrivacyFile(ContentFile):
    title: Text
    sections: conlist(PrivacySection, min_items=1)


class Topic(Strict):
    label: Text
    concern: Text


class TopicsFile(ContentFile):
    topics: Dict[str, Topic]
    _topics = not_empty("topics")


class Exit(Strict):
    label: Text
    note: Text
    url: Link


class Schools(Strict):
    title: Text
    intro: Text
    source_label: Text
    topic_label: Text
    link_heading: Text
    qr_heading: Text
    embed_heading: Text
    embed_help: Text


class WidgetFile(ContentFile):
    title: Text
    subtitle: Text
    danger_line: Text
    privacy_note: Text
    privacy_link: Text
    delete_label: Text
    delete_confirm: Text
    deleted_note: Text
    delete_failed: Text
    input_label: Text
    input_hint: Text
    send_label: Text
    you_label: Text
    topic_prefix: Text
    typing: Text
    no_answer_text: Text
    offline_note: Text
    exit: Exit
    no_answer_seconds: Number
    no_answer_helplines: Texts
    schools: Schools


# flows/*.yaml: staff scripts (no version line)

class FlowTurn(Strict):
    parent: Optional[StrictStr]  # what the parent types...
    press: Optional[StrictStr]  # ...or the title of a button they press
    first_mentions: Mentions = []
    mentions: Mentions = []
    not_mentions: Mentions = []
    not_first: Mentions = []


class FlowScript(Strict):
    name: Text
    route: Optional[Text]
    notes: Optional[Text]
    turns: conlist(FlowTurn, min_items=1)


# pydantic's wording where it is not plain enough for someone editing YAML
MESSAGES = {
    "value_error.extra": "unknown field (is it misspelt?)",
    "value_error.list.min_items": "must not be empty",
    "type_error.none.not_allowed": "must not be empty",
    "type_error.dict": "must be a mapping (names, each followed by a colon)",
    "type_error.list": "must be a list",
    "type_error.str": "must be text",
    "type_error.integer": "must be a whole number",
    "value_error.strictbool": "must be true or false",
}

Model = TypeVar("Model", bound=BaseModel)


def _message(error: dict) -> str:
    if error["type"] == "value_error.const":  # a fixed set of choices
        return "must be " + " or ".join(map(str, error["ctx"]["permitted"]))
    return MESSAGES.get(error["type"], error["msg"])


def _path(loc) -> str:
    """('rules', 0, 'what') -> 'rules[1].what': list items counted from 1, as people count."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


# data/danger_now/*.yml: examples that train only the danger-now model

class DangerExamplesFile(ContentFile):
    in_danger: List[Text] = []  # a child in danger now or within hours
    not_in_danger: List[Text] = []  # near-misses in the same words: over, later, feared, other senses


def validate(model: Type[Model], data, where: str) -> Model:
    """The data as the model, or a ContentError naming the file and each field that is wrong."""
    if not isinstance(data, dict):
        raise ContentError(f"{where}: must be a mapping (names, each followed by a colon)")
    try:
        return model.parse_obj(data)
    except ValidationError as exc:
        lines = [f"{where}: {_path(e['loc'])}: {_message(e)}" for e in exc.errors()]
        raise ContentError("\n".join(lines)) from exc
