"""What a conversation has raised so far, as the tailoring action keeps it in slots: the
concerns, most serious first, and the apps named, in the order they were named. Follow-up
questions are answered in the context of the conversation's concern."""
from typing import List, Optional, Sequence

from bot.entities import Lexicon, lexicon
from bot.routing import CHILD_CONCERN, Routing, routing

MAX_APPS = 3  # steps for more apps than this would bury the reply
# slots the tailoring action sets and the generated responses' conditions read (domain.yml)
CONTEXT_SLOT = "conversation_concern"  # the concern follow-ups are answered under
QUESTION_SLOT = "asked"  # the bot's own question at the end of its last reply, until answered
# danger words both readings doubted in this message (bot.understanding: possible_danger): set
# from the router's entity, read by the first bubble's condition, cleared by the tailoring action
POSSIBLE_DANGER_SLOT, POSSIBLE_DANGER_ENTITY = "possible_danger", "POSSIBLE_DANGER"


def concerns_so_far(before: Sequence[str], raised: Sequence[str], table: Optional[Routing] = None) -> List[str]:
    """Every concern raised in the conversation, most serious first (earlier first among equals)."""
    table = table or routing()
    known = [c for c in dict.fromkeys([*before, *raised]) if c in table.concerns]
    return sorted(known, key=lambda c: -table.concerns[c].severity)


def context_concern(concerns: Sequence[str]) -> Optional[str]:
    """The concern a follow-up question is answered under: the most serious raised, except
    that a child typing stays a child typing (the answers speak to them)."""
    if CHILD_CONCERN in concerns:
        return CHILD_CONCERN
    return concerns[0] if concerns else None


def apps_so_far(before: Sequence[str], named: Sequence[str], lex: Optional[Lexicon] = None) -> List[str]:
    """The apps named in the conversation (their keys), most recently named last, at most MAX_APPS."""
    lex = lex or lexicon()
    found = [p.key for p in (lex.platform_for(n) for n in named if n) if p]
    ordered = [a for a in before if a not in found] + list(dict.fromkeys(found))
    return ordered[-MAX_APPS:]
