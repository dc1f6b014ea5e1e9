"""evaluate_dask on a local cluster against evaluate_stream on one process (issue 20).

A documented run, not a test. Every result must equal ``evaluate_stream``'s on the same
folder in a fresh process, its JSON byte for byte (the evaluation's and the JSON report
with the load report), or the script stops with a non-zero exit. Two modes:

* **series** (the default): the generated series (``--series``) at ``--records`` records,
  evaluated for the plan's year by ``evaluate_stream`` in a fresh process, then by
  ``evaluate_dask`` on a local cluster of 1 and of 2 worker processes (one thread each).
  ``mixed`` is ``bench_data.mixed_folder`` (every record type in the generator's
  proportions); ``realistic`` is ``bench_data.realistic_folder`` (crime reports only),
  for 10M, since the mixed series' joins hold every woman in memory.
* **combined** (``--combined``): the mixed series with duplicate ids planted across
  partitions (``bench_data.planted_folder``: a copy in its own cached folder), on a
  local cluster of 2 worker processes whose worker evaluating a range is killed
  (SIGKILL) mid-run, in one run; its load report must also reject exactly the records
  planted (every copy of a repeated id, the first included).

It prints, and writes as JSON to ``--out`` (a block per mode: ``mixed``, ``realistic``,
``combined``; the other blocks of the file are kept):

* the wall time of each, and its ratio to the stream's; the cluster's start apart;
* the CPU time of the stream's process and of all the workers together;
* the peak resident memory of the stream's process and of each worker (``VmHWM``: each
  worker is a fresh process), and the client's apart (this process, which holds the
  local scheduler too): its resident set once ``evaluate_dask`` returned (``VmRSS``)
  and its peak during the call (``VmHWM``, reset just before it);
* the overhead of the cluster on the demo data (a few hundred records): the stream's
  time, the cluster's evaluation on a running cluster, and with the cluster's start
  (not with ``--skip-overhead``).

Usage::

    python benchmarks/bench_dask.py                      # 1M records (the issue's size)
    python benchmarks/bench_dask.py --records 100000     # a quick look
    python benchmarks/bench_dask.py --combined           # duplicates and a worker killed
    python benchmarks/bench_dask.py --series realistic --records 10000000 --skip-overhead
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.metadata
import json
import math
import os
import platform
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Final

import bench_data
import distributed

from threeno.dask import evaluate_dask
from threeno.plans import load_plan
from threeno.reporting.render import render
from threeno.testing.synthetic import demo_path

HERE: Final = Path(__file__).resolve().parent
PLAN_ID: Final = "lai-chau-2024"
#: The ranges each worker reads: 16 MiB, so that 1M records (about 500 MB) make some
#: thirty tasks and two workers share them evenly.
PARTITION_BYTES: Final = 16 << 20
#: The generated series: every record type, or the realistic crime reports.
SERIES: Final = ("mixed", "realistic")
#: In the combined run, the smallest planted file spans at least this many ranges, so
#: that an id of its first range repeated at its end is in another range.
MIN_RANGES: Final = 4
#: The task whose worker is killed in the combined run: a range's evaluation.
TASK: Final = "evaluate_range"
#: Seconds the combined run waits for a worker evaluating a range, and for the nanny.
WAIT: Final = 900.0
#: The load report's code of a record rejected for a repeated id.
DUPLICATE: Final = "duplicate_id"


def fingerprint(evaluation: Any, report: Any) -> str:  # noqa: ANN401 - a script's helper
    """A digest of the evaluation's JSON and of the JSON report with its load report."""
    plan = load_plan(PLAN_ID)
    text = evaluation.to_json() + render(
        evaluation, "json", lang="en", plan=plan, load_report=report
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def duplicates(report: Any) -> int:  # noqa: ANN401 - a script's helper
    """The records a load report rejected for a repeated id, listed or only counted."""
    listed = sum(1 for r in report.rejections if any(p.code == DUPLICATE for p in r.problems))
    return listed + int(report.unlisted.get(DUPLICATE, 0))


def status_kb(field: str) -> int:
    """A field of this process's ``/proc/self/status`` (``VmHWM``, ``VmRSS``), in KiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def peak_kb() -> int:
    """This process's peak resident memory (``VmHWM``, Linux), in KiB."""
    return status_kb("VmHWM")


def reset_peak() -> None:
    """Reset this process's peak resident set to its current size (Linux 4.0+)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


def cpu_seconds() -> float:
    """This process's CPU time, user and system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stream_child(folder: str) -> dict[str, Any]:
    """evaluate_stream in this (fresh) process: its time, CPU, peak memory and digest."""
    from threeno.io.stream import evaluate_stream  # noqa: PLC0415 - timed apart

    plan = load_plan(PLAN_ID)
    period = plan.period("2024")
    start, cpu = time.perf_counter(), cpu_seconds()
    evaluation, report = evaluate_stream(plan, folder, period)
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    return {
        "wall": wall,
        "cpu": cpu,
        "peak_mb": peak_kb() / 1024,
        "records": report.read,
        "duplicates": duplicates(report),
        "digest": fingerprint(evaluation, report),
    }


def run_stream(folder: Path) -> dict[str, Any]:
    """:func:`stream_child` in a fresh interpreter."""
    done = subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, __file__, "--child", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def worker_figures() -> dict[str, float]:
    """On a worker: its peak resident memory and CPU time."""
    return {"peak_mb": peak_kb() / 1024, "cpu": cpu_seconds()}


def local_cluster(workers: int) -> distributed.LocalCluster:
    """A local cluster of ``workers`` processes of one thread each, with their nannies."""
    return distributed.LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )


