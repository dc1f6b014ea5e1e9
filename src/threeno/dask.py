"""The same evaluation on a Dask cluster: files read where the workers are, parts merged.

:func:`evaluate_dask` evaluates a plan over a period on many files of records (a folder,
a glob or a list of paths, each file one record type named as the data dictionary names
them: ``crime_reports.jsonl``, ``subjects.csv``...) on a ``distributed.Client``: the
caller's, or one of a local cluster started for the call and closed after it. The
result is the :class:`~threeno.indicators.results.Evaluation` and the
:class:`~threeno.io.report.LoadReport` that :func:`threeno.io.stream.evaluate_stream`
gives on the same folder, equal byte for byte in their JSON: the engine and the readers
are the same, run on the workers, and partial evaluations merge associatively
(:meth:`Evaluation.merge <threeno.indicators.results.Evaluation.merge>`).

What goes where. The plan (and each alternative), the period and the settings go to
the scheduler once, as the one task every other task reads; each worker fetches it once.
A task reads one file on the worker (a path every worker can open: a shared file
system), evaluates its records and returns the partial state of the accumulators and
its file's load report: counts, the explanations asked for and the ids' 8-byte digests,
never the records. Partials are merged in pairs, as tasks on the workers (a tree of
depth log₂ of the number of files), and only the last one comes back to the caller.
A worker that dies is replaced by Dask, which runs its tasks again from their inputs
(the files and the plan's task), so the result does not change.

Needs the ``dask`` extra (``pip install "threeno[dask]"``: dask and distributed), on
the caller's machine and on every worker, with the same version of threeno. The guide
page "On a Dask cluster" (``docs/guides/dask.md``) sets up a cluster of several machines.

Plan clauses: every clause of the catalogue; plan clause IV.2 (the standing body
consolidates the reports).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import contextlib
import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final, overload

import attrs
import distributed

from threeno.errors import DatasetError, ValidationError
from threeno.indicators.multi import Evaluators
from threeno.indicators.settings import EvaluationSettings
from threeno.io._files import FOLDER, input_kind, raise_coded
from threeno.io._limits import check_limits
from threeno.io.datasets import DEFAULT_LIMITS, LoadLimits, iter_records
from threeno.io.report import LoadReport, LoadReportError
from threeno.io.stream import combine_reports, record_files
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from threeno.indicators.definitions import Indicator
    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan
    from threeno.model.units import UnitRegistry
    from threeno.rules.calendar import DayOffCalendar

__all__ = ["evaluate_dask"]

#: The suffixes of the files of records a source may name.
_SUFFIXES: Final = (".jsonl", ".csv")


@attrs.frozen
class _Job:
    """What every task needs: sent to the scheduler once, fetched once by each worker."""

    plans: tuple[Plan, ...]
    period: ReportingPeriod
    settings: EvaluationSettings
    check_duplicates: bool
    limits: LoadLimits


@attrs.frozen
class _Partial:
    """The evaluation of some files: each side's partial evaluation, each file's report."""

    evaluations: tuple[Evaluation, ...]
    #: (position of the file in the source, record type, the file's load report).
    reports: tuple[tuple[int, str, LoadReport], ...]


def _job(job: _Job) -> _Job:
    """The plans and settings, as a task's result: what the other tasks read."""
    return job


def _evaluate_file(job: _Job, position: int, record_type: str, path: str) -> _Partial:
    """Read one file on a worker and evaluate its records (the task of one file)."""
    sides = Evaluators(job.plans, job.period, job.settings)
    with iter_records(
        path, record_type, check_duplicates=job.check_duplicates, limits=job.limits
    ) as stream:
        sides.add(record_type, stream)
        report = stream.report
    return _Partial(sides.result(), ((position, record_type, report),))


def _merge(first: _Partial, second: _Partial) -> _Partial:
    """Two partials as one (the task of a node of the tree)."""
    return _Partial(
        tuple(a.merge(b) for a, b in zip(first.evaluations, second.evaluations, strict=True)),
        first.reports + second.reports,
    )


