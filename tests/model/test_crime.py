"""Tests for threeno.model.crime: the crime-report lifecycle and criminal cases.

Dates are worked out by hand from Bộ luật Tố tụng hình sự 2015, Art. 147-149, with the
reasoning beside each case. The time limits themselves are the rules' business; here only
the order of facts is checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import ValidationError
from threeno.model.crime import OFFENCES, CrimeReport, CriminalCase, Extension, Suspension
from threeno.model.enums import (
    Decision,
    ExtensionKind,
    ReportSource,
    SuspensionReason,
    Verdict,
)
from threeno.testing.strategies import crime_reports, criminal_cases

D = dt.date
RECEIVED = D(2024, 1, 25)  # a Thursday; 20 days later is 2024-02-14, in Tết
COMPLEX = ExtensionKind.COMPLEX
PROCURACY = ExtensionKind.PROCURACY
EXPERT = SuspensionReason.EXPERT_EXAMINATION


def report(**changes: Any) -> CrimeReport:  # noqa: ANN401 - test helper passes any field
    """A valid crime report received on 2024-01-25, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "CR-0017",
        "source": ReportSource.TO_GIAC,
        "offence_article": 150,
        "unit_code": "03386",
        "received_on": RECEIVED,
        "receiving_agency": "cong-an-tp",
    }
    fields.update(changes)
    return CrimeReport(**fields)


def ext(kind: ExtensionKind, day: dt.date) -> Extension:
    """An extension of ``kind`` granted on ``day``."""
    return Extension(kind=kind, granted_on=day)


def sus(start: dt.date, resumed: dt.date | None = None) -> Suspension:
    """A suspension for an expert examination from ``start``, resumed on ``resumed``."""
    return Suspension(reason=EXPERT, from_date=start, resumed_on=resumed)


def field_of(caught: pytest.ExceptionInfo[ValidationError]) -> str:
    """The field a ValidationError names."""
    return caught.value.field


class TestOffences:
    """The offences of Bộ luật Hình sự 2015 the plan concerns."""

    def test_articles(self) -> None:
        """Articles 150, 151, 153, 174, 348 and 349 of Bộ luật Hình sự 2015."""
        expected = [150, 151, 153, 174, 348, 349]
        assert expected == sorted(OFFENCES)

    def test_names(self) -> None:
        """Article 150 is trafficking in persons, in the Code's words."""
        expected = ("Mua bán người", "Trafficking in persons")
        assert expected == OFFENCES[150]

    def test_other_article_accepted(self) -> None:
        """A report under another article (e.g. 141) is still a report."""
        expected = 141
        assert expected == report(offence_article=141).offence_article


class TestSuspension:
    """A suspension and its resumption (Art. 148, 149)."""

    def test_resumed_before_suspended(self) -> None:
        """Resumed on 1 March for a suspension from 2 March: refused."""
        with pytest.raises(ValidationError) as caught:
            sus(D(2024, 3, 2), D(2024, 3, 1))
        expected = "resumed_on"
        assert expected == field_of(caught)

    def test_same_day_resumption(self) -> None:
        """Suspended and resumed the same day is allowed (a zero-day pause)."""
        assert not sus(D(2024, 3, 2), D(2024, 3, 2)).is_open

    def test_open(self) -> None:
        """Without a resumption the suspension is open."""
        assert sus(D(2024, 3, 2)).is_open

    def test_reason_must_be_member(self) -> None:
        """A reason given as text is refused by its field."""
        with pytest.raises(ValidationError, match=r"Suspension\.reason: unknown"):
            Suspension(reason="valuation", from_date=RECEIVED)  # type: ignore[arg-type]


