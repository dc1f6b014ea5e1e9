"""The fused crime-report kernel: each report classified once, counted by its signature.

Six accumulators read every crime report placed in a unit evaluated
(``reports.received``, ``reports.classified``, ``reports.resolved``,
``reports.on_time``, ``reports.overdue``, ``cases.missed``, in ``_crime.py``). What each
of them adds to its tallies depends on a few facts of the report only, which the kernel
reads once per report into its *signature*:

* the unit it counts in, its offence article (a definition's ``offences``, the breakdown
  by offence) and its source (the breakdown by source);
* its day of receipt before, in or after the period (Bộ luật Tố tụng hình sự 2015,
  Art. 143-145: a report is handled from its receipt);
* its day of classification: none, on or before the period's end, after it (plan I.3,
  "tiếp nhận, phân loại");
* its final decision (khởi tố, không khởi tố, chuyển: Art. 147(1), 146(2)): none, before
  the period, in it, after it; and the decision itself;
* the suspension in force at the period's end (Art. 147(1)(c), 148): none, begun before
  the period, begun in it;
* for a report finally decided in the period, whether it was decided within the limit
  in force on the day of the decision with no limit missed before a suspension (Art.
  147(1), 147(2), 149(1), 134(1));
* for a report with no final decision by the end, its limit as known at the end: none
  (suspended), a day before the end (overdue, Art. 134(1): a limit ends at 24:00 of its
  last day), the end or later;
* for a report suspended in the period, whether a limit was missed before the
  suspension (counted only when ``suspension_counts_as_resolved`` is set);
* its no-case decision overturned in the period or not (plan I.3, "bỏ lọt tội phạm").

The limits are the lean ones (:mod:`threeno.rules.lean_limits`), equal to
:func:`~threeno.rules.time_limits.time_limit`'s dates. Two reports with the same
signature add the same counts to every tally: the kernel counts signatures in a
dictionary, and runs the accumulators' own code once per signature, on the first report
that has it, to learn what one report of that signature adds (the counting rules stay
written once, in the accumulators). At the end (:meth:`ReportKernel.flush`) each
signature's counts are multiplied by its number of reports and added to the
accumulators' tallies, so the results are those of the accumulators read report by
report. A report whose signature keeps an entry of an explanation (in ``"failures"``
mode a failing, pending or adverse report; in ``"all"`` mode nearly every report) is
read by the accumulators themselves, entries and counts, as before.

An accumulator of another class reading reports (a plan's own) is not fused: the engine
gives it each report as before.

Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134(1), 146(2), 147, 148, 149.
Plan clauses: I.3, II.4.b.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import array
import copy
import threading
from typing import TYPE_CHECKING, Any, Final, Protocol

from threeno.indicators.counting._base import Accumulator, ReportFacts, Tally
from threeno.indicators.counting._crime import (
    CasesMissed,
    ReportsClassified,
    ReportsOnTime,
    ReportsOverdue,
    ReportsReceived,
    ReportsResolved,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from threeno.indicators.counting._base import Context
    from threeno.indicators.explanation import Entry

__all__ = ["FUSED", "KINDS", "SIGNATURES", "Kept", "Places", "Rebuilt", "ReportKernel"]

#: The lists of entries of a tally (and of an explanation).
KINDS: Final = ("counted", "failures", "in_progress", "apart")


class Places(Protocol):
    """Where the records given to an evaluator are read, to read some of them again.

    The reader sets :attr:`offset` before it gives each record (the start of its line);
    :meth:`records_at` reads the records at some offsets again, as they were read
    (:mod:`threeno.io.partitions` gives one for each range of a JSON Lines file).

    .. versionadded:: 0.2.0
    """

    @property
    def key(self) -> str:
        """The name of the source, a file's path; the places of one source share it."""

    @property
    def offset(self) -> int:
        """The offset of the record given last."""

    def records_at(self, offsets: Sequence[int]) -> Iterator[Any]:
        """The records at ``offsets`` (ascending), read again, each equal to the first read.

        Raises:
            ThreenoError: when the source is no longer what was read (naming it).
        """


