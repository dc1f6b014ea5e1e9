"""Every indicator of the catalogue on the hand-built dataset of ``indicator_scenario``.

The period is 2024-H1 under the cut-off: 2023-12-15 .. 2024-06-14. Each expected value
was worked out by hand from the counting rule and the records, the working in a comment
beside it; the records' roles are commented in ``indicator_scenario.py``.
"""

from __future__ import annotations

import pytest

from tests.indicators.indicator_scenario import DATASET, PERIOD, PLAN, D, report, sus
from threeno.indicators.catalogue import get
from threeno.indicators.engine import evaluate
from threeno.indicators.results import Evaluation, IndicatorSet, Status
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision


@pytest.fixture(scope="module")
def result() -> Evaluation:
    """The evaluation of the scenario, every explanation kept."""
    return evaluate(PLAN, DATASET, PERIOD)


def values(indicator: IndicatorSet) -> dict[str, tuple[int, int | None]]:
    """Each unit's (numerator, denominator), and the total's under ``"total"``."""
    found = {code: (r.numerator, r.denominator) for code, r in indicator.by_unit.items()}
    found["total"] = (indicator.total.numerator, indicator.total.denominator)
    return found


NO_DATA_UNITS = {
    "03388": (0, 0),
    "03389": (0, 0),
    "03403": (0, 0),
    "03408": (0, 0),
    "03409": (0, 0),
}
ZERO_COUNT_UNITS = dict.fromkeys(NO_DATA_UNITS, (0, None))


class TestSubjectsMonitored:
    """``subjects.monitored``: women under management at the period's end."""

    def test_values(self, result: Evaluation) -> None:
        """Women with an active category on 2024-06-14, any category.

        Quyết Thắng: S-0001 (poor), S-0002 (emigrated, unemployed), S-0003 (returned
        victim), S-0004 (suspect) = 4; S-0005 is a man. Tân Phong: S-0008 = 1 (S-0006
        registered after the end; S-0007's only span ended 2023-12-31). Old Đoàn Kết:
        S-0009 = 1. Total 6.
        """
        expected = {"03386": (4, None), "03387": (1, None), **ZERO_COUNT_UNITS}
        expected["03389"] = (1, None)
        expected["total"] = (6, None)
        assert expected == values(result["subjects.monitored"])

    def test_by_category(self, result: Evaluation) -> None:
        """Each woman counts in each active category: 7 memberships for 6 women.

        poor: S-0001, S-0009; emigrated_illegally: S-0002; unemployed: S-0002;
        married_foreigner_unlawfully: S-0008; returned_victim: S-0003, S-0008; suspect: S-0004.
        """
        cells = result["subjects.monitored"].total.disaggregations["category"]
        expected = {
            "emigrated_illegally": 1,
            "poor": 2,
            "unemployed": 1,
            "married_foreigner_unlawfully": 1,
            "returned_victim": 2,
            "suspect": 1,
        }
        assert expected == {cat: cell.numerator for cat, cell in cells.items()}

    def test_by_age_group(self, result: Evaluation) -> None:
        """Ages reached in 2024.

        S-0001 34, S-0002 24, S-0003 16, S-0004 39, S-0008 25, S-0009 22.
        """
        cells = result["subjects.monitored"].total.disaggregations["age_group"]
        expected = {"16_17": 1, "18_29": 3, "30_44": 2}
        assert expected == {cat: cell.numerator for cat, cell in cells.items()}
        expected_denominators = [None, None, None]
        assert expected_denominators == [cell.denominator for cell in cells.values()]

    def test_status_without_target(self, result: Evaluation) -> None:
        """The 2024 plan sets no target for it."""
        assert Status.NO_TARGET is result["subjects.monitored"].total.status


class TestSubjectsEmigrated:
    """``subjects.emigrated``: at the end, and new in the period."""

    def test_values(self, result: Evaluation) -> None:
        """One woman emigrated at the end, one new in the period and gone by its end.

        S-0002 is emigrated at the end (since 2023-05-01, not new); S-0003 was lured
        abroad from 2024-02-01 to 2024-04-30: new in the period, gone by its end.
        """
        total = result["subjects.emigrated"].total
        expected = (1, {"new_in_period": 1})
        assert expected == (total.numerator, total.figures)
        expected_counted = ("S-0002",)
        assert expected_counted == total.explanation.counted_ids
        expected_apart = ["S-0003"]
        assert expected_apart == [e.record_id for e in total.explanation.apart]


