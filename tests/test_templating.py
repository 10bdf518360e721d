"""The web pages come from Jinja2 templates that extend one base template; the widget's script
is assembled from its parts into the one file embedders load."""
import re
import shutil
import subprocess

import pytest

from apps.templating import TEMPLATES, render
from apps.widget_bundle import PARTS, PARTS_DIR, widget_js

PAGES = ("chat.html", "schools.html", "staff.html")


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.html") if p.name != "base.html"))
def test_every_template_extends_the_base(name):
    chain = [name]
    while chain[-1] != "base.html":  # directly, or through another template that does
        match = re.match(r'\{% extends "([\w.]+)" %\}', (TEMPLATES / chain[-1]).read_text(encoding="utf-8"))
        assert match and match[1] not in chain, f"{' -> '.join(chain)} does not reach base.html"
        chain.append(match[1])


@pytest.mark.parametrize("name", PAGES)
def test_the_config_cannot_break_out_of_its_script_tag(name):
    page = render(name, title="A <b>title</b>", config={"texts": {"x": "</script><script>alert(1)</script>"}})
    assert page.count("<script") - page.count("<script src") == 1  # only the config's own tag
    assert "alert(1)</script>" not in page and "&lt;b&gt;" in page
    assert page.startswith("<!doctype html>") and 'lang="en-GB"' in page


def test_the_privacy_page_escapes_its_text():
    page = render("privacy.html", title="Privacy", sections=[("What we keep", ["<i>nothing</i> & no names"])])
    assert "<h2>What we keep</h2>" in page and "&lt;i&gt;nothing&lt;/i&gt; &amp; no names" in page


def test_a_value_a_template_needs_and_is_not_given_is_an_error():
    with pytest.raises(Exception, match="title"):
        render("privacy.html", sections=[])


def test_the_widget_is_one_script_of_every_part_once():
    script = widget_js().decode("utf-8")
    assert len(re.findall(r"^\(function \(\) \{$", script, re.M)) == 1 and script.rstrip().endswith("})();")
    for name in PARTS:
        assert script.count(f"/* {name}:") == 1, name
    parts = {p.name for p in PARTS_DIR.glob("*.js")} - {"header.js"}
    assert parts == set(PARTS), "a part in web/widget/ that the bundle leaves out"


@pytest.mark.skipif(not shutil.which("node"), reason="needs Node.js (installed with the widget's packages)")
def test_the_assembled_widget_parses(tmp_path):
    path = tmp_path / "widget.js"
    path.write_bytes(widget_js())
    run = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
