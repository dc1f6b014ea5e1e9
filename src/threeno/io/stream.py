"""Evaluating a folder of records without loading it: the engine's streaming mode.

:func:`evaluate_stream` reads a folder of JSON Lines (or CSV) files, one per record type,
named as :func:`threeno.io.datasets.load_dataset` expects (``crime_reports.jsonl``, ...),
line by line with :func:`threeno.io.datasets.iter_records`, and feeds each record to the
indicator engine (:class:`threeno.indicators.engine.Evaluator`) as it is read, so the
records themselves are never all in memory. What does grow with the files: the ids the
reader keeps to refuse duplicates (``check_duplicates``), the explanations kept (under
the default ``explain="failures"``, one per failing record) and the per-person state of
the joins (outreach and support coverage). With ``explain="none"`` and
``check_duplicates=False`` an evaluation of crime reports stays flat; the measured
figures are in ``docs/performance.md``.

It lives in ``io`` because it reads files: the indicator engine takes records from any
iterable (:func:`threeno.indicators.engine.evaluate_records`) and knows nothing of files.

Plan clauses: every clause of the catalogue; the indicators guide
(``docs/guides/indicators.md``, "Streams and partitions").

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0 an Excel workbook.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, overload

from threeno.errors import DatasetError
from threeno.indicators.multi import Evaluators
from threeno.indicators.settings import EvaluationSettings
from threeno.io._files import FOLDER, input_kind, raise_coded
from threeno.io._limits import check_limits
from threeno.io.datasets import DEFAULT_LIMITS, LoadLimits, iter_records
from threeno.io.report import LoadReport, LoadReportError, TypeCounts
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from threeno.indicators.definitions import Indicator
    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.io.report import Rejection
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan
    from threeno.model.units import UnitRegistry
    from threeno.rules.calendar import DayOffCalendar

__all__ = ["combine_reports", "evaluate_stream", "record_files"]

_SUFFIXES = (".jsonl", ".csv")


def record_files(folder: Path) -> list[tuple[str, Path]]:
    """The files of records in ``folder``, in the data dictionary's order of types.

    Each with the name of its record type; an Excel workbook's sheets, each with the
    workbook's path.

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


def _count(unlisted: dict[str, int], counts: Iterable[tuple[str, int]]) -> None:
    for code, count in counts:
        unlisted[code] = unlisted.get(code, 0) + count


def combine_reports(
    source: str, reports: Sequence[tuple[str, LoadReport]], limits: LoadLimits
) -> LoadReport:
    """The load report of a folder from those of its files, in the order they were read.

    ``reports`` pairs each record type read with its file's load report, in the data
    dictionary's order of types (a type read from several files, once per file, their
    counts added up); a type not among them is noted as having no file. The
    first ``limits.max_rejections`` rejections of every file together are listed, as a
    load lists them, and the others counted by their codes.

    .. versionadded:: 0.2.0
    """
    counts: dict[str, TypeCounts] = {}
    rejections: list[Rejection] = []
    unlisted: dict[str, int] = {}
    read = {name for name, _ in reports}
    notes: list[Notice] = [
        Notice("file_missing", {"file": f"{name}.jsonl", "record_type": name})
        for name in RECORD_TYPES
        if name not in read
    ]
    for name, report in reports:
        mine, before = report.counts[name], counts.get(name, TypeCounts())
        counts[name] = TypeCounts(  # a type read from several files: their counts add up
            read=before.read + mine.read,
            accepted=before.accepted + mine.accepted,
            rejected=before.rejected + mine.rejected,
        )
        for rejection in report.rejections:
            if len(rejections) < limits.max_rejections:
                rejections.append(rejection)
            else:
                _count(unlisted, ((p.code or "uncoded", 1) for p in rejection.problems))
        _count(unlisted, report.unlisted.items())
        # A workbook's notes on its sheets come with each of its streams: kept once.
        notes.extend(n for n in report.notes if n not in notes)
    return LoadReport(
        source=source,
        counts=counts,
        rejections=tuple(rejections),
        unlisted=unlisted,
        notes=tuple(notes),
    )


@overload
def evaluate_stream(
    plan: Plan,
    folder: str | os.PathLike[str],
    period: ReportingPeriod,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str | Indicator] | None = None,
    crosswalk: bool | None = None,
    explain: ExplainMode = "failures",
    registry: UnitRegistry | None = None,
    calendar: DayOffCalendar | None = None,
    count_receipt_day: bool | None = None,
    suspension_counts_as_resolved: bool | None = None,
    check_duplicates: bool = True,
    strict: bool = False,
    limits: LoadLimits = DEFAULT_LIMITS,
    alternatives: None = None,
) -> tuple[Evaluation, LoadReport]: ...


@overload
def evaluate_stream(
    plan: Plan,
    folder: str | os.PathLike[str],
    period: ReportingPeriod,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str | Indicator] | None = None,
    crosswalk: bool | None = None,
    explain: ExplainMode = "failures",
    registry: UnitRegistry | None = None,
    calendar: DayOffCalendar | None = None,
    count_receipt_day: bool | None = None,
    suspension_counts_as_resolved: bool | None = None,
    check_duplicates: bool = True,
    strict: bool = False,
    limits: LoadLimits = DEFAULT_LIMITS,
    alternatives: Sequence[Plan],
) -> tuple[Evaluation, LoadReport, tuple[Evaluation, ...]]: ...


