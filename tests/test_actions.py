"""The custom action with real rasa_sdk trackers and dispatchers."""
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionTailorReply


def tracker(intent, routed=None, slots=None, text="..."):
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    if routed is not None:
        latest["tyg"] = routed
    return Tracker("test-sender", slots or {}, latest, [], False, None, {}, "action_listen")


def run(t):
    dispatcher = CollectingDispatcher()
    events = ActionTailorReply().run(dispatcher, t, {})
    return [m["text"] for m in dispatcher.messages], events


def test_tailors_with_platform_age_and_other_concerns(helplines):
    texts, events = run(tracker(
        "signs_secrecy",
        {"concern": "signs_secrecy", "also": ["signs_withdrawal"], "child_typing": False},
        {"platform": "insta", "child_age": "'s 14"},
    ))
    assert any("changes in mood" in t for t in texts)
    assert any(t.startswith("On Instagram:") for t in texts)
    assert any(helplines["CHILDLINE"].phone in t for t in texts)
    assert events == [{"event": "slot", "timestamp": None, "name": "last_concern", "value": "signs_secrecy"}]


def test_child_typing_is_not_told_to_call_childline_for_their_child():
    texts, _ = run(tracker("child_user", {"concern": "child_user", "also": [], "child_typing": True},
                           {"child_age": "14"}))
    assert not any("your child" in t for t in texts)


def test_chit_chat_adds_nothing():
    texts, events = run(tracker("greet", {"concern": None, "also": [], "child_typing": False}))
    assert texts == [] and events == []


def test_missing_routing_data_does_not_crash():
    texts, events = run(tracker("unknown_contact", None, {"platform": "discord"}))
    assert any(t.startswith("On Discord:") for t in texts) and events == []
