"""Shared test configuration: Hypothesis profiles.

``dev`` (the default) is quick; ``ci`` runs more examples, derandomized, and is chosen
when the ``CI`` environment variable is set, as CI sets it.
``fuzz`` is the long run of the fuzz tests (tests/privacy/test_fuzz.py), for a release
or after a change to a reader: ``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/privacy``.
"""

from __future__ import annotations

import os

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
settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
