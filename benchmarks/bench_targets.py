"""The targets of national scale, each with its measured figure and met or not.

The targets (``docs/performance.md`` says why each): ``evaluate_stream`` of the whole
catalogue on the mixed series and of the crime-report indicators on the realistic series
within 5 × DuckDB's CPU time on the same files at 1M, with default settings; its peak
memory growth under 64 MB at 1M and at 10M; ``import threeno`` within 1.3 × ``import
attrs, cattrs, pendulum`` and a first ``evaluate_stream`` within 2 ×; ``load_dataset``
holding at most 400 bytes a record; ``evaluate`` in memory within 1.5 × the hand-written
loop; the time per record from 100k to 1M to 10M constant within ±15%; every way of
computing the numbers agreeing. :func:`target_rows` gives the table's rows,
:func:`agreement_rows` the table of the agreements checked.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from bench_data import IN_MEMORY_MAX, NATIONAL, SCALING
from bench_measures import named

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bench_measures import Results

STREAM_DUCKDB: Final = 5.0
MEMORY_MB: Final = 64.0
IMPORT_BARE: Final = 1.3
IMPORT_FIRST_CALL: Final = 2.0
HELD_BYTES: Final = 400.0
EVALUATE_HAND: Final = 1.5
SCALING_BAND: Final = 0.15
#: The series the targets are judged on.
JUDGED: Final = "realistic"
ONE_MILLION: Final = SCALING[1]


def size_label(n: int) -> str:
    """A size as the page writes it: ``10k``, ``1M``."""
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def fmt(value: float | None, digits: int = 2) -> str:
    """A figure as the page writes it: ``—`` for none, whole from 100, else ``digits``."""
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def cpu_ratio(results: Results, top: str, bottom: str, size: int) -> float | None:
    """CPU time of ``top`` over that of ``bottom`` at ``size``."""
    a, b = results.cpu.get(top, {}).get(size), results.cpu.get(bottom, {}).get(size)
    return None if a is None or not b else a / b


def records_at(results: Results, name: str, size: int) -> float:
    """Records a measure handled at ``size``: the mixed series' count, else the size."""
    if "(mixed)" in name and size in results.counts:
        return float(sum(results.counts[size].values()))
    return float(size)


def per_record_step(results: Results, name: str, low: int, high: int) -> float | None:
    """CPU time per record at ``high`` over that at ``low`` (1.0: linear)."""
    times = results.cpu.get(name, {})
    if low not in times or high not in times or not times[low]:
        return None
    per_low = times[low] / records_at(results, name, low)
    return times[high] / records_at(results, name, high) / per_low


def _growth(results: Results, name: str, size: int) -> float | None:
    return results.values.get(f"{name}: peak growth", {}).get(size)


def _memory_why(results: Results, name: str, size: int) -> str:
    total = _growth(results, name, size)
    no_check = _growth(results, f"{name}, no duplicate check", size)
    flat = _growth(results, f"{name}, explain none, no duplicate check", size)
    if total is None or no_check is None or flat is None:
        return "see the memory table"
    return (
        f"ids kept to refuse duplicates: {total - no_check:.0f} MB; the failing records"
        f" kept for the explanation: {no_check - flat:.0f} MB; the rest (explain='none',"
        f" no duplicate check): {flat:.0f} MB"
    )


def _stream_why(results: Results) -> str:
    shares = dict(results.profiles.get("evaluate_stream (crime reports)", (0.0, [], []))[1])
    if not shares:
        return "see the profiles"
    top = sorted(shares.items(), key=lambda kv: -kv[1])[:4]
    return "profile at 100k: " + ", ".join(f"{k} {v:.0%}" for k, v in top)


class _Rows:
    def __init__(self, size: int) -> None:
        self.rows: list[list[str]] = []
        self.size = size

    def add(self, target: str, measured: str, ok: bool | None, why: str = "") -> None:  # noqa: FBT001
        verdict = "not measured" if ok is None else ("met" if ok else "**not met**")
        if ok is not None and self.size < ONE_MILLION and "1M" in target:
            verdict += f" at {size_label(self.size)} (1M not run)"
        self.rows.append([target, measured, verdict, "" if ok in (True, None) else why])


