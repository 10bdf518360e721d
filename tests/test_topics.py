"""topics.yaml: the topics a school link can open the chat on."""

import pytest

from bot.content_files import ContentError
from tests.conftest import edited_content
from bot.routing import routing
from bot.topics import MAX_TOPIC_SEVERITY, load_topics, opening_intent, topics


def test_every_topic_opens_on_general_information():
    assert topics()
    for topic in topics().values():
        concern = routing().concerns[topic.concern]
        assert not concern.emergency and concern.severity <= MAX_TOPIC_SEVERITY
        assert opening_intent(topic.key) == topic.concern


@pytest.mark.parametrize("key", [None, "", "GAMING", "immediate_danger", "nope", ["gaming"], {"k": 1}])
def test_anything_else_opens_nothing(key):
    assert opening_intent(key) is None


@pytest.mark.parametrize("edit,message", [
    (lambda t: t.update(danger={"label": "Danger", "concern": "immediate_danger"}), "not general"),
    (lambda t: t.update(threats={"label": "Threats", "concern": "sextortion"}), "not general"),
    (lambda t: t.update(other={"label": "Other", "concern": "no_such_concern"}), "unknown concern"),
    (lambda t: t.update({"Bad Key": {"label": "x", "concern": "gaming"}}), "key must be"),
    (lambda t: t["gaming"].update(label=""), "label"),
    (lambda t: t["gaming"].update(extra=1), "gaming.extra: unknown field"),
])
def test_bad_topics_are_rejected_on_load(tmp_path, edit, message):
    with pytest.raises(ContentError, match=message):
        load_topics(edited_content(tmp_path, "topics.yaml", lambda data: edit(data["topics"])))
