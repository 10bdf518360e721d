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
    assert events[0] == {"event": "slot", "timestamp": None, "name": "last_concern", "value": "signs_secrecy"}
    assert events[1]["name"] == "shown_extras" and len(events[1]["value"]) == len(texts)


def test_child_typing_is_not_told_to_call_childline_for_their_child():
    texts, _ = run(tracker("child_user", {"concern": "child_user", "also": [], "child_typing": True},
                           {"child_age": "14"}))
    assert not any("your child" in t for t in texts)


def test_chit_chat_adds_nothing():
    texts, events = run(tracker("greet", {"concern": None, "also": [], "child_typing": False}))
    assert texts == [] and events == []


def test_missing_routing_data_does_not_crash():
    texts, events = run(tracker("unknown_contact", None, {"platform": "discord"}))
    assert any(t.startswith("On Discord:") for t in texts)
    assert [e["name"] for e in events] == ["shown_extras"]


def _shown(events):
    return next(e["value"] for e in events if e["name"] == "shown_extras")


def test_each_extra_is_shown_once_a_conversation_unless_it_changes():
    routed = {"concern": "unknown_contact", "also": [], "child_typing": False}
    first, events = run(tracker("unknown_contact", routed, {"platform": "discord", "child_age": "14"}))
    assert len(first) == 2  # the app's steps and Childline for a 14-year-old
    shown = _shown(events)
    again, events = run(tracker("unknown_contact", routed, {"platform": "discord", "child_age": "14",
                                                            "shown_extras": shown}))
    assert again == [] and [e["name"] for e in events] == ["last_concern"]
    other_app, events = run(tracker("unknown_contact", routed, {"platform": "roblox", "child_age": "14",
                                                                "shown_extras": shown}))
    assert len(other_app) == 1 and other_app[0].startswith("On Roblox:")
    assert set(shown) < set(_shown(events))


def test_app_steps_come_back_when_the_parent_asks_for_them():
    shown = ["platform_steps:discord"]
    texts, _ = run(tracker("followup_block_report", {"concern": None, "also": [], "child_typing": False},
                           {"platform": "discord", "shown_extras": shown}))
    assert any(t.startswith("On Discord:") for t in texts)


def test_asking_to_make_the_account_private_uses_the_app_named_earlier():
    texts, _ = run(tracker("followup_privacy", {"concern": None, "also": [], "child_typing": False},
                           {"platform": "insta", "shown_extras": ["platform_steps:instagram"]}))
    assert len(texts) == 1 and texts[0].startswith("On Instagram:")


def test_a_group_chat_question_gets_the_apps_report_steps_again():
    texts, _ = run(tracker("followup_group_chat", {"concern": None, "also": [], "child_typing": False},
                           {"platform": "whatsapp", "shown_extras": ["platform_steps:whatsapp"]}))
    assert len(texts) == 1 and texts[0].startswith("On WhatsApp:")


def test_a_settings_question_gets_the_apps_privacy_steps_not_its_report_steps():
    texts, _ = run(tracker("parental_controls", {"concern": "parental_controls", "also": [], "child_typing": False},
                           {"platform": "roblox"}))
    assert len([t for t in texts if t.startswith("On Roblox:")]) == 1
    assert texts == run(tracker("followup_privacy", {"concern": None, "also": [], "child_typing": False},
                                {"platform": "roblox"}))[0]
