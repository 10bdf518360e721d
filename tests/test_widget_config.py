"""widget.yaml: what the widget and the schools page say, checked against the catalogue."""

import pytest

from bot.catalogue import digits
from bot.content_files import ContentError
from tests.conftest import edited_content
from bot.widget_config import load_widget_config, widget_config


def test_config_names_999_and_the_no_answer_helplines_from_the_catalogue(helplines):
    config = widget_config()
    assert helplines["EMERGENCY"].phone in config["texts"]["danger_line"]
    cards = config["no_answer_helplines"]
    assert cards[0]["key"] == "EMERGENCY"
    for card in cards:
        line = helplines[card["key"]]
        assert (card["phone"], card["url"], card["email"]) == (line.phone, line.url, line.email)
    # every number the bot can say can be made a tel: link
    assert {digits(p) for p in config["phones"]} == helplines.known_numbers()
    assert config["exit_url"].startswith("https://")


def test_texts_have_no_unfilled_placeholders():
    config = widget_config()
    for text in [*config["texts"].values(), *config["schools"].values()]:
        assert "{" not in text and text.strip()


@pytest.mark.parametrize("edit,message", [
    (lambda d: d.update(danger_line="Call us if worried."), "emergency number"),
    (lambda d: d.update(danger_line="Call {NOPE.phone}."), "unknown helpline"),
    (lambda d: d.update(no_answer_helplines=["NSPCC", "EMERGENCY"]), "start with EMERGENCY"),
    (lambda d: d.update(no_answer_helplines=["EMERGENCY", "SAMARITANS"]), "unknown helpline"),
    (lambda d: d["exit"].update(url="http://insecure.example"), "https"),
    (lambda d: d.update(no_answer_seconds=0), "between"),
    (lambda d: d.pop("privacy_note"), "privacy_note"),
])
def test_bad_widget_content_is_rejected_on_load(tmp_path, edit, message):
    with pytest.raises(ContentError, match=message):
        load_widget_config(edited_content(tmp_path, "widget.yaml", edit))
