"""The model's messages: a stable code and params beside the English text, and Vietnamese.

Each case builds a record that breaks one invariant and checks the error's ``code``, its
``params``, its English message (``str(error)``, unchanged for tools that read it) and
its Vietnamese text, written out in full here and read against the administrative
wording of the sources (Bộ luật Tố tụng hình sự 2015, Art. 147-149 for crime reports;
Thông tư 124/2021/TT-BCA for safety assessments).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from threeno.errors import LanguageError, PeriodError, UnitError, ValidationError
from threeno.messages import Notice
from threeno.model._base import enum_problem, fail
from threeno.model._personal import REDACTED, scrub_params
from threeno.model.activities import OutreachEvent, ReportSubmission, SafetyAssessment
from threeno.model.crime import CrimeReport, CriminalCase, Extension, Suspension
from threeno.model.dataset import (
    RECORD_TYPE_LABELS,
    RECORD_TYPES,
    Dataset,
    Problem,
    record_type_label,
)
from threeno.model.enums import (
    AssessmentScope,
    Channel,
    Decision,
    Ethnicity,
    ExtensionKind,
    ReportSource,
    ReviewKind,
    Sex,
    SubjectCategory,
    SuspensionReason,
)
from threeno.model.period import ReportingPeriod
from threeno.model.subjects import CategorySpan, Subject
from threeno.model.units import UnitRegistry

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date


def report(**changes: Any) -> CrimeReport:  # noqa: ANN401 - test helper passes any field
    """A valid crime report received on 2024-01-25, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "CR-0017",
        "source": ReportSource.TO_GIAC,
        "offence_article": 150,
        "unit_code": "03386",
        "received_on": D(2024, 1, 25),
        "receiving_agency": "cong-an-tp",
    }
    return CrimeReport(**{**fields, **changes})


