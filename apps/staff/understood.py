"""What the bot understood of the latest turn, read from a Rasa conversation tracker: the
intent and its confidence, the runner-ups, entities, the routing decision (safety net,
child typing, other concerns) and which policy chose each action."""
from typing import Any, Dict, List, Optional


from bot.routing import routing

ROUTING_KEY = "tyg"  # set by rasa_ext.concern_router.ConcernRouter
RUNNER_UPS = 4
# Rasa's policy names, as staff read them
POLICIES = {"RulePolicy": "a rule", "MemoizationPolicy": "a remembered story",
            "TEDPolicy": "the dialogue model", "UnexpecTEDIntentPolicy": "the dialogue model"}


def _user_index(events: List[dict]) -> Optional[int]:
    for i in range(len(events) - 1, -1, -1):
        if events[i].get("event") == "user":
            return i
    return None


def latest_turn(tracker: Dict[str, Any]) -> Dict[str, Any]:
    events = tracker.get("events") or []
    start = _user_index(events)
    if start is None:
        return {}
    parse = events[start].get("parse_data") or {}
    intent = parse.get("intent") or {}
    routed = parse.get(ROUTING_KEY) or {}
    ranking = [{"intent": r.get("name"), "confidence": round(r.get("confidence") or 0.0, 3)}
               for r in parse.get("intent_ranking") or [] if r.get("name") != intent.get("name")]
    actions = [{"action": ev.get("name"), "policy": ev.get("policy"),
                "chosen_by": POLICIES.get(ev.get("policy") or "", ev.get("policy") or "unknown"),
                "confidence": round(ev.get("confidence") or 0.0, 3)}
               for ev in events[start + 1:]
               if ev.get("event") == "action" and ev.get("name") != "action_listen"]
    name = intent.get("name")
    concern = routing().concerns.get(name)
    return {
        "text": events[start].get("text"),
        "intent": name,
        "label": concern.label if concern else (name or "nothing").replace("_", " "),
        "confidence": round(intent.get("confidence") or 0.0, 3),
        "runner_ups": ranking[:RUNNER_UPS],
        "entities": [{"entity": e.get("entity"), "value": e.get("value")} for e in parse.get("entities") or []],
        "safety_net": routed.get("safety_net"),
        "routing": routed.get("reason"),
        "concern": routed.get("concern"),
        "also": routed.get("also") or [],
        "child_typing": bool(routed.get("child_typing")),
        "actions": actions,
    }
