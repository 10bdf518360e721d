"""One placeholder syntax in content text: {HELPLINE}, {HELPLINE.field}, {value}."""
import re

import pytest

from bot.catalogue import catalogue
from bot.content_files import ContentError
from bot.placeholders import fill


def test_helplines_come_from_the_catalogue_and_values_from_the_caller():
    lines = catalogue()
    text = fill("Call {NSPCC.phone}; deleted after {retention_days} days.", {"retention_days": 30}, lines)
    assert text == f"Call {lines['NSPCC'].phone}; deleted after 30 days."
    assert fill("{NSPCC}", helplines=lines) == lines["NSPCC"].contact


def test_names_to_fill_later_are_kept_and_nothing_else_is():
    assert fill("On {app}: {steps}", keep=frozenset({"app", "steps"})) == "On {app}: {steps}"
    with pytest.raises(ContentError, match="unknown placeholder '{ap}'"):
        fill("On {ap}", keep=frozenset({"app"}), where="guidance.yaml")


@pytest.mark.parametrize("text, message", [
    ("Call {SAMARITANS}", "unknown helpline placeholder"),
    ("Call {NSPCC.fax}", "has no value"),
    ("Call {NSPCC", "a brace that is not a placeholder"),
    ("a } on its own", "a brace that is not a placeholder"),
])
def test_a_placeholder_nobody_fills_is_a_content_error(text, message):
    with pytest.raises(ContentError, match=message):
        fill(text, helplines=catalogue(), where="test")


def test_content_uses_no_other_placeholder_syntax():
    from bot.guidance import guidance
    from bot.widget_config import widget_config

    g = guidance()
    texts = [b for r in [*g.all_replies(), *g.extras.values()] for b in r.bubbles]
    texts += list(widget_config()["texts"].values())
    assert len(texts) > 50
    assert not [t for t in texts if re.search(r"\[[a-z_]+\]|\{\{|%\(", t)]