class TestReportsReceived:
    """``reports.received``: received in the period, by source."""

    def test_values(self, result: Evaluation) -> None:
        """Received 2023-12-15 .. 2024-06-14.

        Quyết Thắng: CR-0017, 0004, 0005, 0006, 0007, 0008, 0009 = 7 (CR-0001 and 0002
        came before, CR-0010 after). Tân Phong: CR-0011, 0012 = 2. CR-0013 (the city's
        code) and CR-0014 (no unit of the registry) count in no unit. Total 9.
        """
        expected = {"03386": (7, None), "03387": (2, None), **ZERO_COUNT_UNITS, "total": (9, None)}
        assert expected == values(result["reports.received"])

    def test_by_source(self, result: Evaluation) -> None:
        """By source, in the enumeration's order.

        to_giac: 0005, 0006, 0008, 0011; tin_bao: 0017, 0007, 0012; kiến nghị khởi tố: 0004;
        tự phát hiện: 0009.
        """
        cells = result["reports.received"].total.disaggregations["source"]
        expected = {"to_giac": 4, "tin_bao": 3, "kien_nghi_khoi_to": 1, "tu_phat_hien": 1}
        assert expected == {cat: cell.numerator for cat, cell in cells.items()}
        assert list(expected) == list(cells)  # in the enumeration's order


class TestReportsClassified:
    """``reports.classified``: received in the period and classified by its end."""

    def test_values(self, result: Evaluation) -> None:
        """Classified by the end, of those received in the period.

        Quyết Thắng: of 7 received, CR-0007 is not classified and CR-0009 only on
        2024-06-20, after the end; CR-0008, classified on the last day, counts: 5/7.
        Tân Phong: 2/2. Total 7/9.
        """
        expected = {"03386": (5, 7), "03387": (2, 2), **NO_DATA_UNITS, "total": (7, 9)}
        assert expected == values(result["reports.classified"])

    def test_failures(self, result: Evaluation) -> None:
        """The two failures, each with its reason."""
        failures = result["reports.classified"].by_unit["03386"].explanation.failures
        expected = [
            "CR-0007: received 10/05/2024, not classified by 14/06/2024",
            (
                "CR-0009: received 10/06/2024, classified 20/06/2024,"
                " after the period's end 14/06/2024"
            ),
        ]
        assert expected == [e.text() for e in failures]


