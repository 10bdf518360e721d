import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.text_input import MAX_CHARS, clean, clean_user_text


@pytest.mark.parametrize("raw, cleaned", [
    ("/greet", "greet"),
    ('/inform{"platform": "x"}', 'inform{"platform": "x"}'),
    ("  //  restart", "restart"),
    ("<b>URGENT</b><br>he is 11", "URGENT he is 11"),
    ("<script>alert(1)</script>hello", "hello"),
    ("fish &amp; chips", "fish & chips"),
    ("a\u0000b\u200bc", "abc"),
    ("   ", ""),
    (None, ""),
    (b"caf\xc3\xa9 \xff", "café \ufffd"),
    ("😟😟", "😟😟"),
    ("help help help HELP there's a man in her room now help help help", "help there's a man in her room now help"),
    ("no, no, no! he's gone", "no! he's gone"),
    ("I told him no. No. No one else was there", "I told him no. No. No one else was there"),
    ("ring 07 777 777 777, user jay.jay.jay", "ring 07 777 777 777, user jay.jay.jay"),
    ("bye bye", "bye bye"),
])
def test_clean_user_text(raw, cleaned):
    assert clean_user_text(raw) == cleaned


def test_long_text_is_cut_at_a_word_boundary():
    out = clean_user_text("word " * 5000)
    assert len(out) <= MAX_CHARS and out.endswith("word")


def test_cleaned_text_never_starts_with_a_slash():
    for raw in ["/", "//x", " /x", "\\/x", "<b>/x</b>"]:
        assert not clean_user_text(raw).startswith("/")


def test_very_long_text_keeps_its_start_and_end_and_says_so():
    out = clean("he said " + " ".join(f"blah{i}" for i in range(4000)) + " and he is meeting her tonight")
    assert out.shortened and len(out.text) <= MAX_CHARS
    assert out.text.startswith("he said") and out.text.endswith("meeting her tonight")
    assert not clean("a normal message").shortened


# Property-based: whatever arrives (any text, any bytes), cleaning never fails and gives
# bounded, slash-free text without control characters.
@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=5000), st.binary(max_size=3000),
                 st.text(alphabet=st.characters(blacklist_categories=()), max_size=300)))
def test_cleaning_any_input_is_safe(raw):
    out = clean(raw)
    assert isinstance(out.text, str) and len(out.text) <= MAX_CHARS
    assert not out.text.startswith(("/", "\\", " "))
    assert out.text == out.text.strip()
    assert not any(unicodedata.category(c) == "Cc" for c in out.text)
    out.text.encode("utf-8")  # always valid UTF-8 (no lone surrogates)
    assert clean(out.text).text == out.text  # cleaning twice changes nothing


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["/", "//", "/inform{", "<script>", "&lt;", "\u202e"]))
def test_prefixes_never_survive(text, prefix):
    out = clean(prefix + text).text
    assert not out.startswith("/") and "<script" not in out.lower()
