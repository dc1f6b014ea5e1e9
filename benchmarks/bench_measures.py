"""The benchmarks' measures: timing, the three ways of computing, memory, imports, profiles.

Times are medians of runs in this one process, interleaved when two things are
compared; memory is measured in a fresh interpreter per figure (``run.py --child``), as
the peak resident set. :class:`Results` keeps every figure of a run; :class:`Tier` the
settings of one size.
"""

from __future__ import annotations

import contextlib
import cProfile
import gc
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeVar, cast

import attrs

from threeno.io.datasets import iter_records, load_dataset
from threeno.io.stream import evaluate_stream
from threeno.model._sharing import keeping_all
from threeno.model.dataset import RECORD_TYPES
from threeno.model.enums import Decision
from threeno.plans import load_plan
from threeno.rules.time_limits import time_limit
from threeno.testing import synthetic

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence

    import duckdb

    from threeno.indicators.results import Evaluation
    from threeno.model.crime import CrimeReport
    from threeno.model.period import ReportingPeriod
    from threeno.model.plan import Plan
    from threeno.rules.calendar import DayOffCalendar

from bench_data import BASE_SIZE, IN_MEMORY_MAX, PERIOD, PLAN_ID

T = TypeVar("T")

#: The crime-report indicators the hand-written loop and DuckDB compute too.
CRIME: Final = ("reports.received", "reports.resolved", "reports.on_time", "reports.overdue")
#: The six numbers compared, per unit and in total.
FIGURES: Final = (
    "received",
    "resolved num.",
    "resolved den.",
    "on time num.",
    "on time den.",
    "overdue",
)
IMPORT_RUNS: Final = 15
#: What each import measure runs (``python -c ...``); the last, a first evaluate_stream of
#: the bundled demo data for the plan's year.
IMPORTS: Final = {
    "python": "pass",
    "dependencies": "import attrs, cattrs, pendulum",
    "dependencies + holidays": "import attrs, cattrs, pendulum, holidays",
    "threeno": "import threeno",
    "load_plan, evaluate_stream": "from threeno import load_plan, evaluate_stream",
    "first evaluate_stream": (
        "from threeno import load_plan, evaluate_stream\n"
        f"plan = load_plan({PLAN_ID!r})\n"
        f"evaluate_stream(plan, {str(synthetic.demo_path(PLAN_ID))!r}, plan.period({PERIOD!r}))"
    ),
}
#: The bad-line measures: name, child kind, which file, and options.
BAD_LINE_MEASURES: Final[tuple[tuple[str, str, str, dict[str, object]], ...]] = (
    ("iter_records, bad lines", "iter", "bad", {}),
    ("iter_records, good lines", "iter", "good", {}),
    ("iter_records, good lines, no duplicate check", "iter", "good", {"check_duplicates": False}),
    ("evaluate_stream, bad lines", "stream-lines", "bad", {}),
    ("evaluate_stream, good lines", "stream-lines", "good", {}),
    ("load_dataset, bad lines", "load-lines", "bad", {}),
)


Figures = dict[str, tuple[int, ...]]

#: The script a measure in a fresh interpreter runs (``run.py --child``).
RUN: Final = Path(__file__).resolve().parent / "run.py"


# -- small helpers ---------------------------------------------------------------------


