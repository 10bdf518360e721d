"""Extra bubbles that tailor a reply: the other concerns a message raised, the platform
named (how to block and report there) and the child's age (Childline for a teenager,
an app's minimum age for a younger child). Only helplines the route allows are named."""
from typing import List, Optional, Sequence

from bot.audience import about_someone_close
from bot.catalogue import Catalogue, catalogue
from bot.entities import Lexicon, lexicon
from bot.routing import EMERGENCY_CONCERN, Routing, routing

TEEN_AGES = range(13, 19)  # Childline is for under-19s
NO_PLATFORM_TIPS = {EMERGENCY_CONCERN, "own_thoughts", "report_anonymously", "other_adult"}
PLATFORM_QUESTIONS = {"followup_block_report", "inform_platform"}  # asked for, or answered with, an app


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def tailor(
    answered: str,
    also: Sequence[str] = (),
    platform: Optional[str] = None,
    age: Optional[str] = None,
    child_typing: bool = False,
    text: str = "",
    table: Optional[Routing] = None,
    lex: Optional[Lexicon] = None,
    helplines: Optional[Catalogue] = None,
) -> List[str]:
    """answered: the concern or follow-up intent the main reply was for."""
    table, lex, helplines = table or routing(), lex or lexicon(), helplines or catalogue()
    bubbles: List[str] = []
    concern = table.concerns.get(answered)
    others = [table.concerns[c].label for c in also if c in table.concerns and c != answered]
    if concern and others:
        bubbles.append(f"You also mentioned {_join(others)}. I've answered for the most urgent part first; "
                       "the same steps help with the rest, and you can ask me about it next.")
    found = lex.platform_for(platform) if platform else None
    if found and (answered in PLATFORM_QUESTIONS or (concern and answered not in NO_PLATFORM_TIPS)):
        bubbles.append(f"On {found.display}: {found.report}")
    if concern and "STOP_IT_NOW" in concern.may_offer and about_someone_close(text):
        bubbles.append("When it's someone close to you, Stop It Now gives confidential advice to families in "
                       f"this position, on {helplines['STOP_IT_NOW'].phone}.")
    years = lex.age_from(age) if age else None
    if concern and years is not None and not child_typing:
        if years in TEEN_AGES and "CHILDLINE" in concern.may_offer:
            bubbles.append(f"At {years}, your child can also talk to Childline themselves, free and in "
                           f"confidence, on {helplines['CHILDLINE'].phone}.")
        if found and found.min_age and years < found.min_age and answered not in NO_PLATFORM_TIPS:
            bubbles.append(f"{found.display} is meant for users aged {found.min_age} and over, so its "
                           "safety settings may not protect a child of "
                           f"{years}.")
    return bubbles
