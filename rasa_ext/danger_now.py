"""NLU component: the separate "danger now" model (bot.danger_model), trained inside
`rasa train` on the emergency intent against every other example, plus its own examples
(bot.danger_examples: data/danger_now/), with its self-harm reading over the same features
(a child at risk of ending their life told in other words, data/self_harm_now/, against
everyday messages). It runs on every message and sets only the scores;
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
PEAK_KEY = "danger_peak"  # the highest score of any stretch from either model (DangerModel.readings)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DangerNowClassifier(SklearnComponent):
    reads = (danger_examples.FOLDER, danger_examples.SELF_HARM_FOLDER)

    def fit(self, examples: List[Message]) -> DangerModel:
        nlu_texts = [m.get(TEXT) for m in examples]
        nlu_danger = [m.get(INTENT) == EMERGENCY_CONCERN for m in examples]
        own, self_harm = self.reads
        texts, labels, weights = danger_examples.training_set(nlu_texts, nlu_danger, own)
        reading = danger_examples.self_harm_training_set(nlu_texts, nlu_danger, self_harm, own)
        return DangerModel.fit(texts, labels, seed=self._config["random_seed"], weights=weights, self_harm=reading)

    def apply(self, model: Optional[DangerModel], message: Message) -> None:
        if model is None:  # no readings: the safety net's patterns then decide alone, never doubted
            return
        danger, self_harm, peak = model.readings(message.get(TEXT) or "")
        message.set(DANGER_KEY, round(danger, 4), add_to_output=True)
        if peak is not None:  # no self-harm reading is not a reading of 0
            message.set(SELF_HARM_KEY, round(self_harm, 4), add_to_output=True)
            message.set(PEAK_KEY, round(peak, 4), add_to_output=True)
