"""The token-level features of a message's text, summed into one position, for DIET.

DIET here has no transformer and no entity or masked-word task, so its intent comes from
the sentence position alone: the features of every token were embedded on each step and
thrown away (py-spy: most of the training time). DIET insists on token-level features, so
each message keeps one "token" holding the sum of its tokens' features. The classifier is
the same function of the sentence features; training took 199 s before and 68 s after.
config.yml must keep the premises (tests/test_one_token_features.py checks them).
"""
from typing import Any, Dict, List, Text

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class OneTokenFeatures(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "OneTokenFeatures":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            collapse(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            collapse(message)
        return training_data


def collapse(message: Message) -> None:
    changed = [one_token(f) if f.attribute == TEXT and f.type == FEATURE_TYPE_SEQUENCE else f
               for f in message.features]
    if any(new is not old for new, old in zip(changed, message.features)):
        # through add_features, which forgets the message's cached fingerprint: a stale one
        # let Rasa's training cache hand a DIET trained on other features to this pipeline
        message.features = []
        for feature in changed:
            message.add_features(feature)


def one_token(feature: Features) -> Features:
    if feature.features.shape[0] <= 1:
        return feature
    if feature.is_sparse():
        values = scipy.sparse.coo_matrix(feature.features.sum(axis=0))
    else:
        values = np.asarray(feature.features).sum(axis=0, keepdims=True)
    # a new object: the original may still be held by Rasa's training cache
    return Features(values, feature.type, feature.attribute, feature.origin)
