"""NLU component: the concern classifier (bot.intent_model), trained inside `rasa train`.
Sets the intent and its ranking as Rasa's own classifiers do, so the fallback classifier,
the router and the dialogue read it unchanged."""
from typing import List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intent_model import IntentModel
from bot.noise import reread_past_noise
from bot.routing import routing
from rasa_ext.sklearn_component import SklearnComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(SklearnComponent):
    def fit(self, examples: List[Message]) -> IntentModel:
        return IntentModel.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples],
                               seed=self._config["random_seed"])

    def apply(self, model: Optional[IntentModel], message: Message) -> None:
        if model is None:
            return
        ranked = reread_past_noise(model.rank, message.get(TEXT) or "", routing().is_concern)
        ranking = [{"name": name, "confidence": conf} for name, conf in ranked]
        message.set(INTENT, ranking[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
