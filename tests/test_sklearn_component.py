"""The trained NLU components keep their model in the archive and read it back as it was, from
this stop's pickle and from the joblib file older archives hold."""
import joblib
import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_ext import sklearn_component
from rasa_ext.sklearn_component import SklearnComponent


class Counting(SklearnComponent):
    """Its 'model' is the examples' texts, so what comes back can be compared."""

    def fit(self, examples):
        return {"texts": sorted(m.get("text") for m in examples)}


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def _train(storage, resource):
    data = TrainingData([Message(data={"text": t, "intent": "greet"}) for t in ("hello", "hiya")])
    Counting(Counting.get_default_config(), storage, resource).train(data)


def test_a_trained_model_is_read_back_as_it_was(storage):
    resource = Resource("counting")
    _train(storage, resource)
    loaded = Counting.load(Counting.get_default_config(), storage, resource, None)
    assert loaded._model == {"texts": ["hello", "hiya"]}


def test_an_archive_from_before_the_pickle_still_loads(storage):
    resource = Resource("older")
    with storage.write_to(resource) as directory:
        joblib.dump({"texts": ["hello"]}, directory / sklearn_component._OLD_FILE)
    loaded = Counting.load(Counting.get_default_config(), storage, resource, None)
    assert loaded._model == {"texts": ["hello"]}


def test_a_component_never_trained_loads_without_a_model(storage):
    loaded = Counting.load(Counting.get_default_config(), storage, Resource("never"), None)
    assert loaded._model is None
