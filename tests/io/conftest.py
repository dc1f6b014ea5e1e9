"""The data exchange tests' shared fixture: the hand-written records, fresh for each test."""

from __future__ import annotations

import copy

import pytest

from tests.io.io_samples import RECORDS, Records


@pytest.fixture
def records() -> Records:
    """A fresh copy of the hand-written records (io_samples.RECORDS), to change in a test."""
    return copy.deepcopy(RECORDS)
