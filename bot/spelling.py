"""Typo correction towards a small vocabulary (the safety net's pattern words). Candidates come
from an index of deletions (two words within k edits share a string made by deleting at most
k letters from each), so an unseen word costs a few dozen lookups, not a pass over the whole
vocabulary: every parent's message brings words the bot has never seen."""
from collections import defaultdict
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable

MAX_EDITS = 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), giving up (returning
    limit + 1) beyond limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def deletions(word: str, depth: int) -> set:
    """The word and every string made by deleting up to `depth` of its letters."""
    found, layer = {word}, {word}
    for _ in range(depth):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        found |= layer
    return found


def allowed_edits(word: str) -> int:
    """One slip in a short word, two in a long one."""
    return 1 if len(word) < 9 else MAX_EDITS


class Speller:
    def __init__(self, vocabulary: Iterable[str]):
        self.vocabulary: FrozenSet[str] = frozenset(vocabulary)
        index: Dict[str, set] = defaultdict(set)
        for word in self.vocabulary:
            for d in deletions(word, MAX_EDITS):
                index[d].add(word)
        self._index = dict(index)

    @lru_cache(maxsize=20_000)  # long messages repeat words; a speller lives as long as the server
    def closest(self, word: str) -> str:
        """The vocabulary word a typo was meant to be (the nearest; alphabetical among equals),
        or the word itself when none is near enough."""
        if word in self.vocabulary:
            return word
        limit = allowed_edits(word)
        candidates = set()
        for d in deletions(word, limit):
            candidates |= self._index.get(d, set())
        scored = sorted((edit_distance(word, c, limit), c) for c in candidates)
        return scored[0][1] if scored and scored[0][0] <= limit else word
