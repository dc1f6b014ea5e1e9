"""The second locality's files and its expected figures, worked by hand.

The plan (``tests/data/locality/plan.toml``) is a fictional district, Huyện Mẫu Sơn in
Tỉnh Mẫu, with its own clause numbering, calendar-month periods, a local day off and its
own targets; the records (``tests/data/locality/records/``) are 33 hand-made ones. Every
figure here is copied from ``tests/data/locality/EXPECTED.md``, where it is worked out
from the records and the counting rules; nothing was read from the program's output.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from threeno.io.plans import parse_plan
from threeno.rules.calendar import DayOffCalendar

if TYPE_CHECKING:
    from threeno.model.plan import Plan

HERE: Final = Path(__file__).resolve().parent
DATA: Final = HERE.parent / "data" / "locality"
PLAN_PATH: Final = DATA / "plan.toml"
RECORDS: Final = DATA / "records"

PLAN_ID: Final = "mau-son-2024"
A, B, C = "98701", "98702", "98703"
UNITS: Final = (A, B, C)
TOTAL: Final = "total"

#: The plan's local day off (its ``[calendar]``): a Tuesday.
LOCAL_DAY_OFF: Final = dt.date(2024, 3, 19)
LOCAL_DAY_OFF_VI: Final = "Ngày Truyền thống tỉnh Mẫu"
LOCAL_DAY_OFF_EN: Final = "Mẫu Province Tradition Day"

#: The three periods of EXPECTED.md, in the plan's calendar convention: (first, last day).
PERIODS: Final[dict[str, tuple[dt.date, dt.date]]] = {
    "2024-03": (dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
    "2024-Q1": (dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
    "2024": (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
}

#: The indicators of the plan's report (its ``indicators`` key), in the plan's order.
REPORT_INDICATORS: Final = (
    "outreach.coverage",
    "outreach.events",
    "subjects.monitored",
    "reports.received",
    "reports.resolved",
    "reports.on_time",
    "reports.overdue",
    "cases.wrongful",
    "reporting.timeliness",
)

#: The indicators the plan's clauses or targets name (every one of the report but
#: ``subjects.monitored``).
CLAUSE_INDICATORS: Final = tuple(i for i in REPORT_INDICATORS if i != "subjects.monitored")

#: The plan's clauses listing each indicator (purposes, then duties, in the plan's order).
CLAUSES: Final[dict[str, tuple[str, ...]]] = {
    "outreach.coverage": ("1.1", "2.1.a"),
    "outreach.events": ("1.1", "2.1.a"),
    "subjects.monitored": (),
    "reports.received": ("1.2", "2.2.a"),
    "reports.resolved": ("1.2",),
    "reports.on_time": ("1.2", "2.2.a"),
    "reports.overdue": ("1.2", "2.2.a"),
    "cases.wrongful": ("1.2", "2.2.b"),
    "reporting.timeliness": ("3.1",),
}

# One result: (numerator, denominator or None for a count, status).
Cell = tuple[int, int | None, str]
# Per indicator, per period, per unit code (or TOTAL).
Figures = dict[str, dict[str, dict[str, Cell]]]


def _same(cells: dict[str, Cell]) -> dict[str, dict[str, Cell]]:
    return dict.fromkeys(PERIODS, cells)


#: EXPECTED.md section 4: every indicator of the report, under the plan's own settings
#: (local day off 2024-03-19, the day after receipt is day 1, no crosswalk).
FIGURES: Final[Figures] = {
    "outreach.coverage": {
        "2024-03": {
            A: (2, 2, "met"),
            B: (1, 2, "not_met"),
            C: (0, 1, "not_met"),
            TOTAL: (3, 5, "not_met"),
        },
        "2024-Q1": {
            A: (2, 2, "met"),
            B: (1, 2, "not_met"),
            C: (1, 1, "met"),
            TOTAL: (4, 5, "met"),
        },
        "2024": {A: (2, 2, "met"), B: (1, 1, "met"), C: (1, 1, "met"), TOTAL: (4, 4, "met")},
    },
    "outreach.events": {
        "2024-03": {
            A: (1, None, "no_target"),
            B: (1, None, "no_target"),
            C: (1, None, "no_target"),
            TOTAL: (3, None, "no_target"),
        },
        "2024-Q1": {
            A: (1, None, "no_target"),
            B: (1, None, "no_target"),
            C: (2, None, "no_target"),
            TOTAL: (4, None, "no_target"),
        },
        "2024": {
            A: (1, None, "no_target"),
            B: (1, None, "no_target"),
            C: (2, None, "no_target"),
            TOTAL: (4, None, "no_target"),
        },
    },
    "subjects.monitored": {
        "2024-03": {
            A: (2, None, "no_target"),
            B: (2, None, "no_target"),
            C: (2, None, "no_target"),
            TOTAL: (6, None, "no_target"),
        },
        "2024-Q1": {
            A: (2, None, "no_target"),
            B: (2, None, "no_target"),
            C: (2, None, "no_target"),
            TOTAL: (6, None, "no_target"),
        },
        "2024": {
            A: (2, None, "no_target"),
            B: (1, None, "no_target"),
            C: (2, None, "no_target"),
            TOTAL: (5, None, "no_target"),
        },
    },
    "reports.received": {
        "2024-03": {
            A: (1, None, "no_target"),
            B: (1, None, "no_target"),
            C: (1, None, "no_target"),
            TOTAL: (3, None, "no_target"),
        },
        "2024-Q1": {
            A: (3, None, "no_target"),
            B: (2, None, "no_target"),
            C: (2, None, "no_target"),
            TOTAL: (7, None, "no_target"),
        },
        "2024": {
            A: (4, None, "no_target"),
            B: (3, None, "no_target"),
            C: (3, None, "no_target"),
            TOTAL: (10, None, "no_target"),
        },
    },
    "reports.resolved": {
        "2024-03": {
            A: (1, 2, "no_target"),
            B: (0, 1, "no_target"),
            C: (0, 1, "no_target"),
            TOTAL: (1, 4, "no_target"),
        },
        "2024-Q1": {
            A: (2, 3, "no_target"),
            B: (2, 3, "no_target"),
            C: (1, 2, "no_target"),
            TOTAL: (5, 8, "no_target"),
        },
        "2024": {
            A: (3, 4, "no_target"),
            B: (3, 4, "no_target"),
            C: (2, 3, "no_target"),
            TOTAL: (8, 11, "no_target"),
        },
    },
    "reports.on_time": {
        "2024-03": {
            A: (1, 1, "met"),
            B: (0, 0, "no_data"),
            C: (0, 0, "no_data"),
            TOTAL: (1, 1, "met"),
        },
        "2024-Q1": {
            A: (2, 2, "met"),
            B: (1, 2, "not_met"),
            C: (1, 1, "met"),
            TOTAL: (4, 5, "not_met"),
        },
        "2024": {
            A: (3, 3, "met"),
            B: (1, 3, "not_met"),
            C: (2, 2, "met"),
            TOTAL: (6, 8, "not_met"),
        },
    },
    "reports.overdue": {
        "2024-03": {
            A: (0, None, "met"),
            B: (1, None, "not_met"),
            C: (0, None, "met"),
            TOTAL: (1, None, "not_met"),
        },
        "2024-Q1": {
            A: (0, None, "met"),
            B: (1, None, "not_met"),
            C: (0, None, "met"),
            TOTAL: (1, None, "not_met"),
        },
        "2024": {
            A: (0, None, "met"),
            B: (0, None, "met"),
            C: (1, None, "not_met"),
            TOTAL: (1, None, "not_met"),
        },
    },
    "cases.wrongful": _same(
        {
            A: (0, None, "met"),
            B: (0, None, "no_data"),
            C: (0, None, "no_data"),
            TOTAL: (0, None, "met"),
        }
    ),
    "reporting.timeliness": {
        "2024-03": {TOTAL: (3, 4, "not_met")},
        "2024-Q1": {TOTAL: (6, 8, "not_met")},
        "2024": {TOTAL: (6, 34, "not_met")},
    },
}

#: The results whose status is ``no_data`` only under the rule that no data is never
#: met: a count of 0 in a unit with no record of its kind (the engine before that rule
#: says ``met``).
NO_DATA_COUNTS: Final = frozenset({("cases.wrongful", B), ("cases.wrongful", C)})

#: EXPECTED.md, "Not listed by the plan": added by a caller.
COMPLETENESS: Final[dict[str, Cell]] = {
    "2024-03": (3, 4, "no_target"),
    "2024-Q1": (7, 8, "no_target"),
    "2024": (7, 34, "no_target"),
}

#: EXPECTED.md section 3: per report in scope, (received, day 20 with the day after
#: receipt as day 1, the days off from day 1 to day 20, the last day under the plan's
#: calendar, the last day with the day of receipt as day 1).
LIMITS: Final[dict[str, tuple[dt.date, dt.date, tuple[dt.date, ...], dt.date, dt.date]]] = {
    "CR-01": (
        dt.date(2023, 12, 20),
        dt.date(2024, 1, 9),
        (
            dt.date(2023, 12, 23),
            dt.date(2023, 12, 24),
            dt.date(2023, 12, 30),
            dt.date(2023, 12, 31),
            dt.date(2024, 1, 1),
            dt.date(2024, 1, 6),
            dt.date(2024, 1, 7),
        ),
        dt.date(2024, 1, 9),
        dt.date(2024, 1, 8),
    ),
    "CR-02": (
        dt.date(2024, 1, 10),
        dt.date(2024, 1, 30),
        tuple(dt.date(2024, 1, d) for d in (13, 14, 20, 21, 27, 28)),
        dt.date(2024, 1, 30),
        dt.date(2024, 1, 29),
    ),
    "CR-03": (
        dt.date(2024, 1, 17),
        dt.date(2024, 2, 6),
        (
            *(dt.date(2024, 1, d) for d in (20, 21, 27, 28)),
            dt.date(2024, 2, 3),
            dt.date(2024, 2, 4),
        ),
        dt.date(2024, 2, 6),
        dt.date(2024, 2, 5),
    ),
    "CR-04": (
        dt.date(2024, 1, 22),
        dt.date(2024, 2, 11),
        (
            dt.date(2024, 1, 27),
            dt.date(2024, 1, 28),
            *(dt.date(2024, 2, d) for d in (3, 4, 8, 9, 10, 11)),
        ),
        dt.date(2024, 2, 15),
        dt.date(2024, 2, 15),
    ),
    "CR-05": (
        dt.date(2024, 2, 28),
        dt.date(2024, 3, 19),
        tuple(dt.date(2024, 3, d) for d in (2, 3, 9, 10, 16, 17, 19)),
        dt.date(2024, 3, 20),
        dt.date(2024, 3, 18),
    ),
    "CR-06": (
        dt.date(2024, 3, 4),
        dt.date(2024, 3, 24),
        tuple(dt.date(2024, 3, d) for d in (9, 10, 16, 17, 19, 23, 24)),
        dt.date(2024, 3, 25),
        dt.date(2024, 3, 25),
    ),
    "CR-07": (
        dt.date(2024, 3, 22),
        dt.date(2024, 4, 11),
        (
            *(dt.date(2024, 3, d) for d in (23, 24, 30, 31)),
            dt.date(2024, 4, 6),
            dt.date(2024, 4, 7),
        ),
        dt.date(2024, 4, 11),
        dt.date(2024, 4, 10),
    ),
    "CR-08": (
        dt.date(2024, 3, 27),
        dt.date(2024, 4, 16),
        (
            dt.date(2024, 3, 30),
            dt.date(2024, 3, 31),
            *(dt.date(2024, 4, d) for d in (6, 7, 13, 14)),
        ),
        dt.date(2024, 4, 16),
        dt.date(2024, 4, 15),
    ),
    "CR-09": (
        dt.date(2024, 12, 2),
        dt.date(2024, 12, 22),
        tuple(dt.date(2024, 12, d) for d in (7, 8, 14, 15, 21, 22)),
        dt.date(2024, 12, 23),
        dt.date(2024, 12, 23),
    ),
    "CR-10": (
        dt.date(2024, 12, 20),
        dt.date(2025, 1, 9),
        (
            *(dt.date(2024, 12, d) for d in (21, 22, 28, 29)),
            *(dt.date(2025, 1, d) for d in (1, 4, 5)),
        ),
        dt.date(2025, 1, 9),
        dt.date(2025, 1, 8),
    ),
    "CR-11": (
        dt.date(2024, 12, 23),
        dt.date(2025, 1, 12),
        (
            dt.date(2024, 12, 28),
            dt.date(2024, 12, 29),
            *(dt.date(2025, 1, d) for d in (1, 4, 5, 11, 12)),
        ),
        dt.date(2025, 1, 13),
        dt.date(2025, 1, 13),
    ),
}

#: EXPECTED.md section 2: the records left out, with their reason once unknown units are
#: told apart from codes not valid on the record's date.
LEFT_OUT: Final[dict[tuple[str, str], str]] = {
    ("crime_reports", "CR-12"): "unknown_unit",
    ("crime_reports", "CR-13"): "unknown_unit",
    ("crime_reports", "CR-14"): "not_valid_on_date",
    ("subjects", "S-07"): "out_of_scope",
}
LEFT_OUT_REASONS: Final = ("out_of_scope", "not_valid_on_date", "unknown_unit")


def local_calendar() -> DayOffCalendar:
    """The national calendar with the plan's one local day off, built by hand."""
    return DayOffCalendar(extra_days_off={LOCAL_DAY_OFF: LOCAL_DAY_OFF_VI})