class TestReportsResolved:
    """``reports.resolved``: finally decided / (pending at the start + received)."""

    def test_values(self, result: Evaluation) -> None:
        """Finally decided in the period, of those pending at its start or received in it.

        Quyết Thắng: denominator = CR-0001 (pending at the start; CR-0002 was decided
        before it) + 7 received = 8; numerator = CR-0001 (12-20), CR-0017 (02-20), CR-0005
        (05-02), CR-0006 (01-10) = 4; CR-0004 suspended, CR-0007 and CR-0008 pending,
        CR-0009 decided after the end. Tân Phong: CR-0011 decided, CR-0012 pending: 1/2.
        Total 5/10.
        """
        expected = {"03386": (4, 8), "03387": (1, 2), **NO_DATA_UNITS, "total": (5, 10)}
        assert expected == values(result["reports.resolved"])

    def test_figures(self, result: Evaluation) -> None:
        """Each of the 10 reports to resolve in one category at the end (2024-06-14).

        Pending at the start 1 (CR-0001), received 9. Decided on time: CR-0001 (12-20,
        limit 2023-12-21), CR-0005 (05-02, 1 month from the resumption on 04-01 ends on
        05-01, a holiday, so 05-02), CR-0006 (01-10, limit 01-22), CR-0011 (04-25, 2
        months from 03-04 end 05-04, a Saturday, so 05-06) = 4. Decided late: CR-0017
        (02-20, limit 02-15 after Tết) = 1. Suspended: CR-0004 (since 03-15) = 1. Within
        the limit: CR-0008 (limit 06-24), CR-0009 (transferred 06-20, after the end;
        limit 07-01), CR-0012 (limit 06-25) = 3. Overdue: CR-0007 (limit 05-30) = 1.
        4 + 1 + 1 + 3 + 1 = 10, the denominator; 4 + 1 = 5, the numerator.
        """
        expected = {
            "pending_at_start": 1,
            "received_in_period": 9,
            "decided_on_time": 4,
            "decided_late": 1,
            "suspended_at_end": 1,
            "pending_within_limit": 3,
            "overdue_at_end": 1,
            "other_offences": 0,
        }
        assert expected == result["reports.resolved"].total.figures

    def test_only_the_overdue_fail(self, result: Evaluation) -> None:
        """Overdue at the end fails; within the limit and suspended are in progress.

        CR-0007: 20 days from 2024-05-10 end on 2024-05-30, a Thursday, before the end.
        CR-0004's suspension is a decision (Art. 147(1)(c)), not "still not resolved".
        """
        explanation = result["reports.resolved"].total.explanation
        expected_failures = [
            (
                "CR-0007: received 10/05/2024, limit 30/05/2024 (20 days): overdue, not"
                " resolved at 14/06/2024"
            )
        ]
        assert expected_failures == [e.text() for e in explanation.failures]
        in_progress = {e.record_id: e.text() for e in explanation.in_progress}
        expected_ids = ["CR-0004", "CR-0008", "CR-0009", "CR-0012"]
        assert expected_ids == list(in_progress)
        assert explanation.in_progress_count == len(expected_ids)
        expected_suspended = (
            "CR-0004: received 01/03/2024; handling suspended on 15/03/2024 (tạm đình chỉ,"
            " Art. 147(1)(c), 148), not counted as resolved"
        )
        assert expected_suspended == in_progress["CR-0004"]
        assert "still pending" not in in_progress["CR-0004"]
        expected_after = (
            "CR-0009: received 10/06/2024, limit 01/07/2024 (20 days, moved past the weekend):"
            " being handled, within its limit at 14/06/2024; decision of 20/06/2024, after the"
            " period: transfer to the competent authority"
        )
        assert expected_after == in_progress["CR-0009"]

    def test_by_decision(self, result: Evaluation) -> None:
        """The numerator split by decision.

        The numerator by decision (no denominator per decision): 2 khởi tố in QT
        (CR-0001, CR-0017) + 1 in TP (CR-0011); 2 không khởi tố (CR-0005, CR-0006).
        """
        cells = result["reports.resolved"].total.disaggregations["decision"]
        expected = {"khoi_to": (3, None), "khong_khoi_to": (2, None)}
        assert expected == {cat: (c.numerator, c.denominator) for cat, c in cells.items()}

    def test_by_source(self, result: Evaluation) -> None:
        """The share split by source.

        By source, numerator over denominator: to_giac, CR-0001, 0005, 0006, 0011
        decided of those and CR-0008 = 4/5; tin_bao, CR-0017 decided of it, CR-0007 and
        CR-0012 = 1/3; kiến nghị khởi tố 0/1 (CR-0004); tự phát hiện 0/1 (CR-0009).
        """
        cells = result["reports.resolved"].total.disaggregations["source"]
        expected = {
            "to_giac": (4, 5),
            "tin_bao": (1, 3),
            "kien_nghi_khoi_to": (0, 1),
            "tu_phat_hien": (0, 1),
        }
        assert expected == {cat: (c.numerator, c.denominator) for cat, c in cells.items()}


class TestReportsOnTime:
    """``reports.on_time``: decided within the statutory limit / decided in the period."""

    def test_values(self, result: Evaluation) -> None:
        """Decided within the limit, of those decided in the period.

        Quyết Thắng, decided in the period: CR-0001 (limit: 20 days from 2023-12-01,
        2023-12-21, a Thursday; decided 12-20: on time), CR-0017 (late, see below), CR-0005
        (1 month from its resumption on 2024-04-01 ends 2024-05-01, a holiday, so
        2024-05-02; decided 05-02: on time), CR-0006 (limit 2024-01-22; decided 01-10: on
        time) = 3/4. Tân Phong: CR-0011 (2 months for a complex matter; decided 04-25,
        within them) = 1/1. Total 4/5.
        """
        expected = {"03386": (3, 4), "03387": (1, 1), **NO_DATA_UNITS, "total": (4, 5)}
        assert expected == values(result["reports.on_time"])

    def test_tet_report(self, result: Evaluation) -> None:
        """The Tết report is decided late, and its line says why.

        20 days from 2024-01-25 end on 2024-02-14, the fifth day of Tết, a day off, so
        the last day is Thursday 2024-02-15 (Art. 134(1)); decided 2024-02-20: late.
        """
        failures = result["reports.on_time"].total.explanation.failures
        expected = [
            (
                "CR-0017: received 25/01/2024, limit 15/02/2024 (20 days, moved past Tết),"
                " decided 20/02/2024"
            )
        ]
        assert expected == [e.text() for e in failures]

    def test_decided_on_its_last_day_counts(self, result: Evaluation) -> None:
        """CR-0005, resumed and decided on its last day, is counted."""
        assert "CR-0005" in result["reports.on_time"].total.explanation.counted_ids


