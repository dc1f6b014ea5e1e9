"""The command tests' shared fixture: a fixed "today"."""

from __future__ import annotations

import datetime as dt

import pytest

from threeno import cli

#: "Today" for every command test: a fixed day after the 2024 plan's year, so that the
#: period ``report`` evaluates by default (the latest complete one) does not move.
TODAY = dt.date(2026, 1, 5)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "today", lambda: TODAY)