def subject(**changes: Any) -> Subject:  # noqa: ANN401 - test helper passes any field
    """A valid subject registered on 2024-01-10, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "S-1",
        "sex": Sex.FEMALE,
        "birth_year": 1998,
        "ethnicity": Ethnicity.KINH,
        "unit_code": "03386",
        "registered_on": D(2024, 1, 10),
    }
    return Subject(**{**fields, **changes})


def raised(make: Callable[[], object]) -> ValidationError:
    """The ValidationError ``make`` raises."""
    with pytest.raises(ValidationError) as caught:
        make()
    return caught.value


EXPERT = SuspensionReason.EXPERT_EXAMINATION

#: (what is built, code, params, English message, Vietnamese text), one per invariant.
CASES: list[tuple[Callable[[], object], str, dict[str, object], str, str]] = [
    (
        lambda: report(decision=Decision.KHOI_TO, decided_on=D(2024, 1, 20)),
        "date_before",
        {"value": "2024-01-20", "other": "received_on", "other_value": "2024-01-25"},
        "CrimeReport.decided_on: 2024-01-20 is before received_on 2024-01-25",
        (
            "CrimeReport.decided_on: ngày 2024-01-20 không được trước ngày 2024-01-25 ở trường"
            " received_on"
        ),
    ),
    (
        lambda: subject(birth_year=1800),
        "birth_year_out_of_range",
        {"low": 1900, "high": 2024, "value": 1800},
        "Subject.birth_year: must be from 1900 to 2024 (the year of registered_on), not 1800",
        (
            "Subject.birth_year: phải từ năm 1900 đến năm 2024 (năm của registered_on), không"
            " phải 1800"
        ),
    ),
    (
        lambda: subject(sex="Nữ"),
        "label_not_code",
        {
            "enum": "Sex",
            "value": "Nữ",
            "known": "female, male",
            "choices": "female (Nữ), male (Nam)",
            "slug": "female",
        },
        "Subject.sex: unknown Sex 'Nữ'; known values: female, male (write the code female)",
        (
            "Subject.sex: 'Nữ' không phải là mã trong danh mục: hãy ghi mã female (các mã hợp"
            " lệ: female (Nữ), male (Nam))"
        ),
    ),
    (
        lambda: subject(sex="nu"),
        "unknown_value",
        {
            "enum": "Sex",
            "value": "nu",
            "known": "female, male",
            "choices": "female (Nữ), male (Nam)",
        },
        "Subject.sex: unknown Sex 'nu'; known values: female, male",
        "Subject.sex: giá trị 'nu' không có trong danh mục; các mã hợp lệ: female (Nữ), male (Nam)",
    ),
    (
        lambda: subject(id=" "),
        "empty",
        {},
        "Subject.id: must not be empty",
        "Subject.id: không được để trống",
    ),
    (
        lambda: subject(birth_year="1998"),
        "not_a_year",
        {"type": "str"},
        "Subject.birth_year: must be a year, not str",
        "Subject.birth_year: phải là một năm (số nguyên), không phải văn bản",
    ),
    (
        lambda: subject(
            categories=[
                CategorySpan(category=SubjectCategory.POOR, since=D(2024, 1, 10)),
                CategorySpan(category=SubjectCategory.POOR, since=D(2024, 3, 1)),
            ]
        ),
        "span_overlaps_open",
        {"category": "poor", "since": "2024-03-01", "other": 0, "other_since": "2024-01-10"},
        "Subject.categories[1]: 'poor' from 2024-03-01 overlaps categories[0] (2024-01-10 to open)",
        (
            "Subject.categories[1]: 'poor' từ ngày 2024-03-01 trùng thời gian với categories[0]"
            " (từ ngày 2024-01-10, chưa kết thúc)"
        ),
    ),
    (
        lambda: report(
            extensions=[Extension(kind=ExtensionKind.PROCURACY, granted_on=D(2024, 2, 20))]
        ),
        "procuracy_without_complex",
        {},
        (
            "CrimeReport.extensions[0].kind: a procuracy extension needs a complex-matter"
            " extension first (Art. 147(2))"
        ),
        (
            "CrimeReport.extensions[0].kind: Viện kiểm sát chỉ gia hạn sau khi thời hạn đã kéo"
            " dài vì vụ việc phức tạp (khoản 2 Điều 147 Bộ luật Tố tụng hình sự)"
        ),
    ),
    (
        lambda: report(
            suspensions=[Suspension(reason=EXPERT, from_date=D(2024, 2, 1))],
            decision=Decision.KHONG_KHOI_TO,
            decided_on=D(2024, 2, 1),
        ),
        "decision_while_suspended",
        {"since": "2024-02-01", "value": "khong_khoi_to"},
        (
            "CrimeReport.decision: must be 'tam_dinh_chi' while the suspension of 2024-02-01 is"
            " open, not 'khong_khoi_to'"
        ),
        (
            "CrimeReport.decision: phải là 'tam_dinh_chi' khi việc tạm đình chỉ từ ngày"
            " 2024-02-01 chưa được phục hồi, không phải 'khong_khoi_to'"
        ),
    ),
    (
        lambda: report(case_id="CC-1"),
        "case_without_decision",
        {},
        "CrimeReport.case_id: only a 'khoi_to' decision opens a case, and there is no decision",
        (
            "CrimeReport.case_id: chỉ quyết định 'khoi_to' mới dẫn đến vụ án hình sự, nhưng chưa"
            " ghi quyết định nào"
        ),
    ),
    (
        lambda: CriminalCase(
            id="CC-1",
            offence_article=150,
            unit_code="03386",
            opened_on=D(2024, 2, 5),
            tried_on=D(2024, 5, 1),
        ),
        "trial_without_indictment",
        {},
        "CriminalCase.tried_on: a trial needs an indictment first (indicted_on is missing)",
        "CriminalCase.tried_on: phải truy tố rồi mới xét xử (thiếu indicted_on)",
    ),
    (
        lambda: OutreachEvent(
            id="OE-1",
            held_on=D(2024, 3, 8),
            unit_code="03387",
            agency="hoi-phu-nu-tp",
            channel=Channel.FACE_TO_FACE,
            participants=1,
            reached_subject_ids=("S-1", "S-2"),
        ),
        "fewer_participants",
        {"value": 1, "reached": 2},
        "OutreachEvent.participants: 1 is fewer than the 2 subjects reached",
        (
            "OutreachEvent.participants: số người tham dự (1) ít hơn số người thuộc diện quản lý"
            " được ghi là đã được tuyên truyền (2)"
        ),
    ),
    (
        lambda: ReportSubmission(
            id="RS-1", agency="cong-an-tp", period="2024-H3", submitted_on=D(2024, 6, 16)
        ),
        "not_a_period",
        {"value": "2024-H3"},
        (
            "ReportSubmission.period: '2024-H3' is not a period: write 2024, 2024-H1, 2024-Q2,"
            " 2024-05, 2024-01-01..2024-03-31 or adhoc:2024-03-02"
        ),
        (
            "ReportSubmission.period: '2024-H3' không phải là kỳ báo cáo: hãy ghi 2024, 2024-H1,"
            " 2024-Q2, 2024-05, 2024-01-01..2024-03-31 hoặc adhoc:2024-03-02"
        ),
    ),
    (
        lambda: SafetyAssessment(
            id="SF-1",
            unit_code="03386",
            scope=AssessmentScope.XA_PHUONG,
            year=2024,
            assessed_on=D(2024, 12, 1),
            meets_standard=True,
            criteria_failed=("2", "5"),
        ),
        "failed_yet_met",
        {"count": 2},
        "SafetyAssessment.criteria_failed: 2 criteria failed, yet meets_standard is true",
        (
            "SafetyAssessment.criteria_failed: có 2 tiêu chí không đạt nhưng meets_standard lại là"
            " true"
        ),
    ),
]


@pytest.mark.parametrize(("make", "code", "params", "english", "vietnamese"), CASES)
def test_model_message(
    make: Callable[[], object],
    code: str,
    params: dict[str, object],
    english: str,
    vietnamese: str,
) -> None:
    """The error carries its code and params; English is unchanged; Vietnamese reads right."""
    error = raised(make)
    assert (error.code, dict(error.params)) == (code, params)
    assert str(error) == english
    assert error.text("en") == english
    assert error.text("vi") == vietnamese


class TestFail:
    """``fail``: a code and params, or (older callers) an English message."""

    def test_code(self) -> None:
        """A code gives the template's English, and keeps the code and params."""
        with pytest.raises(ValidationError) as caught:
            fail(Subject, "birth_year", "not_a_year", type="float")
        error = caught.value
        assert (error.cls_name, error.field, error.code) == ("Subject", "birth_year", "not_a_year")
        assert str(error) == "Subject.birth_year: must be a year, not float"
        assert (
            error.text("vi")
            == "Subject.birth_year: phải là một năm (số nguyên), không phải số thập phân"
        )

    def test_message(self) -> None:
        """Words with spaces are an English message without a code, the same in either language."""
        with pytest.raises(ValidationError) as caught:
            fail(Subject, "id", "must be something else")
        assert caught.value.code is None
        assert caught.value.text("vi") == "Subject.id: must be something else"

    def test_unknown_code(self) -> None:
        """A code without wording is a programming error, not a message."""
        with pytest.raises(KeyError, match="no wording"):
            fail(Subject, "id", "no_such_code")


