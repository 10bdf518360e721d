"""bot/content_schema.py: every content file has a declared shape; an unknown or mistyped
field anywhere is refused on load, with a message naming the file and the field."""
import re

import pytest
import yaml

from bot import content_schema as schema
from bot.audience import _patterns
from bot.catalogue import load_catalogue
from bot.channel_notes import load_notes
from bot.content_files import CONTENT_DIR, ContentError, load
from bot.entities import load_lexicon
from bot.flow_scripts import SCRIPTS_DIR, load_script
from bot.guidance import load_guidance
from bot.language import load_languages
from bot.privacy import load_notice
from bot.redaction import load_rules
from bot.routing import load_routing
from bot.safety_net import load_safety_net
from bot.topics import load_topics
from bot.widget_config import load_widget_config
from tests.conftest import edited_content

# each content file: its model and the loader that reads it from a content folder
FILES = {
    "helplines.yaml": (schema.HelplinesFile, load_catalogue),
    "routing.yaml": (schema.RoutingFile, load_routing),
    "guidance.yaml": (schema.GuidanceFile, load_guidance),
    "safety_net.yaml": (schema.SafetyNetFile, load_safety_net),
    "platforms.yaml": (schema.PlatformsFile, load_lexicon),
    "entities.yaml": (schema.EntitiesFile, load_lexicon),
    "audience.yaml": (schema.AudienceFile, lambda d: _patterns("child_typing", d)),
    "redaction.yaml": (schema.RedactionFile, load_rules),
    "languages.yaml": (schema.LanguagesFile, load_languages),
    "channel_notes.yaml": (schema.ChannelNotesFile, load_notes),
    "privacy.yaml": (schema.PrivacyFile, lambda d: load_notice(d, retention_days=30)),
    "widget.yaml": (schema.WidgetFile, load_widget_config),
    "topics.yaml": (schema.TopicsFile, load_topics),
}


def rejected(tmp_path, name, edit, message):
    """Loading the content with one file edited fails with the message."""
    with pytest.raises(ContentError, match=message):
        FILES[name][1](edited_content(tmp_path, name, edit))


def test_every_content_file_has_a_model():
    assert set(FILES) == {p.name for p in CONTENT_DIR.glob("*.yaml")}


@pytest.mark.parametrize("name", FILES)
def test_every_real_content_file_validates(name):
    model, _ = FILES[name]
    assert isinstance(schema.validate(model, load(name), name), model)


