"""Cleaning what a user typed before anything reads it.

Rasa treats a message starting with "/" as an intent command (and JSON after it as slots);
typed text must never do that, so leading slashes are removed. HTML is reduced to its text,
control characters dropped, a word typed three or more times in a row kept once, and very long
messages cut to what the NLU needs (their start and their end, where people usually put what
matters most).
"""
import html
import re
import unicodedata
from typing import List, NamedTuple

MAX_CHARS = 2000  # far more than any real concern needs; keeps NLU time bounded
TAIL_CHARS = 500  # of a long message, the end is kept as well as the start

_TAG = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>|<[^>]{0,500}>", re.I | re.S)
_BREAK_TAG = re.compile(r"<\s*(br|p|div|li)\b[^>]*>", re.I)
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")
# after . ! or ?, and after a quote or bracket that closes straight after one ("'you still
# coming?' every five minutes"): the lemmas, "come ? ' every", split there too
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]['\"\u2019\u201d)]))\s+")
# a word typed three or more times in a row ("help help help help ... there's a man in her room
# now") says it once: repeated, it drowns the words that say what is happening. Letters only,
# across spaces and commas only: numbers ("07 777 777") and sentences ("no. No. No one") stay
_REPEATED_WORD = re.compile(r"\b([^\W\d_]+)(?:[\s,]+\1\b){2,}", re.I)


class Cleaned(NamedTuple):
    text: str
    shortened: bool  # the message was too long and only its start and end were kept


def clean(raw, max_chars: int = MAX_CHARS) -> Cleaned:
    """Plain, single-spaced text that never starts with '/'; '' if nothing is left."""
    if raw is None:
        return Cleaned("", False)
    if isinstance(raw, (bytes, bytearray)):
        raw = bytes(raw).decode("utf-8", errors="replace")
    text = str(raw)
    text = text.encode("utf-8", errors="replace").decode("utf-8")  # lone surrogates
    text = _BREAK_TAG.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)  # after removing what could split a character
    text = _SPACES.sub(" ", text).strip()
    text = _REPEATED_WORD.sub(r"\1", text)
    text = text.lstrip("/\\ ").strip()
    if len(text) <= max_chars:
        return Cleaned(text, False)
    tail_len = min(TAIL_CHARS, max_chars // 4)
    head = _cut_at_space(text[: max_chars - tail_len - 5], from_end=False)
    tail = _cut_at_space(text[-tail_len:], from_end=True)
    return Cleaned(f"{head} ... {tail}", True)


def clean_user_text(raw, max_chars: int = MAX_CHARS) -> str:
    return clean(raw, max_chars).text


def _cut_at_space(part: str, from_end: bool) -> str:
    """Avoid half words at the cut, unless the text has no spaces near it."""
    if from_end:
        space = part.find(" ")
        return part[space + 1:] if 0 <= space < 100 else part
    space = part.rfind(" ")
    return part[:space] if space > len(part) - 100 else part


def sentences(text: str) -> List[str]:
    """The text's sentences, split after . ! or ? (the whole text if it has none)."""
    return [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
