"""The helpline catalogue: loading, validation, and finding helplines named in a text."""
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from bot import content_schema as schema
from bot.content_files import CONTENT_DIR, load, require


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def bare_link(url: str) -> str:
    """The link as people write it: no scheme, no www."""
    return re.sub(r"^https?://(www\.)?", "", url)


@dataclass(frozen=True)
class Helpline:
    key: str
    name: str
    spoken: str
    audience: str
    anonymous: bool
    last_checked: Optional[dt.date]
    phone: Optional[str] = None
    textphone: Optional[str] = None
    email: Optional[str] = None
    url: Optional[str] = None
    how: Optional[str] = None
    notes: Optional[str] = None
    hours: Optional[str] = None
    # the link is another service's site (Report Remove lives on Childline's): it does not name this one
    link_is_shared: bool = False

    @property
    def contact(self) -> str:
        """The full contact line used where a reply says {KEY}."""
        if self.phone and self.email:
            return f"{self.phone} or {self.email}"
        if self.phone:
            return self.phone
        if self.how:
            return f"{self.how} ({self.url})" if self.url else self.how
        return self.url or self.spoken

    def __format__(self, spec: str) -> str:
        return self.contact if not spec else format(self.contact, spec)

    def markers(self) -> List[re.Pattern]:
        """Patterns that mean this helpline is named in a text (numbers, links, names)."""
        found = []
        if self.phone:
            found.append(re.compile(r"(?<!\d)" + digits(self.phone) + r"(?!\d)"))
        if self.email:
            found.append(re.compile(re.escape(self.email), re.I))
        if self.url and not self.link_is_shared:
            found.append(re.compile(re.escape(bare_link(self.url).rstrip("/")), re.I))
        if not self.phone:  # services without a number are named instead
            found.append(re.compile(r"\b" + re.escape(self.spoken).replace(r"\ ", r"\s*") + r"\b", re.I))
        return found


@dataclass(frozen=True)
class Catalogue:
    helplines: Dict[str, Helpline]
    retired_numbers: Tuple[str, ...]

    def __getitem__(self, key: str) -> Helpline:
        return self.helplines[key]

    def __contains__(self, key: str) -> bool:
        return key in self.helplines

    def mentions(self, text: str) -> List[str]:
        """Keys of the helplines a text names, in the order it first names them."""
        joined = re.sub(r"(?<=\d)[ \u00a0-](?=\d)", "", text)  # digits split by spaces or dashes are joined
        first: Dict[str, int] = {}
        for key, line in self.helplines.items():
            for rx in line.markers():
                m = rx.search(joined)
                if m and (key not in first or m.start() < first[key]):
                    first[key] = m.start()
        return sorted(first, key=first.get)

    def known_numbers(self) -> set:
        nums = set()
        for line in self.helplines.values():
            for n in (line.phone, line.textphone):
                if n:
                    nums.add(digits(n))
        return nums

    def known_links(self) -> set:
        return {bare_link(h.url).rstrip("/").lower() for h in self.helplines.values() if h.url}

    def known_emails(self) -> set:
        return {h.email.lower() for h in self.helplines.values() if h.email}


def _helpline(key: str, spec: schema.Helpline, where: str) -> Helpline:
    require(spec.phone or spec.url, where, "needs a phone number or a link")
    # hours are only stated when someone has checked them (CONTEXT: they change between sources)
    require(spec.hours is None or spec.last_checked is not None, where, "'hours' need a 'last_checked' date")
    return Helpline(
        key=key, name=spec.name, spoken=spec.spoken, audience=spec.audience,
        anonymous=spec.anonymous, last_checked=spec.last_checked, phone=spec.phone, textphone=spec.textphone,
        email=spec.email, url=spec.url, how=spec.how, notes=spec.notes, hours=spec.hours,
        link_is_shared=spec.link_is_shared,
    )


def load_catalogue(directory=CONTENT_DIR) -> Catalogue:
    where = "helplines.yaml"
    data = schema.validate(schema.HelplinesFile, load(where, directory), where)
    for required in ("EMERGENCY", "POLICE", "NSPCC"):
        require(required in data.helplines, where, f"missing the {required} entry")
    lines = {key: _helpline(key, spec, f"{where}: {key}") for key, spec in data.helplines.items()}
    retired = tuple(digits(r.number) for r in data.retired)
    for line in lines.values():
        require(digits(line.phone or "") not in retired, f"{where}: {line.key}", "uses a retired number")
    return Catalogue(helplines=lines, retired_numbers=retired)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return load_catalogue()
