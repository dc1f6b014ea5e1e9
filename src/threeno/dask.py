"""The same evaluation on a Dask cluster: files read where the workers are, parts merged.

:func:`evaluate_dask` evaluates a plan over a period on many files of records (a folder,
a glob or a list of paths, each file one record type named as the data dictionary names
them: ``crime_reports.jsonl``, ``subjects.csv``...) on a ``distributed.Client``: the
caller's, or one of a local cluster started for the call and closed after it. The
result is the :class:`~threeno.indicators.results.Evaluation` and the
:class:`~threeno.io.report.LoadReport` that :func:`threeno.io.stream.evaluate_stream`
gives on the same folder, equal byte for byte in their JSON: the engine and the readers
are the same, run on the workers, and the evaluators' states merge associatively
(:meth:`EvaluatorState.merge <threeno.indicators.state.EvaluatorState.merge>`).

The steps are those of ``threeno.io.partitions``, each range of a file a task: the
files are listed here (nothing read); each JSON Lines file is cut at line ends into
ranges of about ``partition_bytes`` on a worker (a CSV file whole, a workbook one sheet
each); when duplicates are checked, each range's ids are scanned as 8-byte digests, the
scans merged in pairs, and the candidates (digests seen twice) re-checked exactly in
each range; then each range is evaluated and the partials merged in pairs, a tree of
depth log₂ of the ranges. The plans, the period and the settings go to the scheduler
once, as the one task every evaluation reads; each worker fetches its result once. What
crosses the network is small: paths and offsets, digests, the repeated ids, and
partials (each plan's evaluator's state: the accumulators' counts, the explanation
entries asked for, 8 bytes per record; never the plan, an evaluation or a record); only
the ranges and the last partial come back to the caller, which builds each evaluation
once (:func:`~threeno.io.partitions.finish`).
A worker that dies is replaced by its nanny and Dask runs its tasks again from their
inputs (paths, and the job's task, which the scheduler keeps), so the result does not
change.

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
from typing import TYPE_CHECKING, Final, TypeVar, overload

import attrs

from threeno.errors import DatasetError, ValidationError
from threeno.indicators.settings import EvaluationSettings
from threeno.io._files import FOLDER, input_kind, raise_coded
from threeno.io._limits import check_limits
from threeno.io.datasets import DEFAULT_LIMITS, LoadLimits
from threeno.io.partitions import (
    ByteRange,
    IdPlaces,
    IdScan,
    Partial,
    Split,
    StreamJob,
    evaluate_range,
    finish,
    merge_partials,
    merge_places,
    merge_scans,
    recheck_ids,
    scan_ids,
    split_file,
    split_folder,
)
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    import distributed

    from threeno.indicators.definitions import Indicator
    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan
    from threeno.model.units import UnitRegistry
    from threeno.rules.calendar import DayOffCalendar

__all__ = ["DEFAULT_PARTITION_BYTES", "evaluate_dask"]

T = TypeVar("T")

#: The suffixes of the files of records a source may name.
_SUFFIXES: Final = (".jsonl", ".csv")


#: About how many bytes of a JSON Lines file one task reads (``partition_bytes``), 64 MiB.
DEFAULT_PARTITION_BYTES: Final = 64 << 20


def _job(job: StreamJob) -> StreamJob:
    """The plans and settings, as a task's result: what the other tasks read."""
    return job


def _cut(rng: ByteRange, partition_bytes: int, limits: LoadLimits) -> tuple[ByteRange, ...]:
    """A whole file's range cut at line ends (on a worker: the file is read there)."""
    if rng.format != "jsonl":  # a CSV file whole, a workbook's sheet whole
        return (rng,)
    return split_file(rng.path, rng.record_type, partition_bytes, limits)


def _candidates(scan: IdScan) -> dict[str, tuple[int, ...]]:
    """The digests seen twice or more, by record type: what the re-check reads again."""
    return {name: tuple(found) for name, found in scan.repeated.items() if found}


def _repeats(places: IdPlaces) -> IdPlaces:
    """The ids repeated: those of two places or more."""
    return places.repeats()


def _tree(
    client: distributed.Client,
    merge: Callable[[T, T], T],
    parts: Sequence[distributed.Future[T]],
) -> distributed.Future[T]:
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
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], limits: LoadLimits
) -> Split:
    """The source as whole files (not read yet): what the load report names, the notes.

    A folder (or a workbook) is listed as :func:`~threeno.io.stream.evaluate_stream`
    lists it; the files of a glob or a list come in the data dictionary's order of
    types, then in the order given (a glob's matches sorted), and a type none of them
    holds is noted as a folder without its file is.
    """
    if isinstance(source, str | os.PathLike):
        text = os.fspath(source)
        if os.path.lexists(text) or not glob.has_magic(text):
            return split_folder(text, limits=limits)
        paths = [Path(p) for p in sorted(glob.glob(text))]  # noqa: PTH207 - a pattern given as text
        if not paths:
            raise_coded(DatasetError, "dask_glob_empty", pattern=text)
        label = text
    else:
        paths = [Path(p) for p in source]
        if not paths:
            raise_coded(DatasetError, "dask_glob_empty", pattern="[]")
        label = ", ".join(str(p) for p in paths)
    order = {name: rank for rank, name in enumerate(RECORD_TYPES)}
    ranges = sorted(
        (
            ByteRange(path=str(p), record_type=_record_type(p), format=p.suffix.lower()[1:])
            for p in paths
        ),
        key=lambda rng: order[rng.record_type],  # a stable sort
    )
    present = {rng.record_type for rng in ranges}
    notes = tuple(
        Notice("file_missing", {"file": f"{name}.jsonl", "record_type": name})
        for name in RECORD_TYPES
        if name not in present
    )
    return Split(source=label, ranges=tuple(ranges), notes=notes)


