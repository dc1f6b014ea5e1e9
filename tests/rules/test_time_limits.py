"""Tests for the crime-report time limits (Bộ luật Tố tụng hình sự 2015, Art. 134, 147-149).

Every expected date was worked out by hand from the articles and a printed calendar of
Vietnam's days off (2024-03-01 is a Friday; Tết 2024 ran from Thursday 8 to Wednesday
14 February; 29 April to 1 May 2024 were off, with Saturday 4 May worked instead).
All reports are synthetic.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import NamedTuple

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import LanguageError, RulesError, ValidationError
from threeno.model.crime import CrimeReport, Extension, Suspension
from threeno.model.enums import Decision, ExtensionKind, ReportSource, SuspensionReason
from threeno.model.sources import CRIMINAL_PROCEDURE_CODE_2015, Instrument, Reference
from threeno.rules import procedure, time_limits
from threeno.rules.calendar import DayOffCalendar, default_calendar
from threeno.rules.procedure import PROCEDURE_2015, ProcedureRegime, procedure_regime_on
from threeno.rules.time_limits import (
    Deadline,
    ReportStatus,
    StepKind,
    status_on,
    time_limit,
)

D = dt.date
COMPLEX = ExtensionKind.COMPLEX
PROCURACY = ExtensionKind.PROCURACY


def report(
    received: dt.date,
    *,
    extensions: tuple[Extension, ...] | list[Extension] = (),
    suspensions: tuple[Suspension, ...] | list[Suspension] = (),
    decision: Decision | None = None,
    decided_on: dt.date | None = None,
) -> CrimeReport:
    """A synthetic crime report received on ``received``."""
    return CrimeReport(
        id="CR-TEST",
        source=ReportSource.TO_GIAC,
        offence_article=150,
        unit_code="03386",
        received_on=received,
        receiving_agency="CATP",
        extensions=tuple(extensions),
        suspensions=tuple(suspensions),
        decision=decision,
        decided_on=decided_on,
    )


def ext(kind: ExtensionKind, granted: dt.date) -> Extension:
    """An extension granted on ``granted``."""
    return Extension(kind=kind, granted_on=granted)


def sus(start: dt.date, resumed: dt.date | None = None) -> Suspension:
    """A suspension from ``start``, resumed on ``resumed`` if given."""
    return Suspension(
        reason=SuspensionReason.EXPERT_EXAMINATION, from_date=start, resumed_on=resumed
    )


# Reports used by several tests.
TET = report(D(2024, 1, 25))
CLAMPED = report(D(2023, 12, 31), extensions=[ext(COMPLEX, D(2024, 1, 10))])
PROCURACY_EXTENDED = report(
    D(2023, 12, 31), extensions=[ext(COMPLEX, D(2024, 1, 10)), ext(PROCURACY, D(2024, 2, 20))]
)
RESUMED = report(
    D(2024, 2, 20),
    suspensions=[sus(D(2024, 3, 1), D(2024, 4, 1))],
    decision=Decision.KHOI_TO,
    decided_on=D(2024, 5, 1),
)
TWICE = report(
    D(2024, 6, 3),
    suspensions=[sus(D(2024, 6, 10), D(2024, 6, 20)), sus(D(2024, 7, 1), D(2024, 7, 15))],
)


class Case(NamedTuple):
    """A worked example: a report, what is known, the convention, the expected limit."""

    name: str
    subject: CrimeReport
    as_of: dt.date | None
    count_receipt_day: bool
    limit: dt.date
    summary: str


_CASES = [
    (
        # Art. 147(1): 20 days from Tuesday 5 March 2024, the day of receipt not counted,
        # end on Monday 25 March: a working day, nothing moves.
        "plain 20 days",
        report(D(2024, 3, 5)),
        None,
        False,
        D(2024, 3, 25),
        "20 days",
    ),
    (
        # 20 days from Monday 4 March 2024 end on Sunday 24 March; Art. 134(1) moves the
        # last day to Monday 25 March.
        "ends on a weekend",
        report(D(2024, 3, 4)),
        None,
        False,
        D(2024, 3, 25),
        "20 days, moved past the weekend",
    ),
    (
        # The brief's example: 20 days from 25 January 2024 end on Wednesday 14 February,
        # the 5th day of Tết; the limit is Thursday 15 February.
        "ends in Tết",
        TET,
        None,
        False,
        D(2024, 2, 15),
        "20 days, moved past Tết",
    ),
    (
        # Art. 147(2) and 134(1): 2 months from 31 December 2023 would be 31 February 2024,
        # which does not exist: the last day of February, Thursday 29 (a leap year).
        "complex extension, month-end clamp",
        CLAMPED,
        None,
        False,
        D(2024, 2, 29),
        "2 months (complex matter)",
    ),
    (
        # 2 months from Tuesday 5 March 2024 end on Sunday 5 May; moved to Monday 6 May.
        "complex extension on a weekend",
        report(D(2024, 3, 5), extensions=[ext(COMPLEX, D(2024, 3, 20))]),
        None,
        False,
        D(2024, 5, 6),
        "2 months (complex matter), moved past the weekend",
    ),
    (
        # The procuracy's 2 more months run from the unmoved end of the 2-month limit,
        # 29 February 2024, to 29 April: a substituted day off, then 30 April and 1 May
        # (holidays). The first working day is Thursday 2 May.
        "procuracy extension",
        PROCURACY_EXTENDED,
        None,
        False,
        D(2024, 5, 2),
        "2 months (complex matter) + 2 months (procuracy), moved past International Labor Day",
    ),
    (
        # Art. 148-149: suspended 1 March, resumed 1 April 2024; 1 month from the
        # resumption ends on 1 May, Labour Day, so on Thursday 2 May.
        "suspension then resumption",
        RESUMED,
        None,
        False,
        D(2024, 5, 2),
        "1 month from resumption on 2024-04-01, moved past International Labor Day",
    ),
    (
        # Two suspensions: the latest resumption (15 July 2024) governs; 1 month later is
        # Thursday 15 August 2024, a working day.
        "two suspensions",
        TWICE,
        None,
        False,
        D(2024, 8, 15),
        "1 month from resumption on 2024-07-15",
    ),
    (
        # Known on 25 June 2024: only the first resumption (20 June); 1 month later is
        # Saturday 20 July, moved to Monday 22 July.
        "two suspensions, as of between them",
        TWICE,
        D(2024, 6, 25),
        False,
        D(2024, 7, 22),
        "1 month from resumption on 2024-06-20, moved past the weekend",
    ),
    (
        # As of 5 January 2024 no extension is known: 20 days from 31 December 2023 end on
        # Saturday 20 January, moved to Monday 22 January.
        "as of before the extensions",
        PROCURACY_EXTENDED,
        D(2024, 1, 5),
        False,
        D(2024, 1, 22),
        "20 days, moved past the weekend",
    ),
    (
        # As of 10 January 2024 the complex-matter extension (granted that day) is known.
        "as of the complex extension",
        PROCURACY_EXTENDED,
        D(2024, 1, 10),
        False,
        D(2024, 2, 29),
        "2 months (complex matter)",
    ),
    (
        # As of 20 February 2024 both extensions are known.
        "as of the procuracy extension",
        PROCURACY_EXTENDED,
        D(2024, 2, 20),
        False,
        D(2024, 5, 2),
        "2 months (complex matter) + 2 months (procuracy), moved past International Labor Day",
    ),
    (
        # Day of receipt counted as day 1: Wednesday 6 March 2024 is day 1, day 20 is
        # Monday 25 March (not counted, it would be Tuesday 26 March).
        "receipt day counted, days",
        report(D(2024, 3, 6)),
        None,
        True,
        D(2024, 3, 25),
        "20 days",
    ),
    (
        # Counted from the day before receipt: 6 March + 2 months = Monday 6 May 2024
        # (not counted: Tuesday 7 May).
        "receipt day counted, months",
        report(D(2024, 3, 7), extensions=[ext(COMPLEX, D(2024, 3, 8))]),
        None,
        True,
        D(2024, 5, 6),
        "2 months (complex matter)",
    ),
    (
        # The brief's rule: counted, 20 days end on receipt + 19 = 13 February 2024, in
        # Tết; moved to Thursday 15 February.
        "receipt day counted, in Tết",
        TET,
        None,
        True,
        D(2024, 2, 15),
        "20 days, moved past Tết",
    ),
    (
        # Suspended and resumed on the same day, Sunday 10 March 2024: the clock stopped
        # and restarted at once; 1 month from 10 March is Wednesday 10 April.
        "suspended and resumed the same day",
        report(D(2024, 3, 5), suspensions=[sus(D(2024, 3, 10), D(2024, 3, 10))]),
        None,
        False,
        D(2024, 4, 10),
        "1 month from resumption on 2024-03-10",
    ),
    (
        # A complex-matter extension granted after a suspension (22 March, after the
        # resumption of 20 March) is not applied: Art. 149(1) leaves 1 month from
        # 20 March, Saturday 20 April, moved to Monday 22 April.
        "extension after a suspension",
        report(
            D(2024, 3, 5),
            extensions=[ext(COMPLEX, D(2024, 3, 22))],
            suspensions=[sus(D(2024, 3, 10), D(2024, 3, 20))],
        ),
        None,
        False,
        D(2024, 4, 22),
        "1 month from resumption on 2024-03-20, moved past the weekend",
    ),
    (
        # A complex-matter extension granted on 28 March 2024, after the 20-day limit of
        # 25 March had passed, is still applied: 5 May (Sunday), moved to Monday 6 May.
        # The summary's notes follow the steps' order: the late grant, then the move.
        "extension granted late",
        report(D(2024, 3, 5), extensions=[ext(COMPLEX, D(2024, 3, 28))]),
        None,
        False,
        D(2024, 5, 6),
        (
            "2 months (complex matter), extension granted after the limit had passed, "
            "moved past the weekend"
        ),
    ),
]
CASES = [Case(*case) for case in _CASES]


class TestTimeLimit:
    """time_limit(): the limit and its summary, case by case from the legal text."""

    @pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
    def test_cases(self, case: Case) -> None:
        """The limit and its one-line summary are those worked out by hand."""
        deadline = time_limit(
            case.subject, as_of=case.as_of, count_receipt_day=case.count_receipt_day
        )
        assert case.limit == deadline.date
        assert case.summary == deadline.summary()

    def test_steps_of_the_tet_case(self) -> None:
        """Receipt gives the statutory 14 February; a day-off step moves it to the 15th."""
        deadline = time_limit(TET)
        expected = [StepKind.RECEIPT, StepKind.DAY_OFF]
        assert expected == [s.kind for s in deadline.steps]
        receipt, day_off = deadline.steps
        assert D(2024, 2, 14) == receipt.result
        assert D(2024, 2, 14) == day_off.event_on
        assert D(2024, 2, 15) == day_off.result
        assert [D(2024, 2, 14)] == [s.day for s in day_off.skipped]
        expected_references = (
            "Bộ luật Tố tụng hình sự 2015, Art. 147(1), Art. 134(1)",
            "Bộ luật Tố tụng hình sự 2015, Art. 134(1)",
        )
        assert expected_references == (receipt.reference, day_off.reference)

    def test_intermediate_ends_are_unmoved(self) -> None:
        """The procuracy's months chain from the unmoved 29 February, not a moved date.

        A chain from 31 December 2023: 2 months end on 29 February 2024 (clamped), 2 more
        on 29 April; the clamp compounds (4 months from receipt would be 30 April).
        """
        deadline = time_limit(PROCURACY_EXTENDED)
        results = [s.result for s in deadline.steps]
        assert [D(2024, 1, 20), D(2024, 2, 29), D(2024, 4, 29), D(2024, 5, 2)] == results

    def test_late_extension_step(self) -> None:
        """The step of a late extension says which limit had passed (25 March 2024)."""
        late = report(D(2024, 3, 5), extensions=[ext(COMPLEX, D(2024, 3, 28))])
        step = time_limit(late).steps[1]
        assert (StepKind.COMPLEX, True, True, D(2024, 3, 25)) == (
            step.kind,
            step.applied,
            step.late,
            step.passed,
        )

    def test_extension_after_suspension_not_applied(self) -> None:
        """An extension after a suspension is listed, not applied (Art. 149(1) governs)."""
        subject = report(
            D(2024, 3, 5),
            extensions=[ext(COMPLEX, D(2024, 3, 22))],
            suspensions=[sus(D(2024, 3, 10), D(2024, 3, 20))],
        )
        kinds = [(s.kind, s.applied) for s in time_limit(subject).steps]
        expected = [
            (StepKind.RECEIPT, True),
            (StepKind.SUSPENSION, True),
            (StepKind.RESUMPTION, True),
            (StepKind.COMPLEX, False),
            (StepKind.DAY_OFF, True),
        ]
        assert expected == kinds

    def test_suspended_has_no_date(self) -> None:
        """While suspended (Art. 148) the clock stops: no date, and since when."""
        deadline = time_limit(RESUMED, as_of=D(2024, 3, 15))
        assert deadline.date is None
        assert deadline.is_suspended
        assert D(2024, 3, 1) == deadline.suspended_since
        expected = "suspended since 2024-03-01"
        assert expected == deadline.summary()

    def test_open_suspension(self) -> None:
        """A report still suspended has no limit whatever the as_of."""
        subject = report(
            D(2024, 3, 5),
            suspensions=[sus(D(2024, 3, 10))],
            decision=Decision.TAM_DINH_CHI,
            decided_on=D(2024, 3, 10),
        )
        assert time_limit(subject).date is None

    def test_resumption_then_new_suspension_same_day(self) -> None:
        """Resumed on 20 March and suspended again that day: suspended since 20 March."""
        subject = report(
            D(2024, 3, 5),
            suspensions=[sus(D(2024, 3, 10), D(2024, 3, 20)), sus(D(2024, 3, 20))],
            decision=Decision.TAM_DINH_CHI,
            decided_on=D(2024, 3, 20),
        )
        deadline = time_limit(subject)
        assert (None, D(2024, 3, 20)) == (deadline.date, deadline.suspended_since)

    def test_late_suspension_keeps_the_missed_limit(self) -> None:
        """Suspended on 1 April 2024, after the limit of 25 March: that limit was missed."""
        subject = report(
            D(2024, 3, 5),
            suspensions=[sus(D(2024, 4, 1))],
            decision=Decision.TAM_DINH_CHI,
            decided_on=D(2024, 4, 1),
        )
        deadline = time_limit(subject)
        assert D(2024, 3, 25) == deadline.missed_limit
        expected = "suspended since 2024-04-01, limit of 2024-03-25 missed before the suspension"
        assert expected == deadline.summary()

    def test_local_day_off(self) -> None:
        """A plan's local day off on Tuesday 26 March 2024 moves a limit to Wednesday 27."""
        local = DayOffCalendar(extra_days_off={D(2024, 3, 26): "Ngày nghỉ địa phương (ví dụ)"})
        deadline = time_limit(report(D(2024, 3, 6)), local)
        assert D(2024, 3, 27) == deadline.date
        expected = "20 days, moved past Ngày nghỉ địa phương (ví dụ)"
        assert expected == deadline.summary()
        # The national calendar does not know it: 26 March is the limit there.
        assert D(2024, 3, 26) == time_limit(report(D(2024, 3, 6))).date

    def test_as_of_before_receipt(self) -> None:
        """Nothing is known about a report before it was received."""
        with pytest.raises(RulesError, match=r"crime_reports\[CR-TEST\]: as_of 2023-12-30"):
            time_limit(CLAMPED, as_of=D(2023, 12, 30))

    def test_as_of_not_a_date(self) -> None:
        """as_of is a date."""
        with pytest.raises(RulesError, match="as_of must be a date"):
            time_limit(TET, as_of="2024-02-01")  # type: ignore[arg-type]

    def test_bad_calendar(self) -> None:
        """The calendar is a DayOffCalendar."""
        with pytest.raises(RulesError, match="calendar must be a DayOffCalendar"):
            time_limit(TET, {})  # type: ignore[arg-type]

    def test_bad_count_flag(self) -> None:
        """count_receipt_day is a bool, not a truthy string."""
        with pytest.raises(RulesError, match="True or False"):
            time_limit(TET, count_receipt_day="yes")  # type: ignore[arg-type]

    def test_pendulum_dates_in_plain_dates_out(self) -> None:
        """A report dated with pendulum.Date gets plain datetime.date results."""
        subject = report(pendulum.Date(2024, 1, 25))
        deadline = time_limit(subject, as_of=pendulum.Date(2024, 2, 1))
        expected = (D(2024, 2, 15), dt.date, dt.date, dt.date)
        assert expected == (
            deadline.date,
            type(deadline.date),
            type(deadline.received_on),
            type(deadline.as_of),
        )
        assert all(type(step.result) is dt.date for step in deadline.steps)

    def test_default_calendar_used(self) -> None:
        """No calendar means the national one."""
        assert time_limit(TET) == time_limit(TET, default_calendar())


