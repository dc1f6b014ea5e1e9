"""The realistic series of crime reports: receipts, delays and events spread as real data are.

The generator (:mod:`threeno.testing.synthetic`) makes one reporting year of a city, and
the ``repeated`` series copies its crime reports with fresh ids: at 1M reports only a few
thousand distinct days of receipt and event dates, which flatters anything that
memoises a time limit. A national register is not like that: its reports were received
on every day of several years, decided after delays that vary, some extended, some
suspended and resumed on their own dates. This module writes such a file, streamed line
by line (memory bounded whatever the size), one report at a time from one seeded
:class:`random.Random`:

* **receipt** on any day from :data:`FIRST_DAY` to the period's end (the plan's year
  and the five before it, as a consolidation of several years holds), weighted by the
  day of the week (fewer on Saturdays and Sundays) and by the month (more after Tết);
* **unit**: the plan's units in scope, with unequal weights (units differ in size),
  each valid on the day of receipt;
* **what happens**, at illustrative rates chosen to look like a police register, not
  taken from statistics: most reports decided after a delay drawn from a log-normal
  distribution (median about ten days, about one in eight after the 20 days of
  Bộ luật Tố tụng hình sự 2015, Art. 147(1)); :data:`EXTENDED` extended for a complex
  matter (Art. 147(2)) and some of those by the procuracy; :data:`SUSPENDED` suspended
  (Art. 148), most later resumed (Art. 149) and a few suspended again; a few never
  decided; decisions in the generator's proportions, a few no-case decisions reopened;
* **known as of the period's end**: every event after it is dropped, as the generator's
  reports are cut at the end of their period (a resumption after it leaves the
  suspension open, a decision after it leaves the report pending).

Every line is a valid crime report (the model's invariants hold by construction; the
benchmark asserts that every line is accepted). Ids are ``CR-R00000001``; ``case_id``
and ``victim_ids`` point at records that are not in the file (nothing measured reads
them).

:func:`limit_key` gives a report's time-limit key, the inputs its legal limit depends
on: the day of receipt, the procedure regime in force on it, and the events that matter
(the kinds of its extensions in order, or with a suspension the dates of every event).
The page gives the number of distinct keys of each series.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Final

from threeno.model.enums import Decision, ExtensionKind, SuspensionReason
from threeno.model.plan_parts import AgencyRole
from threeno.rules.procedure import procedure_regime_on
from threeno.testing.synthetic import ARTICLE_SHARES, DECISION_SHARES, SOURCE_SHARES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan

#: The first day of receipt: the plan's year and the five years before it.
FIRST_DAY: Final = dt.date(2019, 1, 1)
#: Weights of the days of the week, Monday first: fewer reports at the weekend.
WEEKDAY_WEIGHTS: Final = (1.0, 1.0, 1.0, 1.0, 0.95, 0.35, 0.2)
#: Weights of the months, January first: more after Tết (February, March), fewer in the
#: summer rains.
MONTH_WEIGHTS: Final = (0.9, 1.2, 1.25, 1.1, 1.0, 0.9, 0.85, 0.85, 0.95, 1.0, 1.0, 0.95)
#: Weights of the plan's units in scope, in the plan's order (units differ in size);
#: the last weight is repeated for any further unit.
UNIT_WEIGHTS: Final = (3.0, 2.0, 2.0, 1.5, 1.0, 1.0, 0.5)
#: Share of reports extended for a complex matter (Art. 147(2)), and of those extended
#: again by the procuracy.
EXTENDED: Final = 0.12
PROCURACY: Final = 0.3
#: Share of reports suspended (Art. 148); of those, resumed (Art. 149) and, once
#: resumed, suspended again.
SUSPENDED: Final = 0.09
RESUMED: Final = 0.6
SUSPENDED_AGAIN: Final = 0.08
#: Share of reports never decided (left pending, overdue once the limit passes).
NEVER_DECIDED: Final = 0.02
#: The delay from receipt to decision, in days: log-normal, median e^MU (about 10 days),
#: about one in eight over 20 days.
DELAY_MU: Final = 2.3
DELAY_SIGMA: Final = 0.6
#: Share of no-case decisions overturned later (a missed crime).
REOPENED: Final = 0.03
#: Share of reports classified when nothing else has happened yet.
CLASSIFIED_PENDING: Final = 0.6


def _options(shares: dict[Any, float]) -> tuple[list[Any], list[float]]:
    keys = list(shares)
    return keys, list(accumulate(shares[k] for k in keys))


class _Days:
    """Every day of receipt with its cumulative weight."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        self.days = days
        self.cumulative = list(
            accumulate(WEEKDAY_WEIGHTS[d.weekday()] * MONTH_WEIGHTS[d.month - 1] for d in days)
        )