def target_rows(  # noqa: C901 - one block per target
    results: Results, sizes: Sequence[int], write_row: list[str] | None
) -> list[list[str]]:
    """The targets table: target, measured, verdict, why not."""
    in_memory = [s for s in sizes if s <= IN_MEMORY_MAX]
    size = ONE_MILLION if ONE_MILLION in in_memory else max(in_memory, default=sizes[-1])
    rows = _Rows(size)
    at = f"at {size_label(size)}"
    stream = named("evaluate_stream, crime reports", JUDGED)
    duck = named("DuckDB, from the files", JUDGED)
    ratio = cpu_ratio(results, stream, duck, size)
    old = cpu_ratio(
        results,
        named("evaluate_stream, crime reports", "repeated"),
        named("DuckDB, from the files", "repeated"),
        size,
    )
    rows.add(
        f"evaluate_stream, crime reports (realistic series), within {STREAM_DUCKDB:g} × DuckDB"
        " from the same files in CPU time at 1M, default settings",
        f"{fmt(ratio)} × {at}" + ("" if old is None else f" (repeated series: {fmt(old)} ×)"),
        None if ratio is None else ratio <= STREAM_DUCKDB,
        _stream_why(results),
    )
    mixed = "evaluate_stream, whole catalogue (mixed)"
    ratio = cpu_ratio(results, mixed, "DuckDB, from the files (mixed)", size)
    rows.add(
        f"evaluate_stream, whole catalogue (mixed series), within {STREAM_DUCKDB:g} × DuckDB"
        " from the same files in CPU time at 1M, default settings",
        f"{fmt(ratio)} × {at} (DuckDB computes the crime-report indicators and reads every"
        " other file, counting its records and ids)",
        None if ratio is None else ratio <= STREAM_DUCKDB,
        "the other indicators' joins are threeno's work alone; see the profiles",
    )
    memory = [(stream, "crime reports, realistic series", size), (mixed, "whole catalogue", size)]
    if NATIONAL in results.cpu.get(stream, {}):
        memory.append((stream, "crime reports, realistic series", NATIONAL))
    for name, label, where in memory:
        growth = _growth(results, name, where)
        peak = results.values.get(f"{name}: peak RSS", {}).get(where)
        rows.add(
            f"evaluate_stream peak memory growth under {MEMORY_MB:g} MB at"
            f" {size_label(where) if where > ONE_MILLION else '1M'} ({label}), default settings",
            f"{fmt(growth, 0)} MB at {size_label(where)} (peak RSS {fmt(peak, 0)} MB)",
            None if growth is None else growth < MEMORY_MB,
            _memory_why(results, name, where),
        )
    if NATIONAL not in results.cpu.get(stream, {}):
        rows.add(
            f"evaluate_stream peak memory growth under {MEMORY_MB:g} MB at 10M",
            "— (run `python benchmarks/run.py --only scale-10m`)",
            None,
        )
    imports = results.imports
    base = imports.get("dependencies", 0.0) - imports.get("python", 0.0)
    for key, limit, what in (
        ("threeno", IMPORT_BARE, "import threeno"),
        (
            "first evaluate_stream",
            IMPORT_FIRST_CALL,
            (
                "from threeno import load_plan,"
                " evaluate_stream, and a first evaluate_stream of the demo data"
            ),
        ),
    ):
        if key not in imports or base <= 0:
            rows.add(f"{what} within {limit:g} × import attrs, cattrs, pendulum", "—", None)
            continue
        ratio = (imports[key] - imports["python"]) / base
        extra = ""
        if key != "threeno" and "load_plan, evaluate_stream" in imports:
            bare = (imports["load_plan, evaluate_stream"] - imports["python"]) / base
            extra = f" (the import alone: {bare:.2f} ×)"
        rows.add(
            f"{what} within {limit:g} × import attrs, cattrs, pendulum",
            f"{ratio:.2f} ×{extra}",
            ratio <= limit,
            "see the import table: the modules by their own time",
        )
    held = results.values.get("load_dataset: memory held per record", {}).get(size)
    rows.add(
        f"load_dataset holds at most {HELD_BYTES:.0f} bytes a record (mixed series)",
        f"{fmt(held, 0)} bytes {at}",
        None if held is None else held <= HELD_BYTES,
        "see the memory held per record type",
    )
    ratio = cpu_ratio(
        results,
        named("evaluate, crime reports, explain none", JUDGED),
        named("hand-written loop", JUDGED),
        size,
    )
    explained = cpu_ratio(
        results,
        named("evaluate, crime reports, explain all (default)", JUDGED),
        named("hand-written loop", JUDGED),
        size,
    )
    rows.add(
        f"evaluate in memory within {EVALUATE_HAND:g} × the hand-written loop (realistic"
        " series, CPU time)",
        f"{fmt(ratio)} × {at} with explain none ({fmt(explained)} × with every explanation)",
        None if ratio is None else ratio <= EVALUATE_HAND,
        "see the profile of evaluate",
    )
    steps = [(a, b) for a, b in itertools.pairwise(sizes) if b == 10 * a and a >= 100_000]
    if NATIONAL in results.cpu.get(stream, {}) and (ONE_MILLION, NATIONAL) not in steps:
        steps.append((ONE_MILLION, NATIONAL))
    for name in (
        "load_dataset (mixed)",
        named("evaluate, crime reports, explain none", JUDGED),
        mixed,
        stream,
    ):
        for low, high in steps:
            step = per_record_step(results, name, low, high)
            if step is None:
                continue
            rows.add(
                f"scaling {size_label(low)} → {size_label(high)} linear within ±{SCALING_BAND:.0%}"
                f" per record: {name}",
                f"{step:.2f} × the CPU time per record",
                abs(step - 1) <= SCALING_BAND,
                "cheaper per record at the larger size (start-up paid once, or other work"
                " on the machine at the smaller)"
                if step < 1
                else "dearer per record at the larger size: see the memory figures",
            )
    if not steps:
        rows.add("scaling 100k → 1M → 10M linear within ±15% per record", "—", None)
    checks = len(results.agreed)
    rows.add(
        "the numbers of every benchmark way agree",
        f"{checks} comparisons, every one equal (the table below)",
        None if not checks else True,
    )
    if write_row is not None:
        rows.rows.append(write_row)
    return rows.rows


def agreement_rows(results: Results) -> list[list[str]]:
    """The agreements checked: series, size, way, compared with, the totals."""
    return [
        [series, size_label(size), way, against, total]
        for series, size, way, against, total in results.agreed
    ]