class TestExplain:
    """Deadline.explain() and summary() in words, with the articles."""

    def test_english(self) -> None:
        """The Tết case, in full, in English."""
        expected = (
            "CR-TEST: received 2024-01-25 (the day of receipt not counted).",
            (
                "- 20 days from receipt end on 2024-02-14 "
                "(Bộ luật Tố tụng hình sự 2015, Art. 147(1), Art. 134(1))."
            ),
            (
                "- 2024-02-14 is a day off (Fifth Day of Lunar New Year): the first working day "
                "after it, 2024-02-15, is the last day (Bộ luật Tố tụng hình sự 2015, "
                "Art. 134(1))."
            ),
            "Limit: 2024-02-15.",
        )
        assert expected == tuple(time_limit(TET).explain().splitlines())

    def test_vietnamese(self) -> None:
        """The Tết case, in full, in Vietnamese, dates day/month/year, in NFC."""
        expected = (
            "CR-TEST: tiếp nhận ngày 25/01/2024 (không tính ngày tiếp nhận).",
            (
                "- 20 ngày kể từ ngày tiếp nhận, hết ngày 14/02/2024 "
                "(khoản 1 Điều 147, khoản 1 Điều 134 Bộ luật Tố tụng hình sự 2015)."
            ),
            (
                "- Ngày 14/02/2024 là ngày nghỉ (Mùng năm Tết Nguyên Đán): ngày làm việc đầu "
                "tiên tiếp theo, 15/02/2024, là ngày cuối cùng của thời hạn "
                "(khoản 1 Điều 134 Bộ luật Tố tụng hình sự 2015)."
            ),
            "Hạn cuối: 15/02/2024.",
        )
        text = time_limit(TET).explain("vi")
        assert expected == tuple(text.splitlines())
        assert unicodedata.normalize("NFC", text) == text

    def test_vietnamese_summary(self) -> None:
        """Months are written with two digits, as the law writes them ("02 tháng")."""
        expected = (
            "02 tháng (vụ việc phức tạp) + 02 tháng (Viện kiểm sát gia hạn), "
            "chuyển sang ngày làm việc sau Ngày Quốc tế Lao động"
        )
        assert expected == time_limit(PROCURACY_EXTENDED).summary("vi")

    def test_several_days_off_listed(self) -> None:
        """A move past several days off names each of them."""
        text = time_limit(PROCURACY_EXTENDED).explain()
        assert (
            "- 2024-04-29 is a day off (Day off (substituted from 05/04/2024)), and so are "
            "2024-04-30 (Liberation Day/Reunification Day), 2024-05-01 (International Labor "
            "Day): the first working day after it, 2024-05-02, is the last day "
            "(Bộ luật Tố tụng hình sự 2015, Art. 134(1))."
        ) in text.splitlines()

    def test_suspended_explanation(self) -> None:
        """While suspended the explanation ends with no limit, and says as of when."""
        lines = time_limit(RESUMED, as_of=D(2024, 3, 15)).explain().splitlines()
        assert lines[0].endswith("Events known on 2024-03-15.")
        assert (
            "- Suspended on 2024-03-01: the clock stops (Bộ luật Tố tụng hình sự 2015, Art. 148)."
        ) in lines
        expected = "No limit runs while the report is suspended (since 2024-03-01)."
        assert expected == lines[-1]

    def test_counted_receipt_day_said(self) -> None:
        """The convention used is part of the explanation."""
        text = time_limit(TET, count_receipt_day=True).explain()
        assert "(the day of receipt counted as day 1)" in text.splitlines()[0]

    def test_unknown_language(self) -> None:
        """Only 'vi' and 'en'."""
        with pytest.raises(LanguageError, match="'de'"):
            time_limit(TET).summary("de")  # type: ignore[arg-type]


