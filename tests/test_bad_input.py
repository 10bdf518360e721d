"""Every kind of bad input, end to end through the REST channel of the running bot: never a
crash, never silence, nothing lost, and nothing private kept."""
import json
import secrets
import sqlite3
import string
import threading
import urllib.error
import urllib.request

import pytest

from bot.channel_notes import notes
from apps.paths import RUN_DIR
from apps.bot_client import send
from tests.conftest import bubble_texts, tracker_events as events

pytestmark = pytest.mark.servers


def post_raw(port, body: bytes, headers=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=body,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def user_texts(bot, sender):
    return [e["text"] for e in events(bot, sender) if e["event"] == "user"]


def new_sender():
    return "bad-input-" + secrets.token_hex(8)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "<p></p>", "\u200b\u200b", "/"])
def test_a_message_without_words_is_answered_and_changes_nothing(bot, helplines, text):
    sender = new_sender()
    send(bot.rasa_port, "my daughter is being messaged by someone she met on a game", sender)
    before = events(bot, sender)
    reply = bubble_texts(send(bot.rasa_port, text, sender))
    assert reply == [notes()["empty"]] and helplines["EMERGENCY"].phone in reply[0]
    assert events(bot, sender) == before  # the conversation is exactly as it was


def test_a_huge_message_is_cut_and_the_parent_is_told(bot, helplines):
    text = "I am writing a lot because I am worried. " * 300 + "A man on snapchat keeps messaging my son and sending him gifts."
    assert len(text) > 10_000
    reply = bubble_texts(send(bot.rasa_port, text))
    assert reply[-1] == notes()["shortened"]
    assert helplines.mentions("\n".join(reply[:-1]))  # the worry itself was answered


@pytest.mark.parametrize("body", [
    b'{"sender": "bad-utf8-1", "message": "caf\xff\xfe my son is being groomed"}',
    '{"sender": "bad-utf8-2", "message": "\\ud800 lone surrogate"}'.encode(),
])
def test_invalid_utf8_and_binary_are_read_as_well_as_possible(bot, body):
    status, reply = post_raw(bot.rasa_port, body)
    assert status == 200 and reply and all(b.get("text") or b.get("buttons") for b in reply)


@pytest.mark.parametrize("body, error", [
    (b"this is not json", "must be JSON"),
    (b"\x00\x01\x02\xff", "must be JSON"),
    (b'["a list"]', "must be JSON"),
    (b'{"message": "no sender"}', "'sender'"),
    (b'{"sender": 42, "message": "a number as sender"}', "'sender'"),
    (json.dumps({"sender": "x" * 300, "message": "hi"}).encode(), "'sender'"),
])
def test_requests_that_cannot_be_answered_get_a_clear_error(bot, body, error):
    status, reply = post_raw(bot.rasa_port, body)
    assert status == 400 and error in reply["error"]


@pytest.mark.parametrize("message", [42, ["a", "list"], {"a": "dict"}, None, True])
def test_a_message_that_is_not_text_is_still_answered(bot, message):
    status, reply = post_raw(bot.rasa_port, json.dumps({"sender": new_sender(), "message": message}).encode())
    assert status == 200 and reply


@pytest.mark.parametrize("text", [
    "😟😟😟", "🙁", "👀📱🎮",
    "‏ابني يتحدث مع رجل غريب على الإنترنت‎ and my son is 12",
    "my son ابني talks to a man on roblox",
    "'; DROP TABLE events; --", "1 OR 1=1; SELECT * FROM users",
    "<img src=x onerror=alert(1)> someone sent my son a friend request",
    '{"sender": "other", "message": "json inside text"}',
])
def test_odd_text_gets_a_real_answer(bot, text):
    reply = bubble_texts(send(bot.rasa_port, text))
    assert reply and all(b.strip() for b in reply)
    assert not any("<img" in b or "<script" in b for b in reply)


def test_sql_looking_text_is_only_text(bot, data_dir):
    sender = new_sender()
    send(bot.rasa_port, "'; DELETE FROM events; --", sender)
    with sqlite3.connect(data_dir / "conversations.db") as conn:
        assert conn.execute("select count(distinct sender_id) from events").fetchone()[0] > 1
    assert user_texts(bot, sender) == ["'; DELETE FROM events; --"]


@pytest.mark.parametrize("text", ['/inform_platform{"platform": "evil"}', '/immediate_danger', "/restart",
                                  '/followup_talk_now{"child_age": "5"}'])
