
import pytest

from bot.catalogue import load_catalogue
from bot.content_files import ContentError
from tests.conftest import edited_content


def test_catalogue_has_every_route_in_the_brief(helplines):
    assert helplines["EMERGENCY"].phone == "999"
    assert helplines["POLICE"].phone == "101"
    assert helplines["NSPCC"].phone == "0808 800 5000"
    assert helplines["NSPCC"].email == "help@nspcc.org.uk"
    assert helplines["CHILDLINE"].phone == "0800 1111"
    assert helplines["CRIMESTOPPERS"].phone == "0800 555 111"
    assert helplines["STOP_IT_NOW"].phone == "0808 1000 900"
    assert helplines["CEOP"].url == "https://www.ceop.police.uk/ceop-reporting/"
    assert helplines["CEOP"].anonymous is False  # CEOP does not take anonymous reports
    assert helplines["CRIMESTOPPERS"].anonymous is True
    assert "REPORT_REMOVE" in helplines and "IWF" in helplines


def test_no_opening_hours_without_a_check(helplines):
    for line in helplines.helplines.values():
        assert line.hours is None or line.last_checked is not None


def test_mentions_are_found_in_order(helplines):
    text = "Call 0808 800 5000, or report to CEOP; in danger call 999. Report Remove helps too."
    assert helplines.mentions(text) == ["NSPCC", "CEOP", "EMERGENCY", "REPORT_REMOVE"]
    assert helplines.mentions("year 1010 or 99999") == []


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["helplines"]["NSPCC"].update(phone=d["retired"][0]["number"]), "retired"),
    (lambda d: d["helplines"]["NSPCC"].update(phone="call us"), "not a phone number"),
    (lambda d: d["helplines"]["CEOP"].update(url="http://ceop.example"), "https"),
    (lambda d: d["helplines"]["CHILDLINE"].update(hours="9am-5pm", last_checked=None), "last_checked"),
    (lambda d: d["helplines"].pop("EMERGENCY"), "EMERGENCY"),
    (lambda d: d["helplines"]["NSPCC"].update(fax="123"), "NSPCC.fax: unknown field"),
])
def test_bad_catalogue_is_rejected_on_load(tmp_path, edit, message):
    with pytest.raises(ContentError, match=message):
        load_catalogue(edited_content(tmp_path, "helplines.yaml", edit))