class TestStatusOn:
    """status_on(): each status, judged with the events known on the day."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            # Received 20 February 2024, limit then 11 March: pending on 25 February.
            (D(2024, 2, 25), ReportStatus.PENDING),
            # Suspended from 1 March (Art. 148): the clock stops, on that day already.
            (D(2024, 3, 1), ReportStatus.SUSPENDED),
            (D(2024, 3, 15), ReportStatus.SUSPENDED),
            # Resumed 1 April; limit 2 May (1 May is a holiday): pending on 10 April.
            (D(2024, 4, 10), ReportStatus.PENDING),
            # Decided 1 May, before the limit of 2 May: on time, from that day on.
            (D(2024, 5, 1), ReportStatus.DECIDED_ON_TIME),
            (D(2024, 12, 31), ReportStatus.DECIDED_ON_TIME),
        ],
    )
    def test_the_briefs_report(self, on: dt.date, expected: ReportStatus) -> None:
        """Suspended 1 March - 1 April 2024, decided 1 May: each status in its time."""
        assert expected == status_on(RESUMED, on)

    @pytest.mark.parametrize(
        ("decided", "expected"),
        [
            # Tết case: the limit is 15 February 2024.
            (D(2024, 2, 15), ReportStatus.DECIDED_ON_TIME),
            (D(2024, 2, 16), ReportStatus.DECIDED_LATE),
        ],
    )
    def test_decided_on_the_last_day(self, decided: dt.date, expected: ReportStatus) -> None:
        """Decided on the limit is on time (it ends at 24:00, Art. 134(1)); a day later, late."""
        subject = report(D(2024, 1, 25), decision=Decision.KHONG_KHOI_TO, decided_on=decided)
        assert expected == status_on(subject, D(2024, 3, 1))

    def test_pending_on_the_last_day_overdue_after(self) -> None:
        """Limit 25 March 2024: pending that day, overdue the next."""
        subject = report(D(2024, 3, 5))
        expected = (ReportStatus.PENDING, ReportStatus.OVERDUE)
        assert expected == tuple(
            status_on(subject, day) for day in (D(2024, 3, 25), D(2024, 3, 26))
        )

    def test_pending_before_its_decision_is_known(self) -> None:
        """A decision after ``on`` is not known on ``on``: the report is still pending."""
        subject = report(D(2024, 3, 5), decision=Decision.KHOI_TO, decided_on=D(2024, 3, 20))
        expected = (ReportStatus.PENDING, ReportStatus.DECIDED_ON_TIME)
        assert expected == tuple(
            status_on(subject, day) for day in (D(2024, 3, 19), D(2024, 3, 20))
        )

    def test_extension_known_later_is_not_used(self) -> None:
        """As of 26 March 2024 the extension of 28 March is unknown: overdue that day."""
        subject = report(D(2024, 3, 5), extensions=[ext(COMPLEX, D(2024, 3, 28))])
        expected = (ReportStatus.OVERDUE, ReportStatus.PENDING)
        assert expected == tuple(
            status_on(subject, day) for day in (D(2024, 3, 26), D(2024, 3, 28))
        )

    def test_late_suspension_makes_the_decision_late(self) -> None:
        """A late suspension cures nothing: the decision is late even within the month.

        Suspended on 1 April 2024, after the 25 March limit; resumed 10 April, decided
        20 April (within 1 month of the resumption): decided late, the first limit was missed.
        """
        subject = report(
            D(2024, 3, 5),
            suspensions=[sus(D(2024, 4, 1), D(2024, 4, 10))],
            decision=Decision.KHOI_TO,
            decided_on=D(2024, 4, 20),
        )
        expected = (ReportStatus.SUSPENDED, ReportStatus.PENDING, ReportStatus.DECIDED_LATE)
        assert expected == tuple(
            status_on(subject, day) for day in (D(2024, 4, 5), D(2024, 4, 15), D(2024, 4, 20))
        )

    def test_transfer_is_a_decision(self) -> None:
        """A transfer to the competent authority ends the handling (Art. 146(2))."""
        subject = report(D(2024, 3, 5), decision=Decision.CHUYEN, decided_on=D(2024, 3, 8))
        expected = ReportStatus.DECIDED_ON_TIME
        assert expected == status_on(subject, D(2024, 3, 8))

    def test_not_yet_received(self) -> None:
        """A report has no status before its receipt."""
        with pytest.raises(RulesError, match=r"on 2024-03-04 is before the report was received"):
            status_on(report(D(2024, 3, 5)), D(2024, 3, 4))

    def test_on_not_a_date(self) -> None:
        """``on`` is a date."""
        with pytest.raises(RulesError, match="on must be a date"):
            status_on(TET, dt.datetime(2024, 3, 1, tzinfo=dt.UTC))

    def test_labels(self) -> None:
        """Every status has both labels, Vietnamese in NFC."""
        for status in ReportStatus:
            assert status.label("en")
            assert unicodedata.normalize("NFC", status.label("vi")) == status.label("vi")


# -- properties -----------------------------------------------------------------------------

received_days = st.dates(min_value=D(2013, 1, 1), max_value=D(2029, 12, 31))
offsets = st.integers(min_value=0, max_value=150)


@st.composite
def extended_reports(draw: st.DrawFn) -> tuple[CrimeReport, CrimeReport, CrimeReport]:
    """The same report with no extension, a complex one, and both extensions."""
    received = draw(received_days)
    complex_on = received + dt.timedelta(days=draw(offsets))
    procuracy_on = complex_on + dt.timedelta(days=draw(offsets))
    bare = report(received)
    extended = report(received, extensions=[ext(COMPLEX, complex_on)])
    both = report(received, extensions=[ext(COMPLEX, complex_on), ext(PROCURACY, procuracy_on)])
    return bare, extended, both


@st.composite
def resumed_pairs(draw: st.DrawFn) -> tuple[CrimeReport, CrimeReport]:
    """The same suspended report, resumed on two dates, the second no earlier."""
    received = draw(received_days)
    start = received + dt.timedelta(days=draw(offsets))
    first = start + dt.timedelta(days=draw(offsets))
    second = first + dt.timedelta(days=draw(offsets))
    return (
        report(received, suspensions=[sus(start, first)]),
        report(received, suspensions=[sus(start, second)]),
    )


def _date(deadline: Deadline) -> dt.date:
    assert deadline.date is not None
    return deadline.date


class TestProperties:
    """Properties that hold for every report."""

    @given(reports=extended_reports(), count=st.booleans())
    def test_never_on_a_day_off(self, reports: tuple[CrimeReport, ...], count: bool) -> None:
        """A limit never falls on a day off (Art. 134(1))."""
        for subject in reports:
            assert not default_calendar().is_day_off(
                _date(time_limit(subject, count_receipt_day=count))
            )

    @given(reports=extended_reports(), count=st.booleans())
    def test_extension_never_shortens(
        self, reports: tuple[CrimeReport, CrimeReport, CrimeReport], count: bool
    ) -> None:
        """An extension never gives an earlier limit (Art. 147(2) lengthens, never cuts)."""
        bare, extended, both = (_date(time_limit(r, count_receipt_day=count)) for r in reports)
        assert bare <= extended <= both

    @given(pair=resumed_pairs(), count=st.booleans())
    def test_later_resumption_never_earlier(
        self, pair: tuple[CrimeReport, CrimeReport], count: bool
    ) -> None:
        """A later resumption never gives an earlier limit (Art. 149(1))."""
        earlier, later = (_date(time_limit(r, count_receipt_day=count)) for r in pair)
        assert earlier <= later

    @given(reports=extended_reports(), on=st.integers(min_value=0, max_value=400))
    def test_status_is_consistent_with_the_limit(
        self, reports: tuple[CrimeReport, ...], on: int
    ) -> None:
        """An undecided report is pending up to its limit and overdue after it."""
        for subject in reports:
            day = subject.received_on + dt.timedelta(days=on)
            limit = _date(time_limit(subject, as_of=day))
            expected = ReportStatus.PENDING if day <= limit else ReportStatus.OVERDUE
            assert expected == status_on(subject, day)

    @given(reports=extended_reports())
    def test_counting_the_receipt_day_never_lengthens(
        self, reports: tuple[CrimeReport, ...]
    ) -> None:
        """Counting the day of receipt as day 1 starts the clock a day earlier."""
        for subject in reports:
            counted = _date(time_limit(subject, count_receipt_day=True))
            assert counted <= _date(time_limit(subject))


# A fictional Code in force from 2030, with other numbers and articles, to show that the
# limit follows the regime in force on the day of receipt.
CODE_2030 = Instrument(
    id="bltths-2030",
    name_vi="Bộ luật Tố tụng hình sự 2030",
    name_en="Criminal Procedure Code 2030 (fictional)",
    number="1/2030/QH16",
    in_force_from=D(2030, 1, 1),
)


def _art(article: str, clause: str | None = None) -> Reference:
    return Reference(instrument=CODE_2030, article=article, clause=clause)


REGIME_2030 = ProcedureRegime(
    instrument=CODE_2030,
    base_days=30,
    extension_months=3,
    procuracy_months=1,
    resumption_months=2,
    base=_art("150", "1"),
    extension=_art("150", "2"),
    procuracy=_art("150", "3"),
    suspension=_art("151"),
    resumption=_art("152", "1"),
    counting=_art("130", "1"),
)


class TestProcedureRegime:
    """The Code's time limits as a dated regime, read on the day of receipt."""

    def test_the_2015_code(self) -> None:
        """20 days, 2 months, 2 more, 1 month; from 2018-01-01 (the Code's entry into force)."""
        regime = PROCEDURE_2015
        expected = (20, 2, 2, 1)
        assert expected == (
            regime.base_days,
            regime.extension_months,
            regime.procuracy_months,
            regime.resumption_months,
        )
        assert (D(2018, 1, 1), None) == (regime.in_force_from, regime.in_force_until)
        assert regime.instrument is CRIMINAL_PROCEDURE_CODE_2015
        still_exported = (20, 2, 1)
        assert still_exported == (
            time_limits.BASE_DAYS,
            time_limits.EXTENSION_MONTHS,
            time_limits.RESUMPTION_MONTHS,
        )

    def test_articles(self) -> None:
        """Each number's place in the Code, cited in both languages."""
        regime = PROCEDURE_2015
        cited = [
            r.cite("en")
            for r in (regime.base, regime.extension, regime.suspension, regime.resumption)
        ]
        assert cited == [
            "Bộ luật Tố tụng hình sự 2015, Art. 147(1)",
            "Bộ luật Tố tụng hình sự 2015, Art. 147(2)",
            "Bộ luật Tố tụng hình sự 2015, Art. 148",
            "Bộ luật Tố tụng hình sự 2015, Art. 149(1)",
        ]
        assert regime.counting.cite("vi") == "khoản 1 Điều 134 Bộ luật Tố tụng hình sự 2015"
        assert not regime.counting.verified  # the day of receipt: a parameter

    def test_before_2018(self) -> None:
        """The 2003 Code is not encoded: 2017-12-20 is counted under the 2015 Code.

        20 days from Wednesday 2017-12-20 end on Tuesday 2018-01-09 (11 days in December,
        9 in January), a working day.
        """
        assert procedure_regime_on(D(2017, 12, 20)) is PROCEDURE_2015
        assert procedure_regime_on(D(2018, 1, 1)) is PROCEDURE_2015
        deadline = time_limit(report(D(2017, 12, 20)))
        assert (D(2018, 1, 9), PROCEDURE_2015) == (deadline.date, deadline.regime)

    def test_not_a_date(self) -> None:
        """A datetime or a text is refused."""
        with pytest.raises(RulesError, match="not datetime"):
            procedure_regime_on(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
        with pytest.raises(RulesError, match="not str"):
            procedure_regime_on("2024-01-01")  # type: ignore[arg-type]

    def test_limit_follows_the_regime_of_the_receipt(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Under a later regime of 30 days, 3 months, 1 more month, its numbers and articles.

        Received Monday 2030-05-13: 30 days end on Wednesday 2030-06-12; a complex-matter
        extension gives 3 months from receipt, Tuesday 2030-08-13; the procuracy's 1 more
        month, Friday 2030-09-13. Received Tuesday 2029-05-15, before that regime: 20 days,
        Monday 2029-06-04.
        """
        monkeypatch.setattr(procedure, "PROCEDURE_REGIMES", (PROCEDURE_2015, REGIME_2030))
        late = time_limit(report(D(2030, 5, 13)))
        assert (D(2030, 6, 12), REGIME_2030) == (late.date, late.regime)
        assert late.summary() == "30 days"
        assert late.steps[0].reference == ("Bộ luật Tố tụng hình sự 2030, Art. 150(1), Art. 130(1)")
        extended = time_limit(
            report(
                D(2030, 5, 13),
                extensions=[ext(COMPLEX, D(2030, 5, 20)), ext(PROCURACY, D(2030, 8, 1))],
            )
        )
        assert [s.result for s in extended.steps] == [
            D(2030, 6, 12),
            D(2030, 8, 13),
            D(2030, 9, 13),
        ]
        assert extended.summary() == "3 months (complex matter) + 1 months (procuracy)"
        assert extended.steps[2].reference_in("vi") == (
            "khoản 3 Điều 150 Bộ luật Tố tụng hình sự 2030"
        )
        early = time_limit(report(D(2029, 5, 15)))
        assert (D(2029, 6, 4), PROCEDURE_2015) == (early.date, early.regime)

    def test_invalid(self) -> None:
        """Numbers are whole numbers of 1 or more; an instrument without a start needs one."""
        with pytest.raises(ValidationError, match=r"ProcedureRegime\.base_days"):
            attrs.evolve(PROCEDURE_2015, base_days=0)
        undated = Instrument(id="x", name_vi="X", name_en="X", number="1/X")
        with pytest.raises(ValidationError, match=r"ProcedureRegime\.in_force_from"):
            ProcedureRegime(
                instrument=undated,
                base_days=20,
                extension_months=2,
                procuracy_months=2,
                resumption_months=1,
                base=PROCEDURE_2015.base,
                extension=PROCEDURE_2015.extension,
                procuracy=PROCEDURE_2015.procuracy,
                suspension=PROCEDURE_2015.suspension,
                resumption=PROCEDURE_2015.resumption,
                counting=PROCEDURE_2015.counting,
            )