class TestEnumProblem:
    """A value that is not a slug: the slugs in English, slug and label in Vietnamese."""

    @pytest.mark.parametrize(
        ("value", "slug"),
        [
            ("Nữ", "female"),
            ("nữ ", "female"),
            ("Female", "female"),
            ("MALE", "male"),
            ("Nam", "male"),
        ],
    )
    def test_a_label_is_told_its_code(self, value: str, slug: str) -> None:
        """Sex's labels are Nữ/Female and Nam/Male; any case, spaces around."""
        code, params = enum_problem(Sex, value)
        assert (code, params["slug"]) == ("label_not_code", slug)

    def test_a_slug_written_with_a_hyphen(self) -> None:
        """'so-ket' and 'So ket' are so_ket written otherwise."""
        assert enum_problem(ReviewKind, "so-ket")[1]["slug"] == "so_ket"
        assert enum_problem(ReviewKind, "So ket")[1]["slug"] == "so_ket"

    def test_an_unknown_value(self) -> None:
        """Neither a slug nor a label: every code with its Vietnamese label."""
        code, params = enum_problem(ReviewKind, "hop")
        assert code == "unknown_value"
        assert Notice(code, params).text("vi") == (
            "giá trị 'hop' không có trong danh mục; các mã hợp lệ: so_ket (Sơ kết), tong_ket"
            " (Tổng kết)"
        )
        assert Notice(code, params).text("en") == (
            "unknown ReviewKind 'hop'; known values: so_ket, tong_ket"
        )


