"""The benchmark's serving rounds: each measure's median, losses summed, the order swapped."""
import pytest

from tools.bench.report import round_ratios
from tools.bench.rounds import combine, orders, serve_in_rounds

pytestmark = pytest.mark.unit


def _round(cold, p95, tput, lost):
    return {"cold_start_s": cold, "single": {"messages": 312, "p50_ms": 20.0, "p95_ms": p95},
            "concurrent": {"messages": 300, "throughput_msg_s": tput, "lost": lost, "lost_examples": ["x"] * lost},
            "rss_rasa_mb": 700.0, "rss_actions_mb": None}


def test_each_measure_is_the_median_of_its_rounds_and_losses_add_up():
    out = combine([_round(9.0, 40.0, 30.0, 0), _round(12.0, 60.0, 36.0, 2), _round(10.0, 45.0, 33.0, 1)])
    assert out["cold_start_s"] == 10.0 and out["single"]["p95_ms"] == 45.0
    assert out["concurrent"]["throughput_msg_s"] == 33.0
    assert out["concurrent"]["lost"] == 3 and len(out["concurrent"]["lost_examples"]) == 3
    assert out["single"]["messages"] == 312 and out["rss_actions_mb"] is None
    assert len(out["rounds"]) == 3 and out["concurrent"]["messages_all_rounds"] == 900


def test_one_round_is_reported_as_it_was():
    one = _round(9.0, 40.0, 30.0, 0)
    out = combine([one])
    assert out["single"] == one["single"] and "rounds" not in out


def test_the_order_is_swapped_every_round():
    assert orders(3) == [("stock", "ours"), ("ours", "stock"), ("stock", "ours")]


def test_each_assistant_is_served_every_round_in_the_swapped_order_and_its_rounds_combined():
    served = []

    def serve(name):
        served.append(name)
        return _round(10.0 + len(served), 40.0, 30.0, 1)

    out = serve_in_rounds({"stock": "S", "ours": "O"}, 3, serve)
    assert served == ["S", "O", "O", "S", "S", "O"]
    assert out["stock"]["cold_start_s"] == 14.0 and out["ours"]["cold_start_s"] == 13.0
    assert out["stock"]["concurrent"]["lost"] == 3 and len(out["ours"]["rounds"]) == 3


def test_the_ratio_of_every_round_is_printed_beside_the_median():
    stock = [_round(30.0, 50.0, 30.0, 0), _round(36.0, 40.0, 30.0, 0)]
    ours = [_round(9.0, 40.0, 36.0, 0), _round(9.0, 48.0, 30.0, 0)]
    text = round_ratios({"stock": combine(stock), "ours": combine(ours)})
    assert "| single message p95 (ms) | 0.8 | 1.2 | 0.98 |" in text
    assert "| 20 conversations: throughput (msg/s) | 1.2 | 1.0 | 1.1 |" in text