_NEW_TABLES: Final = re.compile(r"\[\[?(?:calendar|evaluation)[\].]")
_INDICATORS_KEY: Final = re.compile(r"^indicators = \[.*?\]\n", re.DOTALL | re.MULTILINE)


def plan_text_without_new_keys() -> str:
    """The plan file's text without the keys a library may not know yet.

    Left out: the top-level ``indicators`` key (the one before the first table; the
    clauses' own ``indicators`` keys are kept) and the ``[calendar]`` and ``[evaluation]``
    tables.
    """
    text = PLAN_PATH.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n[[")
    head, removed = _INDICATORS_KEY.subn("", head)
    if removed != 1:  # pragma: no cover - the fixture itself changed
        msg = f"{PLAN_PATH}: expected one top-level indicators key, found {removed}"
        raise AssertionError(msg)
    blocks = re.split(r"(?m)^(?=\[)", "[[" + rest)
    kept = [b for b in blocks if not _NEW_TABLES.match(b)]
    if len(blocks) - len(kept) != 3:  # pragma: no cover - the fixture itself changed
        msg = f"{PLAN_PATH}: expected 3 tables [calendar], [[calendar.days_off]], [evaluation]"
        raise AssertionError(msg)
    return head + "\n" + "".join(kept)


def plan_without_new_keys() -> Plan:
    """The plan, read from its file without the keys the library may not know yet."""
    return parse_plan(plan_text_without_new_keys(), source=str(PLAN_PATH))
