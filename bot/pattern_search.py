"""Searching a text for many regular expressions quickly. Python's `re` tries every
alternative of a pattern at every position of the text; most of the safety net's patterns
name a word the text must contain ("noose", "kill "), and a plain substring test for it rules
most patterns out at a fraction of the cost. The result is always the same as searching the
pattern itself: the test only skips searches that could not match."""
import re
from typing import FrozenSet, Optional, Sequence

try:  # Python 3.11 moved the parser; the project runs 3.10
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:  # pragma: no cover - depends on the interpreter
    import sre_constants
    import sre_parse

Needles = Optional[FrozenSet[str]]


def _best(candidates: list) -> Needles:
    """The candidate whose shortest piece is longest (ties: fewer pieces): the rarest test."""
    if not candidates:
        return None
    return max(candidates, key=lambda pieces: (min(map(len, pieces)), -len(pieces)))


def _needles(items) -> Needles:
    """Pieces of plain text one of which every match of this parsed sequence contains."""
    candidates, run = [], ""
    for op, value in items:
        if op is sre_constants.LITERAL:
            run += chr(value)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        found = None
        if op is sre_constants.SUBPATTERN:
            _group, add_flags, _del_flags, body = value
            if not add_flags & re.IGNORECASE:
                found = _needles(body)
        elif op is sre_constants.BRANCH:
            branches = [_needles(branch) for branch in value[1]]
            found = frozenset().union(*branches) if all(branches) else None
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1:
            found = _needles(value[2])
        elif op is sre_constants.ASSERT:  # a positive look-ahead or look-behind must match too
            found = _needles(value[1])
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset([run]))
    return _best(candidates)


def required_text(pattern: str) -> Needles:
    """Pieces of plain text one of which every match of the pattern contains, or None when
    there is no such piece (or the pattern ignores case, where a substring test would not do)."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _needles(list(parsed))


class AnyPattern:
    """Several patterns searched as one: the text matches where any of them does."""

    def __init__(self, patterns: Sequence[str]):
        self.patterns = tuple(patterns)
        self._searches = tuple((required_text(p), re.compile(p)) for p in self.patterns)

    @property
    def pattern(self) -> str:
        """The patterns as one alternation (what the search is equivalent to)."""
        return "|".join(f"(?:{p})" for p in self.patterns)

    def search(self, text: str) -> bool:
        for needles, compiled in self._searches:
            if needles is not None and not any(n in text for n in needles):
                continue
            if compiled.search(text):
                return True
        return False