class Kept:
    """The reports whose entries are made on demand: per source and unit, their offsets.

    8 bytes a report (an ``array`` of offsets), and each source's :class:`Places` once.
    Small and picklable: it travels in an evaluator's state, and merges by joining.

    .. versionadded:: 0.2.0
    """

    __slots__ = ("offsets", "places")

    def __init__(self) -> None:
        """Nothing kept."""
        self.places: dict[str, Places] = {}
        self.offsets: dict[tuple[str, str], array.array[int]] = {}

    def __bool__(self) -> bool:
        """Whether any report is kept."""
        return bool(self.offsets)

    def keep(self, places: Places, unit: str) -> None:
        """Keep the report ``places`` gave last, placed in ``unit``."""
        key = (places.key, unit)
        found = self.offsets.get(key)
        if found is None:
            self.places.setdefault(places.key, places)
            found = self.offsets[key] = array.array("q")
        found.append(places.offset)

    def copy(self) -> Kept:
        """An independent copy."""
        clone = Kept()
        clone.merge(self)
        return clone

    def merge(self, other: Kept) -> None:
        """Add the reports ``other`` keeps (of other lines: ranges never overlap)."""
        for source, places in other.places.items():
            self.places.setdefault(source, places)
        for key, offsets in other.offsets.items():
            found = self.offsets.get(key)
            if found is None:
                self.offsets[key] = array.array("q", offsets)
            else:
                found.extend(offsets)

    def __getstate__(self) -> tuple[dict[str, Places], dict[tuple[str, str], array.array[int]]]:
        """The state pickled (a class with slots and no ``__dict__``)."""
        return self.places, self.offsets

    def __setstate__(
        self, state: tuple[dict[str, Places], dict[tuple[str, str], array.array[int]]]
    ) -> None:
        """Restore from :meth:`__getstate__`."""
        self.places, self.offsets = state


class Rebuilt:
    """The entries of the kept reports, made on demand and kept once made.

    A unit's reports are read again (:meth:`Places.records_at`) the first time an entry
    of that unit is asked for, and given to fresh copies of the fused accumulators (the
    same code that counted them, with no tally): the entries are those the accumulators
    would have kept reading the reports one by one. Safe to use from several threads.

    Args:
        fused: the evaluation's fused accumulators, in the kernel's order.
        context: the evaluation's context.
        kept: the reports kept.
        facts: what makes a report's facts (``ReportFacts``).

    .. versionadded:: 0.2.0
    """

    def __init__(
        self,
        fused: Sequence[Accumulator],
        context: Context,
        kept: Kept,
        facts: Callable[[Any, Context], ReportFacts],
    ) -> None:
        """Nothing read yet."""
        self._fused = tuple(fused)
        self._ctx = context
        self._kept = kept
        self._facts = facts
        self._units: dict[str, dict[tuple[int, str], list[Entry]]] = {}
        self._lock = threading.Lock()

    def units(self) -> frozenset[str]:
        """The units with a kept report."""
        return frozenset(unit for _, unit in self._kept.offsets)

    def entries(self, index: int, unit: str, kind: str) -> list[Entry]:
        """The entries of kind ``kind`` the ``index``-th fused accumulator keeps in ``unit``."""
        with self._lock:
            found = self._units.get(unit)
            if found is None:
                found = self._units[unit] = self._read(unit)
        return found.get((index, kind), [])

    def _read(self, unit: str) -> dict[tuple[int, str], list[Entry]]:
        probes = []
        for acc in self._fused:
            probe = copy.copy(acc)  # the same settings; the fused classes keep only tallies
            probe.tallies = {}
            probes.append(probe)
        for (source, where), offsets in self._kept.offsets.items():
            if where != unit:
                continue
            for report in self._kept.places[source].records_at(sorted(offsets)):
                facts = self._facts(report, self._ctx)
                for probe in probes:
                    probe.add_report(facts, unit)  # type: ignore[attr-defined] # every fused class
        found: dict[tuple[int, str], list[Entry]] = {}
        for index, probe in enumerate(probes):
            for tally in probe.tallies.values():
                for kind in KINDS:
                    entries = getattr(tally, kind)
                    if entries:
                        found.setdefault((index, kind), []).extend(entries)
        return found


#: The accumulator classes the kernel reads reports for (exactly these classes: a
#: subclass may read more of a report than the signature holds).
FUSED: Final[frozenset[type[Accumulator]]] = frozenset(
    {
        ReportsReceived,
        ReportsClassified,
        ReportsResolved,
        ReportsOnTime,
        ReportsOverdue,
        CasesMissed,
    }
)

