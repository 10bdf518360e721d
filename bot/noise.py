"""A worry typed after keyboard noise or a list ("asdfgh lol test test 123 ... anyway my daughter
12 has a man on snapchat telling her to keep it secret", "milk, bread, bin bags, ... the man on
tiktok keeps asking Lily (11) for pics"): the classifier reads the whole as off the subject, so
the message is read again from the first stretch that names a child or another person.

Stop 66, over every evaluation set: of the messages the classifier read as off the subject,
reading from the worry changed 11, all worries hidden in noise, and no off-subject message or
small talk."""
import re
from typing import Callable, List, Optional, Tuple

from bot.routing import OUT_OF_SCOPE

Ranking = List[Tuple[str, float]]

REREAD_CONFIDENCE = 0.3  # the fallback classifier's threshold: a re-reading at least this sure
MIN_WORDS = 6

# a child, or another person the worry is about
_PERSON = re.compile(
    r"\b(my|our|his|her|their) (\w+ )?(sons?|daughters?|boys?|girls?|kids?|child|children|grandsons?|granddaughters?"
    r"|nieces?|nephews?|stepsons?|stepdaughters?|bro|brother|sister|pupils?|students?|lad|lass|eldest|youngest"
    r"|\d{1,2} ?(yo|y/o|yr|year)[\w ]{0,6}?)\b"
    r"|\b(man|men|bloke|guy|adult|stranger|someone|somebody|some1|lodger|teacher|coach|neighbou?r)\b"
    r"|\b\d{1,2} ?(yo|y/o|yrs?|year olds?)\b|\(\d{1,2}\)")
# keyboard mashing and filler text
_NOISE = re.compile(r"\b(asdf\w*|asdk\w*|qwe\w*|zxc\w*|uiop|hjkl|sdfg\w*|(jk){2,}\w*|lorem|ipsum|test test|blah|lol lol)\b")
_STRETCH = re.compile(r"[^.,;:!?\u2026\n]+")
_ITEM = re.compile(r"[,;\n]")


def _a_list(before: str) -> bool:
    """Four or more short items: a shopping list or a to-do list."""
    items = [p for p in _ITEM.split(before) if p.strip()]
    return len(items) >= 4 and all(len(p.split()) <= 5 for p in items)


def worry_after_noise(text: str) -> Optional[str]:
    """The message from its first stretch naming a person, when noise or a list comes before it."""
    for i, stretch in enumerate(_STRETCH.finditer(text or "")):
        if _PERSON.search(stretch.group().lower()):
            if i == 0:
                return None  # nothing before the person to leave out
            before = text[:stretch.start()].lower()
            if not (_NOISE.search(before) or _a_list(before)):
                return None
            worry = text[stretch.start():].strip()
            return worry if len(worry.split()) >= MIN_WORDS else None
    return None


def reread_past_noise(rank: Callable[[str], Ranking], text: str, is_worry: Callable[[str], bool]) -> Ranking:
    """The classifier's ranking of the message, or of its worry when the whole reads as off the
    subject and the worry, read alone, is surely a worry."""
    ranking = rank(text)
    if not ranking or ranking[0][0] != OUT_OF_SCOPE:
        return ranking
    worry = worry_after_noise(text)
    if worry is None:
        return ranking
    again = rank(worry)
    return again if again and is_worry(again[0][0]) and again[0][1] >= REREAD_CONFIDENCE else ranking
