"""The privacy notice (bot/content/privacy.yaml) as an HTML page for the web server."""
import html
from typing import List, Tuple

from bot import storage
from bot.catalogue import catalogue
from bot.content_files import CONTENT_DIR, load, require
from bot.guidance import render


def load_notice(directory=CONTENT_DIR, retention_days: int = None) -> Tuple[str, List[Tuple[str, List[str]]]]:
    """(title, [(heading, [paragraph, ...]), ...]) with the values filled in."""
    data = load("privacy.yaml", directory)
    where = "privacy.yaml"
    require(isinstance(data.get("title"), str) and data["title"].strip(), where, "'title' is required")
    days = retention_days or storage.retention_days()
    sections = []
    for i, raw in enumerate(data.get("sections") or [], 1):
        w = f"{where}: section {i}"
        require(isinstance(raw, dict) and raw.get("heading") and raw.get("paragraphs"), w,
                "needs a 'heading' and 'paragraphs'")
        paragraphs = [render(p.replace("{retention_days}", str(days)), catalogue(), w) for p in raw["paragraphs"]]
        sections.append((raw["heading"], paragraphs))
    require(sections, where, "needs at least one section")
    return data["title"], sections


def page_html(template: str) -> str:
    """The notice inside the page template ({{TITLE}} and {{BODY}})."""
    title, sections = load_notice()
    body = "\n".join(
        f"<h2>{html.escape(heading)}</h2>\n" + "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        for heading, paragraphs in sections)
    return template.replace("{{TITLE}}", html.escape(title)).replace("{{BODY}}", body)
