"""bot.pattern_search: the substring test before each search only ever skips searches that
could not match, so the safety net finds exactly what its patterns say."""
import re

import pytest

from bot import danger_examples
from bot.pattern_search import AnyPattern, required_text
from bot.safety_net import safety_net


@pytest.mark.parametrize("pattern, needles", [
    (r"\bkill (her|him) ?self\b", {"kill "}),
    (r"\bself[- ]?harm(ing)?\b", {"self"}),  # two required runs: the first of equal length
    (r"\b(cat|dog)s\b", {"cat", "dog"}),  # one of the branches, whichever it is
    (r"\b(found|had)( \w+){0,2} noose\b", {" noose"}),  # the longest required piece
    (r"(?<!not )tonight", {"tonight"}),  # a look-behind requires nothing
    (r"(ab)+c", {"ab"}),  # a repeat at least once requires its body
    (r"^(?=.*\bnoose\b).*\bhere\b", {"noose"}),  # so does a look-ahead that must match
])
def test_required_text_names_a_piece_every_match_contains(pattern, needles):
    assert required_text(pattern) == needles


@pytest.mark.parametrize("pattern", [
    r"a{0,2}",  # may repeat zero times
    r"(x|)",  # a branch that may be empty
    r"(?i)noose",  # ignores case: a substring test would miss "NOOSE"
    r"\w+\s\d+",  # no plain text at all
])
def test_required_text_is_none_where_no_piece_is_certain(pattern):
    assert required_text(pattern) is None


def test_a_scoped_ignore_case_group_requires_nothing_from_inside():
    assert required_text(r"(?i:noose) now") == {" now"}
    assert AnyPattern([r"(?i:noose) now"]).search("a NOOSE now")


def test_any_pattern_matches_where_any_of_its_patterns_does():
    search = AnyPattern([r"\bkill (her|him) ?self\b", r"\boverdose(d)?\b"])
    assert search.search("says he will kill himself") and search.search("she overdosed")
    assert not search.search("killer whales overdone")
    assert re.search(search.pattern, "she overdosed")


def test_the_safety_net_finds_what_its_patterns_alone_would_find():
    """Every concept against the danger models' own examples (emergencies and near-misses in
    parents' words), searched with and without the substring test."""
    net = safety_net()
    plain = {name: re.compile(concept.pattern) for name, concept in net.concepts.items()}
    texts = [net.normalise(t) for t, _ in danger_examples.load()]
    texts += [net.normalise(t) for t, _ in danger_examples.load(danger_examples.SELF_HARM_FOLDER)]
    assert len(texts) > 1000
    found = 0
    for text in texts:
        fast = {name for name, concept in net.concepts.items() if concept.search(text)}
        assert fast == {name for name, pattern in plain.items() if pattern.search(text)}, text
        found += bool(fast)
    assert found > len(texts) / 2  # the comparison saw matches, not only misses