class TestLateSuspension:
    """A suspension decided after the limit had passed does not cure the delay."""

    def test_missed_limit_is_late(self) -> None:
        """The limit missed before a late suspension makes the decision late.

        Received Friday 2024-03-01: 20 days end on Thursday 2024-03-21. Suspended only on
        2024-04-01, after that limit had passed; resumed 2024-04-10 and decided
        2024-04-20, within a month of the resumption, but the limit of 03-21 was missed
        (Deadline.missed_limit): not on time.
        """
        late = report(
            "CR-LATE",
            D(2024, 3, 1),
            suspensions=(sus(D(2024, 4, 1), D(2024, 4, 10)),),
            decision=Decision.KHOI_TO,
            decided=D(2024, 4, 20),
        )
        data = Dataset(crime_reports=[late])
        total = evaluate(PLAN, data, PERIOD, indicators=["reports.on_time"])[
            "reports.on_time"
        ].total
        expected = (0, 1)
        assert expected == (total.numerator, total.denominator)
        expected_line = (
            "CR-LATE: received 01/03/2024, limit 21/03/2024 passed before the suspension of"
            " 01/04/2024, decided 20/04/2024"
        )
        assert expected_line == total.explanation.failures[0].text()


class TestOffenceFilter:
    """A definition narrowed to some articles shows the other reports apart."""

    def test_reports_of_other_offences_shown_apart(self) -> None:
        """Received counted for Art. 150 only: CR-0001 (Art. 174, fraud) is shown apart.

        Two reports received in the period in Quyết Thắng: CR-0002 under Art. 150 counts,
        CR-0001 under Art. 174 does not (figure other_offences 1).
        """
        data = Dataset(
            crime_reports=[
                report("CR-0001", D(2024, 2, 1), article=174),
                report("CR-0002", D(2024, 2, 2), article=150),
            ]
        )
        narrowed = get("reports.received").with_offences({150})
        total = evaluate(PLAN, data, PERIOD, indicators=[narrowed])["reports.received"].total
        expected = (1, {"other_offences": 1})
        assert expected == (total.numerator, total.figures)
        expected_apart = [
            "CR-0001: about Art. 174, not among the articles this indicator counts (150)"
        ]
        assert expected_apart == [e.text() for e in total.explanation.apart]


class TestReportsOverdue:
    """``reports.overdue``: pending past their limit at the period's end."""

    def test_values(self, result: Evaluation) -> None:
        """One report pending past its limit at the end.

        Pending on 2024-06-14, not under suspension: CR-0007 (limit 2024-05-30, passed),
        CR-0008 (limit 2024-06-23, a Sunday, so 06-24), CR-0009 (decided after the end;
        limit 2024-06-30, a Sunday, so 07-01), CR-0012 (limit 2024-06-25). Only CR-0007 is
        overdue. CR-0004 is suspended: the clock is stopped.
        """
        expected = {"03386": (1, None), "03387": (0, None), **ZERO_COUNT_UNITS, "total": (1, None)}
        assert expected == values(result["reports.overdue"])

    def test_figures(self, result: Evaluation) -> None:
        """Pending and suspended at the end.

        Pending at the end: CR-0004, 0007, 0008, 0009 in QT and CR-0012 in TP = 5,
        of which suspended 1 (CR-0004).
        """
        expected = {"pending_at_end": 5, "suspended_at_end": 1, "other_offences": 0}
        assert expected == result["reports.overdue"].total.figures

    def test_target_zero_not_met(self, result: Evaluation) -> None:
        """The plan's target is == 0: one overdue report fails it; a unit with none meets it."""
        assert Status.NOT_MET is result["reports.overdue"].total.status
        assert Status.MET is result["reports.overdue"].by_unit["03387"].status