def _status_kb(field: str) -> int:
    """A memory figure of this process from ``/proc/self/status`` (Linux), in KiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    msg = f"no {field} in /proc/self/status"
    raise RuntimeError(msg)


def _reset_peak() -> None:
    """Reset this process's peak resident set to its current size (Linux 4.0+).

    ``ru_maxrss`` cannot be used: Linux carries it over from the parent through fork and
    exec, so a child of a large benchmark process starts with the parent's peak.
    """
    # On an older kernel the peak then includes start-up, which only overstates it.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


class Timing(NamedTuple):
    """The median wall time and the median CPU time of this process, in seconds."""

    wall: float
    cpu: float


def interleaved(fns: Sequence[Callable[[], object]], runs: int) -> list[tuple[Timing, object]]:
    """Time each function ``runs`` times, in turns so that drift hits all alike.

    Returns, per function, the medians and what its last call returned (the previous
    result is dropped before each call, so that it does not weigh on the next).
    """
    walls: list[list[float]] = [[] for _ in fns]
    cpus: list[list[float]] = [[] for _ in fns]
    results: list[object] = [None] * len(fns)
    for _ in range(runs):
        for i, fn in enumerate(fns):
            results[i] = None
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            results[i] = fn()
            walls[i].append(time.perf_counter() - start)
            cpus[i].append(time.process_time() - start_cpu)
    return [
        (Timing(statistics.median(w), statistics.median(c)), r)
        for w, c, r in zip(walls, cpus, results, strict=True)
    ]


def timed(fn: Callable[[], T], runs: int) -> tuple[Timing, T]:
    """The medians of ``runs`` calls of ``fn``, and what the last call returned."""
    ((timing, result),) = interleaved([fn], runs)
    return timing, cast("T", result)


def runs_for(size: int, quick_runs: int) -> int:
    """Runs per measure: fewer for the larger sizes, one above a million (a single run)."""
    if size > IN_MEMORY_MAX:
        return 1
    return quick_runs if size <= BASE_SIZE else max(3, quick_runs // 2)


def named(base: str, series: str) -> str:
    """A measure's name for a series of crime reports: ``evaluate_stream [realistic]``."""
    return f"{base} [{series}]"


def _final_on(report: CrimeReport) -> dt.date | None:
    """The date of the final decision (any decision but a suspension: BLTTHS 2015, Art. 147)."""
    decision = report.decision
    if decision is None or decision is Decision.TAM_DINH_CHI:
        return None
    return report.decided_on


# -- the three ways of computing the crime-report indicators ---------------------------


def engine_figures(result: Evaluation, codes: Sequence[str]) -> Figures:
    """The six numbers per unit and in total, read from threeno's evaluation."""
    received, resolved, on_time, overdue = (result[i] for i in CRIME)
    out: Figures = {}
    for code in (*codes, "total"):
        parts = [
            s.total if code == "total" else s.by_unit[code]
            for s in (received, resolved, on_time, overdue)
        ]
        out[code] = (
            parts[0].numerator,
            parts[1].numerator,
            parts[1].denominator or 0,
            parts[2].numerator,
            parts[2].denominator or 0,
            parts[3].numerator,
        )
    return out


def _with_total(counts: dict[str, list[int]]) -> Figures:
    out: Figures = {code: tuple(c) for code, c in counts.items()}
    out["total"] = tuple(sum(c[i] for c in counts.values()) for i in range(len(FIGURES)))
    return out


def hand_loop(
    reports: Iterable[CrimeReport],
    codes: Sequence[str],
    period: ReportingPeriod,
    calendar: DayOffCalendar,
) -> Figures:
    """The four crime-report indicators in one plain pass, written by hand.

    The same rules as :mod:`threeno.indicators.counting` (Bộ luật Tố tụng hình sự 2015,
    Art. 146-149), with plain dates and one call of
    :func:`~threeno.rules.time_limits.time_limit` for the reports that need a limit.
    A report counts in its ``unit_code`` if that code is one of the plan's units in
    force at the period's end (the synthetic codes are all valid on their dates, so
    the engine's date-aware look-up gives the same).
    """
    start, end = period.start, period.end
    counts = {code: [0] * len(FIGURES) for code in codes}
    suspension = Decision.TAM_DINH_CHI
    for report in reports:
        tally = counts.get(report.unit_code)
        received = report.received_on
        if tally is None or received > end:
            continue
        decision = report.decision
        final = None if decision is None or decision is suspension else report.decided_on
        if received >= start:
            tally[0] += 1  # received in the period
        if final is not None and final < start:
            continue  # resolved before the period: in no indicator
        tally[2] += 1  # to resolve: pending at the start, or received in the period
        if final is not None and final <= end:
            tally[1] += 1  # resolved in the period
            tally[4] += 1  # ... so judged on time or not
            deadline = time_limit(report, calendar, as_of=final)
            if deadline.missed_limit is None and deadline.date is not None:
                tally[3] += final <= deadline.date
            continue
        # Pending at the period's end: overdue unless suspended then (Art. 148).
        if any(
            s.from_date <= end and (s.resumed_on is None or s.resumed_on > end)
            for s in report.suspensions
        ):
            continue
        limit = time_limit(report, calendar, as_of=end).date
        if limit is not None and limit < end:
            tally[5] += 1
    return _with_total(counts)


