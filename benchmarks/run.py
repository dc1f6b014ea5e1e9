"""Benchmarks: threeno from a city to a nation, measured side by side.

Run from the repository root, in the project's environment with the ``bench`` extra
(DuckDB)::

    python benchmarks/run.py           # 10k, 100k and 1M, both crime-report series
    python benchmarks/run.py --quick   # 10k and 100k only (a few minutes)
    python benchmarks/run.py --only scale-10m  # 10M realistic reports: one single run
    python benchmarks/run.py --render-only  # the page again, from the last run's figures
    python benchmarks/run.py --only write-jsonl  # write_jsonl's memory only, merged in

The script generates synthetic data (cached under ``benchmarks/_data/``, keyed by seed,
size and a hash of the generator's sources), takes the median of several runs of each
measure in this one process, measures memory in a fresh subprocess per figure (the peak
resident set, ``VmHWM``, so that timing is not distorted by ``tracemalloc``), asserts
that every way of computing gives the same numbers, and rewrites the generated part of
``docs/performance.md``.

Three series of data:

* **mixed**: the generator's own output (:mod:`threeno.testing.synthetic`), every record
  type in its proportions, about N records in all, for the plan's one year;
* **realistic**: N crime reports received on every day of six years, decided after
  delays that vary, extended and suspended at illustrative rates, over the plan's units
  (:mod:`bench_realistic`); the targets are judged on it;
* **repeated**: N crime reports, the generator's crime reports of the mixed 100k series
  repeated with fresh ids (``CR-00017~0042``), the series of the earlier runs, kept so
  that old and new figures compare (``--profile both``).

What is measured:

1. ``import threeno``, ``from threeno import load_plan, evaluate_stream`` and a first
   ``evaluate_stream`` against ``import attrs, cattrs, pendulum``, in fresh interpreters,
   each minus the interpreter's own start-up (``python -c pass``);
2. ``load_dataset`` on the mixed JSON Lines folders: records per second, and peak and
   held memory per record;
3. ``evaluate`` of the four crime-report indicators (``reports.received``,
   ``reports.resolved``, ``reports.on_time``, ``reports.overdue``) on loaded crime
   reports, against a hand-written single pass over the same objects and against DuckDB
   SQL; DuckDB cannot compute holiday-shifted legal limits, so each report's limit is
   computed once in Python (:func:`threeno.rules.time_limits.time_limit`) and given to
   DuckDB as a side file (``limits.csv``), whose cost is shown apart;
4. ``evaluate_stream`` from the files to the results against DuckDB reading the same
   files, in CPU time, with peak memory; the whole catalogue on the mixed folders;
5. scaling: the time per record from 100k to 1M (and to 10M after ``--only scale-10m``);
6. :func:`threeno.testing.synthetic.write_jsonl`'s peak memory at the generator's scales
   1, 10 and 100, a fresh process per run (the peak stays flat as the scale grows).

Plan clauses: I.3 and II.4.b (the crime-report indicators compared).

The code: :mod:`bench_data` (the data, generated and cached), :mod:`bench_realistic`
(the realistic series), :mod:`bench_measures` (timing, the ways of computing, memory,
imports, profiles), :mod:`bench_page` (the page), :mod:`bench_targets` (the targets
table) and this script (the run, and the command line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from threeno.indicators.engine import evaluate
from threeno.io.datasets import iter_records, load_dataset
from threeno.io.stream import evaluate_stream
from threeno.model.crime import CrimeReport
from threeno.model.dataset import Dataset
from threeno.plans import load_plan
from threeno.rules.calendar import default_calendar
from threeno.testing import synthetic

if TYPE_CHECKING:
    from collections.abc import Sequence

    from threeno.indicators.results import Evaluation
    from threeno.io import LoadReport
    from threeno.model.plan import Plan

from bench_data import (
    BAD_LINE_SIZES,
    FULL_SIZES,
    HERE,
    IN_MEMORY_MAX,
    NATIONAL,
    PERIOD,
    PLAN_ID,
    PROFILED,
    QUICK_SIZES,
    SERIES,
    WRITE_RUNS,
    WRITE_SCALES,
    line_files,
    meta_of,
    mixed_folder,
    read_reports,
    reports_series,
)
from bench_measures import (
    BAD_LINE_MEASURES,
    CRIME,
    IMPORT_RUNS,
    READ_LIMITS,
    READ_REPORTS,
    Figures,
    Results,
    Tier,
    child,
    duckdb_figures,
    duckdb_from_files,
    duckdb_mixed,
    duckdb_parameters,
    engine_figures,
    hand_loop,
    import_breakdown,
    import_times,
    in_child,
    named,
    profile,
    runs_for,
    totals,
    write_limits,
)
from bench_page import DOC, bad_lines_section, render, write_bad_lines_block, write_page
from bench_targets import size_label


def mixed_in_memory(tier: Tier, folder: Path) -> tuple[int, dict[str, tuple[object, object]]]:
    """load_dataset, then the whole catalogue on the loaded records."""
    plan, period = tier.plan, tier.period
    dataset, report = tier.time("load_dataset (mixed)", lambda: load_dataset(folder))
    if not report.ok:
        msg = f"the generator's data was not loaded cleanly: {report}"
        raise AssertionError(msg)
    records = len(dataset)
    tier.results.counts[tier.size] = dataset.counts()
    seconds = tier.results.times["load_dataset (mixed)"][tier.size]
    tier.results.value("load_dataset: records per second", tier.size, records / seconds, "rec/s")
    whole, _ = tier.compare(
        {
            "evaluate, whole catalogue, explain none (mixed)": lambda: evaluate(
                plan, dataset, period, explain="none"
            ),
            "evaluate, whole catalogue, explain all (mixed)": lambda: evaluate(
                plan, dataset, period
            ),
        }
    )
    crime = engine_figures(evaluate(plan, dataset, period, indicators=CRIME), tier.codes)
    by_hand = hand_loop(dataset.crime_reports, tier.codes, period, default_calendar())
    tier.agree("mixed", "hand-written loop", crime, by_hand, "evaluate")
    return records, totals(cast("Evaluation", whole))


def run_mixed(tier: Tier, folder: Path) -> None:
    """Loading and the whole catalogue on the generator's mixed output; DuckDB beside it."""
    records, whole = mixed_in_memory(tier, folder)
    tier.results.limit_keys.setdefault("mixed", {})[tier.size] = cast(
        "int", meta_of(folder)["limit_keys"]
    )
    limits = tier.data / f"limits-{folder.name}" / "limits.csv"
    reports = read_reports(folder)
    write_limits(reports, limits, tier.period, default_calendar())
    parameters = duckdb_parameters(folder / "crime_reports.jsonl", limits, tier.period, tier.codes)
    name = "evaluate_stream, whole catalogue (mixed)"
    streamed, by_duckdb = tier.compare(
        {
            name: lambda: evaluate_stream(tier.plan, folder, tier.period),
            "DuckDB, from the files (mixed)": lambda: duckdb_mixed(folder, parameters, tier.codes),
        }
    )
    evaluation, load = cast("tuple[Evaluation, LoadReport]", streamed)
    if totals(evaluation) != whole:
        msg = "evaluate_stream and evaluate disagree on the mixed data"
        raise AssertionError(msg)
    tier.results.agreed.append(
        ("mixed", tier.size, "evaluate_stream", "evaluate", "every indicator of the catalogue")
    )
    figures, counted = cast("tuple[Figures, dict[str, tuple[int, int]]]", by_duckdb)
    tier.agree(
        "mixed",
        "DuckDB, from the files",
        engine_figures(evaluation, tier.codes),
        figures,
        "evaluate_stream",
    )
    for record_type, (rows, ids) in counted.items():
        accepted = load.counts[record_type].accepted
        if not rows == ids == accepted == tier.results.counts[tier.size][record_type]:
            msg = f"DuckDB counts {rows} lines and {ids} ids in {record_type}, threeno {accepted}"
            raise AssertionError(msg)
    memory = tier.memory("load_dataset (mixed)", kind="load", path=str(folder))
    size, value = tier.size, tier.results.value
    value("load_dataset: peak memory per record", size, memory["growth_kb"] * 1024 / records, "B")
    value("load_dataset: memory held per record", size, memory["held_kb"] * 1024 / records, "B")
    tier.memory(name, kind="stream", path=str(folder))
    tier.memory(
        f"{name}, no duplicate check", kind="stream", path=str(folder), check_duplicates=False
    )
    tier.memory(
        f"{name}, explain none, no duplicate check",
        kind="stream",
        path=str(folder),
        explain="none",
        check_duplicates=False,
    )
    tier.memory(
        "DuckDB, from the files (mixed)", kind="duckdb-mixed", path=str(folder), limits=str(limits)
    )
    if tier.size == PROFILED:
        held = in_child(kind="held", path=str(folder))
        tier.results.held = held["bytes_per_record"]


