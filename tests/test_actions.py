"""The custom action with real rasa_sdk trackers and dispatchers."""
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionTailorReply
from bot.guidance import guidance


def tracker(intent, routed=None, slots=None, text="..."):
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    if routed is not None:
        latest["tyg"] = routed
    return Tracker("test-sender", slots or {}, latest, [], False, None, {}, "action_listen")


def run(t):
    dispatcher = CollectingDispatcher()
    events = ActionTailorReply().run(dispatcher, t, {})
    return [m["text"] or m["response"] for m in dispatcher.messages], events


def _slots(events):
    return {e["name"]: e["value"] for e in events}


def test_tailors_with_platform_age_and_other_concerns(helplines):
    texts, events = run(tracker(
        "signs_secrecy",
        {"concern": "signs_secrecy", "also": ["signs_withdrawal"], "child_typing": False},
        {"platform": "insta", "child_age": "'s 14"},
    ))
    assert any("changes in mood" in t for t in texts)
    assert any(t.startswith("On Instagram:") for t in texts)
    assert any(helplines["CHILDLINE"].phone in t for t in texts)
    slots = _slots(events)
    assert slots["concerns"] == ["signs_secrecy", "signs_withdrawal"]
    assert slots["conversation_concern"] == "signs_secrecy" and slots["apps"] == ["instagram"]
    assert len(slots["shown_extras"]) == len(texts)


def test_child_typing_is_not_told_to_call_childline_for_their_child():
    texts, _ = run(tracker("child_user", {"concern": "child_user", "also": [], "child_typing": True},
                           {"child_age": "14"}))
    assert not any("your child" in t for t in texts)


def test_the_doubted_danger_wording_is_for_its_own_message_only():
    # the first bubble read the slot (domain.yml possible_danger); the next message starts clear
    routed = {"concern": "gaming", "also": [], "child_typing": False, "possible_danger": "risk of self-harm"}
    _, events = run(tracker("gaming", routed, {"possible_danger": "yes"}))
    assert {"event": "slot", "name": "possible_danger", "value": None, "timestamp": None} in events
    _, events = run(tracker("gaming", {"concern": "gaming", "also": [], "child_typing": False}))
    assert all(e["name"] != "possible_danger" for e in events)


def test_chit_chat_adds_nothing():
    texts, events = run(tracker("greet", {"concern": None, "also": [], "child_typing": False}))
    assert texts == [] and events == []


def test_missing_routing_data_does_not_crash():
    texts, events = run(tracker("unknown_contact", None, {"platform": "discord"}))
    assert any(t.startswith("On Discord:") for t in texts)
    assert [e["name"] for e in events] == ["apps", "shown_extras"]


def _shown(events):
    return next(e["value"] for e in events if e["name"] == "shown_extras")


def test_each_extra_is_shown_once_a_conversation_unless_it_changes():
    routed = {"concern": "unknown_contact", "also": [], "child_typing": False}
    first, events = run(tracker("unknown_contact", routed, {"platform": "discord", "child_age": "14"}))
    assert len(first) == 2  # the app's steps and Childline for a 14-year-old
    shown = _shown(events)
    again, events = run(tracker("unknown_contact", routed, {"platform": "discord", "child_age": "14",
                                                            "shown_extras": shown, "apps": ["discord"],
                                                            "concerns": ["unknown_contact"]}))
    assert again == [] and events == []
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


ROUTED_NONE = {"concern": None, "also": [], "child_typing": False}


def test_asks_which_app_last_and_remembers_it_asked():
    texts, events = run(tracker("followup_block_report", ROUTED_NONE))
    assert texts == ["utter_ask_platform"] and _slots(events)["asked"] == "ask_platform"


def test_the_app_named_in_answer_gets_its_steps_and_settles_the_question():
    texts, events = run(tracker("inform_platform", ROUTED_NONE, {"platform": "snap", "asked": "ask_platform"}))
    assert len(texts) == 1 and texts[0].startswith("On Snapchat:")
    assert _slots(events)["asked"] is None


