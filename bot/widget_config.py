"""What the browser widget and the schools page need, from widget.yaml, the helpline
catalogue and the topics: one JSON-ready mapping, validated on load."""
from functools import lru_cache
from typing import Any, Dict, Optional

from bot import content_schema as schema
from bot import settings
from bot.catalogue import Catalogue, catalogue
from bot.content_files import CONTENT_DIR, load, require
from bot.guidance import render
from bot.topics import load_topics

TEXTS = ("title", "subtitle", "danger_line", "privacy_note", "privacy_link", "delete_label", "delete_confirm", "deleted_note",
         "delete_failed", "input_label", "input_hint", "send_label", "you_label", "topic_prefix", "typing",
         "no_answer_text", "offline_note")
SCHOOL_TEXTS = ("title", "intro", "source_label", "topic_label", "link_heading", "qr_heading",
                "embed_heading", "embed_help")


def _text(value: str, where: str, helplines: Catalogue) -> str:
    # the retention period is configuration (TYG_RETENTION_DAYS), not content
    return render(value, helplines, where, {"retention_days": settings.get("TYG_RETENTION_DAYS")})


def helpline_card(line) -> Dict[str, Any]:
    """One helpline as the widget shows it when the bot cannot answer."""
    return {"key": line.key, "name": line.name, "for": line.audience, "phone": line.phone,
            "email": line.email, "url": line.url, "how": line.how}


def load_widget_config(directory=CONTENT_DIR, helplines: Optional[Catalogue] = None) -> Dict[str, Any]:
    helplines = helplines or catalogue()
    where = "widget.yaml"
    data = schema.validate(schema.WidgetFile, load(where, directory), where)
    texts = {key: _text(getattr(data, key), f"{where}: {key}", helplines) for key in TEXTS}
    texts["exit_label"] = _text(data.exit.label, f"{where}: exit: label", helplines)
    texts["exit_note"] = _text(data.exit.note, f"{where}: exit: note", helplines)
    require(helplines["EMERGENCY"].phone in texts["danger_line"], where,
            "'danger_line' must give the emergency number")
    seconds = data.no_answer_seconds
    require(1 <= seconds <= 30, where, "'no_answer_seconds' must be between 1 and 30")
    keys = data.no_answer_helplines
    for key in keys:
        require(key in helplines, where, f"unknown helpline '{key}' in 'no_answer_helplines'")
    require(keys[0] == "EMERGENCY", where, "'no_answer_helplines' must start with EMERGENCY")
    phones = sorted({n for h in helplines.helplines.values() for n in (h.phone, h.textphone) if n},
                    key=len, reverse=True)  # longest first: a short number inside a longer one must not win
    return {
        "texts": texts,
        "schools": {key: _text(getattr(data.schools, key), f"{where}: schools: {key}", helplines)
                    for key in SCHOOL_TEXTS},
        "exit_url": data.exit.url,
        "no_answer_ms": int(seconds * 1000),
        "no_answer_helplines": [helpline_card(helplines[k]) for k in keys],
        "phones": phones,
        "emails": sorted(h.email for h in helplines.helplines.values() if h.email),
        "topics": [{"key": t.key, "label": t.label}
                   for t in load_topics(directory).values()],
    }


@lru_cache(maxsize=1)
def widget_config() -> Dict[str, Any]:
    return load_widget_config()
