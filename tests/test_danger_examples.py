"""bot/danger_examples.py: the danger-now model's own examples (data/danger_now/) and the
self-harm reading's (data/self_harm_now/), checked like a schema: both kinds present, clean,
none given twice, none contradicting the NLU data or each other."""
import pytest

from bot import danger_examples
from bot.content_files import ContentError
from bot.routing import EMERGENCY_CONCERN
from tests.test_nlu_data import DATA, norm

FOLDERS = {"danger_now": danger_examples.FOLDER, "self_harm_now": danger_examples.SELF_HARM_FOLDER}
EXAMPLES = {name: danger_examples.load(folder) for name, folder in FOLDERS.items()}
MIN_EACH = 80  # of emergencies and of near-misses


@pytest.mark.parametrize("name", FOLDERS)
def test_the_projects_examples_have_both_kinds(name):
    in_danger = sum(d for _, d in EXAMPLES[name])
    assert in_danger >= MIN_EACH and len(EXAMPLES[name]) - in_danger >= MIN_EACH


@pytest.mark.parametrize("text, in_danger", [e for examples in EXAMPLES.values() for e in examples],
                         ids=lambda x: "" if isinstance(x, bool) else x[:40])
def test_each_example_is_one_clean_line(text, in_danger):
    assert "\n" not in text and not set(text) & set("[]{}") and not text.startswith("/")


@pytest.mark.parametrize("name", FOLDERS)
def test_no_example_contradicts_the_nlu_data(name):
    labelled = {norm(t): intent == EMERGENCY_CONCERN for intent, texts in DATA.values() for t in texts}
    contradicting = [t for t, d in EXAMPLES[name] if labelled.get(norm(t), d) != d]
    assert contradicting == []


def test_the_two_folders_never_give_the_same_example():
    danger = {norm(t) for t, _ in EXAMPLES["danger_now"]}
    assert [t for t, _ in EXAMPLES["self_harm_now"] if norm(t) in danger] == []


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


def test_the_training_set_is_the_nlu_examples_then_the_folders_each_with_its_weight(tmp_path):
    folder = _write(tmp_path, "version: 1\nin_danger:\n  - she has gone to meet him now\n"
                              "not_in_danger:\n  - she met him last year, it was fine\n")
    texts, labels, weights = danger_examples.training_set(["hello", "he is outside now"], [False, True], folder)
    assert texts == ["hello", "he is outside now", "she has gone to meet him now", "she met him last year, it was fine"]
    assert labels == [False, True, True, False]
    assert weights == [1.0, 1.0, 1.0, danger_examples.NEAR_MISS_WEIGHT]


def test_the_self_harm_reading_learns_its_own_emergencies_against_everyday_messages(tmp_path):
    # other emergencies are neither kind for it; the danger-now model's near-misses are everyday
    (tmp_path / "own").mkdir(), (tmp_path / "near").mkdir()
    own = _write(tmp_path / "own", "version: 1\nin_danger:\n  - she says she won't be here tomorrow\n"
                                   "not_in_danger:\n  - he won't be here tomorrow, he's at his dad's\n")
    near = _write(tmp_path / "near", "version: 1\nin_danger:\n  - a man is at the door now\n"
                                     "not_in_danger:\n  - a man came to the door last week\n")
    texts, labels, weights = danger_examples.self_harm_training_set(
        ["hello", "he is outside now"], [False, True], own, near)
    assert texts == ["hello", "a man came to the door last week", "she says she won't be here tomorrow",
                     "he won't be here tomorrow, he's at his dad's"]
    assert labels == [False, False, True, False]
    assert weights == [1.0, 1.0, 1.0, danger_examples.NEAR_MISS_WEIGHT]


def test_a_training_set_with_a_label_missing_is_refused(tmp_path):
    with pytest.raises(ValueError, match="2 texts but 1 labels"):
        danger_examples.training_set(["hello", "he is outside now"], [True], tmp_path)
    with pytest.raises(ValueError, match="2 texts but 1 labels"):
        danger_examples.self_harm_training_set(["hello", "he is outside now"], [True], tmp_path, tmp_path)