class TestCrimeReportDates:
    """Nothing happens to a report before it is received."""

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"classified_on": D(2024, 1, 24)}, "classified_on"),
            ({"decision": Decision.KHOI_TO, "decided_on": D(2024, 1, 24)}, "decided_on"),
            ({"extensions": [ext(COMPLEX, D(2024, 1, 24))]}, "extensions[0].granted_on"),
            (
                {"suspensions": [sus(D(2024, 1, 24), D(2024, 2, 1))]},
                "suspensions[0].from_date",
            ),
        ],
    )
    def test_before_receipt(self, changes: dict[str, Any], field: str) -> None:
        """Each date the day before receipt (2024-01-24) is refused, naming its field."""
        with pytest.raises(ValidationError) as caught:
            report(**changes)
        assert field == field_of(caught)
        assert "before received_on 2024-01-25" in str(caught.value)

    def test_same_day_allowed(self) -> None:
        """Classified and decided on the day of receipt is lawful."""
        same = report(classified_on=RECEIVED, decision=Decision.KHOI_TO, decided_on=RECEIVED)
        assert same.is_final


class TestCrimeReportDecision:
    """A decision and its date come together."""

    def test_decision_without_date(self) -> None:
        """``khoi_to`` with no ``decided_on``: the missing date is named."""
        with pytest.raises(ValidationError, match=r"CrimeReport\.decided_on: missing"):
            report(decision=Decision.KHOI_TO)

    def test_date_without_decision(self) -> None:
        """A ``decided_on`` with no decision: the missing decision is named."""
        with pytest.raises(ValidationError, match=r"CrimeReport\.decision: missing"):
            report(decided_on=D(2024, 2, 1))

    def test_decision_must_be_member(self) -> None:
        """A slug is not a decision."""
        with pytest.raises(ValidationError, match=r"CrimeReport\.decision: unknown Decision"):
            report(decision="khoi_to", decided_on=D(2024, 2, 1))


class TestCrimeReportExtensions:
    """Art. 147(2): one complex-matter extension, then once by the procuracy."""

    def test_both_kinds(self) -> None:
        """Complex on 10 Feb, procuracy on 20 March (after the 2 months ran out): valid."""
        both = report(extensions=[ext(COMPLEX, D(2024, 2, 10)), ext(PROCURACY, D(2024, 3, 20))])
        expected = ext(PROCURACY, D(2024, 3, 20))
        assert expected == both.extension(PROCURACY)

    def test_two_complex(self) -> None:
        """A second complex-matter extension is refused at its index."""
        with pytest.raises(ValidationError) as caught:
            report(extensions=[ext(COMPLEX, D(2024, 2, 10)), ext(COMPLEX, D(2024, 2, 12))])
        expected = "extensions[1].kind"
        assert expected == field_of(caught)

    def test_procuracy_alone(self) -> None:
        """The procuracy extends a complex-matter limit: alone it has nothing to extend."""
        with pytest.raises(ValidationError, match="needs a complex-matter extension") as caught:
            report(extensions=[ext(PROCURACY, D(2024, 3, 20))])
        expected = "extensions[0].kind"
        assert expected == field_of(caught)

    def test_procuracy_before_complex(self) -> None:
        """Procuracy on 9 Feb, complex on 10 Feb: the extension precedes what it extends."""
        with pytest.raises(ValidationError) as caught:
            report(extensions=[ext(COMPLEX, D(2024, 2, 10)), ext(PROCURACY, D(2024, 2, 9))])
        expected = "extensions[1].granted_on"
        assert expected == field_of(caught)

    def test_same_day_allowed(self) -> None:
        """Both granted the same day: 'no later than' includes the same day."""
        same = report(extensions=[ext(PROCURACY, D(2024, 2, 10)), ext(COMPLEX, D(2024, 2, 10))])
        expected = 2
        assert expected == len(same.extensions)

    def test_no_extension(self) -> None:
        """``extension(kind)`` is None when none was granted."""
        assert report().extension(COMPLEX) is None

    def test_wrong_item_type(self) -> None:
        """A dict in the list (unstructured data) is refused at its index."""
        with pytest.raises(
            ValidationError, match=r"extensions\[0\]: must be an Extension, not dict"
        ):
            report(extensions=[{"kind": "complex", "granted_on": "2024-02-10"}])


