"""Training data: one file per intent (the project's own in data/nlu/, each independent
writer's in data/nlu/writers/<writer>/), checked like a schema; enough examples per concern,
as long as parents write; no example in two intents; no evaluation set used for training."""
import collections
import functools
import statistics
import re
from pathlib import Path

import pytest
import yaml

from bot import danger_examples
from bot.routing import routing

ROOT = Path(__file__).resolve().parent.parent
NLU = ROOT / "data" / "nlu"
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
MIN_CONCERN_EXAMPLES = 200
MIN_EXAMPLES = 8000
MIN_MEDIAN_WORDS = 22  # parents' messages: median 27 words, one in ten past 57
MIN_SHARE_OVER_40_WORDS = 0.2
EVAL = ROOT / "tests" / "eval"


def examples(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"version", "nlu"} and len(data["nlu"]) == 1, f"{path.name}: one intent per file"
    block = data["nlu"][0]
    assert set(block) == {"intent", "examples"}, f"{path.name}: only intent and examples"
    lines = [l for l in block["examples"].splitlines() if l.strip()]
    assert all(l.startswith("- ") for l in lines), f"{path.name}: every example is a '- ' line"
    return block["intent"], [l[2:].strip() for l in lines]


FILES = sorted(NLU.rglob("*.yml"))
BY_FILE = {p: examples(p) for p in FILES}
DATA = {}  # intent -> (intent, every example of it)
for _intent, _texts in BY_FILE.values():
    DATA.setdefault(_intent, (_intent, []))[1].extend(_texts)
ALL = [t for _, texts in DATA.values() for t in texts]
# everything any model trains on: the NLU examples, the danger-now model's own and the
# self-harm reading's own
TRAINED = (ALL + [t for t, _ in danger_examples.load()]
           + [t for t, _ in danger_examples.load(danger_examples.SELF_HARM_FOLDER)])


def norm(text):
    return re.sub(r"[\W_]+", " ", text.lower()).strip() or text.strip()  # any script's letters


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_is_named_after_its_intent_and_clean(path):
    intent, texts = BY_FILE[path]
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


def test_enough_examples_in_all():
    assert len(ALL) >= MIN_EXAMPLES


def test_examples_are_as_long_as_parents_write():
    words = [len(t.split()) for t in ALL]
    assert statistics.median(words) >= MIN_MEDIAN_WORDS
    assert sum(w > 40 for w in words) / len(words) >= MIN_SHARE_OVER_40_WORDS


def test_no_example_belongs_to_two_intents():
    owner = {}
    clashes = []
    for intent, texts in DATA.values():
        for t in texts:
            if norm(t) in owner and owner[norm(t)] != intent:
                clashes.append((t, owner[norm(t)], intent))
            owner[norm(t)] = intent
    assert not clashes


