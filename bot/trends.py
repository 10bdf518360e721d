"""What parents are worried about, week by week: ISO weeks, small-number suppression and the
surge rule. Plain arithmetic on anonymous counts (stores/trend_counts.py keeps them).

The surge rule: a route's conversations this week against its trailing 8-week baseline,
flagged when the rise is large and unlikely by chance: at least MIN_SURGE conversations, at
least RISE times the baseline, and p < SURGE_P in a one-sided exact test of two Poisson
rates. Counts of separate conversations in a week behave like Poisson counts. The baseline
is itself only estimated from 8 weeks, so the test is the conditional one: with no change,
this week's share of the 9 weeks' n conversations is Binomial(n, 1/9). It stays exact for
the small numbers most routes have (a normal approximation would flag noise), and, unlike a
Poisson test against the baseline taken as known, it flags noise no more often than p says.
"""
import datetime as dt
import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Union

SUPPRESS_BELOW = 5  # a count from 1 to 4 is never shown: it could point to one family
SUPPRESSED = "fewer than 5"
BASELINE_WEEKS = 8
MIN_SURGE = 10
RISE = 1.5
SURGE_P = 0.01

Shown = Union[int, str]


def iso_week(day: dt.date) -> str:
    """'2026-W49': the ISO year and week (a week belongs to the year of its Thursday)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(week: str) -> dt.date:
    year, number = week.split("-W")
    return dt.date.fromisocalendar(int(year), int(number), 1)


def weeks_ending(last: str, count: int) -> List[str]:
    """The `count` ISO weeks up to and including `last`, oldest first."""
    monday = week_start(last)
    return [iso_week(monday - dt.timedelta(weeks=n)) for n in range(count - 1, -1, -1)]


def shown(count: int) -> Shown:
    """A count as any view or export may show it."""
    return SUPPRESSED if 0 < count < SUPPRESS_BELOW else count


def binomial_at_least(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p): the chance of this many or more by chance alone."""
    if k <= 0:
        return 1.0
    log_p, log_q = math.log(p), math.log1p(-p)
    tail = (math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q)
            for i in range(k, n + 1))
    return min(1.0, sum(tail))


@dataclass(frozen=True)
class Surge:
    this_week: int
    baseline: float  # mean conversations a week over the trailing weeks
    p: float


def surge(this_week: int, trailing: Sequence[int]) -> Optional[Surge]:
    """The rise this week, if it is a surge by the rule above; trailing: the weeks before."""
    baseline = sum(trailing) / max(len(trailing), 1)
    if this_week < MIN_SURGE or this_week < RISE * baseline:
        return None
    p = binomial_at_least(this_week, this_week + sum(trailing), 1 / (len(trailing) + 1))
    return Surge(this_week, round(baseline, 2), p) if p < SURGE_P else None


@dataclass(frozen=True)
class RouteTrend:
    route: str
    label: str
    counts: Dict[str, int]  # week -> conversations, every week shown (0 included)
    surge: Optional[Surge]

    @property
    def total(self) -> int:  # before suppression
        return sum(self.counts.values())


def route_trends(counts: Dict[str, Dict[str, int]], labels: Dict[str, str], weeks: List[str]) -> List[RouteTrend]:
    """One trend per route (labels: route -> label, in the routes' own order), flagged routes
    first. counts: route -> week -> conversations; weeks: the weeks shown, the current last,
    with BASELINE_WEEKS before it for the surge rule (older ones may be missing)."""
    current = weeks[-1]
    before = weeks_ending(current, BASELINE_WEEKS + 1)[:-1]
    trends = []
    for route, label in labels.items():
        seen = counts.get(route, {})
        trends.append(RouteTrend(route, label, {w: seen.get(w, 0) for w in weeks},
                                 surge(seen.get(current, 0), [seen.get(w, 0) for w in before])))
    return sorted(trends, key=lambda t: t.surge is None)  # stable: flagged first, else as given
