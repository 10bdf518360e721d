"""Every phone number, email address and link anywhere in the project must be one the
catalogue holds; retired numbers must appear nowhere (the catalogue's own 'retired' list aside)."""
import re
import subprocess
from pathlib import Path

from bot.catalogue import bare_link, digits
from tools.build.rasa_files import render_all
from bot.widget_config import widget_config

ROOT = Path(__file__).resolve().parent.parent
PHONE = re.compile(r"(?<![\d.£$])(?:0\d{2,4}[ -]?\d{3,4}(?:[ -]?\d{2,4})?|999|101|1800[01](?: \d{3})?)(?![\d])")  # a textphone with its number: "18001 101"
LINK = re.compile(r"\bhttps?://[^\s\"')]+|\bwww\.[^\s\"')]+|\b[a-z0-9-]+\.(?:org|police|gov|co)\.uk[^\s\"')]*", re.I)
EMAIL = re.compile(r"\b[a-z0-9.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b", re.I)
SKIP = {"constraints.txt", "tests/test_numbers_and_links.py", "tests/test_catalogue.py",
        # made-up personal details (Ofcom's drama numbers, 07700 900xxx) that redaction must remove
        "tests/test_redaction.py", "tests/test_storage.py"}
LOCAL = ("localhost", "127.0.0.1", "example", "json-schema.org")
TOOLING = ("helm.rasa.com",)  # deployment tooling named in deploy/ and the README, never shown to parents


def project_texts():
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        path = ROOT / name
        if name in SKIP or not path.is_file() or path.suffix in {".png", ".gz", ".ico"}:
            continue
        yield name, path.read_text(encoding="utf-8", errors="replace")
    for path, text in render_all().items():  # the generated responses, as they would be built
        yield str(path.relative_to(ROOT)), text


def test_every_number_link_and_email_is_in_the_catalogue(helplines):
    numbers, links, emails = helplines.known_numbers(), helplines.known_links(), helplines.known_emails()
    # the one link that is not a helpline: the neutral site "Exit this page" goes to
    links = links | {bare_link(widget_config()["exit_url"]).rstrip("/").lower()}
    problems = []
    for name, text in project_texts():
        if name == "bot/content/helplines.yaml":
            text = text.split("helplines:", 1)[1]  # after the 'retired' list
        if name.startswith("tests/eval/"):  # where a real message was found: provenance, never shown
            text = re.sub(r"(?m)^\s*source: .*$", "", text)
        for m in PHONE.finditer(text):
            if digits(m.group()) not in numbers and not re.fullmatch(r"\d{4}-\d\d", m.group()[:7]):
                problems.append(f"{name}: number {m.group()!r}")
        for m in LINK.finditer(EMAIL.sub(" ", text)):
            if re.search(r"[\[\\{]", m.group()):
                continue  # a pattern in code, not a link
            link = bare_link(m.group()).rstrip("/.,;").lower()
            host = link.split("/")[0].split(":")[0].rstrip("`")
            if "." not in host or host in TOOLING:
                continue  # a service inside the deployment (http://actions:5055) or a tool's address
            if not any(x in link for x in LOCAL) and not any(link.startswith(k) or k.startswith(link) for k in links):
                problems.append(f"{name}: link {m.group()!r}")
        for m in EMAIL.finditer(text):
            if m.group().lower() not in emails and not any(x in m.group() for x in LOCAL + ("invalid",)):
                problems.append(f"{name}: email {m.group()!r}")
    assert not problems, "\n".join(problems)


def test_retired_numbers_appear_nowhere(helplines):
    for name, text in project_texts():
        if name == "bot/content/helplines.yaml":
            text = text.split("helplines:", 1)[1]
        flat = re.sub(r"(?<=\d)[ -](?=\d)", "", text)
        for retired in helplines.retired_numbers:
            assert retired not in flat, f"{name} uses the retired number {retired}"
