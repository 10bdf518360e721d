"""Custom actions: thin adapters from Rasa SDK to bot/. The route's guidance itself comes
from domain responses, so it reaches the parent even when this server is down."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.redaction import install_log_filter
from bot.tailoring import tailor_once

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
        shown = list(tracker.get_slot("shown_extras") or [])
        texts, new = tailor_once(
            answered,
            shown,
            also=routed.get("also") or (),
            platform=tracker.get_slot("platform"),
            age=tracker.get_slot("child_age"),
            child_typing=bool(routed.get("child_typing")),
            text=latest.get("text") or "",
        )
        for text in texts:
            dispatcher.utter_message(text=text)
        events = []
        concern = routed.get("concern")
        if concern:
            events.append(SlotSet("last_concern", concern))
        if new:  # each extra once a conversation, unless what it says changes
            events.append(SlotSet("shown_extras", shown + new))
        return events
