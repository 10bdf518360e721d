"""The concern classifier: which intent a message is, with a confidence for each.

A linear support-vector classifier over word and character n-grams (bot.text_features).
It replaced DIET when the training data grew to ~10,000 parents' messages: on messages by
writers it had not seen it was as accurate, trained in seconds instead of a quarter of an
hour, and answers in about a millisecond (README, "Choosing the classifier").
Its scores become confidences through a softmax whose temperature is fitted on held-out
folds of the training data, so the fallback and routing thresholds mean what they say.
Rasa-free; rasa_ext.intent_classifier adapts it.
"""
from dataclasses import dataclass
from typing import List, Sequence, Tuple

import numpy as np
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from bot.text_features import TextFeatures

TEMPERATURES = np.linspace(1.0, 30.0, 59)


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores * temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _svc(c: float, seed: int) -> LinearSVC:
    return LinearSVC(C=c, class_weight="balanced", random_state=seed)


def fit_temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """The temperature that gives held-out predictions the lowest log loss."""
    rows = np.arange(len(truth))
    losses = [-np.log(softmax(scores, t)[rows, truth] + 1e-12).mean() for t in TEMPERATURES]
    return float(TEMPERATURES[int(np.argmin(losses))])


@dataclass
class IntentModel:
    features: TextFeatures
    classifier: LinearSVC
    intents: Tuple[str, ...]
    temperature: float

    @classmethod
    def fit(cls, texts: Sequence[str], intents: Sequence[str], c: float = 0.8, folds: int = 3,
            seed: int = 2026) -> "IntentModel":
        features = TextFeatures()
        x = features.fit_transform(texts)
        labels = np.asarray(intents)
        classes = np.unique(labels)
        truth = np.searchsorted(classes, labels)
        held_out = np.zeros((len(labels), len(classes)))
        for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, truth):
            part = _svc(c, seed).fit(x[train], truth[train])
            held_out[np.ix_(test, part.classes_)] = part.decision_function(x[test])
        classifier = _svc(c, seed).fit(x, truth)
        return cls(features, classifier, tuple(classes), fit_temperature(held_out, truth))

    def rank(self, text: str, top: int = 10) -> List[Tuple[str, float]]:
        """(intent, confidence) pairs, best first."""
        # decision_function's arithmetic, without its per-call input checks
        scores = self.features.transform([text or ""]) @ self.classifier.coef_.T + self.classifier.intercept_
        probs = softmax(scores, self.temperature)[0]
        order = np.argsort(-probs)[:top]
        return [(self.intents[i], float(probs[i])) for i in order]
