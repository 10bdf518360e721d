"""What the project's two trained NLU components share: a Rasa graph component that fits
one of bot's Rasa-free models inside `rasa train`, keeps it in the model archive (a pickle),
and applies it to every message."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import pickle

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_ext.source_fingerprint import digest, imported_files

_FILE = "model.pickle"
# archives trained before stop 66 kept the model with joblib, whose pure-Python unpickler took
# 1.4 s of every cold start where pickle's own takes 0.1 s
_OLD_FILE = "model.joblib"


class SklearnComponent(GraphComponent):
    # files or folders the model trains on besides Rasa's training data (Rasa does not see them)
    reads: Tuple[Path, ...] = ()

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"random_seed": 2026}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        # Rasa's cache knows a component by its config and training data, not its code: without
        # this a change to how bot's models fit, or to what they read besides Rasa's training
        # data, is answered with a model fitted before the change
        return digest(imported_files([cls.__module__]) + list(cls.reads)).hexdigest()

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[Any] = None) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SklearnComponent":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "SklearnComponent":
        model = None
        try:
            with model_storage.read_from(resource) as directory:
                if (directory / _FILE).exists():
                    with open(directory / _FILE, "rb") as file:
                        model = pickle.load(file)
                else:
                    model = joblib.load(directory / _OLD_FILE)
        except (ValueError, FileNotFoundError):
            pass  # not trained (a core-only model): apply() sees None
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        self._model = self.fit(examples)
        with self._storage.write_to(self._resource) as directory:
            with open(directory / _FILE, "wb") as file:
                pickle.dump(self._model, file, protocol=pickle.HIGHEST_PROTOCOL)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.apply(self._model, message)
        return messages

    def fit(self, examples: List[Message]) -> Any:
        raise NotImplementedError

    def apply(self, model: Optional[Any], message: Message) -> None:
        raise NotImplementedError
