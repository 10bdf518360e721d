import pytest

from bot.text_input import MAX_CHARS, clean_user_text


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
])
def test_clean_user_text(raw, cleaned):
    assert clean_user_text(raw) == cleaned


def test_long_text_is_cut_at_a_word_boundary():
    out = clean_user_text("word " * 5000)
    assert len(out) <= MAX_CHARS and out.endswith("word")


def test_cleaned_text_never_starts_with_a_slash():
    for raw in ["/", "//x", " /x", "\\/x", "<b>/x</b>"]:
        assert not clean_user_text(raw).startswith("/")
