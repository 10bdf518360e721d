"""The load test in short form (make load runs the full one): concurrent five-turn
conversations over REST and socket.io, every reply complete, in order and with its
helplines; and the command itself."""
import json

import pytest

from tools.bench.load import references, run_rest, run_socketio, scripts, table
from tools import load as load_tool

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def plan(bot):
    convs = scripts(8)
    return convs, references(bot.rasa_port, convs)


@pytest.mark.parametrize("run", [run_rest, run_socketio], ids=["rest", "socketio"])
def test_concurrent_conversations_lose_nothing(bot, plan, run):
    convs, refs = plan
    result = run(bot.rasa_port, convs, refs, 16, 8)
    assert result["messages"] == 16 * 5
    assert (result["lost"], result["wrong_or_out_of_order"], result["without_helpline"]) == (0, 0, 0), \
        result["examples"]
    assert result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"] and result["throughput_msg_s"] > 0


def test_a_swapped_reply_is_caught(bot, plan):
    convs, refs = plan
    swapped = [list(reversed(r)) for r in refs]  # as if replies came back in the wrong order
    result = run_rest(bot.rasa_port, convs, swapped, 2, 2)
    assert result["wrong_or_out_of_order"] > 0


def test_make_load_prints_the_table(bot, capsys, tmp_path):
    assert load_tool.main(["--port", str(bot.rasa_port), "--conversations", "4", "--concurrency", "2",
                           "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "p95 ms" in out and "socket.io" in out and "REST" in out
    saved = json.loads((tmp_path / "load.json").read_text())
    assert [r["channel"] for r in saved["results"]] == ["REST", "socket.io"]
    assert table(saved["results"]).count("\n") == 3
