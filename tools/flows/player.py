"""Playing a conversation script against the running bot over the REST channel, as a fresh
conversation, and checking every reply."""
import uuid
from dataclasses import dataclass, field
from typing import Callable, List, Optional

from bot.catalogue import Catalogue, catalogue
from bot.flow_scripts import Mention, Script, Turn
from bot.routing import Routing, routing
from apps.bot_client import send


@dataclass
class Check:
    what: str
    passed: bool
    reason: str = ""


@dataclass
class TurnResult:
    said: str
    sent: Optional[str]
    bubbles: List[dict] = field(default_factory=list)
    checks: List[Check] = field(default_factory=list)


@dataclass
class ScriptResult:
    script: Script
    turns: List[TurnResult] = field(default_factory=list)

    @property
    def checks(self) -> List[Check]:
        return [c for t in self.turns for c in t.checks]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)


def reply_text(bubbles: List[dict]) -> str:
    """The reply as a parent sees it: every bubble's text and button titles."""
    parts = []
    for b in bubbles:
        parts.append(b.get("text") or "")
        parts += [btn.get("title", "") for btn in b.get("buttons") or []]
    return "\n".join(parts)


def _named(mention: Mention, text: str, helplines: Catalogue) -> bool:
    if mention.helpline:
        return mention.helpline in helplines.mentions(text)
    return mention.text.lower() in text.lower()


def check_turn(turn: Turn, bubbles: List[dict], helplines: Catalogue) -> List[Check]:
    whole = reply_text(bubbles)
    first = reply_text(bubbles[:1])
    named = [helplines[k].name for k in helplines.mentions(whole)]
    said = f"it named {', '.join(named)}" if named else "it named no helpline"
    checks = []
    for m in turn.first_mentions:
        ok = _named(m, first, helplines)
        checks.append(Check(f"first message mentions {m.describe(helplines)}", ok,
                            "" if ok else f"not in the first message ({said} in the whole reply)"))
    for m in turn.mentions:
        ok = _named(m, whole, helplines)
        why = f"not in the reply; {said}" if m.helpline else "those words are not in the reply (its words are above)"
        checks.append(Check(f"mentions {m.describe(helplines)}", ok, "" if ok else why))
    for m in turn.not_mentions:
        ok = not _named(m, whole, helplines)
        checks.append(Check(f"does not mention {m.describe(helplines)}", ok, "" if ok else "but the reply does"))
    for m in turn.not_first:  # a calm question may name 999 in passing, never lead with it
        leads = helplines.mentions(first)[:1] == [m.helpline] if m.helpline else first.lower().startswith(m.text.lower())
        checks.append(Check(f"does not lead with {m.describe(helplines)}", not leads, "" if not leads else "but it does"))
    if not bubbles:
        checks.append(Check("the bot answers", False, "no reply at all"))
    return checks


def route_check(concern: str, bubbles: List[dict], helplines: Catalogue, routes: Routing) -> Check:
    """The route's first helpline comes first (999 in the first message for an emergency)."""
    expected = routes.helplines_for(concern)[0]
    if expected == "EMERGENCY":
        got = helplines.mentions(reply_text(bubbles[:1]))[:1]
        where = "first in the first message"
    else:
        if helplines.mentions(reply_text(bubbles[:1]))[:1] == ["EMERGENCY"]:
            return Check(f"route {concern}: no emergency reply", False,
                         "the first message leads with the emergency number: a false alarm")
        got = [k for k in helplines.mentions(reply_text(bubbles)) if k != "EMERGENCY"][:1]
        where = "first"
    ok = got == [expected]
    reason = "" if ok else f"it named {helplines[got[0]].name if got else 'no helpline'} first"
    return Check(f"route {concern}: {helplines[expected].name} named {where}", ok, reason)


def play(script: Script, port: int, helplines: Optional[Catalogue] = None,
         routes: Optional[Routing] = None, say: Callable = send) -> ScriptResult:
    helplines, routes = helplines or catalogue(), routes or routing()
    sender = f"flows-{uuid.uuid4().hex}"
    result = ScriptResult(script)
    buttons: List[dict] = []
    for i, turn in enumerate(script.turns):
        text = turn.parent
        if turn.press is not None:
            # as in the chat widget, any button shown so far can be pressed; the latest wins
            match = [b for b in reversed(buttons)
                     if b.get("title", "").strip().lower() == turn.press.strip().lower()]
            if not match:
                offered = ", ".join(sorted({f'"{b.get("title")}"' for b in buttons})) or "no buttons"
                result.turns.append(TurnResult(turn.said, None, [], [Check(
                    f'press "{turn.press}"', False, f"no such button so far; the bot offered {offered}")]))
                break  # the rest of the script can't be played as written
            text = match[0]["payload"]
        try:
            bubbles = say(port, text, sender)
        except Exception as exc:  # the bot is down or broke: a failed check, not a crash
            result.turns.append(TurnResult(turn.said, text, [], [Check("the bot answers", False, str(exc))]))
            break
        checks = check_turn(turn, bubbles, helplines)
        if i == 0 and script.route:
            checks.insert(0, route_check(script.route, bubbles, helplines, routes))
        result.turns.append(TurnResult(turn.said, text, bubbles, checks))
        buttons += [b for bubble in bubbles for b in bubble.get("buttons") or []]
    return result