# What one report of a signature adds, per fused accumulator: for each unit whose tally
# it touches, the unit, numerator, denominator, records considered, records in progress,
# figures, and the cells of the breakdowns (key, numerator, denominator, figures). Plain
# tuples, shared between the signatures that add the same (most add one of a few).
_Figures = tuple[tuple[str, int], ...]
_Cells = tuple[tuple[tuple[str, str], int, int, _Figures], ...]
_Counts = tuple[tuple[str | None, int, int, int, int, _Figures, _Cells], ...]
_Delta = tuple[_Counts, ...]

#: The signatures the kernel holds before it adds their counts to the tallies and forgets
#: them (:meth:`ReportKernel.flush`), so that its memory is bounded however many reports
#: it reads: a signature, its counts and its share of the tuples they are made of cost
#: about 1.1 KB, so 8,192 of them about 9 MB. Generated reports have a few thousand
#: (3,229 in 100,000, 4,990 in a million: the facts it reads take few values); a
#: signature met again after the store was emptied is learned again, which changes no
#: count.
SIGNATURES: Final = 8192


class ReportKernel:
    """The crime-report accumulators of one evaluation, fed each report once.

    Args:
        accumulators: every accumulator of the evaluation; those of the ``FUSED``
            classes are fed by the kernel.
        context: the evaluation's context.

    .. versionadded:: 0.2.0
    """

    __slots__ = (
        "_ctx",
        "_deltas",
        "_kept_n",
        "_methods",
        "_n",
        "_shared",
        "fused",
        "kept",
        "places",
    )

    def __init__(self, accumulators: Sequence[Accumulator], context: Context) -> None:
        """Pick the fused accumulators; no signature counted yet."""
        self.fused: tuple[Accumulator, ...] = tuple(a for a in accumulators if type(a) in FUSED)
        self._methods: tuple[Callable[[ReportFacts, str], None], ...] = tuple(
            a.add_report  # type: ignore[attr-defined] # every fused class has it
            for a in self.fused
        )
        self._ctx = context
        self._n: dict[tuple[Any, ...], int] = {}
        # The reports of signatures that keep entries, counted where their places are kept.
        self._kept_n: dict[tuple[Any, ...], int] = {}
        # Every signature's counts; those not in ``_n`` keep entries.
        self._deltas: dict[tuple[Any, ...], _Delta] = {}
        self._shared: dict[_Delta, _Delta] = {}
        #: Where the records given now are read (``None``: their entries are kept).
        self.places: Places | None = None
        #: The reports whose entries are made on demand.
        self.kept = Kept()

    def fuse(
        self, given: type[Any], methods: list[Callable[[Any, str], None]]
    ) -> list[Callable[[Any, str], None]]:
        """The methods to call with each ``given`` placed in a unit: the kernel for the fused.

        For crime reports' facts, the fused accumulators' methods are replaced by
        :meth:`add_report`, which feeds them; any other method is kept, in its order.
        """
        if given is not ReportFacts or not self.fused:
            return methods
        fused = {id(a) for a in self.fused}
        kept = [m for m in methods if id(getattr(m, "__self__", None)) not in fused]
        return [*kept, self.add_report]

    def signature(self, facts: ReportFacts, unit: str) -> tuple[Any, ...]:
        """The report's signature: every fact the fused accumulators' counts depend on."""
        ctx = self._ctx
        report = facts.report
        start, end = ctx.start, ctx.end
        received = report.received_on
        when = 0 if received < start else 1 if received <= end else 2
        classified = report.classified_on
        sorted_on = 0 if classified is None else 1 if classified <= end else 2
        final = facts.final_on
        decided = 0 if final is None else 1 if final < start else 2 if final <= end else 3
        since = facts.suspended_since
        suspended = 0 if since is None else 1 if since < start else 2
        limits, crd = ctx.limits, ctx.count_receipt_day
        on_time: bool | None = None
        if decided == 2:  # decided in the period
            assert final is not None  # noqa: S101
            limit, missed = limits.last_day_and_missed(report, final, crd)
            on_time = missed is None and limit is not None and final <= limit
        at_end: int | None = None
        if decided in (0, 3) and since is None:
            day = limits.last_day(report, end, crd)
            at_end = 0 if day is None else 1 if day < end else 2
        missed_at_end: bool | None = None
        if suspended == 2 and ctx.suspension_resolves:  # begun in the period
            missed_at_end = limits.last_day_and_missed(report, end, crd)[1] is not None
        reopened = report.reopened_on
        return (
            unit,
            report.offence_article,
            report.source,
            when,
            sorted_on,
            decided,
            report.decision,
            suspended,
            on_time,
            at_end,
            missed_at_end,
            reopened is not None and start <= reopened <= end,
        )

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Count one report placed in ``unit`` by its signature (or read it, if explained)."""
        key = self.signature(facts, unit)
        count = self._n.get(key)
        if count is not None:
            self._n[key] = count + 1
            return
        if key in self._deltas:  # a signature whose reports keep entries
            self._explained(key, facts, unit)
            return
        if len(self._deltas) >= SIGNATURES:
            self.flush()
            self._deltas.clear()
            self._shared.clear()
        self._learn(key, facts, unit)

    def _explained(self, key: tuple[Any, ...], facts: ReportFacts, unit: str) -> None:
        # A report that keeps entries: its place kept and counted, or read one by one.
        places = self.places
        if places is None:
            for method in self._methods:
                method(facts, unit)
            return
        self.kept.keep(places, unit)
        self._kept_n[key] = self._kept_n.get(key, 0) + 1

    def _learn(self, key: tuple[Any, ...], facts: ReportFacts, unit: str) -> None:
        # The accumulators' own code, on copies with no tally, says what one report adds.
        deltas: list[dict[str | None, Tally]] = []
        for acc in self.fused:
            probe = copy.copy(acc)  # the same settings; the fused classes keep only tallies
            probe.tallies = {}
            probe.add_report(facts, unit)  # type: ignore[attr-defined] # every fused class
            deltas.append(probe.tallies)
        shape = tuple(_counts(d) for d in deltas)
        self._deltas[key] = self._shared.setdefault(shape, shape)
        if not any(_has_entries(t) for d in deltas for t in d.values()):
            self._n[key] = 1
        elif self.places is not None:  # its entries made again on demand
            self.kept.keep(self.places, unit)
            self._kept_n[key] = 1
        else:  # this report, and every other of its signature, read one by one
            for acc, delta in zip(self.fused, deltas, strict=True):
                for where, tally in delta.items():
                    acc.tally(where).merge(tally)

    def flush(self) -> None:
        """Add every signature's counts to the fused accumulators' tallies, once.

        Called at the end, and whenever the signatures held reach ``SIGNATURES`` (8,192).
        """
        for counted in (self._n, self._kept_n):
            for key, n in counted.items():
                for acc, counts in zip(self.fused, self._deltas[key], strict=True):
                    for unit, *numbers in counts:
                        _add_times(acc.tally(unit), numbers, n)
        self._n = {}
        self._kept_n = {}

    def rebuilt(self, facts: Callable[[Any, Context], ReportFacts]) -> Rebuilt | None:
        """The entries of the kept reports, made on demand (``None``: none kept)."""
        if not self.kept:
            return None
        return Rebuilt(self.fused, self._ctx, self.kept, facts)


def _has_entries(tally: Tally) -> bool:
    return bool(tally.counted or tally.failures or tally.in_progress or tally.apart)


def _counts(tallies: dict[str | None, Tally]) -> _Counts:
    """The counts of tallies with no entry, as plain tuples."""
    return tuple(
        (
            unit,
            t.numerator,
            t.denominator,
            t.considered,
            t.in_progress_count,
            tuple(t.figures.items()),
            tuple(
                (k, c.numerator, c.denominator, tuple(c.figures.items()))
                for k, c in t.cells.items()
            ),
        )
        for unit, t in tallies.items()
    )


def _add_times(into: Tally, numbers: list[Any], n: int) -> None:
    """Add ``n`` times the counts of one unit's tally (:func:`_counts`) to ``into``."""
    numerator, denominator, considered, in_progress, figures, cells = numbers
    into.numerator += numerator * n
    into.denominator += denominator * n
    into.considered += considered * n
    into.in_progress_count += in_progress * n
    for figure, k in figures:
        into.add(figure, k * n)
    for key, c_numerator, c_denominator, c_figures in cells:
        cell = into.cell(*key)
        cell.numerator += c_numerator * n
        cell.denominator += c_denominator * n
        for figure, k in c_figures:
            cell.add(figure, k * n)