def reports_in_memory(tier: Tier, folder: Path, series: str) -> tuple[Figures, Path]:
    """Time evaluate and the hand-written loop on loaded crime reports; write the limits."""
    plan, period, codes = tier.plan, tier.period, tier.codes
    calendar = default_calendar()
    dataset = Dataset(crime_reports=read_reports(folder))
    reports = dataset.crime_reports
    quiet, explained, by_hand = tier.compare(
        {
            named("evaluate, crime reports, explain none", series): lambda: evaluate(
                plan, dataset, period, indicators=CRIME, explain="none"
            ),
            named("evaluate, crime reports, explain all (default)", series): lambda: evaluate(
                plan, dataset, period, indicators=CRIME
            ),
            named("hand-written loop", series): lambda: hand_loop(reports, codes, period, calendar),
        }
    )
    expected = engine_figures(cast("Evaluation", quiet), codes)
    explained_figures = engine_figures(cast("Evaluation", explained), codes)
    tier.agree(series, "evaluate, explain all", expected, explained_figures, "evaluate")
    tier.agree(series, "hand-written loop", expected, cast("Figures", by_hand), "evaluate")
    limits = tier.data / f"limits-{folder.name}" / "limits.csv"
    tier.time(
        named("limits for DuckDB, computed in Python", series),
        lambda: write_limits(reports, limits, period, calendar),
        runs=1,
    )
    return expected, limits