def test_skipping_the_question_stops_it_being_asked_again():
    _, events = run(tracker("deny", ROUTED_NONE, {"asked": "ask_platform"}))
    assert _slots(events) == {"platform": "none", "asked": None}
    texts, events = run(tracker("followup_block_report", ROUTED_NONE, {"platform": "none"}))
    assert texts == [] and "asked" not in _slots(events)


def test_anything_else_said_instead_drops_the_question():
    routed = {"concern": "immediate_danger", "also": [], "child_typing": False}
    _, events = run(tracker("immediate_danger", routed, {"asked": "ask_platform"}))
    assert _slots(events)["asked"] is None and "platform" not in _slots(events)


def test_follow_ups_are_answered_under_the_most_serious_concern_so_far():
    routed = {"concern": "parental_controls", "also": [], "child_typing": False}
    _, events = run(tracker("parental_controls", routed, {"concerns": ["sextortion", "signs_secrecy"]}))
    assert _slots(events)["concerns"] == ["sextortion", "signs_secrecy", "parental_controls"]
    assert _slots(events)["conversation_concern"] == "sextortion"


def test_a_block_question_gets_the_steps_for_every_app_named():
    texts, events = run(tracker("followup_block_report", ROUTED_NONE, {"platform": "discord", "apps": ["roblox"]}))
    assert [t.split(":")[0] for t in texts] == ["On Roblox", "On Discord"]
    assert _slots(events)["apps"] == ["roblox", "discord"]


def test_a_long_message_mid_conversation_gets_its_closing_question_answered_too(helplines):
    evidence = guidance().followups["followup_evidence"]
    routed = {"concern": "disclosure", "also": [], "child_typing": False, "follow_up": "followup_evidence"}
    texts, _ = run(tracker("disclosure", routed, {"conversation_concern": "nude_images"}))
    expected = list(evidence.in_context.get("disclosure", evidence.bubbles))
    assert texts[-len(expected):] == expected  # every bubble, worded for this turn's worry
    # a first message: its own reply answers the question it ends with
    texts, _ = run(tracker("disclosure", routed))
    assert not set(expected) & set(texts)
    # a child typing is spoken to, not answered as a parent
    child = dict(routed, concern="child_user", child_typing=True)
    texts, _ = run(tracker("child_user", child, {"conversation_concern": "child_user"}))
    assert not set(expected) & set(texts)


def test_the_closing_question_is_worded_for_this_turns_worry_not_the_last_ones(helplines):
    # a long message that turns out to be about the writer's own thoughts, after warning signs:
    # the anonymity answer for own thoughts (Stop It Now), not the plain one (Crimestoppers, CEOP)
    anonymity = guidance().followups["followup_anonymity"]
    routed = {"concern": "own_thoughts", "also": [], "child_typing": False, "follow_up": "followup_anonymity"}
    texts, _ = run(tracker("own_thoughts", routed, {"conversation_concern": "signs_secrecy"}))
    assert list(anonymity.in_context["own_thoughts"])[0] in texts
    assert not any(helplines["CRIMESTOPPERS"].phone in t for t in texts)


def test_app_steps_are_not_repeated_for_the_closing_question(helplines):
    routed = {"concern": "nude_images", "also": [], "child_typing": False, "follow_up": "followup_block_report"}
    texts, _ = run(tracker("nude_images", routed, {"conversation_concern": "nude_images", "platform": "snapchat"}))
    assert sum(t.startswith("On Snapchat:") for t in texts) == 1
    # shown in an earlier reply: asked for again, so given again
    texts, _ = run(tracker("nude_images", routed, {"conversation_concern": "nude_images", "platform": "snapchat",
                                                   "shown_extras": ["platform_steps:snapchat"]}))
    assert sum(t.startswith("On Snapchat:") for t in texts) == 1
