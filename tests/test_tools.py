"""The staff-facing tools the README promises: the evaluation run and the explain tool."""
import pytest

from bot.tools import evaluate

pytestmark = pytest.mark.servers


@pytest.mark.skipif(not evaluate.HARNESS.exists(), reason="the shared harness is not beside this clone")
def test_evaluation_harness_on_the_held_out_cases(bot, tmp_path):
    summary = evaluate.run_harness(evaluate.SETS["heldout"], f"http://127.0.0.1:{bot.rasa_port}", tmp_path)
    assert summary["errors"] == 0
    assert summary["emergency_recall"] == 1.0  # safety first: every emergency gets 999 first
    assert summary["routing_accuracy"] >= 0.95


def test_explain_shows_the_routing_decision(model):
    import asyncio

    from bot.tools.explain import explain

    rows = asyncio.run(explain(["my son is meeting a man from roblox tonight", "hello"], model))
    assert rows[0]["routing"]["intent"] == "immediate_danger" and rows[0]["routing"]["safety_net"]
    assert rows[1]["intent"]["name"] == "greet" and ("PLATFORM", "roblox") in rows[0]["entities"]
