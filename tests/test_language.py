from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content_files import ContentError
from bot.language import detect_language, load_languages
from tests.conftest import edited_content

ROOT = Path(__file__).resolve().parent.parent
OTHER_LANGUAGE_EXAMPLES = {  # written for this test, not taken from the training data
    "Welsh": "Dw i'n poeni bod dyn yn anfon negeseuon at fy mab ar y gêm",
    "Polish": "Moja córka pisze z kimś w internecie i bardzo się martwię",
    "Romanian": "Sunt foarte îngrijorată, cineva îi trimite mesaje fiului meu",
    "Urdu or Punjabi (Shahmukhi)": "کوئی آدمی میرے بیٹے کو پیغام بھیج رہا ہے",
    "Punjabi (Gurmukhi)": "ਕੋਈ ਆਦਮੀ ਮੇਰੀ ਧੀ ਨੂੰ ਸੁਨੇਹੇ ਭੇਜ ਰਿਹਾ ਹੈ",
}


@pytest.mark.parametrize("language, text", OTHER_LANGUAGE_EXAMPLES.items())
def test_other_languages_are_recognised(language, text):
    assert detect_language(text) == language


def _english_training_examples():
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text()).get("nlu") or []:
            if block.get("intent"):
                for line in block["examples"].splitlines():
                    yield line.lstrip("- ").strip()


def test_no_english_training_example_is_taken_for_another_language():
    wrong = [t for t in _english_training_examples() if detect_language(t)]
    assert wrong == []


@pytest.mark.parametrize("text", [
    "my son ابني is talking to a man on roblox",  # mixed scripts, mostly English
    "a man on Roblox keeps sending him Robux",
    "diolch",  # one word is not enough to decide
    "my lad jest keeps on his fone",
])
def test_english_and_mixed_messages_stay_english(text):
    assert detect_language(text) is None


def test_a_language_list_may_not_contain_english_words(tmp_path):
    def clash(data):
        data["languages"]["welsh"]["words"].append("the")
    with pytest.raises(ContentError, match="also English"):
        load_languages(edited_content(tmp_path, "languages.yaml", clash))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_detection_never_fails(text):
    assert detect_language(text) is None or isinstance(detect_language(text), str)
