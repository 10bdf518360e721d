"""bot.noise: a worry typed after keyboard noise or a list is read from the worry."""
import pytest

from bot.noise import reread_past_noise, worry_after_noise
from bot.routing import routing

IS_WORRY = routing().is_concern


@pytest.mark.parametrize("text, worry", [
    ("asdfgh lol test test 123 ... anyway my daughter 12 has a man on snapchat telling her to keep it secret",
     "anyway my daughter 12 has a man on snapchat telling her to keep it secret"),
    ("milk, bread, bin bags, fairy liquid, ring dentist, the man on tiktok keeps asking Lily (11) for pics",
     "the man on tiktok keeps asking Lily (11) for pics"),
])
def test_the_worry_after_noise_or_a_list_is_found(text, worry):
    assert worry_after_noise(text) == worry


@pytest.mark.parametrize("text", [
    "my daughter 12 has a man on snapchat telling her to keep it secret",  # nothing before the person
    "What's the best treatment for nits? My daughter keeps bringing them home.",  # a question, not noise
    "asdfgh lol test test. my son is 12.",  # too little after the noise to read
])
def test_messages_without_noise_before_a_worry_are_left_whole(text):
    assert worry_after_noise(text) is None


def _ranker(readings):
    calls = []

    def rank(text):
        calls.append(text)
        return readings[text]
    return rank, calls


def test_an_off_subject_reading_is_replaced_by_a_sure_reading_of_the_worry():
    text = "qwerty asdfgh blah blah, my son (12) has a man on roblox sending him robux every day"
    worry = worry_after_noise(text)
    rank, calls = _ranker({text: [("out_of_scope", 0.9)], worry: [("gifts_money", 0.8), ("out_of_scope", 0.1)]})
    assert reread_past_noise(rank, text, IS_WORRY)[0] == ("gifts_money", 0.8)
    assert calls == [text, worry]


@pytest.mark.parametrize("worry_reading", [
    [("out_of_scope", 0.9)],  # the worry alone is still off the subject
    [("gifts_money", 0.2), ("out_of_scope", 0.19)],  # not sure enough
    [("greet", 0.9)],  # not a worry
])
def test_an_unsure_or_non_worry_reading_of_the_worry_changes_nothing(worry_reading):
    text = "qwerty asdfgh blah blah, my son (12) has a man on roblox sending him robux every day"
    rank, _ = _ranker({text: [("out_of_scope", 0.9)], worry_after_noise(text): worry_reading})
    assert reread_past_noise(rank, text, IS_WORRY) == [("out_of_scope", 0.9)]


def test_a_reading_that_is_not_off_the_subject_is_never_read_again():
    text = "qwerty asdfgh blah blah, my son (12) has a man on roblox sending him robux every day"
    rank, calls = _ranker({text: [("gifts_money", 0.6)]})
    assert reread_past_noise(rank, text, IS_WORRY) == [("gifts_money", 0.6)] and calls == [text]