def write_limits(
    reports: Iterable[CrimeReport], path: Path, period: ReportingPeriod, calendar: DayOffCalendar
) -> int:
    """Write each report's legal limit for DuckDB, computed as the hand-written loop does.

    ``limit_at_decision``: for a report finally decided in the period, its limit as known
    on the day of the decision (empty when it was suspended after its limit had passed,
    which makes it late whatever the day). ``limit_at_end``: for a report pending at the
    period's end, its limit as known then (empty while suspended).
    """
    start, end = period.start, period.end
    written = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("id,limit_at_decision,limit_at_end\n")
        for report in reports:
            final = _final_on(report)
            if report.received_on > end or (final is not None and final < start):
                continue
            at_decision: dt.date | None = None
            at_end: dt.date | None = None
            if final is not None and final <= end:
                deadline = time_limit(report, calendar, as_of=final)
                at_decision = deadline.date if deadline.missed_limit is None else None
            else:
                at_end = time_limit(report, calendar, as_of=end).date
            out.write(f"{report.id},{at_decision or ''},{at_end or ''}\n")
            written += 1
    return written


_REPORT_COLUMNS: Final = {
    "id": "VARCHAR",
    "unit_code": "VARCHAR",
    "received_on": "DATE",
    "decision": "VARCHAR",
    "decided_on": "DATE",
    "suspensions": "STRUCT(reason VARCHAR, from_date DATE, resumed_on DATE)[]",
}
READ_REPORTS: Final = "read_json($reports, format = 'newline_delimited', columns = $report_columns)"
READ_LIMITS: Final = (
    "read_csv($limits, header = true, nullstr = '',"
    " columns = {'id': 'VARCHAR', 'limit_at_decision': 'DATE', 'limit_at_end': 'DATE'})"
)
# The same rules as hand_loop, in SQL; {reports} and {limits} are the two sources.
_QUERY: Final = """
with r as (
    select
        id, unit_code, received_on,
        case when decision is not null and decision <> 'tam_dinh_chi' then decided_on end
            as final_on,
        len(list_filter(suspensions, lambda s: s.from_date <= $end
            and (s.resumed_on is null or s.resumed_on > $end))) > 0 as suspended_at_end
    from {reports}
    where list_contains($units, unit_code) and received_on <= $end
)
select
    unit_code,
    count(*) filter (where received_on >= $start) as received,
    count(*) filter (where final_on between $start and $end) as resolved_num,
    count(*) filter (where final_on is null or final_on >= $start) as resolved_den,
    count(*) filter (where final_on between $start and $end
        and final_on <= l.limit_at_decision) as on_time_num,
    count(*) filter (where final_on between $start and $end) as on_time_den,
    count(*) filter (where (final_on is null or final_on > $end) and not suspended_at_end
        and l.limit_at_end < $end) as overdue
from r left join {limits} as l using (id)
group by unit_code
"""


def duckdb_figures(
    con: duckdb.DuckDBPyConnection,
    *,
    sources: tuple[str, str],
    parameters: dict[str, object],
    codes: Sequence[str],
) -> Figures:
    """Run the SQL over ``sources`` (a reports and a limits relation) and read the numbers."""
    query = _QUERY.format(reports=sources[0], limits=sources[1])
    used = {k: v for k, v in parameters.items() if f"${k}" in query}
    rows = con.execute(query, used).fetchall()
    counts = {code: [0] * len(FIGURES) for code in codes}
    for unit, *numbers in rows:
        counts[str(unit)] = [int(n) for n in numbers]
    return _with_total(counts)


def duckdb_parameters(
    reports: Path, limits: Path, period: ReportingPeriod, codes: Sequence[str]
) -> dict[str, object]:
    """The parameters of the SQL: files, period, units."""
    return {
        "reports": str(reports),
        "limits": str(limits),
        "report_columns": _REPORT_COLUMNS,
        "start": period.start,
        "end": period.end,
        "units": list(codes),
    }


