"""Evaluating a folder of records without loading it: the engine's streaming mode.

:func:`evaluate_stream` reads a folder of JSON Lines (or CSV) files, one per record type,
named as :func:`threeno.io.datasets.load_dataset` expects (``crime_reports.jsonl``, ...),
line by line (the steps of :mod:`threeno.io.partitions`, each file one range), and feeds
each record to the indicator engine (:class:`threeno.indicators.engine.Evaluator`) as it
is read, so the records themselves are never all in memory. What does grow with the
files: the ids' digests kept to refuse duplicates (``check_duplicates``, 8 bytes a
record), the explanations kept (under the default ``explain="failures"``, one per
failing record: for a crime report of a JSON Lines file, the offset of its line only,
8 bytes, its entries made when the explanation is first read, ``reread``) and the
per-person state of the joins (outreach and support coverage). With ``explain="none"``
and ``check_duplicates=False`` an evaluation of crime reports stays flat; the measured
figures are in ``docs/performance.md``.

It lives in ``io`` because it reads files: the indicator engine takes records from any
iterable (:func:`threeno.indicators.engine.evaluate_records`) and knows nothing of files.

Plan clauses: every clause of the catalogue; the indicators guide
(``docs/guides/indicators.md``, "Streams and partitions").

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0 an Excel workbook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from threeno.indicators.settings import EvaluationSettings
from threeno.io._limits import check_limits
from threeno.io.datasets import DEFAULT_LIMITS, LoadLimits
from threeno.io.partitions import StreamJob, evaluate_split, find_repeats, split_folder

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from threeno.indicators.definitions import Indicator
    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan
    from threeno.model.units import UnitRegistry
    from threeno.rules.calendar import DayOffCalendar

__all__ = ["evaluate_stream"]


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
    reread: bool = True,
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
    reread: bool = True,
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
    reread: bool = True,
    limits: LoadLimits = DEFAULT_LIMITS,
    alternatives: Sequence[Plan] | None = None,
) -> tuple[Evaluation, LoadReport] | tuple[Evaluation, LoadReport, tuple[Evaluation, ...]]:
    """Evaluate a plan on a folder of JSON Lines (or CSV) files, reading each line once.

    An Excel workbook (``.xlsx``, the ``excel`` extra) is read the same way, sheet by
    sheet, row by row (:mod:`threeno.io.xlsx`).

    The result equals ``evaluate(plan, load_dataset(folder)[0], period, ...)`` with the
    same settings: the engine is the same, fed line by line. It runs the steps of
    :mod:`threeno.io.partitions` one after the other, each file one range; a scheduler
    that runs them on byte ranges of the files, in any order, gets the same result. Like
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
        explain: ``"failures"`` by default (keeps an entry per failing record, or,
            with ``reread``, where a failing crime report's line is); ``"none"`` keeps
            none.
        registry: see ``EvaluationSettings``.
        calendar: see ``EvaluationSettings``.
        count_receipt_day: see ``EvaluationSettings``.
        suspension_counts_as_resolved: see ``EvaluationSettings``.
        check_duplicates: reject every record whose id repeats in its file, as
            :func:`~threeno.io.datasets.load_dataset` does (each file is read twice: a
            first pass keeps every id as an 8-byte digest, about 17 bytes a record at
            its peak, to find those that repeat, and a file where a digest repeats is
            read a third time to check its ids exactly:
            :func:`~threeno.io.partitions.find_repeats`; ``False`` when ids are known
            to be unique).
        strict: raise if any line was rejected.
        reread: ``True`` (the default): a crime report's entries of an explanation are
            made when the explanation is first read, from its line read again (a JSON
            Lines file: 8 bytes a report until then, so memory stays flat); the file
            must then stay as it is until the explanations are read (else they raise a
            ``DatasetError``, ``file_changed_since_read``, naming it). ``False``: the
            entries are kept as the reports are read. CSV and Excel files keep them.
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
            default): ``plan`` alone.

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
    .. versionchanged:: 0.2.0 ``reread``: a crime report's explanation made from its
       line when first read.
    .. versionchanged:: 0.2.0 runs on :mod:`threeno.io.partitions`; repeated ids are
       found as 64-bit digests.
    """
    check_limits(limits, "evaluate_stream")
    split = split_folder(folder, limits=limits)
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
    job = StreamJob(
        plans=(plan, *(alternatives or ())),
        period=period,
        settings=settings,
        limits=limits,
        alternatives=alternatives is not None,
        strict=strict,
        reread=reread,
    )
    sides = job.evaluators()  # a bad setting is refused before anything is read
    repeats = find_repeats(split.ranges, limits) if check_duplicates else None
    return evaluate_split(job, split, repeats, sides=sides)