@contextlib.contextmanager
def _client(client: distributed.Client | None, workers: int | None) -> Iterator[distributed.Client]:
    """The caller's client, or one of a local cluster of ``workers`` processes, closed after.

    Raises:
        ImportError: without the ``dask`` extra, saying how to install it.
    """
    try:
        import distributed  # noqa: PLC0415 - the extra: ``import threeno.dask`` works without
    except ImportError:
        msg = 'evaluate_dask needs the dask extra: pip install "threeno[dask]"'
        raise ImportError(msg) from None
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
            dashboard_address=":0",  # a free port: the usual 8787 may be another's
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
    reread: bool = True,
    limits: LoadLimits = DEFAULT_LIMITS,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
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
    reread: bool = True,
    limits: LoadLimits = DEFAULT_LIMITS,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
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
    reread: bool = True,
    limits: LoadLimits = DEFAULT_LIMITS,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
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
        source: a folder of files named after the record types, or an Excel workbook (as
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
        check_duplicates: reject every record whose id repeats, in its file or in
            another file of its type, as :func:`~threeno.io.stream.evaluate_stream`
            does (the ids are read once more, before the evaluation). ``False`` when the
            ids are known to be unique: an id then repeated in two ranges stops the
            merge (``partitions_share_ids``) rather than being counted twice.
        strict: raise if any line was rejected.
        reread: as :func:`~threeno.io.stream.evaluate_stream` takes it (``True`` by
            default: a failing crime report travels as its line's offset); the lines
            are read again where the evaluation is read, so this machine must open the
            files too, unchanged, until then.
        limits: the longest line and deepest nesting read
            (:class:`~threeno.io.datasets.LoadLimits`).
        partition_bytes: the bytes of a JSON Lines file one task reads, about (each
            file is cut at line ends, on a worker, into ranges of this size: 64 MiB by
            default); a CSV file is read whole, a workbook one sheet per task.

    Returns:
        The :class:`~threeno.indicators.results.Evaluation` and the
        :class:`~threeno.io.report.LoadReport`, equal to those of
        :func:`~threeno.io.stream.evaluate_stream` on the same folder; with
        ``alternatives``, a third item, the evaluation of each alternative in order.

    Raises:
        DatasetError: a source that is not a folder of records (or a workbook), a glob
            or list that names no file, a file not named after a record type, an
            unreadable file; with ``strict=True``, a
            :class:`~threeno.io.report.LoadReportError` when a line was rejected.
        ValidationError: for a bad setting, both ``client`` and ``workers``, a number of
            workers or ``partition_bytes`` below 1, or, with ``check_duplicates=False``,
            ranges that share a record id.
        UnitError: for a unit not in scope (see the Evaluator).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.2.0
    """
    check_limits(limits, "evaluate_dask")
    if isinstance(partition_bytes, bool) or not isinstance(partition_bytes, int):
        partition_bytes = 0
    if partition_bytes < 1:
        msg = "must be a whole number of bytes, 1 or more"
        raise ValidationError(msg, cls_name="evaluate_dask", field="partition_bytes")
    whole = _sources(source, limits)
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
    job.evaluators()  # a bad setting or unit is the caller's error, before any cluster
    with _client(client, workers) as cluster:
        ranges, merged = _run(
            cluster, job, whole, partition_bytes, check_duplicates=check_duplicates
        )
    return finish(job, attrs.evolve(whole, ranges=ranges), merged)


def _run(
    cluster: distributed.Client,
    job: StreamJob,
    whole: Split,
    partition_bytes: int,
    *,
    check_duplicates: bool,
) -> tuple[tuple[ByteRange, ...], Partial]:
    """The tasks: cut the files, find the repeated ids, evaluate each range, merge.

    Only the ranges (paths and offsets) and the last partial come back here; the
    futures of each step are dropped once the next step is submitted, so the scheduler
    frees their results as soon as the tasks that read them are done.
    """
    limits = job.limits
    shared = cluster.submit(_job, job, pure=False)
    cuts = [cluster.submit(_cut, r, partition_bytes, limits, pure=False) for r in whole.ranges]
    ranges = tuple(r for cut in cluster.gather(cuts) for r in cut)  # type: ignore[no-untyped-call]
    del cuts
    repeats: distributed.Future[IdPlaces] | None = None
    if check_duplicates:
        scans = [cluster.submit(scan_ids, r, limits, pure=False) for r in ranges]
        candidates = cluster.submit(_candidates, _tree(cluster, merge_scans, scans), pure=False)
        del scans
        places = [cluster.submit(recheck_ids, r, candidates, limits, pure=False) for r in ranges]
        del candidates
        repeats = cluster.submit(_repeats, _tree(cluster, merge_places, places), pure=False)
        del places
    parts = [cluster.submit(evaluate_range, shared, r, repeats, pure=False) for r in ranges]
    del shared, repeats
    merged = _tree(cluster, merge_partials, parts)
    del parts
    return ranges, merged.result()
