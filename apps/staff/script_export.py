"""Turning a conversation (a Rasa tracker) into a conversation script staff can replay: what
the parent typed (or the button they pressed) and the helplines each reply named."""
import re
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from bot.catalogue import Catalogue, catalogue
from bot.flow_scripts import load_script


def turns_from_tracker(tracker: Dict[str, Any]) -> List[dict]:
    """[{said, pressed, bubbles: [text], concern}] in order; a message equal to a button
    payload the bot had just offered counts as pressing that button."""
    turns: List[dict] = []
    offered: Dict[str, str] = {}
    for ev in tracker.get("events") or []:
        kind = ev.get("event")
        if kind == "user":
            text = ev.get("text") or ""
            routed = (ev.get("parse_data") or {}).get("tyg") or {}
            turns.append({"said": text, "pressed": offered.get(text), "bubbles": [],
                          "concern": routed.get("concern")})
        elif kind == "bot" and turns:
            turns[-1]["bubbles"].append(ev.get("text") or "")
            for button in (ev.get("data") or {}).get("buttons") or []:
                offered[button.get("payload", "")] = button.get("title", "")
    return turns


def script_for(name: str, turns: List[dict], helplines: Optional[Catalogue] = None) -> dict:
    helplines = helplines or catalogue()
    script: Dict[str, Any] = {"name": name}
    if turns and turns[0].get("concern"):
        script["route"] = turns[0]["concern"]
    script["turns"] = []
    for turn in turns:
        entry: Dict[str, Any] = {"press": turn["pressed"]} if turn.get("pressed") else {"parent": turn["said"]}
        first = helplines.mentions(turn["bubbles"][0])[:1] if turn["bubbles"] else []
        named = helplines.mentions("\n".join(turn["bubbles"]))
        if first:
            entry["first_mentions"] = first
        if named:
            entry["mentions"] = named
        elif turn["bubbles"]:  # no helpline named: check the reply's opening words instead
            entry["mentions"] = [" ".join(turn["bubbles"][0].split()[:6]).rstrip(".,;:!?")]
        script["turns"].append(entry)
    return script


def save_script(script: dict, directory: Path) -> Path:
    """Writes the script under a new file name and checks it loads."""
    slug = re.sub(r"[^a-z0-9]+", "-", script["name"].lower()).strip("-")[:50] or "conversation"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{slug}-{uuid.uuid4().hex[:6]}.yaml"
    header = "# Saved from the staff console. Edit the checks as needed; see README \"How staff check the flows\".\n"
    path.write_text(header + yaml.safe_dump(script, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8")
    try:
        load_script(path)
    except Exception:
        path.unlink()
        raise
    return path