def _tree(
    client: distributed.Client,
    merge: Callable[[_Partial, _Partial], _Partial],
    parts: Sequence[distributed.Future[_Partial]],
) -> distributed.Future[_Partial]:
    """Merge ``parts`` in pairs, level by level, keeping their order, on the workers."""
    level = list(parts)
    while len(level) > 1:
        pairs = [
            client.submit(merge, level[i], level[i + 1], pure=False)
            for i in range(0, len(level) - 1, 2)
        ]
        level = pairs + level[len(level) - len(level) % 2 :]
    return level[0]


# -- the source ----------------------------------------------------------------------


def _record_type(path: Path) -> str:
    """The record type a file holds, by its name (``crime_reports.jsonl``)."""
    suffix = path.suffix.lower()
    name = path.name[: -len(suffix)] if suffix else path.name
    if suffix not in _SUFFIXES or name not in RECORD_TYPES:
        raise_coded(
            DatasetError,
            "dask_file_name",
            file=path.name,
            expected=", ".join(f"{n}.jsonl" for n in RECORD_TYPES),
        )
    if input_kind(path, DatasetError) == FOLDER:
        raise_coded(DatasetError, "input_is_folder", path=str(path))
    return name


def _sources(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
) -> tuple[str, list[tuple[str, Path]]]:
    """What the load report names as its source, and each file with its record type.

    A folder's files are found as :func:`~threeno.io.stream.evaluate_stream` finds them;
    the files of a glob or a list are read in the data dictionary's order of types, then
    in the order given (a glob's matches sorted).
    """
    if isinstance(source, str | os.PathLike):
        where = Path(source)
        text = os.fspath(source)
        if os.path.lexists(where) or not glob.has_magic(text):
            if where.suffix.lower() == ".xlsx":
                raise_coded(DatasetError, "dask_workbook", path=str(where))
            return str(where), record_files(where)
        paths = [Path(p) for p in sorted(glob.glob(text))]  # noqa: PTH207 - a pattern given as text
        if not paths:
            raise_coded(DatasetError, "dask_glob_empty", pattern=text)
        label = text
    else:
        paths = [Path(p) for p in source]
        if not paths:
            raise_coded(DatasetError, "dask_glob_empty", pattern="[]")
        label = ", ".join(str(p) for p in paths)
    typed = [(_record_type(p), p) for p in paths]
    order = {name: i for i, name in enumerate(RECORD_TYPES)}
    return label, sorted(typed, key=lambda item: order[item[0]])  # a stable sort


@contextlib.contextmanager
def _client(client: distributed.Client | None, workers: int | None) -> Iterator[distributed.Client]:
    """The caller's client, or one of a local cluster of ``workers`` processes, closed after."""
    if client is not None:
        if workers is not None:
            msg = "give a client or a number of workers for a local cluster, not both"
            raise ValidationError(msg, cls_name="evaluate_dask", field="workers")
        given: object = client
        if not isinstance(given, distributed.Client):
            msg = f"must be a distributed.Client, not {type(given).__name__}"
            raise ValidationError(msg, cls_name="evaluate_dask", field="client")
        yield client
        return
    count = 2 if workers is None else workers
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        msg = "must be a whole number of worker processes, 1 or more"
        raise ValidationError(msg, cls_name="evaluate_dask", field="workers")
    with (
        distributed.LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as local,  # type: ignore[no-untyped-call]
    ):
        yield local


# -- the evaluation ------------------------------------------------------------------


@overload
def evaluate_dask(
    plan: Plan,
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    period: ReportingPeriod,
    *,
    client: distributed.Client | None = None,
    workers: int | None = None,
    alternatives: None = None,
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
) -> tuple[Evaluation, LoadReport]: ...


@overload
def evaluate_dask(
    plan: Plan,
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    period: ReportingPeriod,
    *,
    client: distributed.Client | None = None,
    workers: int | None = None,
    alternatives: Sequence[Plan],
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
) -> tuple[Evaluation, LoadReport, tuple[Evaluation, ...]]: ...


