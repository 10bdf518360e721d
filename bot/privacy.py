"""The privacy notice (bot/content/privacy.yaml), its values filled in; the web server shows it
(apps/templates/privacy.html)."""
from typing import List, Tuple

from bot import content_schema as schema
from bot import settings
from bot.catalogue import catalogue
from bot.content_files import CONTENT_DIR, load
from bot.guidance import render


def load_notice(directory=CONTENT_DIR, retention_days: int = None) -> Tuple[str, List[Tuple[str, List[str]]]]:
    """(title, [(heading, [paragraph, ...]), ...]) with the values filled in."""
    where = "privacy.yaml"
    data = schema.validate(schema.PrivacyFile, load(where, directory), where)
    days = retention_days or settings.get("TYG_RETENTION_DAYS")
    sections = []
    for i, section in enumerate(data.sections, 1):
        w = f"{where}: section {i}"
        paragraphs = [render(p, catalogue(), w, {"retention_days": days}) for p in section.paragraphs]
        sections.append((section.heading, paragraphs))
    return data.title, sections