def duckdb_from_files(parameters: dict[str, object], codes: Sequence[str]) -> Figures:
    """DuckDB end to end: a fresh connection reads the JSON Lines and the limits."""
    import duckdb  # noqa: PLC0415 - not at the top: see child()

    con = duckdb.connect()
    try:
        return duckdb_figures(
            con, sources=(READ_REPORTS, READ_LIMITS), parameters=parameters, codes=codes
        )
    finally:
        con.close()


_COUNT_IDS: Final = (
    "select count(*), count(distinct id) from"
    " read_json($path, format = 'newline_delimited', columns = {'id': 'VARCHAR'})"
)


def duckdb_mixed(
    folder: Path, parameters: dict[str, object], codes: Sequence[str]
) -> tuple[Figures, dict[str, tuple[int, int]]]:
    """DuckDB over a mixed folder: the crime-report figures, and every other file read.

    DuckDB computes the crime-report indicators only (the other indicators' joins are
    not written in SQL); every other file it reads whole, counting its records and its
    distinct ids (the duplicate check's work): a floor for what the whole catalogue
    needs, so the ratio to it overstates threeno's cost.
    """
    import duckdb  # noqa: PLC0415 - not at the top: see child()

    con = duckdb.connect()
    try:
        figures = duckdb_figures(
            con, sources=(READ_REPORTS, READ_LIMITS), parameters=parameters, codes=codes
        )
        counted: dict[str, tuple[int, int]] = {}
        for name in RECORD_TYPES:
            path = folder / f"{name}.jsonl"
            if name == "crime_reports" or path.stat().st_size == 0:
                continue
            row = con.execute(_COUNT_IDS, {"path": str(path)}).fetchone()
            if row is None:  # pragma: no cover - an aggregate always returns a row
                msg = f"DuckDB returned nothing for {path}"
                raise RuntimeError(msg)
            counted[name] = (int(row[0]), int(row[1]))
    finally:
        con.close()
    return figures, counted


def check_same(name: str, expected: Figures, actual: Figures) -> None:
    """Fail loudly, naming the unit and the numbers, when two ways disagree."""
    if expected != actual:
        for code in sorted(set(expected) | set(actual)):
            if expected.get(code) != actual.get(code):
                msg = (
                    f"{name} disagrees with threeno's evaluate in unit {code}:"
                    f" {dict(zip(FIGURES, expected.get(code, ()), strict=False))} against"
                    f" {dict(zip(FIGURES, actual.get(code, ()), strict=False))}"
                )
                raise AssertionError(msg)


def totals(result: Evaluation) -> dict[str, tuple[object, object]]:
    """Every indicator's numerator and denominator for the whole area."""
    return {i: (result[i].total.numerator, result[i].total.denominator) for i in result}


# -- memory, in a fresh interpreter per figure -----------------------------------------


def _held_by_type(folder: Path) -> dict[str, float]:
    """Bytes held per record of each type, read with ``iter_records`` (no cross checks).

    The records are kept as ``load_dataset`` keeps them (``keeping_all``: a reference
    shares the string of the id it names, however far apart they are read).
    """
    kept: list[list[object]] = []
    out: dict[str, float] = {}
    with keeping_all():
        for name in RECORD_TYPES:
            path = folder / f"{name}.jsonl"
            gc.collect()
            before = _status_kb("VmRSS")
            with iter_records(path, name, check_duplicates=False) as stream:
                kept.append(list(stream))
            gc.collect()
            # Below a thousand records, the resident set moves by whole pages: no figure.
            if len(kept[-1]) >= 1000:
                out[name] = (_status_kb("VmRSS") - before) * 1024 / len(kept[-1])
    return out


_LINE_KINDS: Final = ("iter", "load-lines", "stream-lines")


def _line_measure(
    kind: str, path: Path, spec: dict[str, Any], plan: Plan, period: ReportingPeriod
) -> dict[str, Any]:
    """A bad-line measure: records accepted and rejected, rejections listed."""
    if kind == "iter":  # stream a file: its records and its report, nothing kept
        checked = spec.get("check_duplicates", True)
        with iter_records(path, "model_reviews", check_duplicates=checked) as stream:
            accepted = sum(1 for _ in stream)
            report = stream.report
    elif kind == "load-lines":
        dataset, report = load_dataset(path)
        accepted = len(dataset)
    else:
        _, report = evaluate_stream(plan, path, period, explain="none")
        accepted = report.accepted
    return {"accepted": accepted, "rejected": report.rejected, "listed": len(report.rejections)}


