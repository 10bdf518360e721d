import pytest

from bot.entities import lexicon
from apps.paths import SPACY_MODEL
from tools.build.spacy_pipeline import build


@pytest.fixture(scope="module")
def nlp():
    import spacy

    build(SPACY_MODEL)
    return spacy.load(SPACY_MODEL)


def ents(nlp, text):
    return {(e.label_, e.text.lower()) for e in nlp(text).ents}


@pytest.mark.parametrize("text, expected", [
    ("my 13yo is always on snap", {("AGE", "13yo"), ("PLATFORM", "snap")}),
    ("our Jess is in year 8 and on insta", {("CHILD", "our jess"), ("AGE", "year 8"), ("PLATFORM", "insta")}),
    ("my lad plays fortnight and roblox", {("CHILD", "lad"), ("PLATFORM", "fortnight"), ("PLATFORM", "roblox")}),
    ("my stepdaughter is thirteen", {("CHILD", "stepdaughter"), ("AGE", "is thirteen")}),
    ("she's 12 and uses TikTok", {("AGE", "'s 12"), ("PLATFORM", "tiktok")}),
    ("a 14 year old on whats app", {("AGE", "14 year old"), ("PLATFORM", "whats app")}),
])
def test_entities(nlp, text, expected):
    assert expected <= ents(nlp, text)


@pytest.mark.parametrize("text, app", [
    ("he met her on vrchat", "vrchat"), ("she plays star stable every night", "star stable"),
    ("a man on among us", "on among us"), ("he's always on his nintendo switch", "nintendo switch"),
    ("she sells her clothes on vinted", "vinted"), ("someone on the ngl app", "ngl app"),
    ("how do i block him in rec room", "in rec room"), ("how do i make her account private on wink", "on wink"),
])
def test_more_apps_children_use_are_recognised(nlp, text, app):
    assert ("PLATFORM", app) in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "we chat most evenings about school", "no signal at the caravan", "the door hinge is broken",
    "she needs more face time with her friends", "ngl I am worried", "flick the switch off at night",
    "the house is a tinder box", "her teacher went beyond the call of duty", "the youth club has a rec room",
    "I wrote to my MSP about phones", "among us parents it is a worry", "her switch to secondary school",
    "he lets off steam at boxing", "there are plenty of fish in the sea", "her usual hangouts are the park",
    "it's a warzone in our house since she got the phone", "is there a predator among us",
    "turn the wifi off on the switch", "since the switch online in lockdown", "the bumble bees in the garden",
    "his friend Azar came round", "she is learning about amino acids", "he gave her a wink at the school gate",
])
def test_everyday_words_are_not_taken_for_apps(nlp, text):
    assert not {e for e in ents(nlp, text) if e[0] == "PLATFORM"}


def test_lemmas_come_from_the_lookup_tables(nlp):
    assert [t.lemma_ for t in nlp("she went meeting")] == ["she", "go", "meet"]


@pytest.mark.parametrize("text, age", [
    ("13", 13), ("13yo", 13), ("thirteen", 13), ("year 8", 12), ("is 14", 14), ("'s twelve", 12),
    ("14 year old", 14), ("banana", None),
])
def test_age_normalisation(text, age):
    assert lexicon().age_from(text) == age


def test_platform_lookup():
    assert lexicon().platform_for("Snap").key == "snapchat"
    assert lexicon().platform_for("fortnight").display == "Fortnite"
    assert lexicon().platform_for("myspace") is None


@pytest.mark.parametrize("text, age_text, claimed", [
    ("she's 13 and he says he's 17", "'s 17", True),
    ("he told her he was a 15 year old", "15 year old", True),
    ("his profile says 16 but he looks older", "16", True),
    ("my son is 12 and plays roblox", "is 12", False),
    ("she's 14 and someone keeps messaging her", "'s 14", False),
])
def test_a_contacts_claimed_age_is_not_the_childs(text, age_text, claimed):
    assert lexicon().is_claimed_age(text, text.rfind(age_text)) is claimed