def reports_duckdb(
    tier: Tier, folder: Path, limits: Path, expected: Figures, series: str
) -> dict[str, object]:
    """DuckDB on tables already in memory; the parameters for reading the files."""
    import duckdb  # noqa: PLC0415 - not at the top: see child()

    codes = tier.codes
    parameters = duckdb_parameters(folder / "crime_reports.jsonl", limits, tier.period, codes)
    con = duckdb.connect()
    try:
        # The two statements are this module's constants, with parameters for the values.
        reading = {k: parameters[k] for k in ("reports", "report_columns")}
        con.execute(f"create table reports as select * from {READ_REPORTS}", reading)  # noqa: S608
        con.execute(f"create table limits as select * from {READ_LIMITS}", {"limits": str(limits)})  # noqa: S608
        figures = tier.time(
            named("DuckDB, tables in memory", series),
            lambda: duckdb_figures(
                con, sources=("reports", "limits"), parameters=parameters, codes=codes
            ),
        )
    finally:
        con.close()
    tier.agree(series, "DuckDB, tables in memory", expected, figures, "evaluate")
    return parameters


def stream_limits(tier: Tier, folder: Path, series: str) -> Path:
    """The limits for DuckDB, the reports read one by one (nothing held: any size)."""
    limits = tier.data / f"limits-{folder.name}" / "limits.csv"
    path = folder / "crime_reports.jsonl"

    def write() -> int:
        with iter_records(path, CrimeReport, check_duplicates=False) as stream:
            return write_limits(stream, limits, tier.period, default_calendar())

    tier.time(named("limits for DuckDB, computed in Python", series), write, runs=1)
    return limits