class TestCrimeReportSuspensions:
    """Art. 148-149: suspensions in order, one at a time; the tam_dinh_chi rule."""

    def test_open_suspension_needs_tam_dinh_chi(self) -> None:
        """Suspended since 15 Feb with no decision recorded: the decision is named."""
        with pytest.raises(ValidationError, match="must be 'tam_dinh_chi'") as caught:
            report(suspensions=[sus(D(2024, 2, 15))])
        expected = "decision"
        assert expected == field_of(caught)

    def test_open_suspension_with_final_decision(self) -> None:
        """A report cannot be both suspended and decided ``khoi_to``."""
        with pytest.raises(ValidationError) as caught:
            report(
                suspensions=[sus(D(2024, 2, 15))],
                decision=Decision.KHOI_TO,
                decided_on=D(2024, 2, 20),
            )
        expected = "decision"
        assert expected == field_of(caught)

    def test_tam_dinh_chi_dated_elsewhere(self) -> None:
        """The suspension decision is dated the suspension's start (15 Feb), not 16 Feb."""
        with pytest.raises(ValidationError, match="2024-02-15") as caught:
            report(
                suspensions=[sus(D(2024, 2, 15))],
                decision=Decision.TAM_DINH_CHI,
                decided_on=D(2024, 2, 16),
            )
        expected = "decided_on"
        assert expected == field_of(caught)

    def test_valid_open_suspension(self) -> None:
        """Suspended on 15 Feb: decision tam_dinh_chi of 15 Feb; not final, suspension open."""
        suspended = report(
            suspensions=[sus(D(2024, 2, 15))],
            decision=Decision.TAM_DINH_CHI,
            decided_on=D(2024, 2, 15),
        )
        assert not suspended.is_final
        expected = sus(D(2024, 2, 15))
        assert expected == suspended.open_suspension

    def test_tam_dinh_chi_without_suspension(self) -> None:
        """``tam_dinh_chi`` with no suspension recorded is refused."""
        with pytest.raises(ValidationError, match="needs an open suspension"):
            report(decision=Decision.TAM_DINH_CHI, decided_on=D(2024, 2, 15))

    def test_tam_dinh_chi_after_resumption(self) -> None:
        """Resumed on 1 April: the report is no longer suspended, so not tam_dinh_chi."""
        with pytest.raises(ValidationError, match="needs an open suspension"):
            report(
                suspensions=[sus(D(2024, 2, 15), D(2024, 4, 1))],
                decision=Decision.TAM_DINH_CHI,
                decided_on=D(2024, 2, 15),
            )

    def test_earlier_suspension_left_open(self) -> None:
        """Two suspensions, the first never resumed: only the last may be open."""
        with pytest.raises(ValidationError, match="only the last suspension") as caught:
            report(
                suspensions=[sus(D(2024, 2, 15)), sus(D(2024, 4, 1), D(2024, 4, 10))],
            )
        expected = "suspensions[0].resumed_on"
        assert expected == field_of(caught)

    def test_overlapping_suspensions(self) -> None:
        """Second suspension from 31 March, first resumed 1 April: they overlap."""
        with pytest.raises(ValidationError, match="before suspensions") as caught:
            report(
                suspensions=[
                    sus(D(2024, 2, 15), D(2024, 4, 1)),
                    sus(D(2024, 3, 31), D(2024, 5, 1)),
                ],
            )
        expected = "suspensions[1].from_date"
        assert expected == field_of(caught)

    def test_back_to_back_suspensions(self) -> None:
        """Resumed on 1 April and suspended again on 1 April: adjacent, allowed."""
        twice = report(
            suspensions=[sus(D(2024, 2, 15), D(2024, 4, 1)), sus(D(2024, 4, 1))],
            decision=Decision.TAM_DINH_CHI,
            decided_on=D(2024, 4, 1),
        )
        expected = D(2024, 4, 1)
        assert twice.open_suspension is not None
        assert expected == twice.open_suspension.from_date

    def test_decision_before_resumption(self) -> None:
        """Resumed on 1 April, decided on 31 March: Art. 149 has the decision follow."""
        with pytest.raises(ValidationError, match="before suspensions") as caught:
            report(
                suspensions=[sus(D(2024, 2, 15), D(2024, 4, 1))],
                decision=Decision.KHONG_KHOI_TO,
                decided_on=D(2024, 3, 31),
            )
        expected = "decided_on"
        assert expected == field_of(caught)

    def test_decided_after_resumption(self) -> None:
        """Suspended 15 Feb, resumed 1 April, case opened 20 April: valid and final."""
        resumed = report(
            suspensions=[sus(D(2024, 2, 15), D(2024, 4, 1))],
            decision=Decision.KHOI_TO,
            decided_on=D(2024, 4, 20),
            case_id="CC-0003",
        )
        assert resumed.is_final
        assert resumed.open_suspension is None