def _iso(day: dt.date) -> str:
    return day.isoformat()


class ReportMaker:
    """Realistic crime reports for a plan and a period, one at a time (see the module)."""

    def __init__(self, plan: Plan, period: ReportingPeriod, seed: int) -> None:
        """Prepare the days, units and choices; ``seed`` fixes every report."""
        self.rng = random.Random(seed)
        self.end = period.end
        self.receipt = _Days(FIRST_DAY, period.end)
        units = [u.code for u in plan.units_in_scope(period.end)]
        registry = plan.registry
        for code in units:
            if not (registry.is_valid(code, FIRST_DAY) and registry.is_valid(code, period.end)):
                msg = f"unit {code} is not in force from {FIRST_DAY} to {period.end}"
                raise ValueError(msg)
        weights = [UNIT_WEIGHTS[min(i, len(UNIT_WEIGHTS) - 1)] for i in range(len(units))]
        self.units = units, list(accumulate(weights))
        standing = [a.id for a in plan.agencies if AgencyRole.STANDING_BODY in a.roles]
        self.agencies = standing or [plan.agencies[0].id]
        self.sources = _options({s.value: w for s, w in SOURCE_SHARES.items()})
        self.articles = _options(dict(ARTICLE_SHARES))
        self.decisions = _options({d.value: w for d, w in DECISION_SHARES.items()})
        self.reasons = [r.value for r in SuspensionReason]

    def _pick(self, options: tuple[list[Any], list[float]]) -> Any:  # noqa: ANN401
        return self.rng.choices(options[0], cum_weights=options[1])[0]

    def _delay(self) -> int:
        return min(int(self.rng.lognormvariate(DELAY_MU, DELAY_SIGMA)), 400)

    def report(self, number: int) -> dict[str, Any]:  # noqa: C901, PLR0912, PLR0915 - one timeline
        """Report ``number``: a JSON object as the loader reads it, known as of the end."""
        rng, end = self.rng, self.end
        received = rng.choices(self.receipt.days, cum_weights=self.receipt.cumulative)[0]
        record: dict[str, Any] = {
            "id": f"CR-R{number:08d}",
            "source": self._pick(self.sources),
            "offence_article": self._pick(self.articles),
            "unit_code": self._pick(self.units),
            "received_on": _iso(received),
            "receiving_agency": rng.choice(self.agencies),
        }
        day = dt.timedelta
        extensions: list[dict[str, str]] = []
        suspensions: list[dict[str, str]] = []
        decided: dt.date | None = None
        first_act: dt.date | None = None
        open_from: dt.date | None = None
        draw = rng.random()
        if draw < SUSPENDED:
            since = received + day(days=rng.randint(1, 20))
            first_act = since
            for _ in range(2):  # at most two suspensions
                if since > end:
                    break  # the (next) suspension comes after the end: not known
                entry = {"reason": rng.choice(self.reasons), "from_date": _iso(since)}
                suspensions.append(entry)
                resumed = since + day(days=int(rng.triangular(10, 360, 60)))
                if rng.random() >= RESUMED or resumed > end:
                    open_from = since
                    break
                entry["resumed_on"] = _iso(resumed)
                if rng.random() >= SUSPENDED_AGAIN:
                    decided = resumed + day(days=int(rng.triangular(1, 45, 14)))
                    break
                since = resumed + day(days=rng.randint(1, 25))
        elif draw < SUSPENDED + EXTENDED:
            granted = received + day(days=rng.randint(3, 19))
            first_act = granted
            extensions.append({"kind": ExtensionKind.COMPLEX.value, "granted_on": _iso(granted)})
            longest = 60
            if rng.random() < PROCURACY:
                again = received + day(days=rng.randint(45, 60))
                extensions.append(
                    {"kind": ExtensionKind.PROCURACY.value, "granted_on": _iso(again)}
                )
                longest = 120
            decided = granted + day(days=int(rng.triangular(1, longest + 20, longest * 0.6)))
        elif draw < SUSPENDED + EXTENDED + NEVER_DECIDED:
            decided = None
        else:
            decided = received + day(days=self._delay())
        # Known as of the period's end: drop what comes after it.
        extensions = [e for e in extensions if e["granted_on"] <= _iso(end)]
        if decided is not None and decided > end:
            decided = None
        decision: str | None = None
        if open_from is not None:
            decision, decided = Decision.TAM_DINH_CHI.value, open_from
        elif decided is not None:
            decision = self._pick(self.decisions)
        acts = [d for d in (decided, first_act) if d is not None and d <= end]
        if acts or rng.random() < CLASSIFIED_PENDING:
            latest = min([received + day(days=5), end, *acts])
            record["classified_on"] = _iso(
                received + day(days=rng.randint(0, (latest - received).days))
            )
        record["extensions"] = extensions
        record["suspensions"] = suspensions
        if decision is not None and decided is not None:
            record["decision"] = decision
            record["decided_on"] = _iso(decided)
            if decision == Decision.KHONG_KHOI_TO.value and rng.random() < REOPENED:
                reopened = decided + day(days=int(rng.triangular(10, 200, 60)))
                if reopened <= end:
                    record["reopened_on"] = _iso(reopened)
            if decision == Decision.KHOI_TO.value:
                record["case_id"] = f"CC-R{number:08d}"
        victims = rng.choice((0, 1, 1, 2))
        named: list[str] = []
        while len(named) < victims:  # a report names a victim once: the model refuses a repeat
            drawn = f"S-R{rng.randint(1, 9_999_999):07d}"
            if drawn not in named:
                named.append(drawn)
        record["victim_ids"] = named
        return record


