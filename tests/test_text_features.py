"""bot.text_features reads one message at a time without scikit-learn's per-call checks:
its numbers must stay exactly those of the fitted vectorisers."""
import pickle

import numpy as np
import pytest
import scipy.sparse

from bot.text_features import TextFeatures
from tests.test_nlu_data import DATA

ODD = ["", "   ", "!!!", "ok", "<b>my son</b> is 12 &amp; on discord", "HE'S GONE 2 MEET HIM 2NITE",
       "she\u2019s 14 \U0001f62d\U0001f62d snap chat", "word " * 900, "über naïve café 13yo",
       "line one\nline two\tthree"]


def _sklearn(features: TextFeatures, texts):
    return scipy.sparse.hstack([features.words.transform(texts), features.chars.transform(texts)]).tocsr()


@pytest.fixture(scope="module", params=[2, 3], ids=["word-pairs", "word-triples"])
def fitted(request):
    texts = [text for _, examples in DATA.values() for text in examples][::3]
    features = TextFeatures(word_ngrams=request.param)
    features.fit_transform(texts)
    return features, texts


def test_one_message_at_a_time_gives_the_vectorisers_numbers(fitted):
    features, texts = fitted
    sample = texts[:200] + ODD
    expected = _sklearn(features, sample)
    rows = scipy.sparse.vstack([features.transform([text]) for text in sample]).tocsr()
    assert rows.shape == expected.shape
    assert abs(rows - expected).max() < 1e-12


def test_several_messages_at_once_and_a_pickled_copy_agree(fitted):
    features, texts = fitted
    sample = ODD + texts[200:260]
    expected = _sklearn(features, sample)
    features.transform(sample)  # fills the word cache, which must not travel with the model
    copy = pickle.loads(pickle.dumps(features))
    assert "_word_columns" not in copy.__dict__
    for reader in (features, copy):
        assert abs(reader.transform(sample) - expected).max() < 1e-12


def test_the_word_cache_stays_bounded(fitted, monkeypatch):
    features, texts = fitted
    monkeypatch.setattr("bot.text_features.WORD_CACHE_SIZE", 50)
    features.transform(texts[:100])
    assert len(features._word_columns) <= 50 + max(len(t.split()) for t in texts[:100])
    assert np.allclose(features.transform(texts[:5]).toarray(), _sklearn(features, texts[:5]).toarray())


def test_the_cut_n_grams_are_not_kept(fitted):
    # every n-gram below min_df would otherwise be pickled into the model and held by the server
    features, _ = fitted
    assert features.words.stop_words_ is None and features.chars.stop_words_ is None
    assert len(pickle.dumps(features)) < 2 * (len(pickle.dumps(features.words.vocabulary_))
                                              + len(pickle.dumps(features.chars.vocabulary_)))
