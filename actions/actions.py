"""Custom actions: thin adapters from Rasa SDK to bot/. The route's guidance itself comes
from domain responses, so it reaches the parent even when this server is down."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.redaction import install_log_filter
from bot.tailoring import tailor

install_log_filter()  # the action server's log lines are redacted too

ROUTING_KEY = "tyg"  # set by rasa_ext.concern_router.ConcernRouter


class ActionTailorReply(Action):
    def name(self) -> Text:
        return "action_tailor_reply"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        latest = tracker.latest_message or {}
        answered = (latest.get("intent") or {}).get("name")
        routed = latest.get(ROUTING_KEY) or {}
        if not answered:
            return []
        for text in tailor(
            answered,
            also=routed.get("also") or (),
            platform=tracker.get_slot("platform"),
            age=tracker.get_slot("child_age"),
            child_typing=bool(routed.get("child_typing")),
            text=latest.get("text") or "",
        ):
            dispatcher.utter_message(text=text)
        concern = routed.get("concern")
        return [SlotSet("last_concern", concern)] if concern else []