def test_intent_commands_are_plain_text(bot, text):
    sender = new_sender()
    send(bot.rasa_port, "someone is messaging my son", sender)
    send(bot.rasa_port, text, sender)
    tracker = events(bot, sender)
    slots = {e["name"]: e["value"] for e in tracker if e["event"] == "slot"}
    assert slots.get("platform") != "evil" and slots.get("child_age") != "5"
    assert not any(e["event"] == "restart" for e in tracker)
    assert user_texts(bot, sender)[-1] == text.lstrip("/")


@pytest.mark.parametrize("text", [
    "Mae dyn dieithr yn anfon negeseuon at fy merch ar-lein, dw i'n poeni",  # Welsh
    "Mój syn rozmawia z obcym mężczyzną w internecie, co mam robić?",  # Polish
    "میرا بیٹا انٹرنیٹ پر کسی اجنبی سے بات کر رہا ہے، میں پریشان ہوں",  # Urdu
    "Fiica mea primește mesaje de la un bărbat străin pe internet",  # Romanian
    "ਮੇਰੀ ਧੀ ਨੂੰ ਇੱਕ ਅਜਨਬੀ ਆਦਮੀ ਸੁਨੇਹੇ ਭੇਜ ਰਿਹਾ ਹੈ",  # Punjabi
])
def test_other_languages_hear_the_bot_works_in_english(bot, helplines, text):
    sender = new_sender()
    reply = bubble_texts(send(bot.rasa_port, text, sender))
    assert reply == [notes()["other_language"]] and "only understands English" in reply[0]
    assert helplines.mentions(reply[0]) == ["NSPCC", "EMERGENCY"]
    assert bubble_texts(send(bot.rasa_port, "my son is being messaged by a stranger", sender))  # and in English, on


def test_rapid_repeated_messages_are_all_answered_in_order(bot):
    sender = new_sender()
    texts = [f"message {i}: my son is secretive about his phone" for i in range(8)]
    replies = {}

    def say(i):
        replies[i] = send(bot.rasa_port, texts[i], sender)
    threads = []
    for i in range(len(texts)):  # each starts before the previous one is answered
        threads.append(threading.Thread(target=say, args=(i,)))
        threads[-1].start()
        threads[-1].join(timeout=0.01)
    for t in threads:
        t.join(60)
    assert all(replies.get(i) for i in range(len(texts))), "a message went unanswered"
    assert sorted(user_texts(bot, sender)) == sorted(texts)  # every message kept, once


def test_one_conversation_over_the_limit_still_gets_999_and_the_nspcc(bot, helplines):
    sender = new_sender()
    statuses = [post_raw(bot.rasa_port, json.dumps({"sender": sender, "message": "thanks"}).encode())
                for _ in range(21)]
    assert [s for s, _ in statuses[:20]] == [200] * 20
    status, reply = statuses[20]
    assert status == 429
    named = helplines.mentions(reply[0]["text"])
    assert "EMERGENCY" in named and "NSPCC" in named


def test_one_address_over_the_limit_is_held_back_but_others_are_not(bot, helplines):
    # the test talks from 127.0.0.1, a trusted proxy: X-Forwarded-For names the parent
    def from_address(address):
        body = json.dumps({"sender": new_sender(), "message": "thanks"}).encode()
        return post_raw(bot.rasa_port, body, {"X-Forwarded-For": address})
    results = [from_address("203.0.113.77") for _ in range(41)]
    assert [s for s, _ in results[:40]] == [200] * 40
    assert results[40][0] == 429 and "NSPCC" in helplines.mentions(results[40][1][0]["text"])
    assert from_address("198.51.100.23")[0] == 200


def test_personal_details_and_addresses_are_neither_stored_nor_logged(bot, data_dir):
    sender = new_sender()
    phone = "07700 9" + "".join(secrets.choice(string.digits) for _ in range(5))
    name = "Zed" + secrets.token_hex(3)
    email = f"parent.{secrets.token_hex(3)}@example.com"
    text = f"my son is called {name}, he is 13. Call me on {phone} or {email}, we live at 4 Mill Lane B12 9XY"
    status, reply = post_raw(bot.rasa_port, json.dumps({"sender": sender, "message": text}).encode(),
                             {"X-Forwarded-For": "192.0.2.201"})
    assert status == 200 and reply
    stored = "\n".join(user_texts(bot, sender))
    assert "[name]" in stored and "[phone]" in stored and "[email]" in stored
    # the database file and its write-ahead log, as bytes on disk
    db = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in data_dir.glob("conversations.db*"))
    assert "[phone]" in db and "[name]" in db  # the stored events are really in what is read
    logs = "\n".join(p.read_text(errors="replace") for p in RUN_DIR.glob("*.log"))
    for secret in (name, phone, phone.replace(" ", ""), email, "Mill Lane", "B12 9XY", "192.0.2.201"):
        assert secret not in db, f"{secret} stored"
        assert secret not in logs, f"{secret} logged"