def run_reports(tier: Tier, folder: Path, series: str) -> None:
    """The crime-report indicators: threeno, a hand-written loop, DuckDB; then memory."""
    codes = tier.codes
    tier.results.series_reports.setdefault(series, {})[tier.size] = tier.size
    tier.results.limit_keys.setdefault(series, {})[tier.size] = cast(
        "int", meta_of(folder)["limit_keys"]
    )
    expected: Figures | None = None
    if tier.size <= IN_MEMORY_MAX:
        expected, limits = reports_in_memory(tier, folder, series)
        parameters = reports_duckdb(tier, folder, limits, expected, series)
    else:
        limits = stream_limits(tier, folder, series)
        parameters = duckdb_parameters(folder / "crime_reports.jsonl", limits, tier.period, codes)
    stream_name = named("evaluate_stream, crime reports", series)
    from_files, streamed = tier.compare(
        {
            named("DuckDB, from the files", series): lambda: duckdb_from_files(parameters, codes),
            stream_name: lambda: evaluate_stream(tier.plan, folder, tier.period, indicators=CRIME),
        }
    )
    evaluation, load = cast("tuple[Evaluation, LoadReport]", streamed)
    if load.rejected:
        msg = f"{load.rejected} crime reports of the {series} series were rejected: {load}"
        raise AssertionError(msg)
    stream_figures = engine_figures(evaluation, codes)
    if expected is None:
        expected = stream_figures
    else:
        tier.agree(series, "evaluate_stream", expected, stream_figures, "evaluate")
    tier.agree(
        series,
        "DuckDB, from the files",
        expected,
        cast("Figures", from_files),
        "evaluate" if tier.size <= IN_MEMORY_MAX else "evaluate_stream",
    )
    crime = list(CRIME)
    tier.memory(stream_name, kind="stream", path=str(folder), indicators=crime)
    tier.memory(
        f"{stream_name}, no duplicate check",
        kind="stream",
        path=str(folder),
        indicators=crime,
        check_duplicates=False,
    )
    tier.memory(
        f"{stream_name}, explain none, no duplicate check",
        kind="stream",
        path=str(folder),
        indicators=crime,
        explain="none",
        check_duplicates=False,
    )
    tier.memory(
        named("DuckDB, from the files", series),
        kind="duckdb",
        path=str(folder / "crime_reports.jsonl"),
        limits=str(limits),
    )


def run_profiles(results: Results, plan: Plan, mixed: Path, reports: Path) -> None:
    """Where the time goes, at the profiled size (cProfile, one run each)."""
    period = plan.period(PERIOD)
    results.profiles["load_dataset (mixed)"] = profile(lambda: load_dataset(mixed), 14)
    results.profiles["evaluate_stream (crime reports)"] = profile(
        lambda: evaluate_stream(plan, reports, period, indicators=CRIME), 14
    )
    dataset = Dataset(crime_reports=read_reports(reports))
    results.profiles["evaluate, explain none (crime reports)"] = profile(
        lambda: evaluate(plan, dataset, period, indicators=CRIME, explain="none"), 10
    )


def run_bad_lines(sizes: Sequence[int], command: str) -> dict[str, Any]:
    """Peak memory of streaming and loading bad lines beside good ones.

    Each measure runs in a fresh process (``run.py --child``), on a file of one-character
    lines that are not JSON and on a file of as many model reviews, made in a temporary
    folder deleted afterwards; a baseline process only loads threeno and the plan.

    Returns:
        ``sizes`` (by size as text: per measure, the child's answer), ``baseline``,
        the command, the date and the load averages before and after.
    """
    print(f"bad lines: {', '.join(f'{n:,}' for n in sizes)} lines, a fresh process each")
    before = os.getloadavg()
    figures: dict[str, dict[str, Any]] = {}
    baseline = in_child(kind="baseline")
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"threeno-bad-lines-{size}-"))
        try:
            files = line_files(folder, size)
            by_measure: dict[str, Any] = {}
            for name, kind, which, options in BAD_LINE_MEASURES:
                path = files[which]
                target = path if kind != "iter" else path / "model_reviews.jsonl"
                answer = in_child(kind=kind, path=str(target), **options)
                by_measure[name] = answer
                print(
                    f"    {name:<46} {size:>9,} lines: peak RSS"
                    f" {answer['peak_kb'] / 1024:7.1f} MB, {answer['seconds']:6.1f} s,"
                    f" {answer['listed']:,} rejections listed of {answer['rejected']:,}"
                )
            figures[str(size)] = by_measure
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return {
        "sizes": figures,
        "baseline": baseline,
        "command": command,
        "date": _now(),
        "load_average": [before, os.getloadavg()],
    }


