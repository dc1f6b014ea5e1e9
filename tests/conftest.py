"""Shared test configuration: Hypothesis profiles, and which tests are slow.

``dev`` (the default) is quick; ``ci`` runs more examples, derandomized, and is chosen
when the ``CI`` environment variable is set, as CI sets it.
``fuzz`` is the long run of the fuzz tests (tests/privacy/test_fuzz.py), for a release
or after a change to a reader: ``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/privacy``.

The tests of :data:`SLOW` (seconds each: round trips of generated datasets, engine
properties, fuzzing, the command sentinels, a browser) are marked ``slow``:
``python -m pytest -m "not slow"`` is the quick run while working; ``.ci/run`` runs
everything.

The layout, for whoever adds a test: ``tests`` and each of its folders are packages (an
``__init__.py`` each), so that every folder can have its own ``conftest.py`` for the
fixtures its modules share, and mypy tells the ``conftest`` modules apart. A helper
module that tests import is named by its full path (``from tests.io.io_samples import
RECORDS``; ``from tests.sentinel_data import with_sentinels``); the strategies are the
library's own, ``threeno.testing.strategies``. A new folder gets an ``__init__.py``; a
new slow test gets a line in :data:`SLOW`.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# No deadline in any profile: these machines are shared and noisy, and speed is measured
# in benchmarks/, never by a test that fails when a run is slow.
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# The long run's examples per test: 20,000 unless FUZZ_EXAMPLES says otherwise (a run on
# a busy machine may take fewer, and docs/guides/privacy.md records what each run took).
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

#: The tests that take seconds, by node id prefix (a module, a class or one test).
SLOW: tuple[str, ...] = (
    "tests/io/test_dump_dataset.py",
    # 50,000 records of distinct ids streamed in a fresh interpreter, its memory measured.
    "tests/io/test_stream_memory.py",
    # The JSON Lines fast path against the exact reader, on thousands of broken lines.
    "tests/io/test_fast_path.py::test_a_line_with_one_fault",
    "tests/io/test_fast_path.py::test_every_single_fault",
    "tests/io/test_fast_path.py::test_a_broken_line",
    # Excel: round trips of generated datasets through the template, and LibreOffice.
    "tests/io/xlsx/test_roundtrip.py",
    "tests/testing/test_engine_properties.py",
    "tests/testing/test_synthetic.py::TestWriteJsonl::test_memory_does_not_grow_with_scale",
    "tests/testing/test_strategies.py::TestMix",
    "tests/indicators/test_engine.py::test_property_order_and_partitions",
    # Folders evaluated whole and by byte ranges merged in random trees.
    "tests/io/test_partitions.py::TestEqualsEvaluateStream::test_property",
    "tests/indicators/test_compare.py::test_property_compare_is_two_evaluations",
    "tests/indicators/test_kernel.py::TestTheKernelEqualsTheAccumulators",
    "tests/privacy/test_fuzz.py",
    "tests/privacy/test_fuzz_xlsx.py",
    "tests/rules/test_lean_limits.py::test_every_day_of_receipt",
    "tests/privacy/test_attack.py",
    "tests/cli/test_cli_sentinels.py",
    "tests/reporting/test_report_html_browser.py",
    # The service: real servers evaluating the demo data and larger documents, a load test.
    "tests/serve/test_serve_results.py::TestRecords",
    "tests/serve/test_serve_limits.py",
    "tests/serve/test_serve_sentinels.py",
    "tests/serve/test_serve_load.py",
    "tests/serve/test_serve_fuzz.py",
    # A Dask cluster of two processes: a worker killed during a run; ranges of 8 KiB.
    "tests/cluster/test_worker_killed.py",
    "tests/cluster/test_evaluate_dask.py::TestSameAsStream::test_duplicates_across_partitions",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of :data:`SLOW` ``slow``."""
    for item in items:
        if item.nodeid.startswith(SLOW):
            item.add_marker(pytest.mark.slow)