def test_scrub_params() -> None:
    """A name typed in a field is replaced in every param that holds it, nested ones too."""
    secrets = ("Lò Thị A", "'Lò Thị A'")
    params = {
        "value": "Lò Thị A",
        "count": 3,
        "inner": Notice("unknown_subject", {"id": "Lò Thị A"}),
    }
    scrubbed = scrub_params(params, secrets)
    assert scrubbed["value"] == REDACTED
    assert scrubbed["count"] == 3
    assert scrubbed["inner"] == Notice("unknown_subject", {"id": REDACTED})


class TestRecordTypes:
    """The names of the eight record types, in both languages."""

    def test_every_type_named(self) -> None:
        """One name per record type, no more."""
        assert tuple(RECORD_TYPE_LABELS) == tuple(RECORD_TYPES)

    @pytest.mark.parametrize(
        ("name", "vi", "en"),
        [
            ("subjects", "người thuộc diện quản lý", "monitored subjects"),
            ("crime_reports", "tố giác, tin báo về tội phạm, kiến nghị khởi tố", "crime reports"),
            ("criminal_cases", "vụ án hình sự", "criminal cases"),
            ("support_actions", "hoạt động hỗ trợ", "support actions"),
            ("outreach_events", "hoạt động tuyên truyền", "outreach events"),
            ("model_reviews", "sơ kết, tổng kết mô hình", "model reviews"),
            ("report_submissions", "báo cáo đã gửi", "report submissions"),
            ("safety_assessments", "đánh giá an toàn về an ninh, trật tự", "safety assessments"),
        ],
    )
    def test_label(self, name: str, vi: str, en: str) -> None:
        """Vietnamese as the sources name them (not "đối tượng"), English plain."""
        assert (record_type_label(name, "vi"), record_type_label(name, "en")) == (vi, en)
        assert record_type_label(name) == vi

    def test_unknown_language(self) -> None:
        """Only vi and en."""
        with pytest.raises(LanguageError):
            record_type_label("subjects", "fr")  # type: ignore[arg-type]


class TestProblems:
    """Problems between records: a code, ids as params, the record type by name."""

    def test_unknown_case(self) -> None:
        """CR-0017 names case CC-9, which the dataset does not hold."""
        decided = {"decision": Decision.KHOI_TO, "decided_on": D(2024, 2, 5), "case_id": "CC-9"}
        (problem,) = Dataset(crime_reports=[report(**decided)]).validate()
        assert (problem.code, dict(problem.params)) == ("unknown_case", {"id": "CC-9"})
        assert str(problem) == "crime_reports[CR-0017].case_id: unknown criminal case 'CC-9'"
        assert problem.text("vi") == (
            "mã 'CR-0017' (tố giác, tin báo về tội phạm, kiến nghị khởi tố), trường case_id:"
            " không có vụ án hình sự mã 'CC-9'"
        )

    def test_unit_not_valid_on_its_date(self) -> None:
        """03386 is not a unit of a registry that holds no unit at all."""

        class NoUnits:
            def is_valid(self, code: str, on: dt.date) -> bool:  # noqa: ARG002 - knows none
                return False

        (problem,) = Dataset(subjects=[subject()]).validate(NoUnits())
        assert problem.code == "unit_not_valid_on"
        assert problem.text("vi") == (
            "mã 'S-1' (người thuộc diện quản lý), trường unit_code: '03386' không phải mã đơn"
            " vị hành chính có hiệu lực vào ngày 2024-01-10"
        )

    def test_a_problem_without_code(self) -> None:
        """A problem made by hand without a code has only its English message."""
        problem = Problem(record_type="subjects", record_id="S-1", field="x", message="y")
        assert problem.text("vi") == "mã 'S-1' (người thuộc diện quản lý), trường x: y"
        assert problem.text("en") == "subjects[S-1].x: y"

    def test_duplicate_ids(self) -> None:
        """Two subjects S-1 in one dataset."""
        error = raised(lambda: Dataset(subjects=[subject(), subject()]))
        assert error.code == "duplicate_ids"
        assert error.text("vi") == (
            "Dataset.subjects: trùng mã 'S-1': mỗi mã chỉ được dùng một lần trong một loại dữ liệu"
        )


