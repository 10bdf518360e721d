"""Word and character n-grams of a message, weighted by TF-IDF: what the project's own
classifiers read (the concern classifier and the danger-now model). Character n-grams
carry typos and text-speak ("2nite", "snap chat"); word pairs carry "last year", "right now"."""
from dataclasses import dataclass, field
from typing import Sequence

import scipy.sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.text_input import clean_user_text


def normalise(text: str) -> str:
    return clean_user_text(text).lower().replace("\u2019", "'")


def _words(max_n: int) -> TfidfVectorizer:
    return TfidfVectorizer(preprocessor=normalise, ngram_range=(1, max_n), min_df=2, sublinear_tf=True)


def _chars() -> TfidfVectorizer:
    return TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5), min_df=3,
                           sublinear_tf=True, max_features=150_000)


@dataclass
class TextFeatures:
    word_ngrams: int = 2
    words: TfidfVectorizer = field(init=False)
    chars: TfidfVectorizer = field(init=False)

    def __post_init__(self):
        self.words, self.chars = _words(self.word_ngrams), _chars()

    def fit_transform(self, texts: Sequence[str]):
        return scipy.sparse.hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()

    def transform(self, texts: Sequence[str]):
        return scipy.sparse.hstack([self.words.transform(texts), self.chars.transform(texts)]).tocsr()