class TestCasesProsecuted:
    """``cases.prosecuted``: trafficking cases opened, with indictments, trials, defendants."""

    def test_values(self, result: Evaluation) -> None:
        """Trafficking cases opened, indicted and tried, and defendants.

        Art. 150/151 cases opened in the period: CC-0001 (QT, 2023-12-20) and CC-0004
        (TP, 2024-04-25) = 2. Indicted in the period: CC-0001 (03-10), CC-0002 (01-15,
        opened before) = 2; tried: CC-0001 = 1; defendants of the cases opened: 2 + 1 = 3.
        CC-0003 (Art. 348) is another offence.
        """
        total = result["cases.prosecuted"].total
        expected = {"opened": 2, "indicted": 2, "tried": 1, "defendants": 3, "other_offences": 1}
        assert (2, expected) == (total.numerator, total.figures)

    def test_widened_to_illegal_emigration(self) -> None:
        """With Art. 348 too, CC-0003 (3 defendants) counts: 3 cases, 6 defendants."""
        wider = evaluate(
            PLAN,
            DATASET,
            PERIOD,
            indicators=[get("cases.prosecuted").with_offences({150, 151, 348})],
        )
        total = wider["cases.prosecuted"].total
        expected = (3, 6)
        assert expected == (total.numerator, total.figures["defendants"])

    def test_by_offence(self, result: Evaluation) -> None:
        """QT: Art. 150 opened 1 (CC-0001), Art. 151 indicted 1 (CC-0002)."""
        cells = result["cases.prosecuted"].by_unit["03386"].disaggregations["offence"]
        expected = {"150": 1, "151": 0}
        assert expected == {cat: c.numerator for cat, c in cells.items()}
        expected_figures = {"indicted": 1}
        assert expected_figures == cells["151"].figures


class TestCasesWrongful:
    """``cases.wrongful``: wrongful prosecutions or convictions established in the period."""

    def test_values(self, result: Evaluation) -> None:
        """CC-0004 (TP) was found wrongful on 2024-06-01: 1; target == 0 not met."""
        expected = {"03386": (0, None), "03387": (1, None), **ZERO_COUNT_UNITS, "total": (1, None)}
        assert expected == values(result["cases.wrongful"])
        assert Status.NOT_MET is result["cases.wrongful"].total.status


class TestCasesMissed:
    """``cases.missed``: no-case decisions overturned in the period."""

    def test_values(self, result: Evaluation) -> None:
        """CR-0006's no-case decision of 2024-01-10 was overturned on 2024-04-10: 1 in QT."""
        expected = {"03386": (1, None), "03387": (0, None), **ZERO_COUNT_UNITS, "total": (1, None)}
        assert expected == values(result["cases.missed"])
        entries = result["cases.missed"].total.explanation.counted
        expected_lines = ["CR-0006: no-case decision of 10/01/2024 overturned on 10/04/2024"]
        assert expected_lines == [e.text() for e in entries]


class TestUnitsModelMaintained:
    """``units.model_maintained``: latest review in the period says maintained / units."""

    def test_values(self, result: Evaluation) -> None:
        """Every unit in the denominator; one maintains the model.

        QT's latest review (MR-0002, 2024-05-20) says maintained: 1/1; TP's (MR-0003)
        says not: 0/1; Quyết Tiến's only review is after the end and the others have none:
        0/1 each. Total 1/7: every unit is in the denominator.
        """
        expected = dict.fromkeys(NO_DATA_UNITS, (0, 1))
        expected |= {"03386": (1, 1), "03387": (0, 1), "total": (1, 7)}
        assert expected == values(result["units.model_maintained"])

    def test_no_review_is_explained(self, result: Evaluation) -> None:
        """A unit with no review in the period fails, and says so."""
        entry = result["units.model_maintained"].by_unit["03388"].explanation.failures[0]
        expected = "03388: no review in the period"
        assert expected == entry.text()