def evaluate_dask(  # noqa: PLR0913 - the evaluation's settings, all keyword-only
    plan: Plan,
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    period: ReportingPeriod,
    *,
    client: distributed.Client | None = None,
    workers: int | None = None,
    alternatives: Sequence[Plan] | None = None,
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
) -> tuple[Evaluation, LoadReport] | tuple[Evaluation, LoadReport, tuple[Evaluation, ...]]:
    """Evaluate a plan on files of records on a Dask cluster, as evaluate_stream does.

    >>> from threeno.dask import evaluate_dask
    >>> from threeno.plans import load_plan
    >>> from threeno.testing.synthetic import demo_path
    >>> plan = load_plan("lai-chau-2024")
    >>> evaluation, report = evaluate_dask(
    ...     plan, demo_path(), plan.period("2024"), workers=2
    ... )  # doctest: +SKIP

    Args:
        plan: the plan.
        source: a folder of files named after the record types (as
            :func:`~threeno.io.stream.evaluate_stream` reads it), a glob
            (``"/data/*/crime_reports.jsonl"``) or a list of paths; each file is one
            record type, named as the data dictionary names it, and every worker must be
            able to open it at that path.
        period: the period.
        client: the ``distributed.Client`` of a running cluster (not closed here);
            ``None``: a local cluster of ``workers`` processes is started for the call
            and closed after it.
        workers: the worker processes of the local cluster (``None``: 2), one thread
            each; only without ``client``.
        alternatives: other plans evaluated on the same records in the same pass, as
            :func:`~threeno.io.stream.evaluate_stream` evaluates them.
        units: see :class:`~threeno.indicators.settings.EvaluationSettings`, which
            describes every setting below once.
        indicators: see ``EvaluationSettings``.
        crosswalk: see ``EvaluationSettings``.
        explain: see ``EvaluationSettings``; ``"failures"`` by default.
        registry: see ``EvaluationSettings``.
        calendar: see ``EvaluationSettings``.
        count_receipt_day: see ``EvaluationSettings``.
        suspension_counts_as_resolved: see ``EvaluationSettings``.
        check_duplicates: reject every record whose id repeats, as
            :func:`~threeno.io.stream.evaluate_stream` does.
        strict: raise if any line was rejected.
        limits: the longest line and deepest nesting read
            (:class:`~threeno.io.datasets.LoadLimits`).

    Returns:
        The :class:`~threeno.indicators.results.Evaluation` and the
        :class:`~threeno.io.report.LoadReport`, equal to those of
        :func:`~threeno.io.stream.evaluate_stream` on the same folder; with
        ``alternatives``, a third item, the evaluation of each alternative in order.

    Raises:
        DatasetError: a source that is not a folder of records, a glob that matches
            nothing, a file not named after a record type, an Excel workbook (read it with
            ``evaluate_stream``), an unreadable file; with ``strict=True``, a
            :class:`~threeno.io.report.LoadReportError` when a line was rejected.
        ValidationError: for a bad setting, both ``client`` and ``workers``, or
            partitions that share a record id (two files of one type with the same id).
        UnitError: for a unit not in scope (see the Evaluator).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.2.0
    """
    check_limits(limits, "evaluate_dask")
    label, files = _sources(source)
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
    plans = (plan, *(alternatives or ()))
    # Checked here, before any cluster starts: a bad setting is the caller's error.
    Evaluators(plans, period, settings)
    job = _Job(plans, period, settings, check_duplicates, limits)
    with _client(client, workers) as cluster:
        shared = cluster.submit(_job, job, pure=False)
        parts = [
            cluster.submit(_evaluate_file, shared, i, name, str(path), pure=False)
            for i, (name, path) in enumerate(files)
        ]
        if not parts:  # pragma: no cover - a folder with no file is refused above
            msg = "no file of records"
            raise DatasetError(msg)
        merged: _Partial = _tree(cluster, _merge, parts).result()
    reports = [(name, report) for _, name, report in sorted(merged.reports)]
    load_report = combine_reports(label, reports, limits)
    if strict and not load_report.ok:
        raise LoadReportError(load_report)
    first, *others = merged.evaluations
    if alternatives is None:
        return first, load_report
    return first, load_report, tuple(others)