def timed_evaluation(
    client: distributed.Client, folder: Path, partition_bytes: int
) -> tuple[Any, Any, dict[str, float]]:
    """evaluate_dask of ``folder``: its result, and its wall time and the client's memory.

    The client's peak is reset just before the call, so that it is the call's: this
    process holds the client and the local cluster's scheduler.
    """
    plan = load_plan(PLAN_ID)
    period = plan.period("2024")
    reset_peak()
    start = time.perf_counter()
    evaluation, report = evaluate_dask(
        plan, folder, period, client=client, partition_bytes=partition_bytes
    )
    figures = {
        "wall": time.perf_counter() - start,
        "client_rss_mb": status_kb("VmRSS") / 1024,
        "client_peak_mb": peak_kb() / 1024,
    }
    return evaluation, report, figures


def worker_cpu(before: dict[str, Any], after: dict[str, Any]) -> float:
    """The workers' CPU time between two :func:`worker_figures`; a new worker's from its start."""
    return float(sum(after[w]["cpu"] - before.get(w, {"cpu": 0.0})["cpu"] for w in after))


def run_cluster(folder: Path, workers: int, expected: str) -> dict[str, Any]:
    """evaluate_dask on a fresh local cluster of ``workers`` processes."""
    start = time.perf_counter()
    with (
        local_cluster(workers) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        started = time.perf_counter() - start
        before = client.run(worker_figures)
        evaluation, report, timed = timed_evaluation(client, folder, PARTITION_BYTES)
        after = client.run(worker_figures)
    if fingerprint(evaluation, report) != expected:
        msg = f"{workers} worker(s): the result differs from evaluate_stream's"
        raise SystemExit(msg)
    return {
        "workers": workers,
        "start": started,
        **timed,
        "cpu": worker_cpu(before, after),
        "peak_mb": sorted(round(f["peak_mb"], 1) for f in after.values()),
    }


def executing_keys(dask_worker: distributed.Worker) -> list[str]:
    """On a worker: the keys of the tasks it is running now (not those waiting)."""
    return [str(task.key) for task in dask_worker.state.executing]


def kill_a_busy_worker(
    client: distributed.Client, cluster: distributed.LocalCluster, running: threading.Thread
) -> dict[str, Any]:
    """SIGKILL the process of a worker running a range's evaluation, while ``running`` runs.

    A worker the scheduler lists as processing a range is asked what it runs; the first
    found running one is killed (its nanny's process, the worker itself).

    Returns:
        The worker's address and process id, the task it ran, and when (``time.time()``).
    """
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and running.is_alive():
        processing = client.processing()  # type: ignore[no-untyped-call]
        for address, keys in processing.items():
            if not any(TASK in str(key) for key in keys):
                continue
            with contextlib.suppress(Exception):  # the worker may have just finished
                now = client.run(executing_keys, workers=[address])[address]
                ranges = [key for key in now if TASK in key]
                if ranges:
                    for nanny in cluster.workers.values():
                        if nanny.worker_address == address:
                            pid = nanny.process.process.pid
                            os.kill(pid, signal.SIGKILL)
                            return {
                                "address": address,
                                "pid": pid,
                                "task": ranges[0],
                                "at": time.time(),
                            }
        time.sleep(0.01)
    msg = "no worker was running a range's evaluation while the evaluation ran"
    raise SystemExit(msg)


def after_the_kill(records: list[dict[str, Any]], killed: dict[str, Any]) -> dict[str, int]:
    """The tasks each worker ran from the kill on (from the task stream), by address."""
    counts: dict[str, int] = {}
    for record in records:
        starts = [s["start"] for s in record["startstops"] if s["action"] == "compute"]
        if starts and min(starts) >= killed["at"]:
            counts[record["worker"]] = counts.get(record["worker"], 0) + 1
    return counts


def ran_again(records: list[dict[str, Any]], killed: dict[str, Any]) -> list[str]:
    """The workers that ran the killed worker's task again after the kill."""
    return sorted(
        {
            record["worker"]
            for record in records
            if str(record["key"]) == killed["task"]
            and any(s["start"] >= killed["at"] for s in record["startstops"])
        }
    )


def what_happened(others: set[str], restarted: set[str], tasks: dict[str, int]) -> str:
    """Which workers finished the run after the kill, in a sentence."""
    other = sum(tasks.get(w, 0) for w in others)
    new = sum(tasks.get(w, 0) for w in restarted)
    if not restarted:
        return f"the nanny did not restart the worker; the other worker ran the {other} tasks left"
    if new == 0:
        return (
            "the nanny restarted the worker, but the other worker finished the run"
            f" (it ran the {other} tasks left)"
        )
    return (
        f"the nanny restarted the worker, which ran {new} of the tasks left,"
        f" the other worker {other}"
    )


def run_combined(folder: Path, partition_bytes: int, expected: str) -> dict[str, Any]:
    """evaluate_dask on a local cluster of 2 workers, one of them killed mid-range."""
    start = time.perf_counter()
    outcome: dict[str, Any] = {}
    with (
        local_cluster(2) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        started = time.perf_counter() - start
        first = set(client.scheduler_info()["workers"])
        before = client.run(worker_figures)

        def run() -> None:
            outcome["began"] = time.time()
            try:
                outcome["result"] = timed_evaluation(client, folder, partition_bytes)
            except BaseException as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc

        with distributed.get_task_stream(client=client) as stream:
            running = threading.Thread(target=run, daemon=True)
            running.start()
            killed = kill_a_busy_worker(client, cluster, running)
            print(
                f"killed worker {killed['address']} (process {killed['pid']}) while it ran"
                f" {killed['task']}",
                flush=True,
            )
            running.join()
        if "error" in outcome:
            msg = f"evaluate_dask failed after the kill: {type(outcome['error']).__name__}"
            raise SystemExit(msg)
        with contextlib.suppress(TimeoutError, distributed.TimeoutError):
            client.wait_for_workers(2, timeout=60)
        last = set(client.scheduler_info()["workers"])
        after = client.run(worker_figures)
        records = stream.data
    evaluation, report, timed = outcome["result"]
    tasks = after_the_kill(records, killed)
    others, restarted = first - {killed["address"]}, last - first
    if fingerprint(evaluation, report) != expected:
        msg = "combined: the result differs from evaluate_stream's"
        raise SystemExit(msg)
    return {
        "workers": 2,
        "start": started,
        **timed,
        "cpu": worker_cpu(before, after),
        "peak_mb": sorted(round(f["peak_mb"], 1) for f in after.values()),
        "killed": {**killed, "into_run": killed["at"] - outcome["began"]},
        "ran_again_on": ran_again(records, killed),
        "restarted": sorted(restarted),
        "tasks_after_kill": tasks,
        "what_happened": what_happened(others, restarted, tasks),
        "duplicates": duplicates(report),
    }


def overhead() -> dict[str, float]:
    """The demo data: the stream, the cluster running, and the cluster with its start."""
    plan = load_plan(PLAN_ID)
    period = plan.period("2024")
    stream = run_stream(demo_path())
    start = time.perf_counter()
    with (
        local_cluster(2) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        started = time.perf_counter() - start
        times = []
        for _ in range(3):
            begin = time.perf_counter()
            evaluation, report = evaluate_dask(plan, demo_path(), period, client=client)
            times.append(time.perf_counter() - begin)
    if fingerprint(evaluation, report) != stream["digest"]:
        msg = "demo: the result differs from evaluate_stream's"
        raise SystemExit(msg)
    return {
        "records": stream["records"],
        "stream": stream["wall"],
        "cluster_running": sorted(times)[1],
        "cluster_start": started,
    }


def series_name(series: str) -> str:
    """A series as the page names it."""
    return {"mixed": "the mixed series", "realistic": "the realistic crime reports"}[series]


def markdown(figures: dict[str, Any]) -> str:
    """The figures of a series run as the guide page shows them."""
    stream = figures["stream"]
    rows = [
        (
            f"| run, {series_name(figures['series'])}, {stream['records']:,} records"
            " | wall (s) | ratio to the stream | CPU (s) | peak memory (MB) |"
        ),
        "|---|---:|---:|---:|---|",
        (
            f"| evaluate_stream, one process | {stream['wall']:.1f} | 1.00"
            f" | {stream['cpu']:.1f} | {stream['peak_mb']:,.0f} |"
        ),
    ]
    for run in figures["clusters"]:
        peaks = ", ".join(f"{p:,.0f}" for p in run["peak_mb"])
        rows.append(
            f"| evaluate_dask, {run['workers']} worker(s) | {run['wall']:.1f}"
            f" | {run['wall'] / stream['wall']:.2f} | {run['cpu']:.1f} (the workers)"
            f" | per worker {peaks}; the client {run['client_rss_mb']:,.0f} once"
            f" returned, {run['client_peak_mb']:,.0f} at its peak |"
        )
    rows += [
        "",
        "The client is the benchmark's process, which holds the local scheduler too; its",
        "peak is reset just before `evaluate_dask` is called.",
    ]
    demo = figures.get("overhead")
    if demo is not None:
        rows += [
            "",
            (
                f"Demo data ({demo['records']:,} records): evaluate_stream"
                f" {demo['stream']:.2f} s; evaluate_dask on a running cluster of 2 workers"
                f" {demo['cluster_running']:.2f} s; starting the cluster"
                f" {demo['cluster_start']:.1f} s."
            ),
        ]
    return "\n".join(rows)


def combined_markdown(figures: dict[str, Any]) -> str:
    """The combined run as a paragraph of the guide page."""
    stream, run, planted = figures["stream"], figures["cluster"], figures["planted"]
    names = [kind.replace("_", " ") for kind in planted]
    kinds = ", ".join(names[:-1]) + f" and {names[-1]}"
    peaks = " and ".join(f"{p:,.0f}" for p in run["peak_mb"])
    killed = run["killed"]
    roles = dict.fromkeys(run["restarted"], "the restarted worker")
    again = ", ".join(
        f"{address} ({roles.get(address, 'the other worker')})" for address in run["ran_again_on"]
    )
    again = again or "no worker the task stream saw"
    return (
        f"The combined run of {figures['when']} evaluated {stream['records']:,} records"
        f" ({series_name('mixed')} at {figures['size']:,}, Python {figures['python']},"
        f" distributed {figures['dask']}, {figures['cores']} cores, load average"
        f" {figures['load_average'][0]:.1f} at the start) on a local cluster of 2 worker"
        f" processes, in ranges of {figures['partition_bytes'] / (1 << 20):.2f} MiB, with"
        f" duplicate ids planted across the ranges: in {kinds}, ids of the first range"
        f" written again at the file's end (its last range), {figures['twice']} per type"
        f" twice, and one crime report's id also in the middle of its file (three times)."
        f" {run['killed']['into_run']:.1f} s into the run, the process of the worker"
        f" running a range's evaluation was killed (SIGKILL); {run['what_happened']}."
        f" The evaluation and the JSON report with its load report equalled"
        f" `evaluate_stream`'s on the same folder, byte for byte, and the load report"
        f" rejected {run['duplicates']} records as duplicate ids, the number planted (every"
        f" copy of a repeated id is rejected, the first included). `evaluate_stream` took"
        f" {stream['wall']:.1f} s (peak {stream['peak_mb']:,.0f} MB); `evaluate_dask`"
        f" {run['wall']:.1f} s, {run['cpu']:.1f} s of CPU on the workers (the killed"
        f" worker's lost), the workers peaking at {peaks} MB; the client (with the local"
        f" scheduler) held {run['client_rss_mb']:,.0f} MB once `evaluate_dask` returned,"
        f" {run['client_peak_mb']:,.0f} MB at its peak during the call. The killed"
        f" worker was {killed['address']}; the range it was running ran again on"
        f" {again}."
    )


def save(out: Path, block: str, figures: dict[str, Any]) -> None:
    """Write ``figures`` as ``block`` of ``out``, keeping the file's other blocks."""
    saved: dict[str, Any] = {}
    if out.is_file():
        with contextlib.suppress(ValueError):
            old = json.loads(out.read_text(encoding="utf-8"))
            saved = {k: v for k, v in old.items() if k in {*SERIES, "combined"}}
    saved[block] = figures
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(saved, indent=1), encoding="utf-8")


def machine(load: float) -> dict[str, Any]:
    """When and on what the run was made."""
    return {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "python": platform.python_version(),
        "dask": importlib.metadata.version("distributed"),
        "cores": os.cpu_count(),
        "load_average": [load, os.getloadavg()[0]],
    }


def series_run(args: argparse.Namespace) -> None:
    """The series mode: the stream, then clusters of 1 and 2 workers."""
    plan = load_plan(PLAN_ID)
    if args.series == "realistic":
        folder = bench_data.realistic_folder(args.data, plan, args.seed, args.records)
    else:
        folder = bench_data.mixed_folder(args.data, plan, args.seed, args.records)
    load = os.getloadavg()[0]
    stream = run_stream(folder)
    print(f"evaluate_stream: {stream['records']:,} records, {stream['wall']:.1f} s", flush=True)
    clusters = []
    for workers in (1, 2):
        clusters.append(run_cluster(folder, workers, stream["digest"]))
        print(f"evaluate_dask, {workers} worker(s): {clusters[-1]['wall']:.1f} s", flush=True)
    figures = {
        **machine(load),
        "series": args.series,
        "size": args.records,
        "partition_bytes": PARTITION_BYTES,
        "stream": stream,
        "clusters": clusters,
    }
    if not args.skip_overhead:
        figures["overhead"] = overhead()
    save(args.out, args.series, figures)
    print(markdown(figures))
    print("every result equals evaluate_stream's (JSON byte for byte)")


def combined_run(args: argparse.Namespace) -> None:
    """The combined mode: planted duplicates and a worker killed, in one run."""
    plan = load_plan(PLAN_ID)
    source = bench_data.mixed_folder(args.data, plan, args.seed, args.records)
    folder, meta = bench_data.planted_folder(args.data, source, args.seed)
    planted: dict[str, Any] = meta["planted"]  # type: ignore[assignment]
    sizes = {kind: (folder / f"{kind}.jsonl").stat().st_size for kind in planted}
    partition_bytes = min(PARTITION_BYTES, min(sizes.values()) // MIN_RANGES)
    expected = int(meta["expected_duplicates"])  # type: ignore[call-overload]
    load = os.getloadavg()[0]
    stream = run_stream(folder)
    print(f"evaluate_stream: {stream['records']:,} records, {stream['wall']:.1f} s", flush=True)
    run = run_combined(folder, partition_bytes, stream["digest"])
    print(f"evaluate_dask, 2 workers, one killed: {run['wall']:.1f} s; {run['what_happened']}")
    figures = {
        **machine(load),
        "series": "mixed",
        "size": args.records,
        "folder": folder.name,
        "partition_bytes": partition_bytes,
        "ranges": {kind: math.ceil(size / partition_bytes) for kind, size in sizes.items()},
        "twice": bench_data.TWICE,
        "planted": planted,
        "expected_duplicates": expected,
        "stream": stream,
        "cluster": run,
    }
    save(args.out, "combined", figures)
    print(combined_markdown(figures))
    if not stream["duplicates"] == run["duplicates"] == expected:
        msg = (
            f"duplicate rejections: planted {expected}, evaluate_stream {stream['duplicates']},"
            f" evaluate_dask {run['duplicates']}"
        )
        raise SystemExit(msg)
    print(
        f"the result equals evaluate_stream's (JSON byte for byte); {expected} records"
        " rejected as duplicate ids, as planted"
    )


def main() -> None:
    """Run the benchmark and print its table (or its paragraph)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--data", type=Path, default=HERE / "_data")
    parser.add_argument("--out", type=Path, default=HERE / "_data" / "dask-last-run.json")
    parser.add_argument("--series", choices=SERIES, default="mixed")
    parser.add_argument("--combined", action="store_true")
    parser.add_argument("--skip-overhead", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(stream_child(args.child)))
        return
    if args.combined and args.series != "mixed":
        parser.error("--combined plants duplicates in the mixed series only")
    if args.combined:
        combined_run(args)
    else:
        series_run(args)


if __name__ == "__main__":
    main()
