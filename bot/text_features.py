"""Word and character n-grams of a message, weighted by TF-IDF: what the project's own
classifiers read (the concern classifier and the danger-now model). Character n-grams
carry typos and text-speak ("2nite", "snap chat"); word pairs carry "last year", "right now".

Fitting uses scikit-learn's vectorisers. Reading one message at a time goes through
`transform`, which does the same arithmetic without scikit-learn's per-call checks: those
cost about 2 ms a message, more than the reading itself (tests/test_text_features.py holds
the two to the same numbers)."""
from dataclasses import dataclass, field
from functools import cached_property
from typing import Dict, Iterable, List, Sequence, Tuple

import numpy as np
import scipy.sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.text_input import clean_user_text

WORD_CACHE_SIZE = 50_000  # distinct words whose character n-grams are kept


def normalise(text: str) -> str:
    return clean_user_text(text).lower().replace("\u2019", "'")


def _words(max_n: int) -> TfidfVectorizer:
    return TfidfVectorizer(preprocessor=normalise, ngram_range=(1, max_n), min_df=2, sublinear_tf=True)


def _chars() -> TfidfVectorizer:
    return TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5), min_df=3,
                           sublinear_tf=True, max_features=150_000)


def _weights(columns: np.ndarray, counts: np.ndarray, idf: np.ndarray,
             offset: int) -> Tuple[np.ndarray, np.ndarray]:
    """Column indices and TF-IDF weights of one text's n-grams: sublinear counts times idf,
    scaled to unit length (as TfidfVectorizer does with sublinear_tf and the l2 norm)."""
    weights = (np.log(counts.astype(np.float64)) + 1.0) * idf[columns]
    length = np.sqrt(np.dot(weights, weights))
    if length > 0:
        weights /= length
    return columns + offset, weights


def _counted(grams: Iterable[str], vocabulary: Dict[str, int]) -> Tuple[np.ndarray, np.ndarray]:
    """The columns of the n-grams in the vocabulary, and how often each occurs."""
    counts: Dict[int, int] = {}
    for gram in grams:
        column = vocabulary.get(gram)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    return (np.fromiter(counts.keys(), dtype=np.int64, count=len(counts)),
            np.fromiter(counts.values(), dtype=np.int64, count=len(counts)))


@dataclass
class TextFeatures:
    word_ngrams: int = 2
    words: TfidfVectorizer = field(init=False)
    chars: TfidfVectorizer = field(init=False)

    def __post_init__(self):
        self.words, self.chars = _words(self.word_ngrams), _chars()

    def fit_transform(self, texts: Sequence[str]):
        x = scipy.sparse.hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()
        for vectoriser in (self.words, self.chars):
            # every n-gram cut by min_df: millions of strings kept only for introspection
            # (scikit-learn's docs say to drop it before pickling); tens of MB in the server
            vectoriser.stop_words_ = None
        return x

    @property
    def width(self) -> int:
        return len(self.words.vocabulary_) + len(self.chars.vocabulary_)

    @cached_property
    def _idf(self) -> Tuple[np.ndarray, np.ndarray]:
        # scikit-learn rebuilds idf_ from a sparse diagonal on every access
        return np.asarray(self.words.idf_), np.asarray(self.chars.idf_)

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_idf", None)
        state.pop("_word_columns", None)
        return state

    @cached_property
    def _word_columns(self) -> Dict[str, np.ndarray]:
        # a word's character n-grams and their columns never change, and most words recur in
        # every message: looked up once, not once per n-gram per message
        return {}

    def _char_columns(self, text: str) -> Tuple[np.ndarray, np.ndarray]:
        """The columns of every word's character n-grams (as the char_wb vectoriser gives
        them), and how often each occurs."""
        cache = self._word_columns
        if len(cache) > WORD_CACHE_SIZE:
            cache.clear()
        vocabulary = self.chars.vocabulary_
        parts: List[np.ndarray] = []
        for word in text.split():
            known = cache.get(word)
            if known is None:
                grams = self.chars._char_wb_ngrams(word)
                known = cache[word] = np.fromiter((vocabulary[g] for g in grams if g in vocabulary), dtype=np.int64)
            parts.append(known)
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(parts), return_counts=True)

    def transform(self, texts: Sequence[str]) -> scipy.sparse.csr_matrix:
        """One row per text, the same numbers as the fitted vectorisers would give."""
        split_words = self.words.build_tokenizer()
        word_idf, char_idf = self._idf
        n_words = len(self.words.vocabulary_)
        indices: List[np.ndarray] = []
        data: List[np.ndarray] = []
        indptr = [0]
        for text in texts:
            clean = normalise(text)
            for (found, counts), idf, offset in (
                    (_counted(self.words._word_ngrams(split_words(clean)), self.words.vocabulary_), word_idf, 0),
                    (self._char_columns(clean), char_idf, n_words)):
                columns, weights = _weights(found, counts, idf, offset)
                indices.append(columns)
                data.append(weights)
            indptr.append(indptr[-1] + len(indices[-1]) + len(indices[-2]))
        return scipy.sparse.csr_matrix(
            (np.concatenate(data) if data else np.zeros(0), np.concatenate(indices) if indices else
             np.zeros(0, dtype=np.int64), np.asarray(indptr)), shape=(len(texts), self.width))
