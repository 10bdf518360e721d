import logging
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.catalogue import catalogue
from bot.content_files import ContentError
from bot.redaction import RedactingLogFilter, load_rules, redact, redact_event
from tests.conftest import edited_content


@pytest.mark.parametrize("text, expected", [
    ("my son is called Jake Smith and he is 12", "my son is called [name] and he is 12"),
    ("my daughter's name is Amy", "my daughter's name is [name]"),
    ("my daughter Amy got a message on roblox.com", "my daughter [name] got a message on roblox.com"),
    ("her number is 07700 900123", "her number is [phone]"),
    ("ring me on +44 7700-900-123 tonight", "ring me on [phone] tonight"),
    ("email me at jo.bloggs+x@gmail.com", "email me at [email]"),
    ("we live at 12 Acacia Avenue, Leeds LS1 4AB", "we live at [address], Leeds [postcode]"),
    ("flat 3, 14 high street", "[address], [address]"),
    ("his profile is https://www.instagram.com/jake_2011 and @jake.2011",
     "his profile is [link] and [user name]"),
    ("he sent tiktok.com/@someone_bad to her", "he sent [link] to her"),
])
def test_personal_details_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "a man on Roblox keeps sending him Robux",
    "my son is 12 and in year 8",
    "she flips her phone over when I walk in",
    "he has 500 followers and plays fortnite till 2am",
    "someone on snapchat asked my 13yo for pics",
    "a man on Roblox keeps sending my son Robux and says to keep it secret",
])
def test_ordinary_worries_are_kept_as_written(text):
    assert redact(text) == text


def test_user_events_are_redacted_and_bot_events_kept():
    user = {"event": "user", "text": "call me on 07700900123", "metadata": {"ip": "203.0.113.9"},
            "parse_data": {"text": "call me on 07700900123", "intent": {"name": "x"},
                           "entities": [{"entity": "CHILD", "value": "my son Jack"}]}}
    out = redact_event(user)
    assert out["text"] == out["parse_data"]["text"] == "call me on [phone]"
    assert out["parse_data"]["entities"][0]["value"] == "my son [name]"
    assert "metadata" not in out and user["text"].endswith("123")  # the original is untouched
    bot = {"event": "bot", "text": f"Call the NSPCC helpline on {catalogue()['NSPCC'].phone}."}
    assert redact_event(bot) == bot


def test_log_lines_are_redacted(caplog):
    handler = logging.Handler()
    seen = []
    handler.emit = lambda record: seen.append(record.getMessage())
    handler.addFilter(RedactingLogFilter())
    log = logging.getLogger("tyg.test.redaction")
    log.addHandler(handler)
    try:
        log.warning("Received user message '%s'", "I'm jo@example.com, my son is called Tom")
    finally:
        log.removeHandler(handler)
    assert seen == ["Received user message 'I'm [email], my son is called [name]'"]


def test_bad_rules_are_refused(tmp_path):
    def broken(data):
        data["rules"][0]["patterns"] = ["(unclosed"]
    with pytest.raises(ContentError, match="not a valid regular expression"):
        load_rules(edited_content(tmp_path, "redaction.yaml", broken))

    def empty_match(data):
        data["rules"][0]["patterns"] = ["x*"]
    with pytest.raises(ContentError, match="matches empty text"):
        load_rules(edited_content(tmp_path, "redaction.yaml", empty_match))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_redaction_never_fails_and_leaves_no_long_digit_runs(text):
    out = redact(text)
    assert isinstance(out, str)
    assert not re.search(r"(?:\d[\s-]?){9,}", out.replace("[phone]", ""))
