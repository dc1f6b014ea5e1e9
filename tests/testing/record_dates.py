"""A record's own date, written out by hand for the tests of the generated data.

Shared by the tests of the generator and of the strategies
(``from tests.testing.record_dates import record_day``), which check that every unit
code is valid on that date and that nothing is dated after the period's end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threeno.model.activities import ReportSubmission, SafetyAssessment

if TYPE_CHECKING:
    import datetime as dt


def record_day(record: object) -> dt.date:
    """The record's own date: the one its unit code is read at (the "Model" guide).

    A submission has no unit; its date is the day it was sent.
    """
    for name in ("registered_on", "received_on", "opened_on", "delivered_on", "held_on"):
        if hasattr(record, name):
            day: dt.date = getattr(record, name)
            return day
    if isinstance(record, SafetyAssessment):
        return record.assessed_on
    assert isinstance(record, ReportSubmission)
    return record.submitted_on