def test_the_rasa_component_trains_on_the_folders_examples_too(tmp_path):
    # a word only the folder's emergencies use is learnt as a sign of danger by the component
    from rasa.shared.nlu.training_data.message import Message
    from rasa_ext.danger_now import DangerNowClassifier

    folder = _write(tmp_path, "version: 1\nin_danger:\n" + "".join(
        f"  - zorbling at the {place} right now\n" for place in ("park", "station", "gate", "shop")))
    nlu = [Message(data={"text": t, "intent": i}) for t, i in [
        ("a man is outside the house now", EMERGENCY_CONCERN), ("she has gone to meet him tonight", EMERGENCY_CONCERN),
        ("how do I set up parental controls", "parental_controls"), ("what is grooming", "what_is_grooming"),
        ("she hides her phone when I come in", "signs_secrecy"), ("a boy at school called him names", "bullying")]]

    def fitted(reads):
        component = type("Component", (DangerNowClassifier,), {"reads": (reads, tmp_path / "absent")})
        return component({"random_seed": 2026}, None, None).fit(nlu)

    assert fitted(folder).score("zorbling") > 0.5 > fitted(tmp_path / "absent").score("zorbling")


def test_the_component_trains_the_self_harm_reading_on_its_own_folder(tmp_path):
    # what the reading's emergencies say is learnt by the reading, not by the danger-now model
    # (whose features it reads: "zorbling" is in everyday examples too); with no examples of its
    # own there is no reading
    from rasa.shared.nlu.training_data.message import Message
    from rasa_ext.danger_now import DangerNowClassifier

    folder = _write(tmp_path, "version: 1\nin_danger:\n" + "".join(
        f"  - she keeps saying the word zorbling {when}\n" for when in ("tonight", "today", "now", "again")))
    nlu = [Message(data={"text": t, "intent": i}) for t, i in [
        ("how do I set up parental controls", "parental_controls"), ("what is grooming", "what_is_grooming"),
        ("she hides her phone when I come in", "signs_secrecy"), ("a man is outside now", EMERGENCY_CONCERN),
        ("she has gone to meet him tonight", EMERGENCY_CONCERN), ("a boy called him names", "bullying"),
        ("zorbling is a word she made up", "out_of_scope"), ("we played zorbling at school", "gaming")]]

    def fitted(own):
        component = type("Component", (DangerNowClassifier,), {"reads": (tmp_path / "absent", own)})
        return component({"random_seed": 2026}, None, None).fit(nlu)

    danger, reading = fitted(folder).scores("she keeps saying the word zorbling again")
    assert reading > 0.5 > danger
    assert fitted(tmp_path / "absent").self_harm is None


def test_a_missing_model_or_reading_leaves_its_score_unset_not_zero(tmp_path):
    # a score of 0 would let the router doubt the safety net's patterns (routing.yaml
    # possible_danger); no score means the patterns decide alone
    from rasa.shared.nlu.training_data.message import Message
    from rasa_ext.danger_now import DANGER_KEY, PEAK_KEY, SELF_HARM_KEY, DangerNowClassifier

    nlu = [Message(data={"text": t, "intent": i}) for t, i in [
        ("a man is outside the house now", EMERGENCY_CONCERN), ("she has gone to meet him tonight", EMERGENCY_CONCERN),
        ("how do I set up parental controls", "parental_controls"), ("what is grooming", "what_is_grooming")]]
    component = type("Component", (DangerNowClassifier,), {"reads": (tmp_path / "absent", tmp_path / "absent")})
    no_reading = component({"random_seed": 2026}, None, None).fit(nlu)
    for model, expected in ((None, (None, None, None)), (no_reading, (True, None, None))):
        message = Message(data={"text": "she has gone to meet him"})
        component({"random_seed": 2026}, None, None).apply(model, message)
        danger, self_harm, peak = message.get(DANGER_KEY), message.get(SELF_HARM_KEY), message.get(PEAK_KEY)
        assert (danger if danger is None else True, self_harm, peak) == expected
