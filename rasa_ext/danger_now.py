"""NLU components: the separate "danger now" model (bot.danger_model), trained inside
`rasa train` on the emergency intent against every other example, plus its own examples
(bot.danger_examples: data/danger_now/), and the self-harm reading, the same kind of model
trained on a child at risk of ending their life told in other words (data/self_harm_now/)
against everyday messages. Both run on every message and set only their scores;
rasa_ext.concern_router combines them with the safety net's patterns."""
from typing import List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import danger_examples
from bot.danger_model import DangerModel
from bot.routing import EMERGENCY_CONCERN
from rasa_ext.sklearn_component import SklearnComponent

DANGER_KEY = "danger_now"
SELF_HARM_KEY = "self_harm_now"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DangerNowClassifier(SklearnComponent):
    reads = (danger_examples.FOLDER,)

    def fit(self, examples: List[Message]) -> DangerModel:
        texts, labels, weights = danger_examples.training_set(
            [m.get(TEXT) for m in examples], [m.get(INTENT) == EMERGENCY_CONCERN for m in examples], self.reads[0])
        return DangerModel.fit(texts, labels, seed=self._config["random_seed"], weights=weights)

    def apply(self, model: Optional[DangerModel], message: Message) -> None:
        score = model.score(message.get(TEXT) or "") if model else 0.0
        message.set(DANGER_KEY, round(score, 4), add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SelfHarmNowClassifier(SklearnComponent):
    reads = (danger_examples.SELF_HARM_FOLDER, danger_examples.FOLDER)

    def fit(self, examples: List[Message]) -> Optional[DangerModel]:
        texts, labels, weights = danger_examples.self_harm_training_set(
            [m.get(TEXT) for m in examples], [m.get(INTENT) == EMERGENCY_CONCERN for m in examples], *self.reads)
        if not any(labels):
            return None  # no examples of its own: the reading stays silent
        return DangerModel.fit(texts, labels, seed=self._config["random_seed"], weights=weights)

    def apply(self, model: Optional[DangerModel], message: Message) -> None:
        score = model.score(message.get(TEXT) or "") if model else 0.0
        message.set(SELF_HARM_KEY, round(score, 4), add_to_output=True)
