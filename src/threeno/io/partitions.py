"""Byte ranges as units of work: evaluate a folder's files part by part, and merge.

:func:`threeno.io.stream.evaluate_stream` runs on one machine, one file after another.
This module is the contract it runs on, in steps whose inputs and outputs are small and
picklable (never records), so that a scheduler (Dask, a process pool) can run each step
where the data live and merge the results in any order or tree; the result is then equal
to ``evaluate_stream``'s, its JSON byte for byte (rejections in line order, at most
``limits.max_rejections`` listed across the files):

1. **Split** — :func:`split_folder` lists a folder named as ``evaluate_stream`` expects
   (one file per record type, ``crime_reports.jsonl``; or an Excel workbook) and cuts it
   into :class:`ByteRange` items: a JSON Lines file into ranges of about
   ``range_bytes`` at line ends (:func:`split_file`; each range knows the number of its
   first line and of the records before it, so every message names the true line), a
   CSV file whole (a quoted cell may hold a line end), a workbook one range per sheet.
   The :class:`Split` also holds the notes of the folder (a record type with no file).
2. **Repeated ids** (when duplicates are checked, as by default) — :func:`scan_ids` per
   range gives an :class:`IdScan` (the ids as sorted 64-bit digests, 8 bytes each);
   :func:`merge_scans` merges scans (associative, commutative); its ``repeated``
   digests are candidates, re-checked exactly by
   :func:`recheck_ids` per range (only the ranges of a type with candidates read
   anything), whose :class:`IdPlaces` merge with :func:`merge_places`;
   :meth:`IdPlaces.repeats` keeps the ids repeated. A collision of digests never
   rejects a good record. :func:`find_repeats` runs the three one after the other.
3. **Evaluate** — :func:`evaluate_range` reads one range with the :class:`StreamJob`
   (the plans, the period, the settings, the limits: what every task needs, sent once)
   and the repeated ids, and gives a :class:`Partial`: each plan's evaluator's state
   (:class:`~threeno.indicators.state.EvaluatorState`: the accumulators' counts,
   explanation entries and the joins' per-person state, the data-quality counts, the
   sorted id digests; never the plan, its calendar, the register of units, an
   evaluation or a record) and the range's load accounting (counts by type, its first
   rejections by line, the others counted by code, its notes).
   :func:`evaluate_ranges` feeds several ranges to one evaluator.
4. **Merge** — :func:`merge_partials` (associative, commutative: any order, any tree)
   merges the states; no evaluation is built.
5. **Finish** — :func:`finish` gives each plan's state to a fresh evaluator of the job,
   which builds the evaluation once, and gives ``(Evaluation, LoadReport)``, or with
   alternatives ``(Evaluation, LoadReport, alternatives' evaluations)``, as
   ``evaluate_stream``, which runs the steps on one machine
   (:func:`evaluate_split`: the evaluators fed build the evaluations, no state taken).

>>> from threeno.io.partitions import (
...     StreamJob,
...     evaluate_range,
...     find_repeats,
...     finish,
...     merge_partials,
...     split_folder,
... )
>>> split = split_folder("du-lieu", range_bytes=64 << 20)  # doctest: +SKIP
>>> job = StreamJob(plans=(plan,), period=period)  # doctest: +SKIP
>>> repeats = find_repeats(split.ranges, job.limits)  # doctest: +SKIP
>>> parts = [evaluate_range(job, r, repeats) for r in split.ranges]  # doctest: +SKIP
>>> merged = functools.reduce(merge_partials, parts)  # doctest: +SKIP
>>> evaluation, report = finish(job, split, merged)  # doctest: +SKIP

What grows with what: a range is read a line at a time; an :class:`IdScan` holds 8 bytes
per distinct id of its ranges; :class:`IdPlaces` the places of the candidate ids only;
a :class:`Partial` the accumulators' state (the failing records' explanation entries
under ``explain="failures"``, the joins' per-person state, and 8 bytes per record
evaluated: the engine's digests, sorted, that refuse to count one record twice when
partials merge; two merge in one sweep, holding no set of them) and at most
``limits.max_rejections`` rejections.

Without the duplicate check (``repeats=None``), two ranges that share an id refuse to
merge (``partitions_share_ids``) rather than count a record twice; one range (a file
whole) counts both copies, as ``evaluate_stream(check_duplicates=False)`` does.

Plan clauses: every clause of the catalogue; the indicators guide
(``docs/guides/indicators.md``, "Streams and partitions").

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

import attrs

from threeno.errors import DatasetError
from threeno.indicators.multi import Evaluators
from threeno.indicators.results import Evaluation
from threeno.indicators.settings import EvaluationSettings
from threeno.indicators.state import EvaluatorState  # noqa: TC001 - attrs and Sphinx read it
from threeno.io._files import FOLDER, input_kind, raise_coded
from threeno.io._idscan import IdPlaces, IdScan, find_repeats, recheck_ids, scan_ids, tally_ids
from threeno.io._limits import LoadLimits
from threeno.io._ranges import ByteRange, places_of, records_of, split_file
from threeno.io._tally import Tally
from threeno.io.report import LoadReport, LoadReportError, Rejection, TypeCounts
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES
from threeno.model.period import ReportingPeriod  # noqa: TC001 - attrs and Sphinx read it
from threeno.model.plan import Plan  # noqa: TC001 - attrs and Sphinx read it

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "ByteRange",
    "IdPlaces",
    "IdScan",
    "Partial",
    "Split",
    "StreamJob",
    "evaluate_range",
    "evaluate_ranges",
    "evaluate_split",
    "find_repeats",
    "finish",
    "merge_partials",
    "merge_places",
    "merge_scans",
    "recheck_ids",
    "scan_ids",
    "split_file",
    "split_folder",
]

_SUFFIXES: Final = (".jsonl", ".csv")
_RANK: Final = {name: rank for rank, name in enumerate(RECORD_TYPES)}


# -- 1. split ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Split:
    """A folder of records as units of work (small, picklable).

    Args:
        source: the folder (or workbook) as given, which the load report names.
        ranges: its ranges, in the order a whole read takes them (type, then start).
        notes: the notes of the folder itself (a record type with no file).

    .. versionadded:: 0.2.0
    """

    source: str
    ranges: tuple[ByteRange, ...]
    notes: tuple[Notice, ...] = ()


def _files(folder: Path) -> list[tuple[str, Path]]:
    """The files of records in ``folder``, in the data dictionary's order of types.

    A name of records that is not a regular file (a device, a named pipe, a folder) is
    refused, never opened (:mod:`threeno.io._files`).
    """

    def not_a_folder() -> NoReturn:
        raise_coded(DatasetError, "stream_not_a_folder", path=str(folder))

    kind = input_kind(folder, DatasetError, missing=not_a_folder)
    if kind != FOLDER and folder.suffix.lower() == ".xlsx":
        # An Excel workbook: each record type's sheet, streamed (threeno.io.xlsx).
        return [(name, folder) for name in RECORD_TYPES]
    if kind != FOLDER:
        not_a_folder()
    found: list[tuple[str, Path]] = []
    for name in RECORD_TYPES:
        paths = [folder / f"{name}{suffix}" for suffix in _SUFFIXES]
        present = [p for p in paths if os.path.lexists(p)]
        for path in present:
            if input_kind(path, DatasetError) == FOLDER:
                raise_coded(DatasetError, "input_is_folder", path=str(path))
        if len(present) > 1:
            raise_coded(
                DatasetError,
                "stream_both_formats",
                folder=str(folder),
                first=present[0].name,
                second=present[1].name,
            )
        found.extend((name, p) for p in present)
    if not found:
        expected = ", ".join(f"{name}.jsonl" for name in RECORD_TYPES)
        raise_coded(DatasetError, "no_record_files", folder=str(folder), expected=expected)
    return found


def split_folder(
    folder: str | os.PathLike[str],
    *,
    range_bytes: int | None = None,
    limits: LoadLimits | None = None,
) -> Split:
    """A folder of records (or an Excel workbook) cut into ranges.

    Args:
        folder: a folder of JSON Lines or CSV files named after the record types, as
            :func:`~threeno.io.stream.evaluate_stream` reads it, or an Excel workbook.
        range_bytes: cut each JSON Lines file into ranges of about this many bytes, at
            line ends (each file is read once to number the lines); ``None`` (the
            default): one range per file. A CSV file is one range whole, a workbook one
            range per sheet.
        limits: the longest line (:class:`~threeno.io.datasets.LoadLimits`): a longer
            line is one record, as its reader reads it.

    Raises:
        DatasetError: when ``folder`` is not a folder of records (as ``evaluate_stream``
            refuses it), a file cannot be read, or ``range_bytes`` is not 1 or more.
    """
    if range_bytes is not None and (
        isinstance(range_bytes, bool) or not isinstance(range_bytes, int) or range_bytes < 1
    ):
        msg = f"split_folder: range_bytes must be a whole number, 1 or more, not {range_bytes!r}"
        raise DatasetError(msg)
    chosen = LoadLimits() if limits is None else limits
    where = Path(folder)
    files = _files(where)
    ranges: list[ByteRange] = []
    for name, path in files:
        fmt = "xlsx" if path.suffix.lower() == ".xlsx" else path.suffix.lower().lstrip(".")
        if fmt == "jsonl" and range_bytes is not None:
            ranges.extend(split_file(path, name, range_bytes, chosen))
        else:
            ranges.append(ByteRange(path=str(path), record_type=name, format=fmt))
    present = {name for name, _ in files}
    notes = tuple(
        Notice("file_missing", {"file": f"{name}.jsonl", "record_type": name})
        for name in RECORD_TYPES
        if name not in present
    )
    return Split(source=str(where), ranges=tuple(ranges), notes=notes)


# -- 2. repeated ids --------------------------------------------------------------------


def merge_scans(first: IdScan, second: IdScan) -> IdScan:
    """Two scans merged (:meth:`IdScan.merge`): associative and commutative."""
    return first.merge(second)


def merge_places(first: IdPlaces, second: IdPlaces) -> IdPlaces:
    """Two re-checks merged (:meth:`IdPlaces.merge`): associative and commutative."""
    return first.merge(second)


# -- 3. evaluate ------------------------------------------------------------------------


def _plans(value: Iterable[Plan]) -> tuple[Plan, ...]:
    return tuple(value)


def _settings() -> EvaluationSettings:
    return EvaluationSettings()


@attrs.frozen(kw_only=True)
class StreamJob:
    """What every range's evaluation needs, the same for all (sent once to a cluster).

    Args:
        plans: the plan evaluated, then each alternative (evaluated on the same lines).
        period: the period.
        settings: the settings of every plan (each ``None`` in them read as each plan's
            own, :class:`~threeno.indicators.multi.Evaluators`).
        limits: the longest line, deepest nesting and most rejections listed.
        alternatives: whether :func:`finish` returns the alternatives' evaluations
            (``evaluate_stream(..., alternatives=...)``'s third item).
        strict: whether :func:`finish` raises when a line was rejected.
        reread: whether a crime report's entries of an explanation are made when the
            explanation is first read, from its JSON Lines line read again (only the
            line's offset kept until then, 8 bytes; the file must stay as it was), or
            (``False``) kept as the report is read. CSV and Excel files keep them.

    .. versionadded:: 0.2.0
    """

    plans: tuple[Plan, ...] = attrs.field(converter=_plans)
    period: ReportingPeriod
    settings: EvaluationSettings = attrs.field(factory=_settings)
    limits: LoadLimits = attrs.field(factory=LoadLimits)
    alternatives: bool = False
    strict: bool = False
    reread: bool = True

    def evaluators(self) -> Evaluators:
        """A fresh evaluator of every plan (raises for a bad setting or unit)."""
        return Evaluators(self.plans, self.period, self.settings)


def _notes() -> tuple[tuple[tuple[int, int], Notice], ...]:
    return ()


@attrs.frozen(kw_only=True)
class Partial:
    """The evaluation of some ranges, to merge with others' (small, picklable; no record).

    Args:
        states: each plan's evaluator's state after the ranges' records
            (:class:`~threeno.indicators.state.EvaluatorState`: the accumulators' state,
            the data-quality counts, the sorted id digests; no plan, no record).
        counts: per record type read, the lines read, accepted and rejected.
        rejections: the first ``limit`` rejections, in the order of a whole read.
        unlisted: the rejections not listed, counted by the code of each problem.
        notes: the notes of the ranges, each with the order of the first range that
            made it.
        limit: how many rejections are listed (``limits.max_rejections``).

    .. versionadded:: 0.2.0
    """

    states: tuple[EvaluatorState, ...]
    counts: dict[str, TypeCounts] = attrs.field(factory=dict)
    rejections: tuple[Rejection, ...] = ()
    unlisted: dict[str, int] = attrs.field(factory=dict)
    notes: tuple[tuple[tuple[int, int], Notice], ...] = attrs.field(factory=_notes)
    limit: int = 1000

    def merge(self, other: Partial) -> Partial:
        """This partial and ``other`` together (:func:`merge_partials`): no evaluation built."""
        states = tuple(
            mine.merge(theirs) for mine, theirs in zip(self.states, other.states, strict=True)
        )
        return _merge_load(self, other, states)


def _where(rejection: Rejection) -> tuple[int, int]:
    """A rejection's place in a whole read: its type's rank, then its line (or index)."""
    place = rejection.line if rejection.line is not None else rejection.index
    return _RANK[rejection.record_type], place


def _add(total: dict[str, int], counts: Iterable[tuple[str, int]]) -> None:
    for code, count in counts:
        total[code] = total.get(code, 0) + count


def _merge_load(first: Partial, second: Partial, states: tuple[EvaluatorState, ...]) -> Partial:
    """The load accounting of both, with ``states``: the one merge of a load's parts.

    The rejections listed are the first ``limit`` of both in the order of a whole read;
    the others are counted by code, as a read of everything at once counts them.
    """
    limit = min(first.limit, second.limit)
    ordered = sorted((*first.rejections, *second.rejections), key=_where)
    unlisted: dict[str, int] = {}
    _add(unlisted, first.unlisted.items())
    _add(unlisted, second.unlisted.items())
    for rejection in ordered[limit:]:
        _add(unlisted, ((p.code or "uncoded", 1) for p in rejection.problems))
    counts = dict(first.counts)
    for name, theirs in second.counts.items():
        mine = counts.get(name)
        counts[name] = (
            theirs
            if mine is None
            else TypeCounts(
                read=mine.read + theirs.read,
                accepted=mine.accepted + theirs.accepted,
                rejected=mine.rejected + theirs.rejected,
            )
        )
    notes: list[tuple[tuple[int, int], Notice]] = []
    for key, note in sorted((*first.notes, *second.notes), key=lambda pair: pair[0]):
        if all(note != kept for _, kept in notes):
            notes.append((key, note))
    return Partial(
        states=states,
        counts=counts,
        rejections=tuple(ordered[:limit]),
        unlisted=unlisted,
        notes=tuple(notes),
        limit=limit,
    )


def _read(job: StreamJob, rng: ByteRange, repeats: IdPlaces | None, sides: Evaluators) -> Partial:
    """Feed one range's records to ``sides``; its load accounting (no evaluation yet)."""
    known = {} if repeats is None else {rng.record_type: tally_ids(repeats, rng.record_type)}
    tally = Tally(check_duplicates=False, limits=job.limits, known=known)
    places = places_of(rng, job.limits) if job.reread else None  # entries made from the line
    sides.add(rng.record_type, records_of(rng, tally, places), places=places)
    name = rng.record_type
    read, rejected = tally.read[name], tally.rejected[name]
    return Partial(
        states=(),
        counts={name: TypeCounts(read=read, accepted=read - rejected, rejected=rejected)},
        rejections=tuple(tally.rejections),
        unlisted=dict(tally.unlisted),
        notes=tuple((rng.order, note) for note in tally.notes),
        limit=job.limits.max_rejections,
    )


def _load(
    job: StreamJob, ranges: Sequence[ByteRange], repeats: IdPlaces | None, sides: Evaluators
) -> Partial:
    """Feed ``ranges`` to ``sides`` one after the other: their load accounting (no state)."""
    load = Partial(states=(), limit=job.limits.max_rejections)
    for rng in ranges:
        load = _merge_load(load, _read(job, rng, repeats, sides), ())
    return load


def evaluate_ranges(
    job: StreamJob,
    ranges: Sequence[ByteRange],
    repeats: IdPlaces | None = None,
    *,
    sides: Evaluators | None = None,
) -> Partial:
    """The evaluation of several ranges read one after the other, by one evaluation.

    Equal to merging the :func:`evaluate_range` of each. Each plan's evaluator's state is
    taken at the end (:meth:`Evaluator.state
    <threeno.indicators.engine.Evaluator.state>`: a copy, its id digests sorted).

    Args:
        job: the plans, period, settings and limits.
        ranges: the ranges, each read once, in this order.
        repeats: the ids repeated in the whole input (:func:`find_repeats`, or
            :meth:`IdPlaces.repeats` of the merged re-checks): every copy is rejected
            (``duplicate_id``, naming the other places); ``None``: no duplicate check.
        sides: the evaluators to feed (made from ``job`` when ``None``).

    Raises:
        DatasetError: when a file cannot be read (a CSV file with a wrong header, a CSV
            line beyond ``limits``).
        ValidationError: for a bad setting (see the Evaluator).
        UnitError: for a unit not in scope (see the Evaluator).
    """
    evaluators = job.evaluators() if sides is None else sides
    load = _load(job, ranges, repeats, evaluators)
    return attrs.evolve(load, states=tuple(e.state() for e in evaluators.evaluators))


def evaluate_range(job: StreamJob, rng: ByteRange, repeats: IdPlaces | None = None) -> Partial:
    """The evaluation of one range (a task), to merge with the others'.

    See :func:`evaluate_ranges` for the arguments and errors.
    """
    return evaluate_ranges(job, (rng,), repeats)


# -- 4. merge, 5. finish ----------------------------------------------------------------


def merge_partials(first: Partial, second: Partial) -> Partial:
    """Two partials merged: associative and commutative (any order, any tree).

    Their states merge (:meth:`EvaluatorState.merge
    <threeno.indicators.state.EvaluatorState.merge>`); no evaluation is built.

    Raises:
        ValidationError: when the evaluations differ in settings, or share a record
            (``partitions_share_ids``: ranges evaluated without the duplicate check
            whose ids repeat across them).
    """
    return first.merge(second)


_Result = tuple[Evaluation, LoadReport] | tuple[Evaluation, LoadReport, tuple[Evaluation, ...]]


def _report(job: StreamJob, split: Split, partial: Partial) -> LoadReport:
    """The load report of every range (raising, with ``job.strict``, for a rejection)."""
    counts = {name: partial.counts[name] for name in RECORD_TYPES if name in partial.counts}
    notes = list(split.notes)
    notes.extend(n for _, n in partial.notes if n not in notes)
    report = LoadReport(
        source=split.source,
        counts=counts,
        rejections=partial.rejections,
        unlisted=partial.unlisted,
        notes=tuple(notes),
    )
    if job.strict and not report.ok:
        raise LoadReportError(report)
    return report


def _result(job: StreamJob, report: LoadReport, evaluations: tuple[Evaluation, ...]) -> _Result:
    first, *others = evaluations
    if not job.alternatives:
        return first, report
    return first, report, tuple(others)


def finish(job: StreamJob, split: Split, partial: Partial) -> _Result:
    """The result of every range: as ``evaluate_stream`` returns it.

    Each plan's evaluation is built once, by a fresh evaluator of ``job`` given the merged
    state (:meth:`Evaluator.restore <threeno.indicators.engine.Evaluator.restore>`).

    Args:
        job: the job the ranges were evaluated with.
        split: the folder's split (its source and notes).
        partial: the merge of every range's partial (each range exactly once).

    Returns:
        The evaluation and the load report; with ``job.alternatives``, a third item,
        the alternatives' evaluations in order.

    Raises:
        LoadReportError: with ``job.strict``, when a line was rejected.
        ValidationError: when ``partial`` is not of ``job``'s plans and settings.
    """
    report = _report(job, split, partial)
    sides = job.evaluators()
    for evaluator, state in zip(sides.evaluators, partial.states, strict=True):
        evaluator.restore(state)
    return _result(job, report, sides.result())


def evaluate_split(
    job: StreamJob,
    split: Split,
    repeats: IdPlaces | None = None,
    *,
    sides: Evaluators | None = None,
) -> _Result:
    """Every range of ``split`` read in order by one evaluation, finished (one machine).

    What ``evaluate_stream`` does: equal to :func:`finish` of :func:`evaluate_ranges`,
    without taking a state and restoring it (the evaluators fed build the evaluations).
    See :func:`evaluate_ranges` and :func:`finish` for the arguments and errors.
    """
    evaluators = job.evaluators() if sides is None else sides
    report = _report(job, split, _load(job, split.ranges, repeats, evaluators))
    return _result(job, report, evaluators.result())