class TestCrimeReportOutcomes:
    """Reopening and cases follow from the decision."""

    def test_reopened_no_case_decision(self) -> None:
        """No case on 10 Feb, overturned on 1 June: a missed crime, recorded."""
        missed = report(
            decision=Decision.KHONG_KHOI_TO, decided_on=D(2024, 2, 10), reopened_on=D(2024, 6, 1)
        )
        expected = D(2024, 6, 1)
        assert expected == missed.reopened_on

    @pytest.mark.parametrize("decision", [Decision.KHOI_TO, Decision.CHUYEN, None])
    def test_reopened_other_decision(self, decision: Decision | None) -> None:
        """Only a no-case decision can be overturned into a missed crime."""
        decided = None if decision is None else D(2024, 2, 10)
        with pytest.raises(ValidationError) as caught:
            report(decision=decision, decided_on=decided, reopened_on=D(2024, 6, 1))
        expected = "reopened_on"
        assert expected == field_of(caught)

    def test_reopened_before_decision(self) -> None:
        """Overturned on 9 Feb a decision of 10 Feb: refused."""
        with pytest.raises(ValidationError) as caught:
            report(
                decision=Decision.KHONG_KHOI_TO,
                decided_on=D(2024, 2, 10),
                reopened_on=D(2024, 2, 9),
            )
        expected = "reopened_on"
        assert expected == field_of(caught)

    @pytest.mark.parametrize("decision", [Decision.KHONG_KHOI_TO, Decision.CHUYEN, None])
    def test_case_without_khoi_to(self, decision: Decision | None) -> None:
        """Only a decision to open a case can point at a case."""
        decided = None if decision is None else D(2024, 2, 10)
        with pytest.raises(ValidationError) as caught:
            report(decision=decision, decided_on=decided, case_id="CC-0001")
        expected = "case_id"
        assert expected == field_of(caught)

    def test_empty_case_id(self) -> None:
        """An empty case id is refused; use None for no case."""
        with pytest.raises(ValidationError, match=r"CrimeReport\.case_id: must not be empty"):
            report(decision=Decision.KHOI_TO, decided_on=D(2024, 2, 10), case_id="")


