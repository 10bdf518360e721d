"""NLU component, placed after the FallbackClassifier: applies bot.understanding so that
emergencies get 999 whatever the classifier's confidence, a child typing gets Childline,
and a message raising several concerns is answered for the most serious."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.conversation_state import POSSIBLE_DANGER_ENTITY
from bot.entities import lexicon
from bot.safety_net import safety_net
from bot.understanding import FALLBACK, understand
from rasa_ext.conversation_context import (ROUTING_KEY, marked_after_999, marked_answered_before,
                                           marked_young_writer)
from rasa_ext.danger_now import DANGER_KEY, PEAK_KEY, SELF_HARM_KEY


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ConcernRouter(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ConcernRouter":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._route(message)
        return messages

    @staticmethod
    def _route(message: Message) -> None:
        text = message.get(TEXT) or ""
        ranking = [(r["name"], r.get("confidence", 0.0)) for r in message.get(INTENT_RANKING_KEY) or []]
        intent = (message.get(INTENT) or {}).get("name")
        fell_back = intent == FALLBACK
        tokens = [t for t in message.get(TOKENS_NAMES[TEXT]) or [] if getattr(t, "lemma", None)]
        lemmas = safety_net().lemmas_of([t.text for t in tokens], [t.lemma for t in tokens])
        entities = message.get(ENTITIES) or []
        # "he says he's 17" is a contact's claim: it must not become the child's age
        kept = [e for e in entities if e.get("entity") != "AGE" or not lexicon().is_claimed_age(text, e["start"])]
        if len(kept) != len(entities):
            message.set(ENTITIES, kept, add_to_output=True)
        names_platform = any(e.get("entity") == "PLATFORM" for e in kept)
        gives_age = any(e.get("entity") == "AGE" for e in kept) or lexicon().is_bare_age(text)
        after_999 = marked_after_999(message)
        result = understand(text, [r for r in ranking if r[0] != FALLBACK], lemmas, fell_back, names_platform,
                            danger=message.get(DANGER_KEY) or 0.0, gives_age=gives_age,
                            self_harm=message.get(SELF_HARM_KEY) or 0.0, peak=message.get(PEAK_KEY),
                            after_999=after_999, young_writer=marked_young_writer(message),
                            answered_before=marked_answered_before(message))
        if result.intent != intent:
            chosen = {"name": result.intent, "confidence": result.confidence}
            message.set(INTENT, chosen, add_to_output=True)
            rest = [r for r in message.get(INTENT_RANKING_KEY) or [] if r["name"] != result.intent]
            message.set(INTENT_RANKING_KEY, [chosen] + rest, add_to_output=True)
        if result.possible_danger:  # fills the slot the first bubble's wording depends on (domain.yml)
            found = {"entity": POSSIBLE_DANGER_ENTITY, "value": "yes", "start": 0, "end": len(text),
                     "extractor": ConcernRouter.__name__}
            message.set(ENTITIES, kept + [found], add_to_output=True)
        # kept with the decision: the stored conversation drops a message's metadata (bot.redaction)
        message.set(ROUTING_KEY, {**result.as_dict(), "after_999": after_999}, add_to_output=True)
