"""Extra bubbles that tailor a reply: the other concerns a message raised, the platform
named (how to block and report there) and the child's age (Childline for a teenager,
an app's minimum age for a younger child). Only helplines the route allows are named.
The words are guidance.yaml's extras."""
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from bot.audience import about_someone_close
from bot.catalogue import catalogue
from bot.entities import Lexicon, lexicon
from bot.guidance import guidance
from bot.placeholders import fill
from bot.routing import CHILD_CONCERN, FOLLOW_UP, Concern, Routing, routing

ANONYMOUS_REPORT = "report_anonymously"  # the concern of a report made without a name

# asked for, or answered with, an app: its block and report steps
PLATFORM_QUESTIONS = {"followup_block_report", "inform_platform", "followup_group_chat"}
PRIVACY_QUESTIONS = {"followup_privacy", "parental_controls"}  # "can I make her account private?"
APP_EXTRAS = ("platform_steps:", "platform_privacy:")  # what those questions ask for
# "which app?" (guidance.yaml questions), asked after the block-and-report steps when no app
# is known; answered with an app, or skipped ("none": not asked again)
PLATFORM_QUESTION, ASKED_AFTER = "ask_platform", "followup_block_report"
ANSWERED_WITH_APP, SKIPPED_ANSWER, SKIPPED_PLATFORM = "inform_platform", "deny", "none"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def tailor(answered: str, **kwargs) -> List[str]:
    """The extra bubbles for a reply to `answered` (a concern or a follow-up intent); the
    keyword arguments are tailored()'s."""
    return [bubble for _, bubble in tailored(answered, **kwargs)]


def asks_for_steps(answered: str, named_now: Sequence[str] = ()) -> bool:
    """The message asks how to block and report on an app: a question about it, or any
    follow-up question that names the app ("how do I stop him finding her on discord again?")."""
    return answered in PLATFORM_QUESTIONS or (answered.startswith(FOLLOW_UP) and bool(named_now))


def tailor_once(answered: str, shown: Sequence[str] = (), said_now: Sequence[str] = (),
                **kwargs) -> Tuple[List[str], List[str]]:
    """The extras not yet shown in this conversation, and their keys to remember. An extra
    comes back when what it says changes (another app, another age), or when the parent
    asks for it (how to block on the app), but never twice in one reply (said_now)."""
    texts, keys = [], []
    for key, bubble in tailored(answered, **kwargs):
        requested = ((asks_for_steps(answered, kwargs.get("named_now", ())) or answered in PRIVACY_QUESTIONS)
                     and key.startswith(APP_EXTRAS))
        if key in said_now or (key in shown and not requested):
            continue
        texts.append(bubble)
        if key not in shown:
            keys.append(key)
    return texts, keys


def question(answered: str, platform: Optional[str]) -> Optional[str]:
    """The question the bot asks after answering `answered`, if any: which app, when the
    block-and-report steps were asked for and no app is known (nor was the question skipped)."""
    return PLATFORM_QUESTION if answered == ASKED_AFTER and not platform else None


def story_question(follow_up: Optional[str], concern: str, context: Optional[str], child_typing: bool = False,
                   table: Optional[Routing] = None) -> List[str]:
    """The answer to the question a long message ended with (Understanding.follow_up), said
    after the reply to the worry it retells. Only mid-conversation (a first message's closing
    question is what the worry's own reply answers), never to a child typing (the answers
    speak to parents), and worded for this turn's concern (the conversation's may change with
    this very message)."""
    table = table or routing()
    reply = guidance().followups.get(follow_up or "")
    if not reply or not context or child_typing or concern not in table.concerns:
        return []
    return list(reply.in_context.get(concern, reply.bubbles))


def platform_after(answered: str, platform: Optional[str], asked: Optional[str]) -> Optional[str]:
    """The platform slot after this turn: "none" once "which app?" was skipped."""
    return SKIPPED_PLATFORM if asked == PLATFORM_QUESTION and answered == SKIPPED_ANSWER else platform


