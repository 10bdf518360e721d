"""Taking personal details out of a parent's words before they are stored or logged.

The rules are content (bot/content/redaction.yaml). `redact` is used by the tracker store
on every user event it writes, and by `RedactingLogFilter` on every log line, so neither the
database nor the logs keep a phone number, email, postcode, address, profile link or name.
"""
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List, Tuple

from bot import content_schema as schema
from bot.content_files import CONTENT_DIR, load, require

PLACEHOLDER_RE = re.compile(r"^\[[a-z ]+\]$")


@dataclass(frozen=True)
class Rule:
    what: str
    placeholder: str
    patterns: Tuple[re.Pattern, ...]
    keep: FrozenSet[str] = frozenset()  # words this rule never takes for a secret (app names)

    def apply(self, text: str) -> str:
        for rx in self.patterns:
            text = rx.sub(self._replacement, text)
        return text

    def _replacement(self, m: re.Match) -> str:
        if "secret" not in m.re.groupindex or m.group("secret") is None:
            return self.placeholder
        if m.group("secret").split()[0].lower() in self.keep:  # "my son Robux": an app, not a name
            return m.group(0)
        start, end = m.span("secret")
        whole = m.group(0)
        return whole[: start - m.start()] + self.placeholder + whole[end - m.start():]


def load_rules(directory=CONTENT_DIR) -> Tuple[Rule, ...]:
    data = schema.validate(schema.RedactionFile, load("redaction.yaml", directory), "redaction.yaml")
    rules: List[Rule] = []
    for i, entry in enumerate(data.rules, 1):
        where = f"redaction.yaml: rule {i}"
        require(PLACEHOLDER_RE.match(entry.placeholder), where, "'placeholder' must look like [lower case words]")
        flags = 0 if entry.case_sensitive else re.I
        compiled = []
        for p in entry.patterns:
            try:
                rx = re.compile(p, flags)
            except re.error as exc:
                require(False, where, f"pattern {p!r} is not a valid regular expression: {exc}")
            require(not rx.match(""), where, f"pattern {p!r} matches empty text")
            compiled.append(rx)
        keep = platform_names(directory) if entry.keep == "platform_names" else frozenset()
        rules.append(Rule(entry.what, entry.placeholder, tuple(compiled), keep))
    return tuple(rules)


def platform_names(directory=CONTENT_DIR) -> FrozenSet[str]:
    data = schema.validate(schema.PlatformsFile, load("platforms.yaml", directory), "platforms.yaml")
    return frozenset(n.lower() for p in data.platforms.values() for n in p.names)


@lru_cache(maxsize=1)
def rules() -> Tuple[Rule, ...]:
    return load_rules()


def redact(text: str) -> str:
    """The text with personal details replaced by placeholders such as [phone]."""
    if not isinstance(text, str) or not text:
        return text
    for rule in rules():
        text = rule.apply(text)
    return text


def redact_event(event: dict) -> dict:
    """A copy of a serialised Rasa event with the user's words redacted (only user events
    carry them; the bot's own replies are kept as said, helpline numbers included)."""
    if event.get("event") != "user":
        return event
    event = dict(event)
    event["text"] = redact(event.get("text"))
    parse = event.get("parse_data")
    if isinstance(parse, dict):
        parse = dict(parse)
        parse["text"] = redact(parse.get("text"))
        parse["entities"] = [
            {**e, "value": redact(e["value"])} if isinstance(e, dict) and isinstance(e.get("value"), str) else e
            for e in parse.get("entities") or []
        ]
        event["parse_data"] = parse
    event.pop("metadata", None)  # nothing the browser sent is kept
    return event


class RedactingLogFilter(logging.Filter):
    """Redacts every record that passes through a handler, whichever logger made it
    (Rasa's debug lines quote what the parent typed)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call must not lose the line
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install_log_filter() -> None:
    """Put the filter on every handler of the root logger and of loggers that do not pass
    records up (Sanic's), so no line is written unredacted. Safe to call twice."""
    loggers = [logging.getLogger()] + [
        lg for lg in logging.Logger.manager.loggerDict.values()
        if isinstance(lg, logging.Logger) and not lg.propagate
    ]
    for lg in loggers:
        for handler in lg.handlers:
            if not any(isinstance(f, RedactingLogFilter) for f in handler.filters):
                handler.addFilter(RedactingLogFilter())