@pytest.mark.parametrize("path", sorted(SCRIPTS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_real_flow_script_validates(path):
    schema.validate(schema.FlowScript, yaml.safe_load(path.read_text()), path.name)


@pytest.mark.parametrize("name", FILES)
def test_an_unknown_top_level_field_is_refused(tmp_path, name):
    rejected(tmp_path, name, lambda d: d.update(colour="red"), f"^{re.escape(name)}: colour: unknown field")


def _set(path, value):
    """An edit setting the value at a path of keys and list positions."""
    def edit(data):
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return edit


# (file, where in it, what the message names); entities, audience and channel_notes have no
# nested fields of their own (only free keys and lists)
NESTED = [
    ("helplines.yaml", ["helplines", "NSPCC"], "helplines.NSPCC.colour"),
    ("helplines.yaml", ["retired", 0], "retired[1].colour"),
    ("routing.yaml", ["concerns", "gaming"], "concerns.gaming.colour"),
    ("routing.yaml", ["small_talk"], "small_talk.colour"),
    ("routing.yaml", ["danger_model"], "danger_model.colour"),
    ("routing.yaml", ["self_harm_model"], "self_harm_model.colour"),
    ("routing.yaml", ["possible_danger"], "possible_danger.colour"),
    ("routing.yaml", ["redirects", "older_contact"], "redirects.older_contact.colour"),
    ("guidance.yaml", ["buttons", "talk"], "buttons.talk.colour"),
    ("guidance.yaml", ["concerns", "gaming"], "concerns.gaming.colour"),
    ("guidance.yaml", ["followups", "followup_anonymity", "in_context", "own_thoughts"],
     "followups.followup_anonymity.in_context.own_thoughts.colour"),
    ("guidance.yaml", ["conversation", "deny", "answering", "ask_platform"],
     "conversation.deny.answering.ask_platform.colour"),
    ("guidance.yaml", ["extras", "teen_childline"], "extras.teen_childline.colour"),
    ("safety_net.yaml", ["triggers", 0], "triggers[1].colour"),
    ("platforms.yaml", ["platforms", "tiktok"], "platforms.tiktok.colour"),
    ("redaction.yaml", ["rules", 0], "rules[1].colour"),
    ("languages.yaml", ["languages", "welsh"], "languages.welsh.colour"),
    ("languages.yaml", ["scripts", 0], "scripts[1].colour"),
    ("privacy.yaml", ["sections", 0], "sections[1].colour"),
    ("widget.yaml", ["exit"], "exit.colour"),
    ("widget.yaml", ["schools"], "schools.colour"),
    ("topics.yaml", ["topics", "gaming"], "topics.gaming.colour"),
]


@pytest.mark.parametrize("name, path, named", NESTED, ids=lambda v: v if isinstance(v, str) else "")
def test_an_unknown_nested_field_is_refused(tmp_path, name, path, named):
    rejected(tmp_path, name, _set(path + ["colour"], "red"), f"^{re.escape(name)}: {re.escape(named)}: unknown field")


WRONG_TYPES = [
    ("helplines.yaml", ["helplines", "NSPCC", "anonymous"], "yes", "must be true or false"),
    ("helplines.yaml", ["helplines", "NSPCC", "last_checked"], "last week", "must be a date"),
    ("routing.yaml", ["concerns", "gaming", "severity"], "high", "must be a whole number"),
    ("routing.yaml", ["secondary_confidence"], "half", "must be a number"),
    ("guidance.yaml", ["concerns", "gaming", "bubbles"], "Just one text", "must be a list"),
    ("safety_net.yaml", ["concepts"], ["soon"], "must be a mapping"),
    ("platforms.yaml", ["platforms", "tiktok", "min_age"], "thirteen", "must be a whole number"),
    ("entities.yaml", ["school_year_offset"], "four", "must be a whole number"),
    ("audience.yaml", ["child_typing"], "i'm 12", "must be a list"),
    ("redaction.yaml", ["rules", 0, "case_sensitive"], "yes", "must be true or false"),
    ("redaction.yaml", ["rules", 0, "keep"], "app_names", "must be platform_names"),
    ("languages.yaml", ["english_words"], "the", "must be a list"),
    ("channel_notes.yaml", ["empty"], ["Say something"], "must be text"),
    ("privacy.yaml", ["title"], ["Privacy"], "must be text"),
    ("privacy.yaml", ["sections", 0, "heading"], "   ", "must not be empty"),
    ("widget.yaml", ["no_answer_seconds"], "five", "must be a number"),
    ("topics.yaml", ["topics", "gaming", "label"], 5, "must be text"),
]


@pytest.mark.parametrize("name, path, value, message", WRONG_TYPES,
                         ids=lambda v: v if isinstance(v, str) and v.endswith(".yaml") else "")
def test_a_wrong_type_is_refused(tmp_path, name, path, value, message):
    where = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    rejected(tmp_path, name, _set(path, value), f"^{re.escape(name)}: {re.escape(where)}: {re.escape(message)}")


@pytest.mark.parametrize("text, message", [
    ("name: x\ncolour: red\nturns: [{parent: hi}]", "colour: unknown field"),
    ("name: x\nturns: [{parent: hi, colour: red}]", r"turns\[1\]\.colour: unknown field"),
    ("name: x\nturns: hi", "turns: must be a list"),
    ("name: x\nturns: [{parent: [hi]}]", r"turns\[1\]\.parent: must be text"),
])
def test_bad_flow_scripts_are_refused(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ContentError, match=f"bad.yaml: {message}"):
        load_script(path)


def test_the_message_names_the_file_and_every_wrong_field():
    data = load("guidance.yaml")
    del data["concerns"]["gifts_money"]["bubbles"]
    data["concerns"]["gaming"]["bubles"] = ["Hello"]
    with pytest.raises(ContentError) as err:
        schema.validate(schema.GuidanceFile, data, "guidance.yaml")
    assert str(err.value).splitlines() == [
        "guidance.yaml: concerns.gifts_money.bubbles: field required",
        "guidance.yaml: concerns.gaming.bubles: unknown field (is it misspelt?)",
    ]


def test_a_blank_field_counts_as_left_out():
    data = load("helplines.yaml")
    data["helplines"]["NSPCC"].update(notes=None, name=None)
    with pytest.raises(ContentError, match=r"^helplines.yaml: helplines.NSPCC.name: field required$"):
        schema.validate(schema.HelplinesFile, data, "helplines.yaml")
    data["helplines"]["NSPCC"]["name"] = "NSPCC Helpline"
    assert schema.validate(schema.HelplinesFile, data, "helplines.yaml").helplines["NSPCC"].notes is None


def test_a_file_that_is_not_a_mapping_is_refused():
    with pytest.raises(ContentError, match="^topics.yaml: must be a mapping"):
        schema.validate(schema.TopicsFile, ["gaming"], "topics.yaml")


def test_a_safety_net_fragment_must_be_named_before_use(tmp_path):
    def use(fragments, pattern):
        def edit(data):
            data["fragments"] = {**data.get("fragments", {}), **fragments}
            data["concepts"]["soon"].append(pattern)
        return edit
    rejected(tmp_path, "safety_net.yaml", use({}, "\\b{nowhere}\\b"), "concept 'soon': no fragment named 'nowhere'")
    net = load_safety_net(edited_content(tmp_path, "safety_net.yaml", use({"not_late": "(?<!not )"}, "\\b{not_late}at noon\\b")))
    assert net.concepts["soon"].search("back at noon") and not net.concepts["soon"].search("not at noon")


def test_a_safety_net_trigger_silenced_nearby_needs_concepts_that_meet_and_known_ones(tmp_path):
    def trigger(**spec):
        def edit(data):
            data["triggers"].append({"name": "test trigger", **spec})
        return edit
    rejected(tmp_path, "safety_net.yaml", trigger(any=["gone"], none_nearby=["other_day"]),
             "trigger 'test trigger': 'none_nearby' needs 'all' concepts")
    rejected(tmp_path, "safety_net.yaml", trigger(any=["gone"], none_alongside=["habitual"]),
             "trigger 'test trigger': 'none_alongside' needs 'all' concepts")
    rejected(tmp_path, "safety_net.yaml", trigger(any=["gone"], one_sentence=True),
             "trigger 'test trigger': 'one_sentence' needs 'all' concepts")
    rejected(tmp_path, "safety_net.yaml", trigger(all=["meet", "soon"], none_alongside=["no_such_habit"]),
             r"trigger 'test trigger' uses unknown concepts \['no_such_habit'\]")
    rejected(tmp_path, "safety_net.yaml", trigger(all=["meet", "clock_time"], none_nearby=["no_such_day"]),
             r"trigger 'test trigger' uses unknown concepts \['no_such_day'\]")
