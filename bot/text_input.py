"""Cleaning what a user typed before anything reads it.

Rasa treats a message starting with "/" as an intent command (and JSON after it as slots);
typed text must never do that, so leading slashes are removed. HTML is reduced to its text,
control characters dropped, and very long messages cut to what the NLU needs.
"""
import html
import re
import unicodedata

MAX_CHARS = 2000  # far more than any real concern needs; keeps NLU time bounded

_TAG = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>|<[^>]{0,500}>", re.I | re.S)
_BREAK_TAG = re.compile(r"<\s*(br|p|div|li)\b[^>]*>", re.I)
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_user_text(raw, max_chars: int = MAX_CHARS) -> str:
    """Plain, single-spaced text that never starts with '/'; '' if nothing is left."""
    if raw is None:
        return ""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    text = str(raw)
    text = _BREAK_TAG.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = text.lstrip("/\\ ").strip()
    if len(text) > max_chars:
        cut = text[:max_chars]
        text = cut[: cut.rfind(" ")] if " " in cut[-200:] else cut
    return text