def tailored(
    answered: str,
    also: Sequence[str] = (),
    platform: Optional[str] = None,
    age: Optional[str] = None,
    child_typing: bool = False,
    text: str = "",
    asked: Optional[str] = None,
    apps: Sequence[str] = (),
    named_now: Sequence[str] = (),
    context: Optional[str] = None,
    table: Optional[Routing] = None,
    lex: Optional[Lexicon] = None,
) -> List[Tuple[str, str]]:
    """(key, bubble) pairs; the key names the extra and what it was filled with.
    platform: the app this turn is about (the last named); apps: every app named in the
    conversation, for the questions about apps ("how do I block him?" after two were named);
    named_now: the apps this message names (a follow-up question naming one gets its steps);
    asked: the bot's question last turn; context: the conversation's concern, if any (an app
    named in answer to "which app?", or after a worry, gets its steps)."""
    table, lex = table or routing(), lex or lexicon()
    bubbles: List[Tuple[str, str]] = []
    concern = table.concerns.get(answered)
    others = [table.concerns[c].label for c in also if c in table.concerns and c != answered]
    if concern and others:
        bubbles.append((f"also_mentioned:{answered}:{','.join(others)}", extra("also_mentioned", others=_join(others))))
    found = lex.platform_for(platform) if platform else None
    if answered == ANSWERED_WITH_APP and asked != PLATFORM_QUESTION and not context:
        found = None  # "it's on Snapchat" out of the blue: asked what's happening there instead
    steps_asked = asks_for_steps(answered, named_now)
    about_apps = steps_asked or answered in PRIVACY_QUESTIONS
    named = [p for p in (lex.platform_for(a) for a in apps) if p] if about_apps and found else []
    for app in dict.fromkeys([*named, found] if found else []):
        if answered in PRIVACY_QUESTIONS:
            if app.private_account:  # a dating app or a chatbot has no private account to choose
                bubbles.append((f"platform_privacy:{app.key}", extra("platform_privacy", app=app.display)))
        elif steps_asked or (concern and concern.app_steps):
            bubbles.append((f"platform_steps:{app.key}", extra("platform_steps", app=app.display, steps=app.report)))
    if concern and concern.emergency and _child_in_danger(child_typing, text, table) \
            and _route_allows("child_in_danger", concern, table):
        bubbles.append(("child_in_danger", extra("child_in_danger")))
    if concern and _route_allows("someone_close", concern, table) and about_someone_close(text):
        bubbles.append(("someone_close", extra("someone_close")))
    # a young person who wants to report someone without being known ("I'd get battered"): the
    # Childline reply, and where a report can be made without a name
    if answered == CHILD_CONCERN and ANONYMOUS_REPORT in also and _route_allows("anonymous_report", concern, table):
        bubbles.append(("anonymous_report", extra("anonymous_report")))
    years = lex.age_from(age) if age else None
    # an emergency reply stays short: its Childline line is for a child typing, not a parent's extra
    if concern and years is not None and not child_typing and not concern.emergency:
        if _for_age("teen_childline", years) and _route_allows("teen_childline", concern, table):
            bubbles.append((f"teen_childline:{years}", extra("teen_childline", years=years)))
        if found and found.min_age and years < found.min_age and concern.app_steps:
            bubbles.append((f"under_age:{found.key}:{years}",
                            extra("under_age", app=found.display, min_age=found.min_age, years=years)))
    return bubbles


@lru_cache(maxsize=None)
def _named_by(extra_name: str) -> frozenset:
    """The helplines an extra names (from its words, so content decides)."""
    return frozenset(catalogue().mentions(" ".join(guidance().extras[extra_name].bubbles)))


def _child_in_danger(child_typing: bool, text: str, table: Routing) -> bool:
    """A child typing about their own danger: not a parent whose words also sound young ("can I
    get in trouble for going round?") yet name their child ("my daughter", "my 13 year old")."""
    return child_typing and not table.concerns[CHILD_CONCERN].contradicted(text)


def _route_allows(extra_name: str, concern: Concern, table: Routing) -> bool:
    return _named_by(extra_name) <= set(table.may_name(concern.intent))


def _for_age(extra_name: str, years: int) -> bool:
    ages = guidance().extras[extra_name].ages
    return ages is None or ages[0] <= years <= ages[1]


EXTRA_SLOTS = {  # what each extra in guidance.yaml is filled with
    "also_mentioned": {"others"}, "platform_steps": {"app", "steps"},
    "platform_privacy": {"app"},
    "someone_close": set(), "anonymous_report": set(), "child_in_danger": set(), "teen_childline": {"years"}, "under_age": {"app", "min_age", "years"},
}


def extra(name: str, **values) -> str:
    """One of guidance.yaml's extras, with its placeholders filled."""
    return fill(guidance().extras[name].bubbles[0], values, where=f"guidance.yaml: extras.{name}")