class TestOutreachCoverage:
    """``outreach.coverage``: distinct target women reached / target women."""

    def test_values(self, result: Evaluation) -> None:
        """Target women reached, each in her unit of residence.

        Target women on 2024-06-14 (suspects and offenders excluded): QT S-0001, S-0002,
        S-0003 (S-0004 is a suspect only) = 3, reached S-0001 and S-0002 at OE-0001 = 2
        (S-0003's event is after the end). TP: S-0008, reached at OE-0002: 1/1. Old Đoàn
        Kết: S-0009, reached at OE-0003, held by the city (out of scope): she belongs to
        her own unit, 1/1. Others: no data. Total 4/5.
        """
        expected = {**NO_DATA_UNITS, "03386": (2, 3), "03387": (1, 1), "03389": (1, 1)}
        expected["total"] = (4, 5)
        assert expected == values(result["outreach.coverage"])

    def test_no_data_is_not_zero(self, result: Evaluation) -> None:
        """A unit with no target woman has no data: value None, never 0%."""
        empty = result["outreach.coverage"].by_unit["03403"]
        expected = (None, Status.NO_DATA)
        assert expected == (empty.value, empty.status)

    def test_first_event_named(self, result: Evaluation) -> None:
        """S-0001, reached at OE-0001 (03-08) and OE-0002 (04-10), is explained by the first."""
        counted = {e.record_id: e for e in result["outreach.coverage"].total.explanation.counted}
        expected = "S-0001: target woman (poor woman); reached 08/03/2024 at event OE-0001"
        assert expected == counted["S-0001"].text()


class TestOutreachEvents:
    """``outreach.events``: events and participants, by channel and language."""

    def test_values(self, result: Evaluation) -> None:
        """Two events in the period, 140 participants.

        OE-0001 (QT, 40) and OE-0002 (TP, 100) in the period; OE-0003 is the city's,
        OE-0004 after the end. 2 events, 140 participants.
        """
        total = result["outreach.events"].total
        expected = (2, {"participants": 140})
        assert expected == (total.numerator, total.figures)

    def test_by_channel_with_participants(self, result: Evaluation) -> None:
        """One face-to-face event of 40, one loudspeaker broadcast of 100."""
        cells = result["outreach.events"].total.disaggregations["channel"]
        expected = {"loudspeaker": (1, 100), "face_to_face": (1, 40)}
        assert expected == {k: (c.numerator, c.figures["participants"]) for k, c in cells.items()}

    def test_by_language(self, result: Evaluation) -> None:
        """One event in Hmong (hmn), one in Vietnamese."""
        cells = result["outreach.events"].total.disaggregations["language"]
        expected = {"hmn": 1, "vi": 1}
        assert expected == {k: c.numerator for k, c in cells.items()}


class TestSupportCoverage:
    """``support.coverage``: returned victims supported since they returned / returned victims."""

    def test_values(self, result: Evaluation) -> None:
        """Returned victims supported since their return.

        Returned victims on 2024-06-14: QT S-0003 (since 2024-05-01; SA-0001 on 05-10:
        supported) and S-0005, a man (since 2023-06-01; his only support, SA-0003, is after
        the end): 1/2. TP S-0008 (since 2023-09-01; SA-0002 came before her return, SA-0006
        on 2024-01-20 after it): 1/1. Total 2/3.
        """
        expected = {**NO_DATA_UNITS, "03386": (1, 2), "03387": (1, 1), "total": (2, 3)}
        assert expected == values(result["support.coverage"])

    def test_per_kind(self, result: Evaluation) -> None:
        """Each kind of support over all returned victims.

        Per kind, over all 3 victims: psychological 1 (S-0003), legal aid 1 (S-0008),
        medical 0 (SA-0002 before the return), loan 0 (after the end).
        """
        cells = result["support.coverage"].total.disaggregations["support_kind"]
        picked = {
            k: (cells[k].numerator, cells[k].denominator)
            for k in ("psychological", "legal_aid", "medical", "loan")
        }
        expected = {
            "psychological": (1, 3),
            "legal_aid": (1, 3),
            "medical": (0, 3),
            "loan": (0, 3),
        }
        assert expected == picked

    def test_by_sex(self, result: Evaluation) -> None:
        """Women 2/2 supported, the man 0/1."""
        cells = result["support.coverage"].total.disaggregations["sex"]
        expected = {"female": (2, 2), "male": (0, 1)}
        assert expected == {k: (c.numerator, c.denominator) for k, c in cells.items()}


