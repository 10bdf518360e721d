"""Typo correction: the deletion index finds exactly what a pass over the whole vocabulary
would, so a faster lookup never changes which word a typo is read as; and the safety net's
corrector never turns a common English word into a different one."""
import gzip
import json
import random
import string
from pathlib import Path

import spacy_lookups_data

from bot.safety_net import safety_net
from bot.spelling import Speller, allowed_edits, deletions, edit_distance

WORDS = ["tonight", "meeting", "waiting", "outside", "station", "collect", "threatening", "kidnapped"]


def test_edit_distance():
    assert edit_distance("tonight", "tonigth", 2) == 1  # transposition
    assert edit_distance("meeting", "meting", 1) == 1
    assert edit_distance("abc", "xyzuvw", 2) == 3


def test_deletions():
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert "a" in deletions("abc", 2) and "" not in deletions("abc", 2)


def test_typos_are_corrected_within_the_allowed_edits():
    speller = Speller(WORDS)
    assert speller.closest("tonigth") == "tonight"
    assert speller.closest("meetting") == "meeting"
    assert speller.closest("threatning") == "threatening"  # long word: two slips allowed
    assert speller.closest("kidnaped") == "kidnapped"
    assert speller.closest("potatoes") == "potatoes"  # nothing near: left as written


def _lookup(name):
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"en_{name}.json.gz"
    return json.loads(gzip.open(path).read())


def test_common_words_are_never_corrected_into_other_words():
    # "making" read as "taking", "willing himself" as "killing himself": every word English text
    # uses at least once in 440,000 (log p > -13) that the corrector would change into a word
    # other than its own inflection must be in safety_net.yaml's real_words
    net = safety_net()
    lemma = _lookup("lemma_lookup")
    common = [w for w, p in _lookup("lexeme_prob").items() if p > -13 and w.isascii() and w.isalpha() and w.islower()]
    assert len(common) > 10_000  # the table is there: about 11,000 such words

    def another_word(word):
        read = net.normalise(word)
        if read == word or read in net.textspeak.values():  # left alone, or text-speak written out
            return False
        own_form = lemma.get(word, word) in (lemma.get(read, read), read) or word == lemma.get(read)
        return not own_form

    changed = sorted(w for w in common if another_word(w))
    assert not changed, f"add to real_words in safety_net.yaml: {changed}"


def brute_force(word, vocabulary):
    limit = allowed_edits(word)
    scored = sorted((edit_distance(word, v, limit), v) for v in vocabulary)
    return scored[0][1] if scored[0][0] <= limit else word


def test_the_index_finds_what_a_full_scan_finds():
    rng = random.Random(7)
    speller = Speller(WORDS)
    for _ in range(2000):
        word = list(rng.choice(WORDS))
        for _ in range(rng.randint(0, 3)):  # random slips: swaps, drops, doubles, wrong letters
            i = rng.randrange(len(word))
            op = rng.choice("sdiw")
            if op == "s" and i + 1 < len(word):
                word[i], word[i + 1] = word[i + 1], word[i]
            elif op == "d" and len(word) > 6:
                del word[i]
            elif op == "i":
                word.insert(i, word[i])
            else:
                word[i] = rng.choice(string.ascii_lowercase)
        word = "".join(word)
        assert speller.closest(word) == brute_force(word, WORDS), word