class TestCrimeReportFields:
    """Single fields: unit, article, victims."""

    def test_unit_code_empty(self) -> None:
        """A report happened somewhere."""
        with pytest.raises(ValidationError, match=r"CrimeReport\.unit_code: must not be empty"):
            report(unit_code=" ")

    @pytest.mark.parametrize("article", [0, -150])
    def test_article_not_positive(self, article: int) -> None:
        """Articles are numbered from 1."""
        with pytest.raises(ValidationError, match=r"CrimeReport\.offence_article: must be"):
            report(offence_article=article)

    @pytest.mark.parametrize("article", [True, "150", 150.0])
    def test_article_wrong_type(self, article: object) -> None:
        """A bool, text or float is not an article number, even if it looks like one."""
        with pytest.raises(ValidationError, match=r"CrimeReport\.offence_article: must be an"):
            report(offence_article=article)

    def test_victims_duplicate(self) -> None:
        """A victim listed twice is refused at the second place."""
        with pytest.raises(ValidationError, match="listed twice") as caught:
            report(victim_ids=["S-0001", "S-0002", "S-0001"])
        expected = "victim_ids[2]"
        assert expected == field_of(caught)

    def test_victims_text(self) -> None:
        """A single id given as text is not split into letters: it is refused."""
        with pytest.raises(ValidationError, match="must be a list, not str"):
            report(victim_ids="S-0001")

    def test_victims_list_to_tuple(self) -> None:
        """A list of victims is stored as a tuple."""
        expected = ("S-0001", "S-0002")
        assert expected == report(victim_ids=["S-0001", "S-0002"]).victim_ids