class TestPeriodsAndUnits:
    """Errors of periods and of unit lookups: codes, and Vietnamese."""

    def test_month_13(self) -> None:
        """A year has 12 months."""
        with pytest.raises(PeriodError) as caught:
            ReportingPeriod.month(2024, 13)
        error = caught.value
        assert (error.code, error.params["what"]) == ("period_number", Notice("term_month"))
        assert str(error) == "month must be a whole number from 1 to 12, not 13"
        assert error.text("vi") == "tháng phải là số nguyên từ 1 đến 12, không phải 13"

    def test_no_30_february(self) -> None:
        """2024 has 29 days in February: 2024-02-30 is no day."""
        with pytest.raises(PeriodError) as caught:
            ReportingPeriod.parse("2024-02-30..2024-03-01")
        assert caught.value.code == "period_text"
        assert str(caught.value) == (
            "period '2024-02-30..2024-03-01': '2024-02-30' is not a date that exists"
        )
        assert caught.value.text("vi") == (
            "kỳ '2024-02-30..2024-03-01': '2024-02-30' không phải là ngày có thật"
        )

    def test_custom_end_before_start(self) -> None:
        """A custom period from 1 March to 1 February ends before it starts."""
        with pytest.raises(PeriodError) as caught:
            ReportingPeriod.custom(D(2024, 3, 1), D(2024, 2, 1))
        assert str(caught.value) == (
            "custom period 2024-03-01..2024-02-01: ReportingPeriod.end: 2024-02-01 is before"
            " start 2024-03-01"
        )
        assert caught.value.text("vi") == (
            "kỳ tùy chọn 2024-03-01..2024-02-01: ReportingPeriod.end: ngày 2024-02-01 không"
            " được trước ngày 2024-03-01 ở trường start"
        )

    def test_unknown_form(self) -> None:
        """'H1 2024' is written the other way round."""
        with pytest.raises(PeriodError) as caught:
            ReportingPeriod.parse("H1 2024")
        assert caught.value.code == "period_unknown_form"
        assert caught.value.text("vi") == (
            'kỳ \'H1 2024\' không thuộc dạng nào trong "2024" (năm), "2024-H1" (6 tháng),'
            ' "2024-Q2" (quý), "2024-05" (tháng) hoặc "2024-01-01..2024-03-31" (tùy chọn)'
        )

    def test_a_leading_zero_lost(self) -> None:
        """'3388' is 03388 without its leading zero."""
        with pytest.raises(UnitError) as caught:
            UnitRegistry.lai_chau().lookup("3388", D(2024, 5, 1))
        assert caught.value.code == "unknown_unit_code"
        assert caught.value.text("vi") == (
            "mã đơn vị hành chính '3388' vào ngày 2024-05-01: không có trong danh mục (mất số 0"
            " ở đầu? danh mục có mã 03388)"
        )

    def test_a_ward_merged(self) -> None:
        """03389, the old Phường Đoàn Kết, ended on 2025-06-30 and merged into 03388."""
        with pytest.raises(UnitError) as caught:
            UnitRegistry.lai_chau().lookup("03389", D(2025, 8, 1))
        assert caught.value.code == "unit_not_valid"
        assert str(caught.value) == (
            "unit code 03389 is not valid on 2025-08-01: it names Phường Đoàn Kết, valid until"
            " 2025-06-30, then merged into 03388 Phường Đoàn Kết from 2025-07-01"
        )
        assert caught.value.text("vi") == (
            "mã đơn vị hành chính 03389 không có hiệu lực vào ngày 2025-08-01: mã này là"
            " Phường Đoàn Kết, có hiệu lực đến ngày 2025-06-30, sau đó sáp nhập vào 03388"
            " Phường Đoàn Kết từ ngày 2025-07-01"
        )
