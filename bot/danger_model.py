"""The "danger now" model: a small classifier, separate from the concern classifier, that
scores how likely a message describes a child in danger now or within hours.

It reads the whole message and each stretch of it (a sentence with its neighbour), and
keeps the highest score: a parent's long message often gives the background first and the
emergency in its last sentence, which a whole-message score dilutes. In a long story only the
opening and the last stretches count at the usual bar: one of many middle stretches scoring
high is more often an old event retold than a child in danger now, so it must score very
high to count. Word (up to three) and character n-grams with a linear model: about a
millisecond a message. A second linear model over the same features, the self-harm reading,
scores a child at risk of ending their life told in other words; it is read from the same
stretches at no further cost of reading the words.
Rasa-free; rasa_ext.danger_now trains it inside `rasa train` and runs it on every message.
"""
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

from bot.text_features import TextFeatures
from bot.text_input import clean_user_text, sentences

MIN_STRETCH_WORDS = 4  # shorter stretches carry too little to score alone
OPENING_STRETCHES = 1  # "help, she's gone to meet him" comes first...
CLOSING_STRETCHES = 3  # ...or last, after the background
MIDDLE_BAR = 0.8  # a middle stretch counts only at this score or above


def stretches(text: str) -> List[str]:
    """The message, then each pair of neighbouring sentences (each sentence if only one)."""
    text = clean_user_text(text)
    parts = sentences(text)
    if len(parts) <= 1:
        return [text]
    pairs = [" ".join(parts[i:i + 2]) for i in range(len(parts) - 1)]
    return [text] + [p for p in pairs if len(p.split()) >= MIN_STRETCH_WORDS]


def _logistic(seed: int) -> LogisticRegression:
    # balanced: emergencies are a small share of the data, and a missed one is the costly error
    return LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000, random_state=seed)


def _combined(scores: np.ndarray) -> float:
    """The highest of the whole message's score (first), its opening and closing stretches,
    and any middle stretch at MIDDLE_BAR or above; 0..1."""
    whole, parts = scores[0], scores[1:]
    if len(parts) <= OPENING_STRETCHES + CLOSING_STRETCHES:
        return float(scores.max())
    edges = np.concatenate([parts[:OPENING_STRETCHES], parts[-CLOSING_STRETCHES:]])
    middle = parts[OPENING_STRETCHES:-CLOSING_STRETCHES]
    best_middle = middle.max()
    return float(max(whole, edges.max(), best_middle if best_middle >= MIDDLE_BAR else 0.0))


@dataclass
class DangerModel:
    features: TextFeatures
    classifier: LogisticRegression
    # the self-harm reading: a second linear model over the same features, trained on a child at
    # risk of ending their life told in other words against everyday messages
    # (bot.danger_examples.self_harm_training_set); None: not trained
    self_harm: Optional[LogisticRegression] = None

    @classmethod
    def fit(cls, texts: Sequence[str], in_danger: Sequence[bool], seed: int = 2026,
            weights: Optional[Sequence[float]] = None,
            self_harm: Optional[Tuple[Sequence[str], Sequence[bool], Sequence[float]]] = None) -> "DangerModel":
        """weights: how much each example counts (all 1 if not given). self_harm: the self-harm
        reading's (texts, labels, weights), read with the features fitted here; none, or none of
        its examples in danger: no reading."""
        features = TextFeatures(word_ngrams=3)
        x = features.fit_transform(texts)
        classifier = _logistic(seed).fit(x, np.asarray(in_danger, dtype=int),
                                         sample_weight=None if weights is None else np.asarray(weights, dtype=float))
        reading = None
        if self_harm and any(self_harm[1]):
            own_texts, own_labels, own_weights = self_harm
            reading = _logistic(seed).fit(features.transform(list(own_texts)), np.asarray(own_labels, dtype=int),
                                          sample_weight=np.asarray(own_weights, dtype=float))
        return cls(features, classifier, reading)

    @staticmethod
    def _probabilities(x, classifier: LogisticRegression) -> np.ndarray:
        # predict_proba's arithmetic for two classes, without its per-call input checks
        return expit(x @ classifier.coef_[0] + classifier.intercept_[0])

    def _stretch_scores(self, texts: Sequence[str]) -> Tuple[np.ndarray, Optional[np.ndarray]]:
        """Each text's danger-now score as one piece, and the self-harm reading's (None without
        one): the words are read once for both."""
        x = self.features.transform(list(texts))
        reading = self._probabilities(x, self.self_harm) if self.self_harm is not None else None
        return self._probabilities(x, self.classifier), reading

    def score(self, text: str) -> float:
        """The danger-now score (scores(), first)."""
        return self.scores(text)[0]

    def scores(self, text: str) -> Tuple[float, float]:
        """The danger-now score and the self-harm reading's (0 without one): for each, the
        highest of the message, its opening and closing stretches, and any middle stretch at
        MIDDLE_BAR or above; 0..1."""
        return self.readings(text)[:2]

    def readings(self, text: str) -> Tuple[float, float, Optional[float]]:
        """scores(), and the peak: the highest score any stretch gets from either model, middle
        stretches included (a calm story with one urgent sentence in its middle is not calm);
        None without a self-harm reading."""
        danger, reading = self._stretch_scores(stretches(text or ""))
        if reading is None:
            return _combined(danger), 0.0, None
        return _combined(danger), _combined(reading), float(max(danger.max(), reading.max()))
