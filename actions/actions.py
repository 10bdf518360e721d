"""Custom actions: thin adapters from Rasa SDK to bot/. The route's guidance itself comes
from domain responses, so it reaches the parent even when this server is down."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.conversation_state import (CONTEXT_SLOT, POSSIBLE_DANGER_SLOT, QUESTION_SLOT, apps_so_far,
                                    concerns_so_far, context_concern)
from bot.redaction import install_log_filter
from bot.tailoring import platform_after, question, story_question, tailor_once

install_log_filter()  # the action server's log lines are redacted too

ROUTING_KEY = "tyg"  # set by rasa_ext.concern_router.ConcernRouter
PLATFORM_ENTITY = "PLATFORM"


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
        asked = tracker.get_slot(QUESTION_SLOT)  # the bot's question last turn, if any
        platform = tracker.get_slot("platform")  # the app named last (Rasa fills it)
        named = [e.get("value") for e in latest.get("entities") or () if e.get("entity") == PLATFORM_ENTITY]
        apps = apps_so_far(tracker.get_slot("apps") or [], [platform, *named])
        before = tracker.get_slot("concerns") or []
        concerns = concerns_so_far(before, [routed.get("concern"), *(routed.get("also") or ())])
        context = tracker.get_slot(CONTEXT_SLOT)
        about = dict(platform=platform, age=tracker.get_slot("child_age"), child_typing=bool(routed.get("child_typing")),
                     text=latest.get("text") or "", asked=asked, apps=apps, named_now=named, context=context)
        texts, new = tailor_once(answered, shown, also=routed.get("also") or (), **about)
        for text in texts:
            dispatcher.utter_message(text=text)
        asked_too = story_question(routed.get("follow_up"), answered, context, bool(routed.get("child_typing")))
        if asked_too:  # a long message mid-conversation: its worry answered, then its question
            more, keys = tailor_once(routed["follow_up"], shown, said_now=new, **about)
            for text in asked_too + more:
                dispatcher.utter_message(text=text)
            new += keys
        events = []
        if concerns != before:
            events += [SlotSet("concerns", concerns), SlotSet(CONTEXT_SLOT, context_concern(concerns))]
        if apps != (tracker.get_slot("apps") or []):
            events.append(SlotSet("apps", apps))
        if new:  # each extra once a conversation, unless what it says changes
            events.append(SlotSet("shown_extras", shown + new))
        skipped = platform_after(answered, platform, asked)
        if skipped != platform:
            events.append(SlotSet("platform", skipped))
        ask = question(answered, platform)
        if ask:  # asked last, so its buttons end the reply
            dispatcher.utter_message(response=f"utter_{ask}")
        if ask != asked:  # anything else said instead of an answer drops the question
            events.append(SlotSet(QUESTION_SLOT, ask))
        if tracker.get_slot(POSSIBLE_DANGER_SLOT):  # this message's alone: its first bubble is said
            events.append(SlotSet(POSSIBLE_DANGER_SLOT, None))
        return events
