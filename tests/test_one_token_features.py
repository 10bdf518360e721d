"""The features DIET sees: every token's features summed into one position, the sentence
features untouched, and config.yml keeping the premises that make this lossless."""
import numpy as np
import scipy.sparse
import yaml
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.tools.paths import ROOT
from rasa_ext.one_token_features import OneTokenFeatures

TOKENS = np.array([[1, 0, 2, 0], [0, 1, 1, 0], [1, 0, 0, 3]])


def message() -> Message:
    msg = Message(data={TEXT: "he sends him robux"})
    msg.add_features(Features(scipy.sparse.coo_matrix(TOKENS), FEATURE_TYPE_SEQUENCE, TEXT, "words"))
    msg.add_features(Features(TOKENS.astype(float), FEATURE_TYPE_SEQUENCE, TEXT, "dense"))
    msg.add_features(Features(scipy.sparse.coo_matrix(TOKENS.sum(axis=0)), FEATURE_TYPE_SENTENCE, TEXT, "words"))
    msg.add_features(Features(scipy.sparse.coo_matrix(TOKENS), FEATURE_TYPE_SEQUENCE, INTENT, "words"))
    return msg


def by(msg, attribute, kind, origin):
    return next(f for f in msg.features if (f.attribute, f.type, f.origin) == (attribute, kind, origin))


def test_token_features_become_one_token_holding_their_sum():
    msg = message()
    original = by(msg, TEXT, FEATURE_TYPE_SEQUENCE, "words")
    OneTokenFeatures().process([msg])
    sparse = by(msg, TEXT, FEATURE_TYPE_SEQUENCE, "words")
    dense = by(msg, TEXT, FEATURE_TYPE_SEQUENCE, "dense")
    assert sparse.is_sparse() and sparse.features.toarray().tolist() == [[2, 1, 3, 3]]
    assert dense.is_dense() and dense.features.tolist() == [[2.0, 1.0, 3.0, 3.0]]
    assert original.features.shape == (3, 4)  # a new object; Rasa's cache may hold the old one


def test_sentence_features_and_other_attributes_are_untouched():
    msg = message()
    OneTokenFeatures().process([msg])
    assert by(msg, TEXT, FEATURE_TYPE_SENTENCE, "words").features.toarray().tolist() == [[2, 1, 3, 3]]
    assert by(msg, INTENT, FEATURE_TYPE_SEQUENCE, "words").features.shape == (3, 4)
    assert len(msg.features) == 4


def test_training_data_is_collapsed_and_its_fingerprint_changes():
    msg = message()
    data = TrainingData([msg])
    before = data.fingerprint()
    assert OneTokenFeatures().process_training_data(data) is data
    assert by(msg, TEXT, FEATURE_TYPE_SEQUENCE, "words").features.shape == (1, 4)
    # else Rasa's training cache could restore a DIET trained on the uncollapsed features
    assert data.fingerprint() != before


def test_a_one_token_message_is_left_as_it_is():
    msg = Message(data={TEXT: "hi"})
    one = Features(scipy.sparse.coo_matrix([[0, 1]]), FEATURE_TYPE_SEQUENCE, TEXT, "words")
    msg.add_features(one)
    OneTokenFeatures().process([msg])
    assert msg.features == [one]


def test_config_keeps_the_premises_that_make_it_lossless():
    pipeline = [c for c in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    names = [c["name"] for c in pipeline]
    here = names.index("rasa_ext.one_token_features.OneTokenFeatures")
    assert names[here + 1] == "DIETClassifier"  # after every featurizer, right before DIET
    assert all("Featurizer" not in n for n in names[here + 1:])
    diet = pipeline[here + 1]
    # token positions would matter with any of these: then this component must go
    assert diet["number_of_transformer_layers"] == 0
    assert diet["entity_recognition"] is False
    assert not diet.get("use_masked_language_model", False)
    assert not any(n in names for n in ("ResponseSelector", "CRFEntityExtractor"))
