"""rasa_ext.speedups: the action-reply check built once accepts and rejects exactly what
Rasa's own per-call jsonschema.validate() does."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from rasa_ext import speedups

SCHEMA = RemoteAction.action_response_format_spec()
GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "conversation_concern", "value": "gaming"}],
     "responses": [{"text": "On Roblox: ..."}]},
    {},
]
BAD = [
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": ["not an object"]},
    {"events": [{"event": "slot"}]},
]


@pytest.mark.parametrize("result", GOOD)
def test_valid_replies_pass_both_ways(result):
    jsonschema.validate(result, SCHEMA)
    assert speedups._validate_action_result(None, result) is True


@pytest.mark.parametrize("result", BAD)
def test_invalid_replies_fail_both_ways_with_rasa_s_message(result):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(result, SCHEMA)
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
        speedups._validate_action_result(None, result)


def test_the_channels_module_applies_it():
    import rasa_ext.channels  # noqa: F401  (loaded by `rasa run` through credentials.yml)

    assert RemoteAction._validate_action_result is speedups._validate_action_result


def test_the_spacy_pipeline_is_loaded_once_for_both_of_rasa_s_nodes():
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    from apps.paths import ROOT
    import rasa_ext.channels  # noqa: F401  (applies it, as `rasa run` does)

    name = str(ROOT / "build" / "spacy_en_tyg")
    first, second = SpacyNLP.load_model(name), SpacyNLP.load_model(name)
    assert first is second and first.model_name == name
    assert first.model("my son is 12").text == "my son is 12"
