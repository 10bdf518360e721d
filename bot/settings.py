"""Every setting read from the environment, in one place: its name, default, meaning and
type. Values are read when asked for (tests and the supervisor change the environment), and
`check()` reads them all at start-up so a bad value stops a server with a clear message
instead of failing on a parent's request. The README's configuration table is this list.

    python -m bot.settings        # every setting and its value now (secrets hidden)
"""
import os
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable, Optional


class SettingError(ValueError):
    """A setting with a value that can't be used; the message names it."""


def _port(raw: str) -> int:
    if not raw.strip().isdigit() or not 0 < int(raw) < 65536:
        raise ValueError("expected a port number from 1 to 65535")
    return int(raw)


def _positive(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(raw: str):
        try:
            value = kind(raw)
        except ValueError:
            raise ValueError("expected a whole number" if kind is int else "expected a number") from None
        if value <= 0:
            raise ValueError("must be more than 0")
        return value
    return parse


def _rate(raw: str) -> str:
    if not re.fullmatch(r"\d+\s*/\s*(second|minute|hour|day)", raw.strip()):
        raise ValueError('expected "<count>/<second|minute|hour|day>"')
    return raw.strip()


def _words(raw: str) -> tuple:
    return tuple(w for w in raw.replace(",", " ").split() if w)


def _flag(raw: str) -> bool:
    if raw not in ("0", "1"):
        raise ValueError("expected 0 or 1")
    return raw == "1"


def _url(raw: str) -> str:
    if not re.match(r"^[a-z][a-z0-9+.-]*://", raw):
        raise ValueError("not an address such as https://host")
    return raw.rstrip("/")


@dataclass(frozen=True)
class Setting:
    name: str
    default: Optional[str]  # None: unset (the meaning says what happens then)
    meaning: str
    parse: Callable[[str], Any] = str
    secret: bool = False


SETTINGS = (
    # where things run
    Setting("RASA_PORT", "5005", "the Rasa server's port (REST and socket.io channels)", _port),
    Setting("ACTION_PORT", "5055", "the action server's port", _port),
    Setting("WEB_PORT", "8080", "the web server's port (chat page, schools page, staff console)", _port),
    Setting("WEB_HOST", "0.0.0.0", "the address the web server listens on"),
    Setting("TYG_BOT_URL", None, "where browsers reach the Rasa server; unset: this host on RASA_PORT", _url),
    Setting("TYG_PUBLIC_URL", None, "the address school links and QR codes point at; unset: the address in use", _url),
    Setting("CORS_ORIGINS", None, "sites whose pages may call the REST channel (space-separated); unset: the chat page itself", _words),
    # storage
    Setting("TYG_DATA_DIR", None, "the data folder (SQLite database, logs); unset: var/ in the project"),
    Setting("TYG_DATABASE_URL", None, "the conversation database, e.g. postgresql://tyg@db/tyg; unset: SQLite in the data folder", _url),
    Setting("TYG_DATABASE_PASSWORD", None, "the database password, kept out of TYG_DATABASE_URL", secret=True),
    Setting("TYG_RETENTION_DAYS", "30", "conversations idle for longer are deleted", _positive(int)),
    Setting("TYG_DB_MAX_MB", None, "SQLite only: refuse to grow the file past this size; unset: no cap", _positive(float)),
    Setting("TYG_REDIS_URL", None, "Redis shared by replicas (conversation locks, rate limits); unset: one server, in memory", _url),
    Setting("TYG_REDIS_PASSWORD", None, "the Redis password, kept out of TYG_REDIS_URL", secret=True),
    # limits and timeouts
    Setting("TYG_RATE_PER_SENDER", "20/minute", "messages one conversation may send", _rate),
    Setting("TYG_RATE_PER_IP", "300/minute", "messages (and school-link counts) one address may send", _rate),
    Setting("TYG_TRUSTED_PROXIES", "127.0.0.1 ::1", "proxies whose X-Forwarded-For is believed (addresses or networks)", _words),
    Setting("TYG_RATE_SALT", None, "salt for the hashed addresses; unset: random, or derived from TYG_REDIS_URL so replicas agree", secret=True),
    Setting("TYG_REPLY_SECONDS", "8", "the REST channel answers within this many seconds whatever happens", _positive(float)),
    Setting("TYG_ACTION_TIMEOUT", "10", "seconds Rasa waits for the action server", _positive(int)),
    # staff and the Rasa API
    Setting("TYG_STAFF_TOKEN", None, "turns the staff console and trends page on (at least 16 characters); unset: both off", secret=True),
    Setting("TYG_TRENDS_DEMO", "0", "1: the trends page says on every screen that its figures are made up (make trends-demo)", _flag),
    Setting("TYG_SCRIPTS_DIR", None, "where the console saves conversation scripts; unset: bot/content/flows/"),
    Setting("TYG_RASA_INTERNAL_URL", None, "where the staff console reaches Rasa; unset: 127.0.0.1 on RASA_PORT", _url),
    Setting("TYG_RASA_API_TOKEN", None, "the secret of Rasa's HTTP API: its token, and the key for the console's signed requests (JWT); `make run` sets a random one when the console is on", secret=True),
    Setting("RASA_ENABLE_API", "0", "1: turn on Rasa's HTTP API (needs RASA_AUTH_TOKEN)", _flag),
    Setting("RASA_AUTH_TOKEN", None, "the API token when RASA_ENABLE_API=1", secret=True),
    Setting("TYG_SECRETS_FILE", None, "an untracked KEY=value file read at start-up; unset: var/secrets.env"),
    # tools
    Setting("TYG_REVIEW_MAX_AGE_DAYS", "90", "`make review` flags catalogue entries not checked for longer", _positive(int)),
    Setting("EVAL_URL", None, "`make eval` uses a bot already answering here; unset: localhost on RASA_PORT", _url),
)
BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    """The setting's value now, parsed (None when unset with no default)."""
    setting = BY_NAME[name]
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        raw = setting.default
    if raw is None:
        return None
    try:
        return setting.parse(raw)
    except (ValueError, TypeError) as exc:
        shown = "(hidden)" if setting.secret else repr(raw)
        raise SettingError(f"{name}={shown}: {exc}. {name} is {setting.meaning}.") from None


def check() -> None:
    """Read every setting once: a bad value stops start-up with a message naming it."""
    for setting in SETTINGS:
        get(setting.name)


def main() -> None:
    try:
        check()
    except SettingError as exc:
        sys.exit(str(exc))
    for s in SETTINGS:
        value = get(s.name)
        shown = "(set)" if s.secret and value else value
        print(f"{s.name:24} {shown!s:30} {s.meaning}")


if __name__ == "__main__":
    main()
