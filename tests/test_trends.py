"""The trends arithmetic: ISO weeks, small-number suppression, the surge rule, and the demo
data's one surge (bot/trends.py, tools/trends.py)."""
import datetime as dt
import random

import pytest

from bot import trends as rule


@pytest.mark.parametrize("day, week", [
    (dt.date(2020, 12, 31), "2020-W53"),  # a Thursday: 2020 had 53 weeks
    (dt.date(2021, 1, 3), "2020-W53"),  # a Sunday in January, still last year's week
    (dt.date(2021, 1, 4), "2021-W01"),
    (dt.date(2024, 12, 30), "2025-W01"),  # a Monday in December, already next year's week
    (dt.date(2026, 12, 2), "2026-W49"),
])
def test_iso_weeks_across_a_year_s_end(day, week):
    assert rule.iso_week(day) == week


def test_weeks_run_back_across_the_year_s_end():
    assert rule.weeks_ending("2021-W02", 4) == ["2020-W52", "2020-W53", "2021-W01", "2021-W02"]
    assert rule.week_start("2021-W01") == dt.date(2021, 1, 4)


@pytest.mark.parametrize("count, shown", [(0, 0), (1, rule.SUPPRESSED), (4, rule.SUPPRESSED), (5, 5), (120, 120)])
def test_counts_from_one_to_four_are_never_shown(count, shown):
    assert rule.shown(count) == shown


def test_totals_are_computed_before_suppression():
    trend = rule.route_trends({"a": {"2026-W48": 3, "2026-W49": 4}}, {"a": "A"}, ["2026-W48", "2026-W49"])[0]
    assert trend.total == 7 and rule.shown(trend.total) == 7


def test_the_binomial_tail_matches_known_values():
    assert rule.binomial_at_least(0, 10, 0.3) == 1.0
    assert rule.binomial_at_least(10, 10, 0.5) == pytest.approx(0.5 ** 10)
    assert rule.binomial_at_least(3, 10, 0.1) == pytest.approx(0.070191, abs=1e-6)


def test_a_doubling_is_a_surge_and_noise_is_not():
    assert rule.surge(40, [20] * 8) is not None  # twice the usual
    assert rule.surge(24, [20] * 8) is None  # a normal week
    assert rule.surge(9, [2] * 8) is None  # unlikely, but too few conversations to call a surge
    assert rule.surge(12, [0] * 8) is not None  # from nothing to a dozen
    rng = random.Random(7)
    flagged = 0
    for _ in range(2000):  # weeks of pure Poisson noise around 15 a week: under 1% flagged
        weeks = [_poisson(rng, 15) for _ in range(9)]
        flagged += rule.surge(weeks[-1], weeks[:-1]) is not None
    assert flagged / 2000 < 0.01


def _poisson(rng, mean):  # Knuth's method, enough for a test
    limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def test_flagged_routes_come_first():
    weeks = rule.weeks_ending("2026-W49", 9)
    counts = {"quiet": {w: 20 for w in weeks}, "rising": {**{w: 5 for w in weeks[:-1]}, weeks[-1]: 30}}
    trends = rule.route_trends(counts, {"quiet": "Quiet", "rising": "Rising"}, weeks)
    assert [t.route for t in trends] == ["rising", "quiet"] and trends[0].surge.this_week == 30


def test_the_demo_data_has_its_one_surge_and_no_other():
    from tools.trends import DEMO_SURGE, demo_counts

    today = dt.date(2026, 12, 2)
    counts = {}
    for (week, route, _source), n in demo_counts(today).items():
        counts.setdefault(route, {}).setdefault(week, 0)
        counts[route][week] += n
    weeks = rule.weeks_ending(rule.iso_week(today), 26)
    flagged = [t.route for t in rule.route_trends(counts, {r: r for r in counts}, weeks) if t.surge]
    assert flagged == [DEMO_SURGE]
