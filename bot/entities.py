"""Entity words from content: platform names, ages and who the child is, and turning
what the entity ruler found into values (a platform key, an age in years)."""
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from bot import content_schema as schema
from bot.content_files import CONTENT_DIR, ContentError, load, require

CLAIM_WINDOW = 40  # characters before an age that are read for "he says he's ..."


@dataclass(frozen=True)
class Platform:
    key: str
    display: str
    names: Tuple[str, ...]
    min_age: Optional[int]
    report: str
    private_account: bool = True  # the privacy steps ("choose a private account") fit it


@dataclass(frozen=True)
class Lexicon:
    platforms: Dict[str, Platform]
    number_words: Dict[str, int]
    school_year_offset: int
    age_suffixes: Tuple[str, ...]
    child_words: Tuple[str, ...]
    claimed_age_cues: Tuple[re.Pattern, ...] = ()

    def is_claimed_age(self, text: str, start: int) -> bool:
        """The age found at `start` is what a contact says they are ("he says he's 17"),
        not the child's."""
        before = text[max(0, start - CLAIM_WINDOW):start].lower().replace("\u2019", "'")
        return any(p.search(before) for p in self.claimed_age_cues)

    def platform_for(self, text: str) -> Optional[Platform]:
        wanted = " ".join(text.lower().split())
        for p in self.platforms.values():
            if wanted in p.names or wanted == p.key:
                return p
        return None

    def is_bare_age(self, text: str) -> bool:
        """The whole message is a child's age and nothing else: "8", "thirteen", "year 7"."""
        t = re.sub(r"[^\w ]+", " ", text.lower()).strip()
        return bool(re.fullmatch(r"(\d{1,2}|[a-z]+|(in )?(year|yr|y) ?\d{1,2})", t)) and \
            (self.age_from(t) or 0) in range(1, 19)

    def age_from(self, text: str) -> Optional[int]:
        """'13', '13yo', 'thirteen', '13 years old', 'year 8' -> an age in years."""
        t = re.sub(r"^(?:is|'s|s|turned|aged|age)\s+", "", text.lower().strip())
        year = re.match(r"^(?:in )?(?:year|yr|y)\s*(\d{1,2})$", t)
        if year:
            return int(year.group(1)) + self.school_year_offset
        m = re.match(r"^(\d{1,2})", t)
        if m:
            return int(m.group(1))
        first = t.split()[0] if t.split() else ""
        return self.number_words.get(first.split("-")[0])


def load_lexicon(directory=CONTENT_DIR) -> Lexicon:
    data = schema.validate(schema.PlatformsFile, load("platforms.yaml", directory), "platforms.yaml")
    platforms = {}
    seen: Dict[str, str] = {}
    for key, spec in data.platforms.items():
        names = tuple(n.lower() for n in spec.names)
        for n in names:
            require(n not in seen, f"platforms.yaml: {key}", f"name '{n}' is also used by {seen.get(n)}")
            seen[n] = key
        platforms[key] = Platform(key, spec.display, names, spec.min_age, spec.report, spec.private_account)
    ent = schema.validate(schema.EntitiesFile, load("entities.yaml", directory), "entities.yaml")
    try:
        cues = tuple(re.compile(p) for p in ent.claimed_age_cues)
    except re.error as exc:
        raise ContentError(f"entities.yaml: bad 'claimed_age_cues' pattern: {exc}") from exc
    return Lexicon(platforms, ent.number_words, ent.school_year_offset, tuple(ent.age_suffixes),
                   tuple(ent.child_words), cues)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon()


def ruler_patterns(lex: Optional[Lexicon] = None, tokenize=str.split) -> List[dict]:
    """spaCy entity-ruler patterns for PLATFORM, AGE and CHILD. tokenize: how the pipeline
    splits a name into tokens ("whats app" is three tokens for spaCy)."""
    lex = lex or lexicon()
    patterns: List[dict] = []
    for p in lex.platforms.values():
        for name in p.names:
            patterns.append({"label": "PLATFORM", "pattern": [{"LOWER": w.lower()} for w in tokenize(name)],
                             "id": p.key})
    number = {"LOWER": {"IN": list(lex.number_words)}}
    digits = {"TEXT": {"REGEX": r"^(?:[5-9]|1[0-8])$"}}
    glued = {"LOWER": {"REGEX": r"^(?:[5-9]|1[0-8])(?:yo|y/o|yr|yrs|yrold|yrsold)$"}}
    for suffix in lex.age_suffixes:
        tail = [{"LOWER": w} for w in re.split(r"[\s-]", suffix) if w]
        for head in (digits, number):
            patterns.append({"label": "AGE", "pattern": [head] + tail})
            patterns.append({"label": "AGE", "pattern": [head, {"TEXT": "-"}] + tail})
    patterns.append({"label": "AGE", "pattern": [glued]})
    patterns.append({"label": "AGE", "pattern": [{"LOWER": {"IN": ["year", "yr", "y"]}}, {"TEXT": {"REGEX": r"^(?:[3-9]|1[0-3])$"}}]})
    patterns.append({"label": "AGE", "pattern": [{"LOWER": {"REGEX": r"^y(?:[3-9]|1[0-3])$"}}]})
    # "she's 13", "he is thirteen", "turned 12": the verb is part of the match, bot/entities strips it
    for verb in ("is", "'s", "s", "turned", "aged", "age"):
        for head in (digits, number):
            patterns.append({"label": "AGE", "pattern": [{"LOWER": verb}, head], "id": "after_verb"})
    for word in lex.child_words:
        patterns.append({"label": "CHILD", "pattern": [{"LOWER": w.lower()} for w in tokenize(word)]})
    patterns.append({"label": "CHILD", "pattern": [{"LOWER": "our"}, {"IS_TITLE": True}]})
    return patterns
