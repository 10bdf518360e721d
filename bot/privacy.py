"""The privacy notice (bot/content/privacy.yaml), its values filled in; the web server shows it
(apps/templates/privacy.html)."""
from typing import List, Tuple

from bot import settings
from bot.catalogue import catalogue
from bot.content_files import CONTENT_DIR, load, require
from bot.guidance import render


def load_notice(directory=CONTENT_DIR, retention_days: int = None) -> Tuple[str, List[Tuple[str, List[str]]]]:
    """(title, [(heading, [paragraph, ...]), ...]) with the values filled in."""
    data = load("privacy.yaml", directory)
    where = "privacy.yaml"
    require(isinstance(data.get("title"), str) and data["title"].strip(), where, "'title' is required")
    days = retention_days or settings.get("TYG_RETENTION_DAYS")
    sections = []
    for i, raw in enumerate(data.get("sections") or [], 1):
        w = f"{where}: section {i}"
        require(isinstance(raw, dict) and raw.get("heading") and raw.get("paragraphs"), w,
                "needs a 'heading' and 'paragraphs'")
        paragraphs = [render(p, catalogue(), w, {"retention_days": days}) for p in raw["paragraphs"]]
        sections.append((raw["heading"], paragraphs))
    require(sections, where, "needs at least one section")
    return data["title"], sections
