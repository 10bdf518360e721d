"""Turning a conversation tracker into a conversation script (the console's save button)."""
import pytest

from bot.content_files import ContentError
from bot.flow_scripts import load_script
from apps.staff.script_export import save_script, script_for, turns_from_tracker
from apps.staff.understood import latest_turn

TRACKER = {"events": [
    {"event": "action", "name": "action_session_start", "policy": None},
    {"event": "user", "text": "a man keeps sending my son robux",
     "parse_data": {"intent": {"name": "gifts_money", "confidence": 0.91},
                    "intent_ranking": [{"name": "gifts_money", "confidence": 0.91},
                                       {"name": "gaming", "confidence": 0.05}],
                    "entities": [{"entity": "PLATFORM", "value": "roblox"}],
                    "tyg": {"concern": "gifts_money", "safety_net": None, "reason": "classifier"}}},
    {"event": "action", "name": "utter_gifts_money", "policy": "RulePolicy", "confidence": 1.0},
    {"event": "bot", "text": "Report it to CEOP at https://www.ceop.police.uk/ceop-reporting/ or call 101."},
    {"event": "bot", "text": "The NSPCC helpline is on 0808 800 5000.",
     "data": {"buttons": [{"title": "Keeping evidence safely", "payload": "How do I keep evidence safely?"}]}},
    {"event": "action", "name": "action_listen", "policy": "RulePolicy"},
    {"event": "user", "text": "How do I keep evidence safely?",
     "parse_data": {"intent": {"name": "followup_evidence", "confidence": 0.99}, "tyg": {}}},
    {"event": "action", "name": "utter_followup_evidence", "policy": "RulePolicy", "confidence": 1.0},
    {"event": "bot", "text": "Screenshot usernames and messages."},
]}


def test_turns_know_a_pressed_button():
    turns = turns_from_tracker(TRACKER)
    assert [t["pressed"] for t in turns] == [None, "Keeping evidence safely"]
    assert turns[0]["concern"] == "gifts_money" and len(turns[0]["bubbles"]) == 2


def test_script_names_helplines_by_catalogue_key(tmp_path):
    script = script_for("Robux", turns_from_tracker(TRACKER))
    assert script["route"] == "gifts_money"
    first = script["turns"][0]
    assert first["parent"] == "a man keeps sending my son robux"
    assert first["first_mentions"] == ["CEOP"] and first["mentions"] == ["CEOP", "POLICE", "NSPCC"]
    assert script["turns"][1] == {"press": "Keeping evidence safely",
                                  "mentions": ["Screenshot usernames and messages"]}
    path = save_script(script, tmp_path)
    assert load_script(path).turns[1].press == "Keeping evidence safely"
    assert save_script(script, tmp_path) != path  # never overwrites


def test_a_script_that_would_not_load_is_not_saved(tmp_path):
    with pytest.raises(ContentError):
        save_script({"name": "x", "route": "no_such_route", "turns": [{"parent": "hi"}]}, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_latest_turn_reads_the_last_user_message():
    turn = latest_turn(TRACKER)
    assert turn["intent"] == "followup_evidence"
    assert turn["actions"] == [{"action": "utter_followup_evidence", "policy": "RulePolicy",
                               "chosen_by": "a rule", "confidence": 1.0}]
    assert turn["label"] == "followup evidence"
    assert latest_turn({"events": []}) == {}