def case(**changes: Any) -> CriminalCase:  # noqa: ANN401 - test helper passes any field
    """A valid criminal case opened on 2024-02-10, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "CC-0003",
        "offence_article": 150,
        "unit_code": "03386",
        "opened_on": D(2024, 2, 10),
        "report_ids": ["CR-0017"],
        "defendants": 2,
    }
    fields.update(changes)
    return CriminalCase(**fields)


class TestCriminalCase:
    """Stages in order: opened, indicted, tried, verdict; wrongful after opening."""

    def test_full_lifecycle(self) -> None:
        """Opened 10 Feb, indicted 10 June, tried 1 Aug, convicted: valid."""
        tried = case(indicted_on=D(2024, 6, 10), tried_on=D(2024, 8, 1), verdict=Verdict.CONVICTED)
        expected = Verdict.CONVICTED
        assert expected == tried.verdict

    def test_indicted_before_opened(self) -> None:
        """Indicted 9 Feb, a day before the case was opened: refused."""
        with pytest.raises(ValidationError) as caught:
            case(indicted_on=D(2024, 2, 9))
        expected = "indicted_on"
        assert expected == field_of(caught)

    def test_tried_without_indictment(self) -> None:
        """A trial needs an indictment first."""
        with pytest.raises(ValidationError, match="needs an indictment") as caught:
            case(tried_on=D(2024, 8, 1))
        expected = "tried_on"
        assert expected == field_of(caught)

    def test_tried_before_indicted(self) -> None:
        """Tried 9 June, indicted 10 June: refused."""
        with pytest.raises(ValidationError) as caught:
            case(indicted_on=D(2024, 6, 10), tried_on=D(2024, 6, 9))
        expected = "tried_on"
        assert expected == field_of(caught)

    def test_verdict_without_trial(self) -> None:
        """An acquittal with no trial date is refused."""
        with pytest.raises(ValidationError, match="needs a trial") as caught:
            case(indicted_on=D(2024, 6, 10), verdict=Verdict.ACQUITTED)
        expected = "verdict"
        assert expected == field_of(caught)

    def test_wrongful_before_opened(self) -> None:
        """A wrongful prosecution established before the case existed: refused."""
        with pytest.raises(ValidationError) as caught:
            case(wrongful_on=D(2024, 2, 9))
        expected = "wrongful_on"
        assert expected == field_of(caught)

    def test_negative_defendants(self) -> None:
        """Defendants are counted from 0."""
        with pytest.raises(ValidationError, match=r"CriminalCase\.defendants: must be 0"):
            case(defendants=-1)

    def test_duplicate_report(self) -> None:
        """A report listed twice is refused."""
        with pytest.raises(ValidationError) as caught:
            case(report_ids=["CR-0017", "CR-0017"])
        expected = "report_ids[1]"
        assert expected == field_of(caught)

    def test_article_zero(self) -> None:
        """Article 0 does not exist."""
        with pytest.raises(ValidationError, match=r"CriminalCase\.offence_article"):
            case(offence_article=0)


class TestGenerated:
    """Property tests over generated reports and cases."""

    @given(crime_reports())
    def test_report_invariants_hold(self, generated: CrimeReport) -> None:
        """Generated reports keep the rule: suspended means tam_dinh_chi at its start."""
        open_sus = generated.open_suspension
        if open_sus is not None:
            assert generated.decision is Decision.TAM_DINH_CHI
            assert open_sus.from_date == generated.decided_on
        assert generated == attrs.evolve(generated)

    @given(crime_reports(), st.integers(min_value=1, max_value=3000))
    def test_classified_before_receipt_fails(self, generated: CrimeReport, days: int) -> None:
        """Any classification date before receipt is refused, naming classified_on."""
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(generated, classified_on=generated.received_on - dt.timedelta(days=days))
        expected = "classified_on"
        assert expected == field_of(caught)

    @given(crime_reports(), st.integers(min_value=1, max_value=3000))
    def test_decided_before_receipt_fails(self, generated: CrimeReport, days: int) -> None:
        """Any decision date before receipt is refused, naming decided_on."""
        decision = generated.decision or Decision.KHOI_TO
        early = generated.received_on - dt.timedelta(days=days)
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(generated, decision=decision, decided_on=early)
        expected = "decided_on"
        assert expected == field_of(caught)

    @given(crime_reports(), st.integers(min_value=1, max_value=3000))
    def test_extension_or_suspension_before_receipt_fails(
        self, generated: CrimeReport, days: int
    ) -> None:
        """An extension, or a (closed) suspension, dated before receipt is refused."""
        early = generated.received_on - dt.timedelta(days=days)
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(generated, extensions=[ext(COMPLEX, early)])
        expected_extension = "extensions[0].granted_on"
        assert expected_extension == field_of(caught)
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(
                generated,
                suspensions=[sus(early, generated.received_on)],
                decision=None,
                decided_on=None,
                reopened_on=None,
                case_id=None,
            )
        expected_suspension = "suspensions[0].from_date"
        assert expected_suspension == field_of(caught)

    @given(criminal_cases())
    def test_case_stages_in_order(self, generated: CriminalCase) -> None:
        """Generated cases have their stages in order."""
        if generated.indicted_on is not None:
            assert generated.opened_on <= generated.indicted_on
        if generated.tried_on is not None:
            assert generated.indicted_on is not None
            assert generated.indicted_on <= generated.tried_on

    @given(criminal_cases(), st.integers(min_value=1, max_value=3000))
    def test_case_reversed_pairs_fail(self, generated: CriminalCase, days: int) -> None:
        """Moving any later stage before the one it follows is refused, naming it."""
        back = dt.timedelta(days=days)
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(generated, wrongful_on=generated.opened_on - back)
        expected_wrongful = "wrongful_on"
        assert expected_wrongful == field_of(caught)
        if generated.indicted_on is not None:
            with pytest.raises(ValidationError) as caught:
                attrs.evolve(generated, tried_on=generated.indicted_on - back)
            expected_tried = "tried_on"
            assert expected_tried == field_of(caught)
            with pytest.raises(ValidationError) as caught:
                attrs.evolve(
                    generated, indicted_on=generated.opened_on - back, tried_on=None, verdict=None
                )
            expected_indicted = "indicted_on"
            assert expected_indicted == field_of(caught)

    @given(st.dates(), st.integers(min_value=1, max_value=3000))
    def test_suspension_reversed_fails(self, start: dt.date, days: int) -> None:
        """Any resumption before the suspension's start is refused."""
        resumed = start - dt.timedelta(days=days) if start.toordinal() > days else None
        if resumed is None:
            return
        with pytest.raises(ValidationError) as caught:
            sus(start, resumed)
        expected = "resumed_on"
        assert expected == field_of(caught)
