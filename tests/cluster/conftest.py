"""A local Dask cluster for the tests of :mod:`threeno.dask`: two worker processes.

Without the ``dask`` extra (dask and distributed) every test here is skipped, saying
so; ``.ci/run`` installs the extra, so CI runs them. The cluster is started once for the
tests that only read from it (for this package only: its client's threads would
otherwise keep running, and allocating, through the other packages' tests, where a
``tracemalloc`` measure of the main thread's work would count their allocations too); a
test that kills a worker starts its own.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    import distributed

#: Whether the dask extra is installed: without it, every test here is skipped.
EXTRA: bool = all(importlib.util.find_spec(name) for name in ("dask", "distributed"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the cluster's tests, with the reason, on an install without the dask extra."""
    if EXTRA:
        return
    skip = pytest.mark.skip(reason='the cluster tests need the dask extra: "threeno[dask]"')
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(skip)


def local_cluster() -> distributed.LocalCluster:
    """Two worker processes of one thread each, no dashboard, short timeouts."""
    import distributed  # noqa: PLC0415 - the extra, only when the tests run

    return distributed.LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        death_timeout=30,
    )


@pytest.fixture(scope="package")
def client() -> Iterator[distributed.Client]:
    """A client of a local cluster of two worker processes, for this package's tests.

    Closed when the package's last test has run, so that no thread of it runs during
    another package's tests (``tracemalloc`` traces every thread).
    """
    import distributed  # noqa: PLC0415 - the extra, only when the tests run

    with (
        local_cluster() as cluster,
        distributed.Client(cluster, set_as_default=False, timeout=30) as started,  # type: ignore[no-untyped-call]
    ):
        yield started
