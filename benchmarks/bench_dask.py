"""evaluate_dask on a local cluster against evaluate_stream on one process (issue 20).

A documented run, not a test: the generated mixed series (``bench_data.mixed_folder``,
every record type in the generator's proportions) at ``--records`` records is evaluated
for the plan's year by ``evaluate_stream`` in a fresh process, then by ``evaluate_dask``
on a local cluster of 1 and of 2 worker processes (one thread each); every result must
equal the stream's, its JSON byte for byte (the evaluation's and the JSON report with the
load report), or the script stops. It prints, and writes as JSON to ``--out``:

* the wall time of each, and its ratio to the stream's; the cluster's start apart;
* the CPU time of the stream's process and of all the workers together;
* the peak resident memory of the stream's process and of each worker (``VmHWM``: each
  worker is a fresh process), and of this process, the client;
* the overhead of the cluster on the demo data (a few hundred records): the stream's
  time, the cluster's evaluation on a running cluster, and with the cluster's start.

Usage::

    python benchmarks/bench_dask.py                      # 1M records (the issue's size)
    python benchmarks/bench_dask.py --records 100000     # a quick look
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import platform
import resource
import subprocess
import sys
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


def fingerprint(evaluation: Any, report: Any) -> str:  # noqa: ANN401 - a script's helper
    """A digest of the evaluation's JSON and of the JSON report with its load report."""
    plan = load_plan(PLAN_ID)
    text = evaluation.to_json() + render(
        evaluation, "json", lang="en", plan=plan, load_report=report
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def peak_kb() -> int:
    """This process's peak resident memory (``VmHWM``, Linux), in KiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


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


def run_cluster(folder: Path, workers: int, expected: str) -> dict[str, Any]:
    """evaluate_dask on a fresh local cluster of ``workers`` processes."""
    plan = load_plan(PLAN_ID)
    period = plan.period("2024")
    start = time.perf_counter()
    with (
        distributed.LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        started = time.perf_counter() - start
        before = client.run(worker_figures)
        start = time.perf_counter()
        evaluation, report = evaluate_dask(
            plan, folder, period, client=client, partition_bytes=PARTITION_BYTES
        )
        wall = time.perf_counter() - start
        after = client.run(worker_figures)
    digest = fingerprint(evaluation, report)
    if digest != expected:
        msg = f"{workers} worker(s): the result differs from evaluate_stream's"
        raise SystemExit(msg)
    return {
        "workers": workers,
        "start": started,
        "wall": wall,
        "cpu": sum(after[w]["cpu"] - before[w]["cpu"] for w in after),
        "peak_mb": sorted(round(f["peak_mb"], 1) for f in after.values()),
        "client_peak_mb": peak_kb() / 1024,
    }


def overhead() -> dict[str, float]:
    """The demo data: the stream, the cluster running, and the cluster with its start."""
    plan = load_plan(PLAN_ID)
    period = plan.period("2024")
    stream = run_stream(demo_path())
    start = time.perf_counter()
    with (
        distributed.LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
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


def markdown(figures: dict[str, Any]) -> str:
    """The figures as the guide page shows them."""
    stream = figures["stream"]
    rows = [
        "| run | wall (s) | ratio to the stream | CPU (s) | peak memory (MB) |",
        "|---|---:|---:|---:|---|",
        (
            f"| evaluate_stream, one process | {stream['wall']:.1f} | 1.00"
            f" | {stream['cpu']:.1f} | {stream['peak_mb']:.0f} |"
        ),
    ]
    for run in figures["clusters"]:
        peaks = ", ".join(f"{p:.0f}" for p in run["peak_mb"])
        rows.append(
            f"| evaluate_dask, {run['workers']} worker(s) | {run['wall']:.1f}"
            f" | {run['wall'] / stream['wall']:.2f} | {run['cpu']:.1f}"
            f" | per worker {peaks}; client {run['client_peak_mb']:.0f} |"
        )
    demo = figures["overhead"]
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


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--data", type=Path, default=HERE / "_data")
    parser.add_argument("--out", type=Path, default=HERE / "_data" / "dask-last-run.json")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(stream_child(args.child)))
        return
    folder = bench_data.mixed_folder(args.data, load_plan(PLAN_ID), args.seed, args.records)
    load = os.getloadavg()
    stream = run_stream(folder)
    print(f"evaluate_stream: {stream['records']:,} records, {stream['wall']:.1f} s", flush=True)
    clusters = []
    for workers in (1, 2):
        clusters.append(run_cluster(folder, workers, stream["digest"]))
        print(f"evaluate_dask, {workers} worker(s): {clusters[-1]['wall']:.1f} s", flush=True)
    figures = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "python": platform.python_version(),
        "dask": importlib.metadata.version("distributed"),
        "cores": os.cpu_count(),
        "load_average": [load[0], os.getloadavg()[0]],
        "partition_bytes": PARTITION_BYTES,
        "stream": stream,
        "clusters": clusters,
        "overhead": overhead(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print(markdown(figures))
    print("every result equals evaluate_stream's (JSON byte for byte)")


if __name__ == "__main__":
    main()
