"""Training data: one file per intent, checked like a schema; enough varied examples per
concern; no example in two intents; the held-out evaluation set never used for training."""
import re
from pathlib import Path

import pytest
import yaml

from bot.routing import routing

ROOT = Path(__file__).resolve().parent.parent
NLU = ROOT / "data" / "nlu"
DOMAIN = yaml.safe_load((ROOT / "domain" / "core.yml").read_text())
MIN_CONCERN_EXAMPLES = 40


def examples(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"version", "nlu"} and len(data["nlu"]) == 1, f"{path.name}: one intent per file"
    block = data["nlu"][0]
    assert set(block) == {"intent", "examples"}, f"{path.name}: only intent and examples"
    lines = [l for l in block["examples"].splitlines() if l.strip()]
    assert all(l.startswith("- ") for l in lines), f"{path.name}: every example is a '- ' line"
    return block["intent"], [l[2:].strip() for l in lines]


FILES = sorted(NLU.glob("*.yml"))
DATA = {p.stem: examples(p) for p in FILES}


def norm(text):
    return re.sub(r"[\W_]+", " ", text.lower()).strip() or text.strip()  # any script's letters


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_is_named_after_its_intent_and_clean(path):
    intent, texts = DATA[path.stem]
    assert intent == path.stem
    assert len(texts) == len(set(texts)), "duplicate examples"
    for t in texts:
        assert t and not t.startswith(("/", "-", "#")), t
        assert not re.search(r"\[|\]\(|\{", t), f"annotation or braces in: {t}"


def test_every_domain_intent_has_data_and_every_file_an_intent():
    assert set(DATA) == set(DOMAIN["intents"])


@pytest.mark.parametrize("concern", sorted(routing().concerns))
def test_each_concern_has_enough_examples(concern):
    assert len(DATA[concern][1]) >= MIN_CONCERN_EXAMPLES


def test_no_example_belongs_to_two_intents():
    owner = {}
    clashes = []
    for intent, texts in DATA.values():
        for t in texts:
            if norm(t) in owner and owner[norm(t)] != intent:
                clashes.append((t, owner[norm(t)], intent))
            owner[norm(t)] = intent
    assert not clashes


@pytest.mark.parametrize("name", ["heldout_cases.yaml", "dev_cases.yaml", "blind_cases.yaml"])
def test_evaluation_cases_are_not_training_data(name):
    trained = {norm(t) for _, texts in DATA.values() for t in texts}
    cases = yaml.safe_load((ROOT / "tests" / "eval" / name).read_text())
    assert len(cases) >= 100 and len({c["id"] for c in cases}) == len(cases)
    leaked = [c["id"] for c in cases if norm(c["text"]) in trained]
    assert not leaked


def test_button_payloads_are_training_examples_of_their_intent():
    from bot.guidance import guidance

    owner = {norm(t): intent for intent, texts in DATA.values() for t in texts}
    for key, button in guidance().buttons.items():
        assert norm(button.payload) in owner, f"button {key}: payload is not a training example"
