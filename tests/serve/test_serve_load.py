"""A bounded load test: 20 clients, 2,000 requests, on 127.0.0.1, no error, memory bounded.

Twenty threads, each with its own kept-alive connection, send 100 requests each to one
real server with its default limits (2 evaluations at once, 32 waiting): a mix of the
endpoints that read no records (plans, indicators, schema) and of those that do
(validate, evaluate, report, time limit) on a small synthetic document. Every answer must
be 200 and byte-identical to the one the same request got alone before the load (so no
answer is mixed up with another's under concurrency). The server's resident set may grow
by at most :data:`RSS_GROWTH_KIB` from after a warm-up to after the load; the whole run
must end within :data:`RUN_SECONDS`.

The latency percentiles are printed; ``THREENO_WRITE_PERFORMANCE=1`` also writes them
into ``docs/performance.md`` (its section "The HTTP service under load").
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
import os
import platform
import re
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs
import pytest

import threeno
from tests.serve.live_server import Server
from tests.serve.serve_samples import ONE_REPORT
from threeno.io.converter import CONVERTER
from threeno.model.dataset import RECORD_TYPES
from threeno.plans import load_plan
from threeno.testing.synthetic import generate

if TYPE_CHECKING:
    import http.client
    from collections.abc import Iterator

CLIENTS: Final = 20
REQUESTS: Final = 2_000
#: The bound on the server's memory growth over the load (documented in
#: docs/performance.md): 32 MiB, against a resident set of about 60 MiB after warm-up
#: (a leak of 16 KiB a request would pass it).
RSS_GROWTH_KIB: Final = 32 * 1024
#: The longest the 2,000 requests may take (a bound, not a speed claim: on this
#: project's shared 2-core machine they take well under a minute).
RUN_SECONDS: Final = 300.0
PERFORMANCE: Final = Path(__file__).parents[2] / "docs" / "performance.md"
_BEGIN: Final = (
    "<!-- begin: written by tests/serve/test_serve_load.py; edits here are overwritten -->"
)
_END: Final = "<!-- end: written by tests/serve/test_serve_load.py -->"


@attrs.frozen(kw_only=True)
class Kind:
    """One kind of request of the mix."""

    name: str
    method: str
    path: str
    body: bytes | None = None


def _mix() -> list[Kind]:
    data = generate(load_plan("lai-chau-2024"), seed=5, scale=0.05)
    document = {
        "schema": "threeno/1",
        **{name: [CONVERTER.unstructure(r) for r in getattr(data, name)] for name in RECORD_TYPES},
    }
    small = json.dumps(document).encode()
    one = json.dumps(ONE_REPORT).encode()
    return [
        Kind(name="GET /v1/plans", method="GET", path="/v1/plans"),
        Kind(name="GET /v1/indicators", method="GET", path="/v1/indicators?lang=en"),
        Kind(name="GET /v1/schema", method="GET", path="/v1/schema"),
        Kind(name="POST /v1/validate", method="POST", path="/v1/validate", body=small),
        Kind(name="POST /v1/evaluate", method="POST", path="/v1/evaluate?period=2024", body=small),
        Kind(
            name="POST /v1/report (json)",
            method="POST",
            path="/v1/report?period=2024&format=json",
            body=small,
        ),
        Kind(name="POST /v1/time-limit", method="POST", path="/v1/time-limit", body=one),
    ]


def _send(conn: http.client.HTTPConnection, kind: Kind) -> tuple[int, bytes, float]:
    headers = {"Content-Type": "application/json"} if kind.body is not None else {}
    began = time.perf_counter()
    conn.request(kind.method, kind.path, body=kind.body, headers=headers)
    response = conn.getresponse()
    body = response.read()
    return response.status, body, time.perf_counter() - began


@attrs.frozen(kw_only=True)
class Figures:
    """What one load run measured."""

    seconds: float
    latencies: dict[str, list[float]]
    rss_before_kib: int
    rss_after_kib: int


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[Server, Figures]]:
    """One server, warmed up, then the load; the figures of the run."""
    server = Server()
    kinds = _mix()
    try:
        conn = server.connect()
        expected = {}
        for _ in range(15):  # warm-up: every kind, several times, one at a time
            for kind in kinds:
                status, body, _ = _send(conn, kind)
                assert status == 200, body[:300]
                expected[kind.name] = body
        conn.close()
        before = server.rss_kib()

        def client(number: int) -> list[tuple[str, int, bool, float]]:
            done = []
            with_conn = server.connect(timeout=60)
            try:
                for i in range(REQUESTS // CLIENTS):
                    kind = kinds[(number + i) % len(kinds)]
                    status, body, took = _send(with_conn, kind)
                    done.append((kind.name, status, body == expected[kind.name], took))
            finally:
                with_conn.close()
            return done

        began = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
            results = [r for part in pool.map(client, range(CLIENTS)) for r in part]
        seconds = time.perf_counter() - began
        after = server.rss_kib()
        assert len(results) == REQUESTS
        errors = [(name, status) for name, status, same, _ in results if status != 200 or not same]
        assert errors == [], errors[:10]
        latencies: dict[str, list[float]] = {}
        for name, _, _, took in results:
            latencies.setdefault(name, []).append(took)
        yield (
            server,
            Figures(
                seconds=seconds, latencies=latencies, rss_before_kib=before, rss_after_kib=after
            ),
        )
    finally:
        server.stop()
    assert "Traceback" not in server.log


def test_no_error_in_time(loaded: tuple[Server, Figures]) -> None:
    """2,000 answers, all 200 and as answered alone (checked by the fixture), in time."""
    server, figures = loaded
    assert figures.seconds < RUN_SECONDS
    assert sum(len(v) for v in figures.latencies.values()) == REQUESTS
    assert server.log.count(" 200 ok ") >= REQUESTS


def test_memory_bounded(loaded: tuple[Server, Figures]) -> None:
    """The resident set grew by less than the documented bound."""
    _, figures = loaded
    growth = figures.rss_after_kib - figures.rss_before_kib
    assert growth < RSS_GROWTH_KIB, f"{growth} KiB"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _table(figures: Figures) -> str:
    rows = [
        "| request | n | p50 ms | p90 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    every = [t for values in figures.latencies.values() for t in values]
    for name, values in [*figures.latencies.items(), ("all requests", every)]:
        cells = [_percentile(values, q) * 1000 for q in (0.5, 0.9, 0.99)] + [max(values) * 1000]
        shown = " | ".join(f"{c:.1f}" for c in cells)
        label = f"**{name}**" if name == "all requests" else name
        rows.append(f"| {label} | {len(values)} | {shown} |")
    return "\n".join(rows)


def _section(figures: Figures) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    every = [t for values in figures.latencies.values() for t in values]
    growth = (figures.rss_after_kib - figures.rss_before_kib) / 1024
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    machine = (
        f"Measured by `tests/serve/test_serve_load.py` on {when} UTC: threeno"
        f" {threeno.__version__}, Python {platform.python_version()}, {os.cpu_count()}"
        f" logical cores, load average {load} at the end (other work shared the cores)."
    )
    run = (
        f"{REQUESTS:,} requests from {CLIENTS} clients in {figures.seconds:.1f} s"
        f" ({REQUESTS / figures.seconds:.0f} requests per second), every one answered 200"
        f" and byte-identical to its answer alone; mean latency"
        f" {statistics.mean(every) * 1000:.1f} ms."
    )
    memory = (
        f"Resident set of the server: {figures.rss_before_kib / 1024:.1f} MiB after the"
        f" warm-up, {figures.rss_after_kib / 1024:.1f} MiB after the load (growth"
        f" {growth:.1f} MiB; the test's bound is {RSS_GROWTH_KIB // 1024} MiB)."
    )
    return "\n".join([_BEGIN, "", machine, run, memory, "", _table(figures), "", _END])


def test_figures(loaded: tuple[Server, Figures]) -> None:
    """The percentiles, printed; written into docs/performance.md when asked."""
    _, figures = loaded
    section = _section(figures)
    print(section)  # noqa: T201 - the figures of the run, for whoever runs it
    text = PERFORMANCE.read_text(encoding="utf-8")
    assert _BEGIN in text
    assert _END in text
    if os.environ.get("THREENO_WRITE_PERFORMANCE") == "1":
        pattern = re.compile(re.escape(_BEGIN) + ".*?" + re.escape(_END), re.DOTALL)
        PERFORMANCE.write_text(pattern.sub(lambda _: section, text), encoding="utf-8")
    documented = re.search(r"the test's bound is (\d+) MiB", text)
    assert documented is not None
    assert int(documented[1]) == RSS_GROWTH_KIB // 1024