def run_write_jsonl(seed: int, scales: Sequence[int], runs: int, command: str) -> dict[str, Any]:
    """write_jsonl's peak memory at each scale, every run in a fresh process.

    Each process writes the plan's synthetic data at one scale into a temporary folder,
    deleted as soon as the process is done; a baseline process only loads threeno and
    the plan. Every run's figures are kept; the page shows the largest peak of each.

    Returns:
        ``scales`` (by scale as text, and ``baseline``: the lists ``peak_kb``,
        ``start_kb``, ``seconds``, and ``records`` and ``bytes`` written), with the seed,
        the runs, the command, the date and the load averages before and after.
    """
    print(f"write_jsonl: scales {', '.join(map(str, scales))}, {runs} fresh processes each")
    before = os.getloadavg()
    figures: dict[str, dict[str, Any]] = {}
    for scale in ("baseline", *scales):
        answers: list[dict[str, Any]] = []
        for _ in range(runs):
            if scale == "baseline":
                answers.append(in_child(kind="baseline"))
                continue
            folder = Path(tempfile.mkdtemp(prefix=f"threeno-write-jsonl-{scale}-"))
            try:
                answers.append(in_child(kind="write", path=str(folder), seed=seed, scale=scale))
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        kept: dict[str, Any] = {
            "peak_kb": [a["peak_kb"] for a in answers],
            "start_kb": [a["baseline_kb"] for a in answers],
        }
        if scale != "baseline":
            kept["seconds"] = [a["seconds"] for a in answers]
            kept["records"] = answers[0]["records"]
            kept["bytes"] = answers[0]["bytes"]
            if any(a["records"] != kept["records"] for a in answers):
                msg = f"write_jsonl at scale {scale} wrote different numbers of records"
                raise AssertionError(msg)
        figures[str(scale)] = kept
        peak = max(kept["peak_kb"]) / 1024
        what = "baseline" if scale == "baseline" else f"scale {scale}: {kept['records']:,} records"
        print(f"    write_jsonl, {what:<50} peak RSS {peak:7.1f} MB")
    return {
        "scales": figures,
        "seed": seed,
        "runs": runs,
        "command": command,
        "date": _now(),
        "load_average": [before, os.getloadavg()],
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k only")
    parser.add_argument(
        "--seed", type=int, default=synthetic.DEMO_SEED, help="the generator's seed"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per time (median); fewer at 1M")
    parser.add_argument("--data", type=Path, default=HERE / "_data", help="the data cache")
    parser.add_argument("--doc", type=Path, default=DOC, help="the page to write")
    parser.add_argument("--no-doc", action="store_true", help="do not write the page")
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="measure nothing: write the page again from the last run's figures",
    )
    parser.add_argument(
        "--only",
        choices=["write-jsonl", "bad-lines", "scale-10m"],
        help=(
            "measure only this (write-jsonl: write_jsonl's peak memory by scale, merged"
            " into the last run's saved figures, then the page written from them;"
            " bad-lines: the memory of bad lines beside good ones, its own block of the"
            " page; scale-10m: the realistic crime reports at 10M, streamed, a single"
            " run merged into the last run's figures)"
        ),
    )
    parser.add_argument(
        "--profile",
        choices=["realistic", "repeated", "both"],
        default="both",
        help="the crime-report series to measure (the targets are judged on realistic)",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        help=(
            "sizes to run, comma-separated (e.g. 100000,1000000); above 1M only the"
            " streaming measures of the crime-report series run, once each"
        ),
    )
    parser.add_argument(
        "--no-bad-lines", action="store_true", help="skip the bad-line block (a few minutes)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and write the page."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    saved = args.data / "last-run.json"
    if args.only == "bad-lines":
        _bad_lines(args, "python benchmarks/run.py --only bad-lines")
        return 0
    if args.render_only and args.only:
        parser.error("--render-only measures nothing; --only measures one thing: not both")
    if (args.render_only or args.only) and not saved.is_file():
        parser.error(f"no saved run in {saved}: run the benchmarks in full (or --quick) first")
    generated = _from_saved(args, saved) if args.render_only or args.only else measure(args, saved)
    print(generated)
    if not args.no_doc:
        write_page(args.doc, generated)
        print(f"written: {args.doc}")
    if not (args.render_only or args.only or args.no_bad_lines):
        _bad_lines(args, "python benchmarks/run.py" + (" --quick" if args.quick else ""))
    return 0


def _from_saved(args: argparse.Namespace, saved: Path) -> str:
    """The last run's figures, with ``--only``'s put in (and saved), rendered."""
    run = json.loads(saved.read_text(encoding="utf-8"))
    results = Results.from_json(run["results"])
    if args.only == "write-jsonl":
        command = "python benchmarks/run.py --only write-jsonl"
        results.write = run_write_jsonl(args.seed, WRITE_SCALES, WRITE_RUNS, command)
    elif args.only == "scale-10m":
        run_national(args, results, NATIONAL)
    if args.only:
        run["results"] = results.to_json()
        saved.write_text(json.dumps(run, indent=1), encoding="utf-8")
    return render(results, run["sizes"], run["command"], run["seconds"], run["date"])


def _bad_lines(args: argparse.Namespace, command: str) -> None:
    """Measure the bad lines beside good ones and write their block of the page."""
    block = bad_lines_section(run_bad_lines(BAD_LINE_SIZES, command))
    print(block)
    if not args.no_doc:
        write_bad_lines_block(args.doc, block)
        print(f"written: {args.doc}")


def _sizes(text: str) -> tuple[int, ...]:
    """Sizes from the command line: ``100000,1000000``."""
    try:
        sizes = tuple(sorted({int(part.replace("_", "")) for part in text.split(",")}))
    except ValueError:
        msg = f"sizes must be whole numbers separated by commas, not {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not sizes or sizes[0] < 1000:
        msg = "every size must be at least 1000"
        raise argparse.ArgumentTypeError(msg)
    return sizes


def _series(profile: str) -> tuple[str, ...]:
    return SERIES if profile == "both" else (profile,)


def _tier(args: argparse.Namespace, plan: Plan, results: Results, size: int) -> Tier:
    period = plan.period(PERIOD)
    runs = runs_for(size, args.runs)
    results.runs[size] = runs
    return Tier(
        plan=plan,
        period=period,
        codes=tuple(u.code for u in plan.units_in_scope(period.end)),
        size=size,
        runs=runs,
        results=results,
        data=args.data,
    )


def run_national(args: argparse.Namespace, results: Results, size: int) -> None:
    """The realistic crime reports at national scale: streamed, a single run of each."""
    started = time.perf_counter()
    plan = load_plan(PLAN_ID)
    tier = _tier(args, plan, results, size)
    print(f"{size_label(size)}: realistic crime reports, a single run")
    folder = reports_series(args.data, plan, args.seed, size, "realistic")
    results.load_average.append(os.getloadavg())
    run_reports(tier, folder, "realistic")
    results.national = {
        "size": size,
        "command": "python benchmarks/run.py --only scale-10m",
        "date": _now(),
        "seconds": time.perf_counter() - started,
        "generation_seconds": meta_of(folder).get("seconds"),
    }


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M %Z")


def measure(args: argparse.Namespace, saved: Path) -> str:
    """Run every measure, save the figures to ``saved``, and render the page's part."""
    started = time.perf_counter()
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    series = _series(args.profile)
    plan = load_plan(PLAN_ID)
    results = Results()
    print("import times ...")
    results.imports = import_times(IMPORT_RUNS, args.data / "pycache")
    results.import_top = import_breakdown(10, args.data / "pycache")
    results.load_average = [os.getloadavg()]
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "")
    if args.profile != "both":
        command += f" --profile {args.profile}"
    if args.sizes:
        command += " --sizes " + ",".join(str(n) for n in sizes)
    results.write = run_write_jsonl(args.seed, WRITE_SCALES, WRITE_RUNS, command)
    for size in sizes:
        tier = _tier(args, plan, results, size)
        results.load_average.append(os.getloadavg())
        mixed: Path | None = None
        if size <= IN_MEMORY_MAX:
            mixed = mixed_folder(args.data, plan, args.seed, size)
            print(f"{size_label(size)}: mixed series, {tier.runs} runs per time")
            run_mixed(tier, mixed)
        first: Path | None = None
        for name in series:
            folder = reports_series(args.data, plan, args.seed, size, name)
            first = first or folder
            print(f"{size_label(size)}: crime reports, {name} series")
            run_reports(tier, folder, name)
        if size == PROFILED and mixed is not None and first is not None:
            print(f"{size_label(size)}: profiles")
            run_profiles(results, plan, mixed, first)
    results.load_average.append(os.getloadavg())
    seconds = time.perf_counter() - started
    when = _now()
    run = {
        "sizes": sizes,
        "command": command,
        "seconds": seconds,
        "date": when,
        "results": results.to_json(),
    }
    saved.write_text(json.dumps(run, indent=1), encoding="utf-8")
    return render(results, sizes, command, seconds, when)


if __name__ == "__main__":
    sys.exit(main())