def write_reports(path: Path, plan: Plan, period: ReportingPeriod, seed: int, size: int) -> int:
    """Write ``size`` realistic reports to ``path``, streamed; return the distinct limit keys."""
    maker = ReportMaker(plan, period, seed)
    keys: set[int] = set()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for number in range(1, size + 1):
            record = maker.report(number)
            keys.add(hash(limit_key(record)))
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(keys)


@functools.lru_cache(maxsize=4096)
def _regime(received: str) -> dt.date:
    """The first day of the procedure regime in force on a day of receipt (its identity)."""
    return procedure_regime_on(dt.date.fromisoformat(received)).in_force_from


def limit_key(record: dict[str, Any]) -> tuple[object, ...]:
    """The inputs a report's legal limit depends on, from its JSON object.

    The day of receipt and the procedure regime in force on it (Bộ luật Tố tụng hình sự
    2015, Art. 147); without a suspension, the kinds of its extensions in order
    (Art. 147(2): their dates do not move the limit); with a suspension, every event with
    its date (Art. 148, 149(1)).
    """
    received = record["received_on"]
    regime = _regime(received)
    extensions = record.get("extensions") or ()
    suspensions = record.get("suspensions") or ()
    if not suspensions:
        return (received, regime, tuple(e["kind"] for e in extensions))
    events = tuple((e["kind"], e["granted_on"]) for e in extensions)
    events += tuple((s["from_date"], s.get("resumed_on")) for s in suspensions)
    return (received, regime, events)


def distinct_keys(lines: Iterable[str]) -> int:
    """The number of distinct limit keys of the reports of a JSON Lines file's lines."""
    return len({hash(limit_key(json.loads(line))) for line in lines if line.strip()})


def read_lines(path: Path) -> Iterator[str]:
    """The lines of a file, one at a time."""
    with path.open(encoding="utf-8") as lines:
        yield from lines
