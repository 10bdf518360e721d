"""The separate danger-now model (bot.danger_model), trained on the project's training data
as `rasa train` trains it: emergencies against every other example, and its own examples."""
import numpy as np
import pytest

from bot import danger_examples
from bot.danger_model import MIDDLE_BAR, DangerModel, stretches
from tests.test_nlu_data import DATA

EMERGENCY = "immediate_danger"


@pytest.fixture(scope="module")
def model():
    texts, labels = [], []
    for intent, examples in DATA.values():
        texts += examples
        labels += [intent == EMERGENCY] * len(examples)
    texts, labels, weights = danger_examples.training_set(texts, labels)
    return DangerModel.fit(texts, labels, weights=weights)


def test_a_message_is_scored_whole_and_by_neighbouring_sentences():
    parts = stretches("We moved here last year. She is 13. She has gone to meet him and her phone is off.")
    assert parts[0].startswith("We moved here last year.") and len(parts) == 3
    assert stretches("one sentence only") == ["one sentence only"]


def test_an_emergency_at_the_end_of_a_long_message_is_not_diluted(model):
    background = ("Sorry this is long, I'm probably overreacting. My daughter is 14, she's in year 9, "
                  "she's always been close to me and does well at school, loves her netball and her friends. ")
    now = "She told me she was at her friend's but her friend's mum says she never arrived and her location is off."
    assert model.score(background + now) > model.score(background)
    assert model.score(background + now) >= 0.5


def test_the_past_and_the_hypothetical_score_lower_than_the_present(model):
    present = "he has gone to meet a man from xbox right now and won't answer his phone"
    past = "last year he went to meet a lad from xbox, it was fine, he's grown up a lot since"
    assert model.score(present) > model.score(past)
    assert model.score(past) < 0.5


class FixedScores(DangerModel):
    """The model's combining rule over given stretch scores (whole message first)."""
    def __init__(self, scores):
        self.fixed = np.asarray(scores, dtype=float)

    def _stretch_scores(self, texts):
        assert len(texts) == len(self.fixed)
        return self.fixed, self.fixed  # the danger-now model and the self-harm reading alike


def test_in_a_long_story_the_opening_and_the_end_count_and_the_middle_must_be_very_sure():
    """An old scare retold halfway through a long letter is not a child in danger now: a middle
    stretch counts only at MIDDLE_BAR, while the opening and the last stretches always count."""
    story = " ".join(f"Sentence number {n} of the story goes here." for n in range(8))  # 7 stretches
    low = [0.1] * 8

    def with_stretch(i, value):
        scores = list(low)
        scores[1 + i] = value
        return FixedScores(scores).score(story)
    assert with_stretch(0, 0.6) == pytest.approx(0.6)  # the opening
    assert with_stretch(6, 0.6) == pytest.approx(0.6)  # the last stretch
    assert with_stretch(4, 0.6) == pytest.approx(0.6)  # among the last three
    assert with_stretch(2, 0.6) == pytest.approx(0.1)  # the middle, not sure enough
    assert with_stretch(2, MIDDLE_BAR) == pytest.approx(MIDDLE_BAR)
    short = "One. Two is here. Three is here."  # few stretches: all count
    assert FixedScores([0.1, 0.6, 0.1]).score(short) == pytest.approx(0.6)
    # the self-harm reading is combined by the same rule
    assert FixedScores([0.1, 0.6, 0.1]).scores(short) == pytest.approx((0.6, 0.6))


def test_the_peak_counts_every_stretch_the_middle_too():
    # routing.yaml possible_danger doubts the patterns only when no stretch of the message scores:
    # one urgent sentence in the middle of a calm letter is not calm, though the score leaves it out
    story = " ".join(f"Sentence number {n} of the story goes here." for n in range(8))
    scores = [0.01] * 8
    scores[3] = 0.3
    danger, self_harm, peak = FixedScores(scores).readings(story)
    assert danger == pytest.approx(0.01) and peak == pytest.approx(0.3)


def test_an_example_that_counts_more_pulls_the_model_further():
    texts = ["a man is outside her window now", "he has taken her in his car now", "she is with him now",
             "a man was outside her window last year", "thanks for the help", "how do i set up controls"]
    labels = [True, True, True, False, False, False]
    near_miss = "a man was outside her window last year, it is over"
    plain = DangerModel.fit(texts, labels)
    weighted = DangerModel.fit(texts, labels, weights=[1, 1, 1, 4, 1, 1])
    assert weighted.score(near_miss) < plain.score(near_miss)


def test_the_self_harm_reading_shares_the_features_and_is_silent_without_examples():
    texts = ["a man is outside her window now", "he has taken her in his car now", "thanks for the help",
             "how do i set up controls", "she hides her phone", "what is grooming"]
    labels = [True, True, False, False, False, False]
    own = (["she keeps saying the word zorbling tonight", "zorbling again today"] + texts[2:],
           [True, True, False, False, False, False], [1.0] * 6)
    with_reading = DangerModel.fit(texts, labels, self_harm=own)
    danger, reading = with_reading.scores("she says zorbling")
    assert reading > 0.5 and danger == pytest.approx(with_reading.score("she says zorbling"))
    # the danger-now model is the same with or without the reading
    assert DangerModel.fit(texts, labels).score("a man is outside") == pytest.approx(
        with_reading.score("a man is outside"))
    assert DangerModel.fit(texts, labels).scores("she says zorbling")[1] == 0.0
    no_emergencies = (own[0], [False] * 6, own[2])
    assert DangerModel.fit(texts, labels, self_harm=no_emergencies).self_harm is None