class TestWomenVocational:
    """``women.vocational``: listed women with vocational training or counselling in the period."""

    def test_values(self, result: Evaluation) -> None:
        """Listed women trained or counselled in the period.

        Women unemployed, in difficulty or poor on 2024-06-14: QT S-0001 (poor;
        counselled on 2023-12-01, before the period) and S-0002 (unemployed; trained on
        2024-03-20) = 1/2; old Đoàn Kết S-0009 (poor) 0/1; S-0007's span ended. Total 1/3.
        """
        expected = {**NO_DATA_UNITS, "03386": (1, 2), "03387": (0, 0), "03389": (0, 1)}
        expected["total"] = (1, 3)
        assert expected == values(result["women.vocational"])


class TestUnitsSafe:
    """``units.safe``: units meeting the standard / units assessed (xa_phuong, the year)."""

    def test_values(self, result: Evaluation) -> None:
        """Units meeting the standard, of the units assessed for 2024.

        Assessments of 2024 at commune level: QT SF-0001 meets; TP's latest, SF-0003
        (06-10), meets (SF-0002 of 04-01 did not). SF-0004 is a residential area, SF-0005
        assesses 2023. Others: no data. Total 2/2.
        """
        expected = {**NO_DATA_UNITS, "03386": (1, 1), "03387": (1, 1), "total": (2, 2)}
        assert expected == values(result["units.safe"])

    def test_unassessed_shown_apart(self, result: Evaluation) -> None:
        """The units without an assessment are listed apart, not as failures."""
        total = result["units.safe"].total.explanation
        expected = ((), ["03388", "03389", "03403", "03408", "03409"])
        assert expected == (
            total.failures,
            [e.record_id for e in total.apart],
        )


class TestReporting:
    """``reporting.completeness`` and ``reporting.timeliness`` (agency level)."""

    def test_completeness(self, result: Evaluation) -> None:
        """Two of the five six-monthly reports expected were sent.

        2024-H1 ends 2024-06-14, in the period; due 5 days later, 2024-06-19. Five
        agencies report: cong-an-tp (RS-0001) and hoi-phu-nu-tp (RS-0002) sent it = 2/5.
        No result per ward.
        """
        indicator = result["reporting.completeness"]
        expected: tuple[tuple[int, int], dict[str, object]] = ((2, 5), {})
        assert expected == (
            (indicator.total.numerator, indicator.total.denominator),
            indicator.by_unit,
        )

    def test_timeliness(self, result: Evaluation) -> None:
        """Only RS-0001 (06-18) was on time; RS-0002 was sent 06-25: 1/5."""
        total = result["reporting.timeliness"].total
        expected = (1, 5)
        assert expected == (total.numerator, total.denominator)

    def test_apart(self, result: Evaluation) -> None:
        """The ad hoc report of 2024-03-02 and hoi-nong-dan's report are shown apart."""
        total = result["reporting.timeliness"].total
        expected = {"adhoc": 1, "unexpected": 1}
        assert expected == total.figures
        expected_apart = ["RS-0004", "RS-0006"]
        assert expected_apart == [e.record_id for e in total.explanation.apart]

    def test_by_agency(self, result: Evaluation) -> None:
        """Breakdown by agency: hoi-phu-nu-tp sent it, late."""
        cells = result["reporting.timeliness"].total.disaggregations["agency"]
        expected = (0, 1)
        assert expected == (cells["hoi-phu-nu-tp"].numerator, cells["hoi-phu-nu-tp"].denominator)
        expected_order = [
            "cong-an-tp",
            "hoi-phu-nu-tp",
            "ban-dan-van",
            "phong-ldtbxh",
            "ubnd-xa-phuong",
        ]
        assert expected_order == list(cells)

    def test_year_expects_halves_and_year(self) -> None:
        """A year expects both halves and the year from each agency.

        The year 2024 (2023-12-15 .. 2024-12-14) expects 2024-H1, 2024-H2 and 2024 from
        each of the 5 agencies: 15 reports.
        """
        year = evaluate(PLAN, DATASET, PLAN.period("2024"), indicators=["reporting.completeness"])
        total = year["reporting.completeness"].total
        # cong-an-tp and hoi-phu-nu-tp sent 2024-H1; nothing else: 2/15.
        expected = (2, 15)
        assert expected == (total.numerator, total.denominator)