def evaluate_stream(  # noqa: PLR0913 - the evaluation's settings, all keyword-only
    plan: Plan,
    folder: str | os.PathLike[str],
    period: ReportingPeriod,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str | Indicator] | None = None,
    crosswalk: bool | None = None,
    explain: ExplainMode = "failures",
    registry: UnitRegistry | None = None,
    calendar: DayOffCalendar | None = None,
    count_receipt_day: bool | None = None,
    suspension_counts_as_resolved: bool | None = None,
    check_duplicates: bool = True,
    strict: bool = False,
    limits: LoadLimits = DEFAULT_LIMITS,
    alternatives: Sequence[Plan] | None = None,
) -> tuple[Evaluation, LoadReport] | tuple[Evaluation, LoadReport, tuple[Evaluation, ...]]:
    """Evaluate a plan on a folder of JSON Lines (or CSV) files, reading each line once.

    An Excel workbook (``.xlsx``, the ``excel`` extra) is read the same way, sheet by
    sheet, row by row (:mod:`threeno.io.xlsx`).

    The result equals ``evaluate(plan, load_dataset(folder)[0], period, ...)`` with the
    same settings: the engine is the same, fed line by line. Like
    :func:`~threeno.io.datasets.load_dataset`, it returns a load report beside the
    result: every line is accepted or rejected with its reason, and a rejected line is in
    no number. Problems between records (:meth:`Dataset.validate
    <threeno.model.dataset.Dataset.validate>`) are not looked for, since that needs every
    record at once; unit codes not valid on their date are in the evaluation's
    ``data_quality``.

    Args:
        plan: the plan.
        folder: the folder, with files named after the record types (a missing type has
            no records), or an Excel workbook.
        period: the period.
        units: see :class:`~threeno.indicators.settings.EvaluationSettings`, which
            describes every setting below once.
        indicators: see ``EvaluationSettings``.
        crosswalk: see ``EvaluationSettings``.
        explain: ``"failures"`` by default (keeps an entry per failing record: memory
            grows with them); ``"none"`` keeps none.
        registry: see ``EvaluationSettings``.
        calendar: see ``EvaluationSettings``.
        count_receipt_day: see ``EvaluationSettings``.
        suspension_counts_as_resolved: see ``EvaluationSettings``.
        check_duplicates: reject every record whose id repeats in its file, as
            :func:`~threeno.io.datasets.load_dataset` does (each file is read twice: a
            first pass keeps every id, about a hundred bytes each, to find those that
            repeat; ``False`` when ids are known to be unique).
        strict: raise if any line was rejected.
        limits: the longest line and deepest nesting read, as
            :func:`~threeno.io.datasets.load_dataset` reads them
            (:class:`~threeno.io.datasets.LoadLimits`;
            :data:`~threeno.io.datasets.DEFAULT_LIMITS` by default): a JSON Lines line
            beyond one is rejected, a CSV line beyond ``line_bytes`` stops the
            evaluation. ``file_bytes`` does not apply: files are streamed, whatever
            their size.
        alternatives: other plans (revisions of ``plan``, or other plans) evaluated on
            the same lines in the same pass, each line read once for all of them
            (:class:`~threeno.indicators.multi.Evaluators`); each with the settings
            given and, where a setting is ``None``, its own plan's. ``None`` (the
            default): ``plan`` alone. (A partitioned path, such as Dask, does not exist
            yet; partitions of each side merge as any evaluations do.)

    Returns:
        The :class:`~threeno.indicators.results.Evaluation` and the
        :class:`~threeno.io.report.LoadReport` of the lines read; with ``alternatives``
        a third item, the evaluation of each alternative in order, each equal to
        ``evaluate_stream(alternative, folder, period, ...)[0]``.

    Raises:
        DatasetError: when ``folder`` is not a folder of records, a file is unreadable
            (a CSV line beyond ``limits``), or ``limits`` is not a
            :class:`~threeno.io.datasets.LoadLimits`; with ``strict=True``, a
            :class:`~threeno.io.report.LoadReportError` when a line was rejected.
        ValidationError: for a bad setting (see the Evaluator).
        UnitError: for a unit not in scope (see the Evaluator).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``suspension_counts_as_resolved``.
    .. versionchanged:: 0.2.0 ``alternatives``.
    """
    check_limits(limits, "evaluate_stream")
    where = Path(folder)
    files = record_files(where)
    settings = EvaluationSettings(
        units=units,
        indicators=indicators,
        crosswalk=crosswalk,
        explain=explain,
        registry=registry,
        calendar=calendar,
        count_receipt_day=count_receipt_day,
        suspension_counts_as_resolved=suspension_counts_as_resolved,
    )
    evaluator = Evaluators([plan, *(alternatives or ())], period, settings)
    reports: list[tuple[str, LoadReport]] = []
    for name, path in files:
        with iter_records(path, name, check_duplicates=check_duplicates, limits=limits) as stream:
            evaluator.add(name, stream)
            reports.append((name, stream.report))
    load_report = combine_reports(str(where), reports, limits)
    if strict and not load_report.ok:
        raise LoadReportError(load_report)
    first, *others = evaluator.result()
    if alternatives is None:
        return first, load_report
    return first, load_report, tuple(others)
