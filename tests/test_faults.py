"""Faults, on a bot of its own (own ports, own data folder): the action server killed under
load, the Rasa server restarted mid-conversation, the database locked and full. Each time
the parent still gets the helplines, and the conversation carries on afterwards."""
import os
import signal
import sqlite3
import threading
import time

import pytest

from tools.bench.load import Outcome, references, run_rest, scripts
from apps.bot_client import send
from apps.supervisor import Bot
from tests.conftest import bubble_texts, environment
from tests.services import free_port

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def fault_bot(model, tmp_path_factory):
    data = tmp_path_factory.mktemp("fault-data")
    # TYG_DB_MAX_MB: a cap the "disk full" test can reach
    with environment(TYG_DATA_DIR=str(data), TYG_DB_MAX_MB="4"):
        running = Bot(model, free_port(), free_port())
        try:
            running.start()
            running.db = data / "conversations.db"
            yield running
        finally:
            running.stop()


class Log:
    """What the Rasa server logged from now on."""
    def __init__(self, bot):
        self.path = bot.log_dir / f"rasa-{bot.rasa_port}.log"
        self.start = self.path.stat().st_size

    def new(self) -> str:
        with open(self.path, "rb") as f:
            f.seek(self.start)
            return f.read().decode("utf-8", "replace")


def test_action_server_killed_under_load(fault_bot):
    convs = scripts(6)
    refs = references(fault_bot.rasa_port, convs)
    progress, result = Outcome(), {}
    load = threading.Thread(target=lambda: result.update(run_rest(fault_bot.rasa_port, convs, refs, 30, 6, progress)))
    load.start()
    # killed once replies are flowing, not after a fixed delay: on a fast machine a short
    # load can end before any timer does
    deadline = time.monotonic() + 120
    while len(progress.times) < 6 and load.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert load.is_alive(), "the load ended before the action server could be killed"
        os.killpg(fault_bot.action.pid, signal.SIGKILL)  # killed, not stopped politely
        fault_bot.action.wait()
        fault_bot.processes.remove(fault_bot.action)
    finally:
        load.join(300)
        if fault_bot.action not in fault_bot.processes:
            fault_bot.start_actions()  # back whatever happened: the other fault tests need it
    assert result["lost"] == 0 and result["without_helpline"] == 0, result["examples"]
    assert result["wrong_or_out_of_order"] > 0  # the tailored extras really were missing
    bubbles = bubble_texts(send(fault_bot.rasa_port, "a man on discord keeps messaging my son and says keep it secret"))
    assert any(b.startswith("On Discord:") for b in bubbles)


def test_rasa_restarted_mid_conversation(fault_bot):
    sender = "restart-" + os.urandom(6).hex()
    send(fault_bot.rasa_port, "someone on discord keeps messaging my daughter", sender)
    fault_bot.stop_rasa()
    fault_bot.start_rasa()
    bubbles = bubble_texts(send(fault_bot.rasa_port, "How do I block and report them on the app?", sender))
    assert any(b.startswith("On Discord:") for b in bubbles)  # the app named before the restart


def test_database_locked(fault_bot, helplines):
    sender = "locked-" + os.urandom(6).hex()
    send(fault_bot.rasa_port, "a stranger on snapchat keeps messaging my son", sender)
    log = Log(fault_bot)
    blocker = sqlite3.connect(fault_bot.db, timeout=1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        bubbles = bubble_texts(send(fault_bot.rasa_port, "he has been sending him gifts and money too", sender))
        assert "CEOP" in helplines.mentions("\n".join(bubbles))
        assert "DATABASE ERROR: could not store conversation" in log.new() and "locked" in log.new()
    finally:
        blocker.rollback()
        blocker.close()
    bubbles = bubble_texts(send(fault_bot.rasa_port, "How do I block and report them on the app?", sender))
    assert any(b.startswith("On Snapchat:") for b in bubbles)  # nothing was lost meanwhile
    with sqlite3.connect(fault_bot.db) as conn:
        texts = [r[0] for r in conn.execute("select data from events where sender_id=? and type_name='user'",
                                            (sender,))]
    assert len(texts) == 3 and "gifts and money" in texts[1]  # written once the database was free


def test_database_full(fault_bot, helplines):
    sender = "full-" + os.urandom(6).hex()
    send(fault_bot.rasa_port, "my son's new online friend asks him to keep secrets", sender)
    log = Log(fault_bot)
    with sqlite3.connect(fault_bot.db) as conn:  # fill the file up to the bot's cap
        conn.execute("create table filler (junk blob)")
        for _ in range(40):
            conn.execute("insert into filler values (zeroblob(100000))")
    try:
        bubbles = bubble_texts(send(fault_bot.rasa_port, "he asked her for pictures", sender))
        assert helplines.mentions("\n".join(bubbles))
        assert "database or disk is full" in log.new()
    finally:
        with sqlite3.connect(fault_bot.db) as conn:
            conn.execute("drop table filler")
    assert send(fault_bot.rasa_port, "thanks", sender)
    with sqlite3.connect(fault_bot.db) as conn:
        users = conn.execute("select count(*) from events where sender_id=? and type_name='user'",
                             (sender,)).fetchone()[0]
    assert users == 3
