"""Microseconds per call of the time limit, with its steps and lean, in one process.

Measures what the indicator engine asks for each crime report: the limit as known at the
end of the plan's year 2024 (2024-12-14), the day of receipt not counted, on the plan's
calendar. ``time_limit(...).date`` (the limit with its steps, for explanations) against
``last_day`` (threeno.rules.lean_limits) and against the engine's own call
(``LeanLimits.last_day``, arguments checked once per evaluation); the runs of the three
are interleaved, and the best and the median of the rounds are printed. Three sets of
reports: the demo data's, the generator's reports repeated to 100,000 with their dates as
generated (few distinct days of receipt, as the benchmark's reports series), and the same
100,000 each moved by a random number of days (dates spread, as real data are).

    python scripts/time_limit_speed.py [--rounds 5]

A measure, not a test: the figures depend on the machine and on other work on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from typing import TYPE_CHECKING

import attrs

from threeno.io import load_dataset
from threeno.plans import load_plan
from threeno.rules.calendar import plan_calendar
from threeno.rules.lean_limits import last_day, lean_limits
from threeno.rules.time_limits import time_limit
from threeno.testing.synthetic import demo_path, generate

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from threeno.model.crime import CrimeReport
    from threeno.rules.calendar import DayOffCalendar

END = dt.date(2024, 12, 14)


def _moved(report: CrimeReport, days: int) -> CrimeReport:
    """The report with every date moved by ``days`` days."""
    step = dt.timedelta(days=days)
    return attrs.evolve(
        report,
        received_on=report.received_on + step,
        classified_on=None if report.classified_on is None else report.classified_on + step,
        extensions=tuple(
            attrs.evolve(e, granted_on=e.granted_on + step) for e in report.extensions
        ),
        suspensions=tuple(
            attrs.evolve(
                s,
                from_date=s.from_date + step,
                resumed_on=None if s.resumed_on is None else s.resumed_on + step,
            )
            for s in report.suspensions
        ),
        decided_on=None if report.decided_on is None else report.decided_on + step,
        reopened_on=None if report.reopened_on is None else report.reopened_on + step,
    )


def _ways(cal: DayOffCalendar) -> dict[str, Callable[[list[CrimeReport]], None]]:
    """The three ways of asking for the last day, each over a list of reports."""
    kernel = lean_limits(cal)

    def with_steps(reports: list[CrimeReport]) -> None:
        for r in reports:
            time_limit(r, cal, as_of=END, count_receipt_day=False).date  # noqa: B018

    def lean(reports: list[CrimeReport]) -> None:
        for r in reports:
            last_day(r, cal, as_of=END, count_receipt_day=False)

    def engine(reports: list[CrimeReport]) -> None:
        for r in reports:
            kernel.last_day(r, END, False)  # noqa: FBT003

    return {
        "time_limit(...).date": with_steps,
        "last_day(...)": lean,
        "LeanLimits.last_day (engine)": engine,
    }


def _measure(
    name: str,
    reports: list[CrimeReport],
    ways: dict[str, Callable[[list[CrimeReport]], None]],
    rounds: int,
) -> None:
    """Run every way ``rounds`` times, interleaved, and print µs per call."""
    keys = len({(r.received_on, r.extensions, r.suspensions) for r in reports})
    times: dict[str, list[float]] = {way: [] for way in ways}
    for _ in range(rounds):
        for way, run in ways.items():
            start = time.perf_counter()
            run(reports)
            times[way].append((time.perf_counter() - start) / len(reports) * 1e6)
    print(f"{name}: {len(reports):,} reports, {keys:,} distinct (receipt, events)")
    for way, found in times.items():
        best, median = min(found), statistics.median(found)
        print(f"  {way:30} best {best:6.2f} µs, median {median:6.2f} µs per call")


def main(argv: Sequence[str] | None = None) -> None:
    """Print µs per call, best and median of the rounds, for each set of reports."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    plan = load_plan("lai-chau-2024")
    cal = plan_calendar(plan)
    demo = list(load_dataset(demo_path(), plan=plan)[0].crime_reports)
    generated = list(generate(plan, seed=2024, scale=10).crime_reports)
    repeated = [generated[i % len(generated)] for i in range(100_000)]
    rng = random.Random(2024)  # noqa: S311 - synthetic dates
    spread = [_moved(r, -rng.randrange(0, 6 * 365)) for r in repeated]
    ways = _ways(cal)
    for name, reports in (
        ("demo data", demo),
        ("100k, generator's reports repeated", repeated),
        ("100k, dates spread over 6 years", spread),
    ):
        known = [r for r in reports if r.received_on <= END]
        _measure(name, known, ways, args.rounds)


if __name__ == "__main__":
    main()
