"""template.toml shows every new key, and what it shows commented out works uncommented.

Dates worked out by hand: 1 January 2025 is a Wednesday, so 1 March 2025 (59 days
later, 59 = 8 x 7 + 3) is a Saturday, 21 March a Friday, 29 March a Saturday. No public
holiday falls in March 2025 (Bộ luật Lao động 2019, Art. 112).
"""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files

from threeno.io.plans import parse_plan
from threeno.model.crime import CrimeReport
from threeno.model.enums import ReportSource
from threeno.rules.calendar import plan_calendar
from threeno.rules.time_limits import time_limit

TEMPLATE_TEXT = files("threeno.plans").joinpath("template.toml").read_text(encoding="utf-8")
_COMMENTED_KEY = re.compile(r"^# ((?:\[\[?calendar|indicators|note|date|name_vi|name_en)\b.*)$")


def uncommented() -> str:
    """The template with its commented examples of ``indicators`` and ``[calendar]`` live."""
    lines = []
    for line in TEMPLATE_TEXT.splitlines():
        match = _COMMENTED_KEY.match(line)
        lines.append(match[1] if match else line)
    return "\n".join(lines) + "\n"


def report(received: dt.date) -> CrimeReport:
    """A synthetic crime report of the template's commune."""
    return CrimeReport(
        id="CR-1",
        source=ReportSource.TO_GIAC,
        offence_article=150,
        unit_code="99999",
        received_on=received,
        receiving_agency="cong-an-xa",
    )


def test_every_new_key_is_shown() -> None:
    """Each new key appears in the template, live or as a commented example."""
    for key in (
        "# indicators = [",
        "# [calendar]",
        "# [[calendar.days_off]]",
        "# [[calendar.working_days]]",
        "[evaluation]",
        "count_receipt_day = false",
        "count_receipt_day_note = ",
        "count_receipt_day_note_vi = ",
        "crosswalk = false",
        "crosswalk_note = ",
        "crosswalk_note_vi = ",
    ):
        assert key in TEMPLATE_TEXT, key


def test_template_as_shipped_has_no_local_day() -> None:
    """Shipped, the calendar is only an example: a copy adds no day off by mistake."""
    plan = parse_plan(TEMPLATE_TEXT)
    assert plan.calendar.is_empty
    assert plan.indicators is None


def test_uncommented_examples_are_a_valid_plan() -> None:
    """Uncommented, the examples load without a problem, as the template says they would."""
    plan = parse_plan(uncommented(), source="template, uncommented")
    assert plan.indicators == ("reports.received", "reports.resolved")
    assert [d.date for d in plan.calendar.days_off] == [dt.date(2025, 3, 21)]
    assert [d.date for d in plan.calendar.working_days] == [dt.date(2025, 3, 29)]
    assert plan.calendar.note.startswith("Quyết định số")


def test_uncommented_calendar_moves_limits() -> None:
    """The example's Friday off and Saturday worked, on two reports' 20-day limits.

    Received Saturday 1 March 2025: 1 + 20 = 21 March, the local day off (a Friday),
    then the weekend: Monday 24 March. Received Sunday 9 March: 9 + 20 = 29 March, a
    Saturday the example makes a working day: it stays (nationally, Monday 31 March).
    """
    cal = plan_calendar(parse_plan(uncommented()))
    assert time_limit(report(dt.date(2025, 3, 1)), calendar=cal).date == dt.date(2025, 3, 24)
    assert time_limit(report(dt.date(2025, 3, 1))).date == dt.date(2025, 3, 21)
    assert time_limit(report(dt.date(2025, 3, 9)), calendar=cal).date == dt.date(2025, 3, 29)
    assert time_limit(report(dt.date(2025, 3, 9))).date == dt.date(2025, 3, 31)