def child(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one measure in this (fresh) process and return its time and memory.

     ``baseline_kb`` is the resident set once the interpreter, threeno and the plan are
     loaded; ``peak_kb`` the largest resident set during the measure; ``growth_kb`` the
     difference, the memory the measure itself needed.

     DuckDB is imported by the DuckDB measure only, before the baseline is read (its
     library is about 15 MB of resident set that no other measure uses): this module
     imports it where it is used, not at the top.

     Kinds: ``load``, ``held``, ``stream``, ``duckdb`` (above); ``write``:
     :func:`threeno.testing.synthetic.write_jsonl` of the plan at ``scale`` into ``path``
    , with the records and bytes written; ``baseline``: nothing, so that the
     peak is that of a process that has only imported threeno and loaded the plan.
    """
    kind = spec["kind"]
    if kind in {"duckdb", "duckdb-mixed"}:
        import duckdb  # noqa: F401, PLC0415 - loaded before the baseline, as said above

    plan = load_plan(PLAN_ID)
    period = plan.period(PERIOD)
    path = Path(spec.get("path", "."))
    gc.collect()
    _reset_peak()
    baseline = _status_kb("VmRSS")
    start = time.perf_counter()
    out: dict[str, Any] = {}
    if kind == "load":
        dataset, _ = load_dataset(path)
        out["records"] = len(dataset)
        out["seconds"] = time.perf_counter() - start
        gc.collect()
        out["held_kb"] = _status_kb("VmRSS") - baseline
    elif kind == "held":
        out["bytes_per_record"] = _held_by_type(path)
    elif kind == "stream":
        evaluate_stream(
            plan,
            path,
            period,
            indicators=spec.get("indicators"),
            explain=spec.get("explain", "failures"),
            check_duplicates=spec.get("check_duplicates", True),
            reread=spec.get("reread", True),
        )
        out["seconds"] = time.perf_counter() - start
    elif kind in {"duckdb", "duckdb-mixed"}:
        codes = [u.code for u in plan.units_in_scope(period.end)]
        reports = path / "crime_reports.jsonl" if kind == "duckdb-mixed" else path
        parameters = duckdb_parameters(reports, Path(spec["limits"]), period, codes)
        if kind == "duckdb":
            duckdb_from_files(parameters, codes)
        else:
            duckdb_mixed(path, parameters, codes)
        out["seconds"] = time.perf_counter() - start
    elif kind == "write":
        counts = synthetic.write_jsonl(plan, path, seed=spec["seed"], scale=spec["scale"])
        out["seconds"] = time.perf_counter() - start
        out["records"] = sum(counts.values())
        out["bytes"] = sum(f.stat().st_size for f in path.glob("*.jsonl"))
    elif kind in _LINE_KINDS:
        out.update(_line_measure(kind, path, spec, plan, period))
        out["seconds"] = time.perf_counter() - start
    elif kind == "baseline":
        pass  # measure nothing: the peak of Python, threeno and the plan alone
    else:
        msg = f"unknown child measure {kind!r}"
        raise ValueError(msg)
    peak = _status_kb("VmHWM")
    out.update(baseline_kb=baseline, peak_kb=peak, growth_kb=peak - baseline)
    return out


def in_child(**spec: object) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter and read its answer."""
    command = [sys.executable, str(RUN), "--child", json.dumps(spec)]
    # Our own script, run with our own interpreter: no untrusted input.
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        msg = f"child measure {spec} failed:\n{done.stderr}"
        raise RuntimeError(msg)
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


# -- import time -----------------------------------------------------------------------


def _import_env(cache: Path) -> dict[str, str]:
    """The environment of the import measures: bytecode cached, as after ``pip install``.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some containers) a source tree is compiled
    again at every start, which is not what a user of an installed package pays; the
    bytecode goes to a cache of our own (``PYTHONPYCACHEPREFIX``), for every module alike.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def _start_time(code: str, env: dict[str, str]) -> float:
    command = [sys.executable, "-c", code]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env)  # noqa: S603 - our interpreter, fixed code
    return time.perf_counter() - start


def import_times(runs: int, cache: Path) -> dict[str, float]:
    """Median start-up time of fresh interpreters, interleaved so that drift hits all alike."""
    codes = IMPORTS
    env = _import_env(cache)
    for code in codes.values():
        _start_time(code, env)  # compile and cache the bytecode first
    samples: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            samples[name].append(_start_time(code, env))
    return {name: statistics.median(times) for name, times in samples.items()}


def import_breakdown(top: int, cache: Path) -> list[tuple[str, float, float]]:
    """The modules that ``import threeno`` spends most in (``-X importtime``), self and total."""
    command = [sys.executable, "-X", "importtime", "-c", "import threeno"]
    env = _import_env(cache)
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)  # noqa: S603
    rows: list[tuple[str, float, float]] = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        rows.append((parts[2].strip(), int(parts[0]) / 1000, int(parts[1]) / 1000))
    rows.sort(key=lambda row: row[1], reverse=True)
    return rows[:top]


# -- profiles --------------------------------------------------------------------------

_COMPONENTS: Final = (
    ("<cattrs generated", "cattrs: generated structuring code"),
    ("<attrs generated", "attrs: generated __init__ (runs the model's validators)"),
    ("/cattrs/", "cattrs: runtime"),
    ("/attr/", "attrs: runtime and validators"),
    ("/attrs/", "attrs: runtime and validators"),
    ("/json/", "json: decoding"),
    ("/threeno/io/converter", "threeno.io.converter: hooks (dates, enums, text)"),
    ("/threeno/io/", "threeno.io: reading lines, accounting (datasets.py)"),
    ("/threeno/model/", "threeno.model: validators"),
    ("/threeno/rules/", "threeno.rules: time limits, calendar"),
    ("/threeno/indicators/", "threeno.indicators: engine, accumulators"),
)


def _component(file: str, name: str) -> str:
    for marker, label in _COMPONENTS:
        if marker in file:
            return label
    if file == "~":
        if "_json" in name or "json" in name:
            return "json: decoding"
        if "decode" in name:
            return "bytes.decode (UTF-8)"
        return "built-ins (isinstance, dict, list, ...)"
    return "other"


Profile = tuple[float, list[tuple[str, float]], list[tuple[str, float]]]


def profile(
    fn: Callable[[], object], top: int
) -> tuple[float, list[tuple[str, float]], list[tuple[str, float]]]:
    """Profile one call: total, the share of each component, the costliest functions."""
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # untyped in typeshed
    total = sum(entry[2] for entry in stats.values())
    groups: dict[str, float] = {}
    functions: list[tuple[str, float]] = []
    for (file, line, name), entry in stats.items():
        own = entry[2]
        label = _component(file, name)
        groups[label] = groups.get(label, 0.0) + own
        where = name if file == "~" else f"{_short(file)}:{line} {name}"
        functions.append((where, own))
    functions.sort(key=lambda item: item[1], reverse=True)
    shares = sorted(((k, v / total) for k, v in groups.items()), key=lambda kv: -kv[1])
    return total, shares, [(w, s / total) for w, s in functions[:top]]


def _short(file: str) -> str:
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# -- the run ---------------------------------------------------------------------------


class Results:
    """Every figure of the run, by measure and size."""

    def __init__(self) -> None:
        """Start empty."""
        self.times: dict[str, dict[int, float]] = {}
        self.cpu: dict[str, dict[int, float]] = {}
        self.values: dict[str, dict[int, float]] = {}
        self.counts: dict[int, dict[str, int]] = {}
        self.reports: dict[int, int] = {}
        self.imports: dict[str, float] = {}
        self.import_top: list[tuple[str, float, float]] = []
        self.profiles: dict[str, Profile] = {}
        self.held: dict[str, float] = {}
        self.runs: dict[int, int] = {}
        self.load_average: list[tuple[float, float, float]] = []
        #: write_jsonl's memory by scale (:func:`run_write_jsonl`); empty if not measured.
        self.write: dict[str, Any] = {}
        #: Distinct time-limit keys by series (and ``mixed``) and size.
        self.limit_keys: dict[str, dict[int, int]] = {}
        #: Crime reports by series and size.
        self.series_reports: dict[str, dict[int, int]] = {}
        #: Every agreement checked: series, size, the way, what was compared, the totals.
        self.agreed: list[tuple[str, int, str, str, str]] = []
        #: The single run at national scale (``--only scale-10m``): its command and date.
        self.national: dict[str, Any] = {}

    def to_json(self) -> dict[str, Any]:
        """Every figure as JSON (sizes become text keys)."""
        return {
            "times": self.times,
            "cpu": self.cpu,
            "values": self.values,
            "counts": self.counts,
            "reports": self.reports,
            "imports": self.imports,
            "import_top": self.import_top,
            "profiles": self.profiles,
            "held": self.held,
            "runs": self.runs,
            "load_average": self.load_average,
            "write": self.write,
            "limit_keys": self.limit_keys,
            "series_reports": self.series_reports,
            "agreed": self.agreed,
            "national": self.national,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Results:
        """The figures :meth:`to_json` wrote."""

        def by_size(table: dict[str, Any]) -> dict[int, Any]:
            return {int(size): value for size, value in table.items()}

        results = cls()
        for name in ("times", "cpu", "values"):
            setattr(results, name, {k: by_size(v) for k, v in data[name].items()})
        results.counts = by_size(data["counts"])
        results.reports = by_size(data["reports"])
        results.runs = by_size(data["runs"])
        results.imports = data["imports"]
        results.import_top = [(n, own, total) for n, own, total in data["import_top"]]
        results.profiles = {
            name: (total, [(k, v) for k, v in shares], [(k, v) for k, v in functions])
            for name, (total, shares, functions) in data["profiles"].items()
        }
        results.held = data["held"]
        results.load_average = [(a, b, c) for a, b, c in data["load_average"]]
        # Runs saved before write_jsonl was measured have no such figures.
        results.write = data.get("write", {})
        results.limit_keys = {k: by_size(v) for k, v in data.get("limit_keys", {}).items()}
        results.series_reports = {k: by_size(v) for k, v in data.get("series_reports", {}).items()}
        results.agreed = [(a, int(b), c, d, e) for a, b, c, d, e in data.get("agreed", [])]
        results.national = data.get("national", {})
        return results

    def time(self, name: str, size: int, timing: Timing) -> None:
        """Keep a time: wall and CPU, in seconds."""
        self.times.setdefault(name, {})[size] = timing.wall
        self.cpu.setdefault(name, {})[size] = timing.cpu
        print(f"    {name:<58} {timing.wall:9.3f} s (CPU {timing.cpu:.3f} s)")

    def value(self, name: str, size: int, value: float, unit: str) -> None:
        """Keep another figure."""
        self.values.setdefault(name, {})[size] = value
        print(f"    {name:<58} {value:11,.1f} {unit}")


@attrs.frozen(kw_only=True)
class Tier:
    """One size: the settings every measure of it shares."""

    plan: Plan
    period: ReportingPeriod
    codes: tuple[str, ...]
    size: int
    runs: int
    results: Results
    data: Path

    def time(self, name: str, fn: Callable[[], T], runs: int | None = None) -> T:
        """Time ``fn`` (median of the tier's runs), keep the time, return its result."""
        timing, result = timed(fn, self.runs if runs is None else runs)
        self.results.time(name, self.size, timing)
        return result

    def compare(self, named: dict[str, Callable[[], object]]) -> list[object]:
        """Time several functions in turns (:func:`interleaved`); keep each time."""
        measured = interleaved(list(named.values()), self.runs)
        for name, (timing, _) in zip(named, measured, strict=True):
            self.results.time(name, self.size, timing)
        return [result for _, result in measured]

    def agree(
        self, series: str, way: str, expected: Figures, actual: Figures, against: str
    ) -> None:
        """Check that ``way`` computes ``expected`` (:func:`check_same`) and keep the check."""
        check_same(f"{way} ({series})", expected, actual)
        total = ", ".join(str(n) for n in expected["total"])
        self.results.agreed.append((series, self.size, way, against, total))

    def memory(self, name: str, **spec: object) -> dict[str, Any]:
        """Measure in a fresh interpreter; keep its growth and peak in MB."""
        memory = in_child(**spec)
        self.results.value(f"{name}: peak growth", self.size, memory["growth_kb"] / 1024, "MB")
        self.results.value(f"{name}: peak RSS", self.size, memory["peak_kb"] / 1024, "MB")
        return memory