def eval_texts(path):
    """Every message of an evaluation file: single cases, or the parent's turns of conversations."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):  # multi-turn: {conversations: [{turns: [{parent: ...}]}]}
        return [t["parent"] for c in data["conversations"] for t in c["turns"] if "parent" in t]
    assert len({c["id"] for c in data}) == len(data), "duplicate ids"
    return [c["text"] for c in data]


EVAL_FILES = sorted(EVAL.glob("*.yaml"))
MIN_CASES = 40  # a set smaller than this has lost messages...
# ...unless the public pages ran dry while gathering it (real18: 47 found, 8 dropped by its label check)
SMALL_SETS = {"real_parent_cases_12.yaml": 20, "real_parent_cases_13.yaml": 30, "real_parent_cases_14.yaml": 13,
              "real_parent_cases_15.yaml": 32, "real_parent_cases_17.yaml": 29, "real_parent_cases_18.yaml": 39,
              "real_parent_cases_21.yaml": 32, "real_parent_cases_24.yaml": 18, "real_parent_cases_26.yaml": 24,
              "real_parent_cases_27.yaml": 23, "real_parent_cases_28.yaml": 34,
              "real_parent_cases_29.yaml": 25, "real_parent_cases_30.yaml": 8, "real_parent_cases_31.yaml": 5,
              "real_parent_cases_32.yaml": 5,
              "real_parent_cases_33.yaml": 4, "real_parent_cases_34.yaml": 28,
              "real_parent_cases_35.yaml": 5, "real_parent_cases_36.yaml": 11,
              "real_parent_cases_37.yaml": 11, "real_parent_cases_38.yaml": 5,
              "real_parent_cases_39.yaml": 4, "real_parent_cases_40.yaml": 4,
              "real_parent_cases_41.yaml": 7, "real_parent_cases_42.yaml": 8,
              "real_parent_cases_43.yaml": 31, "real_parent_cases_44.yaml": 5,
              "real_parent_cases_45.yaml": 25,
              "real_parent_cases_46.yaml": 18, "real_parent_cases_47.yaml": 2, "real_parent_cases_48.yaml": 14}


def test_every_evaluation_set_is_there():
    # every set `make eval` reports is here (so the overlap check below covers it), and every
    # set here is reported: the registry in tools/evaluate.py is the one list of them
    from tools.evaluate import CONVERSATIONS, SETS
    registered = {Path(p).resolve() for p in [*SETS.values(), *CONVERSATIONS.values()]}
    here = {p.resolve() for p in EVAL_FILES}
    # (the harness's sample set lives beside the project, in ../shared, and may be absent)
    assert {p for p in registered if p.parent == EVAL.resolve()} == here


@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.name)
def test_evaluation_messages_are_not_training_data(path):
    # counts only: a failure must not show evaluation messages to whoever is writing data
    texts = eval_texts(path)
    assert len(texts) >= SMALL_SETS.get(path.name, MIN_CASES)
    trained = {norm(t) for t in TRAINED}
    # stock phrases ("ok bye", "how do i block him") are written alike by anyone: only
    # messages of STOCK_PHRASE_WORDS words or more count as copies
    leaked = sum(norm(t) in trained for t in texts if len(norm(t).split()) >= STOCK_PHRASE_WORDS)
    assert leaked == 0, f"{leaked} evaluation messages are training examples"
    # nor copied with small edits: most of its word runs found in one training example (stock
    # phrases aside, as above: "what do i do first" is anyone's)
    copied = sum(near_copy(t) for t in texts if len(norm(t).split()) >= STOCK_PHRASE_WORDS)
    assert copied == 0, f"{copied} evaluation messages are near-copies of a training example"


RUN = 5  # words
NEAR_COPY_SHARE = 0.5  # of an evaluation message's word runs, found in a single training example
# ...and at least this many of them (seven words or more in common): a six-word message is
# only checked for an exact copy, since a stock phrase of six words ("i dont want to tell mum")
# is in a dozen teenagers' examples
NEAR_COPY_RUNS = 3


def runs(text):
    words = norm(text).split()
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


@functools.lru_cache(maxsize=1)
def run_index():
    index = collections.defaultdict(set)
    for number, text in enumerate(TRAINED):
        for run in runs(text):
            index[run].add(number)
    return index


# sayings and pleas many writers word alike, whole: a short message built round one is not a copy
# of the example that has it too (multi27's "he says age is just a number and people are jealous",
# multi28's "i want to report him but without my name", multi29's "...is there a way to get it
# removed?", multi30's "and would she find out it was me who reported", multi31's "should I go
# round and have it out with him", multi32's "should she have her phone in her room at night after
# this?", multi50's "How do we get it taken down off that site?" and "i dont want him to get in
# trouble though", multi57's "How do I talk to him about it without him shutting down?")
SAYINGS = ("age is just a number", "report him but without my name", "is there a way to get it removed",
           "find out it was me", "go round and have it out with", "have her phone in her room at night",
           "rather be dead than have anyone see it", "how do we get it out of the group",
           "is there any way to get them", "report him without giving my name",
           "i don t want my name on it", "someone she can talk to", "take her phone off her tonight",
           "have to go to court", "or straight to the police", "take the phone off her at night",
           "have to give a statement", "how do we get it taken down", "want him to get in trouble",
           "get in trouble with the police for sending", "how often should i check her phone",
           "is fortnite ok for a 7 year old", "how do i talk to him about it without him")


def near_copy(text):
    """Independent writers share stock phrases ("I don't know if this is the right place");
    a copy shares most of the message with one example."""
    words = norm(text)
    for saying in SAYINGS:
        words = re.sub(rf"\b{saying}\b", " zzsayingzz ", words)
    mine = {r for r in runs(words) if "zzsayingzz" not in r}
    if not mine:
        return False
    shared = collections.Counter(n for run in mine for n in run_index().get(run, ()))
    most = max(shared.values(), default=0)
    return most >= NEAR_COPY_RUNS and most / len(mine) >= NEAR_COPY_SHARE


STOCK_PHRASE_WORDS = 6


def test_button_payloads_are_training_examples_of_their_intent():
    from bot.guidance import guidance

    owner = {norm(t): intent for intent, texts in DATA.values() for t in texts}
    for key, button in guidance().buttons.items():
        assert norm(button.payload) in owner, f"button {key}: payload is not a training example"

