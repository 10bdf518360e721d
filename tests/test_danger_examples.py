"""bot/danger_examples.py: the danger-now model's own examples (data/danger_now/), checked like
a schema: both kinds present, clean, none given twice, none contradicting the NLU data."""
import pytest

from bot import danger_examples
from bot.content_files import ContentError
from bot.routing import EMERGENCY_CONCERN
from tests.test_nlu_data import DATA, norm

EXAMPLES = danger_examples.load()
MIN_EACH = 80  # of emergencies and of near-misses


def test_the_projects_examples_have_both_kinds():
    in_danger = sum(d for _, d in EXAMPLES)
    assert in_danger >= MIN_EACH and len(EXAMPLES) - in_danger >= MIN_EACH


@pytest.mark.parametrize("text, in_danger", EXAMPLES, ids=lambda x: "" if isinstance(x, bool) else x[:40])
def test_each_example_is_one_clean_line(text, in_danger):
    assert "\n" not in text and not set(text) & set("[]{}") and not text.startswith("/")


def test_no_example_contradicts_the_nlu_data():
    labelled = {norm(t): intent == EMERGENCY_CONCERN for intent, texts in DATA.values() for t in texts}
    contradicting = [t for t, d in EXAMPLES if labelled.get(norm(t), d) != d]
    assert contradicting == []


def _write(tmp_path, text):
    (tmp_path / "mine.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_file_is_read_as_emergencies_then_near_misses(tmp_path):
    folder = _write(tmp_path, "version: 1\nin_danger:\n  - she has gone to meet him now\n"
                              "not_in_danger:\n  - she met him last year, it was fine\n")
    assert danger_examples.load(folder) == [("she has gone to meet him now", True),
                                            ("she met him last year, it was fine", False)]


def test_a_misspelt_field_is_refused_naming_the_file(tmp_path):
    folder = _write(tmp_path, "version: 1\nin_dangr:\n  - she has gone to meet him now\n")
    with pytest.raises(ContentError, match="mine.yml: in_dangr"):
        danger_examples.load(folder)


def test_an_empty_example_is_refused(tmp_path):
    with pytest.raises(ContentError, match="mine.yml: in_danger"):
        danger_examples.load(_write(tmp_path, "version: 1\nin_danger:\n  - ' '\n"))


def test_an_example_given_twice_is_refused(tmp_path):
    folder = _write(tmp_path, "version: 1\nin_danger:\n  - He is outside now!\n"
                              "not_in_danger:\n  - he is  outside NOW\n")
    with pytest.raises(ContentError, match="given twice"):
        danger_examples.load(folder)


def test_a_file_that_is_not_yaml_is_refused_naming_it(tmp_path):
    with pytest.raises(ContentError, match="mine.yml: cannot read"):
        danger_examples.load(_write(tmp_path, "version: 1\nin_danger:\n  - 'unclosed\n"))


def test_a_file_without_version_1_is_refused(tmp_path):
    with pytest.raises(ContentError, match="version: 1"):
        danger_examples.load(_write(tmp_path, "version: 7\nin_danger:\n  - she has gone to meet him now\n"))


def test_yaml_files_are_read_whichever_ending(tmp_path):
    (tmp_path / "other.yaml").write_text("version: 1\nnot_in_danger:\n  - it was last year\n")
    assert danger_examples.load(tmp_path) == [("it was last year", False)]


def test_no_folder_is_no_examples(tmp_path):
    assert danger_examples.load(tmp_path / "absent") == []
