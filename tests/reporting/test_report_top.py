"""The report's top, clauses, no data and names, on the second locality and the demo data.

The second locality (``tests/data/locality``, Huyện Mẫu Sơn, fictional) and its figures
are worked out by hand in ``tests/data/locality/EXPECTED.md``:

- 33 records read, all accepted (7 subjects, 14 crime reports, 1 criminal case, 4
  outreach events, 7 report submissions; section 1);
- 4 left out for their unit code (section 2): S-07 out of scope (98704 Xã Mẫu Bắc on
  2023-09-12, not a unit of the plan), CR-14 not valid on its date (98704 on 2024-02-05,
  after Mẫu Bắc ended on 2023-12-31), CR-12 and CR-13 unknown (98799, 03386: in no unit
  of the plan's registry); with ``crosswalk=True`` S-07 is counted in Mẫu Tây (1
  crosswalked) and 3 are left out;
- its own clauses: reports.received is listed by 1.2 and 2.2.a, cases.wrongful by 1.2 and
  2.2.b, subjects.monitored by none; the plan has no Roman-numbered clause (Lai Châu's
  I.3, II.4.b, IV.2 are not its own);
- cases.wrongful in March 2024: only Thị trấn Mẫu Sơn (98701) has a case (CC-01), so Xã
  Mẫu Đông (98702) and Xã Mẫu Tây (98703) have no data;
- its settings: the day after receipt is day 1, no crosswalk (each with an English note
  only), one local day off, Tuesday 2024-03-19 "Ngày Truyền thống tỉnh Mẫu", and a
  reporting deadline of 5 days that the plan itself sets;
- outreach in March 2024 (section 1): OE-01 (45 participants, Vietnamese, the default),
  OE-02 (30, Tai Dam ``blt``), OE-04 (20, Vietnamese): by language, Vietnamese 2 events
  and 45 + 20 = 65 participants, Tai Dam 1 event and 30.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pytest

from tests.reporting.report_samples import three_reports
from threeno import cli
from threeno.indicators.engine import evaluate
from threeno.io.datasets import load_dataset
from threeno.model.dataset import Dataset
from threeno.plans import load_plan
from threeno.reporting.render import CSV_COLUMNS, render
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.lang import Lang
    from threeno.model.plan import Plan

DATA: Final = Path(__file__).resolve().parents[1] / "data" / "locality"
PLAN_FILE: Final = DATA / "plan.toml"
RECORDS: Final = DATA / "records"
DEMO_PLAN: Final = load_plan("lai-chau-2024")

#: EXPECTED.md section 2, by reason, in the report's order.
LEFT_OUT_VI: Final = (
    "4 trường hợp (đơn vị không thuộc phạm vi Kế hoạch: 1;"
    " mã đơn vị không có hiệu lực tại ngày phát sinh: 1;"
    " mã đơn vị không có trong danh mục đơn vị hành chính: 2)"
)
LEFT_OUT_EN: Final = (
    "4 records (unit outside the plan: 1; unit code not in force on the record's date: 1;"
    " unit code in no unit of the register: 2)"
)


@functools.cache
def _plan() -> Plan:
    return load_plan(PLAN_FILE)


@functools.cache
def _data() -> tuple[Dataset, LoadReport]:
    return load_dataset(RECORDS, plan=_plan())


@functools.cache
def _evaluation(period: str = "2024-03", *, crosswalk: bool | None = None) -> Evaluation:
    plan = _plan()
    return evaluate(plan, _data()[0], plan.period(period), crosswalk=crosswalk)


def _csv_rows(text: str) -> list[dict[str, str]]:
    """The CSV report's rows by column key (its header row is in the report's language)."""
    return list(csv.DictReader(io.StringIO(text), fieldnames=CSV_COLUMNS))[1:]


def _report(
    fmt: str,
    lang: Lang = "vi",
    period: str = "2024-03",
    *,
    crosswalk: bool | None = None,
    suppress_below: int | None = None,
) -> str:
    plan, load_report = _plan(), _data()[1]
    evaluation = _evaluation(period, crosswalk=crosswalk)
    return render(
        evaluation,
        fmt,
        lang=lang,
        plan=plan,
        load_report=load_report,
        suppress_below=suppress_below,
    )


def _before_indicators(text: str, line: str) -> None:
    """``line`` is a line of the Markdown report, above the first indicator (the results)."""
    lines = text.splitlines()
    assert line in lines
    results = "## II. KẾT QUẢ THỰC HIỆN" if "BÁO CÁO" in text else "## II. RESULTS"
    assert lines.index(line) < lines.index(results)


class TestTheTopInEveryFormat:
    """The records read, accepted, rejected and left out by reason, and the warnings."""

    def test_markdown(self) -> None:
        """Beside the period, before any indicator, in Vietnamese and in English."""
        text = _report("md")
        opening = next(line for line in text.splitlines() if line.startswith("Thực hiện "))
        _before_indicators(text, opening)
        assert "tháng 3 năm 2024 (số liệu từ ngày 01/03/2024 đến ngày 31/03/2024)" in opening
        records = "- **Số liệu đầu vào:** 33 trường hợp, trong đó 33 hợp lệ, 0 không hợp lệ"
        _before_indicators(text, records)
        _before_indicators(text, f"- **Số liệu không được tính vì mã đơn vị:** {LEFT_OUT_VI}")
        warning = next(line for line in text.splitlines() if line.startswith("> **Cảnh báo:**"))
        _before_indicators(text, warning)
        assert warning.startswith("> **Cảnh báo:** 4 trường hợp không được tính vì mã đơn vị: 1")
        english = _report("md", "en")
        _before_indicators(english, f"- **Records left out for their unit code:** {LEFT_OUT_EN}")
        assert "- **Records:** 33 records read: 33 accepted, 0 rejected" in (english.splitlines())

    def test_nothing_left_out_is_one_short_line(self) -> None:
        """The demo data leave nothing out: one line says so, and no warning is shown."""
        data, load_report = load_dataset(demo_path(), plan=DEMO_PLAN)
        evaluation = evaluate(DEMO_PLAN, data, DEMO_PLAN.period("2024"))
        text = render(evaluation, "md", plan=DEMO_PLAN, load_report=load_report)
        _before_indicators(text, "- **Số liệu không được tính vì mã đơn vị:** không có")
        assert "Cảnh báo" not in text
        # The demo folder by its name, never its path on this machine.
        _before_indicators(
            text,
            "- **Số liệu đầu vào:** 888 trường hợp, trong đó 888 hợp lệ, 0 không hợp lệ",
        )
        for fmt in ("md", "html", "json", "csv"):
            output = render(evaluation, fmt, plan=DEMO_PLAN, load_report=load_report)
            assert str(demo_path().parent) not in output, fmt

    def test_a_period_outside_the_plans_year_is_warned_about(self) -> None:
        """2025-Q1 is not within the plan's 2024: the first warning, above the indicators."""
        text = _report("md", period="2025-Q1")
        warnings = [line for line in text.splitlines() if line.startswith("> **Cảnh báo:**")]
        assert len(warnings) == 2
        assert warnings[0].startswith("> **Cảnh báo:** kỳ báo cáo quý I năm 2025")
        _before_indicators(text, warnings[0])

    def test_html(self) -> None:
        """The same lines in the page's header, the warnings with their codes."""
        page = _report("html")
        header = page[: page.index("</header>")]
        assert f'<dd id="overview-left_out">{LEFT_OUT_VI}</dd>' in header
        assert (
            '<p class="warning" data-code="records_left_out"><strong>Cảnh báo:</strong> 4 trường'
            in (header)
        )

    def test_json(self) -> None:
        """The counts as keys, the lines and the warnings as texts with their codes."""
        overview = json.loads(_report("json"))["overview"]
        assert (overview["read"], overview["accepted"], overview["rejected"]) == (33, 33, 0)
        assert overview["left_out"] == 4
        assert overview["left_out_by_reason"] == {
            "out_of_scope": 1,
            "not_valid_on_date": 1,
            "unknown_unit": 2,
        }
        assert (overview["crosswalk_applied"], overview["crosswalked"]) == (False, 0)
        assert overview["source"] == "records"
        assert [f["key"] for f in overview["facts"]] == ["records", "left_out"]
        assert overview["facts"][1]["text"] == LEFT_OUT_VI
        assert [w["key"] for w in overview["warnings"]] == ["records_left_out"]

    def test_csv(self) -> None:
        """Rows of their own before the indicators: counts, warnings, settings."""
        rows = _csv_rows(_report("csv"))
        top = [r for r in rows if r["section"] == "Số liệu đầu vào"]
        assert [(r["category"], r["value"]) for r in top] == [
            ("read", "33"),
            ("accepted", "33"),
            ("rejected", "0"),
            ("left_out", "4"),
            ("out_of_scope", "1"),
            ("not_valid_on_date", "1"),
            ("unknown_unit", "2"),
        ]
        assert top[3]["category_label"] == "Số trường hợp không được tính vì mã đơn vị"
        (warning,) = [r for r in rows if r["section"] == "Cảnh báo"]
        assert warning["category"] == "records_left_out"
        assert warning["text"].startswith("4 trường hợp không được tính vì mã đơn vị")
        first_result = next(i for i, r in enumerate(rows) if r["section"] == "Kết quả")
        assert rows.index(warning) < first_result

    def test_crosswalked(self) -> None:
        """With crosswalk=True S-07 counts in Mẫu Tây: 1 crosswalked, 3 left out."""
        text = _report("md", crosswalk=True)
        _before_indicators(text, "- **Số liệu của đơn vị cũ được tính vào đơn vị mới:** 1")
        assert (
            "- **Số liệu không được tính vì mã đơn vị:** 3 trường hợp (đơn vị không thuộc phạm"
            " vi Kế hoạch: 0; mã đơn vị không có hiệu lực tại ngày phát sinh: 1; mã đơn vị"
            " không có trong danh mục đơn vị hành chính: 2)"
        ) in text.splitlines()
        rows = _csv_rows(_report("csv", crosswalk=True))
        crosswalked = next(r for r in rows if r["category"] == "crosswalked")
        assert (crosswalked["section"], crosswalked["value"]) == ("Số liệu đầu vào", "1")

    def test_published_keeps_the_counts(self) -> None:
        """A published report keeps the totals and reasons (counts of records, not people)."""
        text = _report("md", suppress_below=5)
        _before_indicators(text, f"- **Số liệu không được tính vì mã đơn vị:** {LEFT_OUT_VI}")


class TestSettings:
    """Which readings and settings the evaluation used, and where each comes from."""

    def test_the_plans_own(self) -> None:
        """The locality's file: its readings (English notes only), day off and deadline."""
        lines = _report("md").splitlines()
        quality = next(i for i, line in enumerate(lines) if "NGUỒN VÀ CHẤT LƯỢNG" in line)
        assert lines.index("### Cách tính áp dụng") > quality
        # The plan's notes are in English: the Vietnamese report says the file sets them.
        assert (
            "- **Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết:** không"
            " — Theo tệp kế hoạch."
        ) in lines
        assert (
            "- **Tính số liệu của đơn vị hành chính cũ vào đơn vị mới sau sắp xếp:** không"
            " — Theo tệp kế hoạch."
        ) in lines
        day_off = next(line for line in lines if line.startswith("- **Ngày nghỉ, ngày làm"))
        assert day_off.startswith(
            "- **Ngày nghỉ, ngày làm việc riêng của địa phương:** 1 ngày nghỉ: 19/03/2024"
            " (Ngày Truyền thống tỉnh Mẫu) — Quyết định số 25/QĐ-UBND"
        )
        assert "- **Hạn gửi báo cáo:** 5 ngày sau ngày cuối kỳ (do Kế hoạch quy định)" in lines
        english = _report("md", "en").splitlines()
        assert (
            "- **The day of receipt counts as day 1 of a time limit:** no — Điều 134 Bộ luật"
            " Tố tụng hình sự 2015 is read as in civil law: the day after receipt is day 1"
            " (unverified)."
        ) in english
        assert "- **Reports due:** 5 days after a period's last day (set by the plan)" in english

    def test_a_local_default_deadline(self) -> None:
        """The 2024 plan sets no deadline: a local default, and its reading is the library's."""
        evaluation = evaluate(DEMO_PLAN, three_reports(), DEMO_PLAN.period("2024-H1"))
        lines = render(evaluation, "md", plan=DEMO_PLAN).splitlines()
        deadline = next(line for line in lines if line.startswith("- **Hạn gửi báo cáo"))
        # The plan's own words on why it is a local default, in Vietnamese.
        assert deadline.startswith(
            "- **Hạn gửi báo cáo:** 5 ngày sau ngày cuối kỳ (mặc định địa phương, Kế hoạch"
            " không quy định) — Mặc định của địa phương, Kế hoạch không quy định"
        )
        assert (
            "- **Ngày nghỉ, ngày làm việc riêng của địa phương:** không có; áp dụng lịch nghỉ"
            " chung của Nhà nước"
        ) in lines
        receipt = next(line for line in lines if line.startswith("- **Tính ngày tiếp nhận"))
        assert receipt.startswith(
            "- **Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết:** không — Kế"
            " hoạch không quy định; theo cách tính của phần mềm."
        )

    def test_set_for_this_evaluation_only(self) -> None:
        """crosswalk=True passed to evaluate, against the file's false, is said to be so."""
        settings = json.loads(_report("json", crosswalk=True))["settings"]
        crosswalk = next(s for s in settings if s["key"] == "crosswalk")
        assert (crosswalk["value"], crosswalk["text"]) == (True, "có")
        assert crosswalk["note"] == "Đặt riêng cho lần tính này, không theo tệp kế hoạch."
        assert [s["key"] for s in settings] == [
            "count_receipt_day",
            "crosswalk",
            "suspension_counts_as_resolved",
            "calendar",
            "days_allowed",
            "assess_assumed_targets",
        ]
        calendar = next(s for s in settings if s["key"] == "calendar")
        assert calendar["value"] == ["2024-03-19"]

    def test_set_on_the_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The command line's note, in the report's language, and the value it set."""
        argv = ["report", "--plan", str(PLAN_FILE), "--data", str(RECORDS), "--period", "2024-03"]
        argv += ["--crosswalk", "--count-receipt-day", "--allow-out-of-scope"]
        assert cli.main(argv) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert (
            "- **Tính số liệu của đơn vị hành chính cũ vào đơn vị mới sau sắp xếp:** có"
            " — Đặt khi chạy lệnh (--crosswalk), không theo tệp kế hoạch."
        ) in lines
        assert (
            "- **Tính ngày tiếp nhận là ngày thứ nhất của thời hạn giải quyết:** có"
            " — Đặt khi chạy lệnh (--count-receipt-day), không theo tệp kế hoạch."
        ) in lines
        assert cli.main([*argv, "--days-allowed", "7", "--lang", "en"]) == cli.EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert (
            "- **Reports due:** 7 days after a period's last day (a local default, not set by"
            " the plan) — Set on the command line (--days-allowed), not by the plan file."
        ) in lines

    def test_without_a_plan(self) -> None:
        """Without the plan, the readings the evaluation applied, and nothing else."""
        settings = json.loads(render(_evaluation(), "json"))["settings"]
        assert [(s["key"], s["value"], s["note"]) for s in settings] == [
            ("count_receipt_day", False, ""),
            ("crosswalk", False, ""),
            ("suspension_counts_as_resolved", False, ""),
        ]


class TestClausesFromThePlan:
    """The plan's own clauses, or "—"; never a clause of another plan."""

    def test_the_localitys_clauses(self) -> None:
        """1.2 and 2.2.a, 1.2 and 2.2.b, and "—" for an indicator no clause lists.

        Printed as the plan refers to them (its ``cite_vi``); the ids stay in the JSON.
        """
        text = _report("md")
        sections = {
            heading: text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
            for heading in (
                "Số tố giác, tin báo về tội phạm, kiến nghị khởi tố được tiếp nhận",
                "Số vụ oan sai",
                "Số phụ nữ thuộc diện quản lý",
            )
        }
        found = r"\*\*Nội dung Kế hoạch:\*\* (.*); \*\*Loại chỉ tiêu"
        clauses = [re.search(found, s) for s in sections.values()]
        assert [m.group(1) if m else None for m in clauses] == [
            "điểm 1.2; gạch đầu dòng thứ nhất, điểm 2.2",
            "điểm 1.2; gạch đầu dòng thứ hai, điểm 2.2",
            "—",
        ]
        data = json.loads(_report("json"))
        by_id = {i["id"]: i["clauses"] for i in data["indicators"]}
        assert by_id["reports.received"] == ["1.2", "2.2.a"]
        assert by_id["subjects.monitored"] == []

    @pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_no_clause_of_another_plan(self, fmt: str, lang: Lang) -> None:
        """No I.3, II.4.b or IV.2 (Lai Châu's), nor any Roman-numbered clause, anywhere."""
        output = _report(fmt, lang)
        assert not re.search(r"\b(?:I|II|III|IV|V)\.\d", output), fmt
        assert ("(điểm 1.2)" if lang == "vi" else "(point 1.2)") in output  # targets' too


class TestNoDataNeverMet:
    """A result with nothing behind it: "no data", and "—" for a count, in every format."""

    def test_markdown(self) -> None:
        """cases.wrongful in Mẫu Đông and Mẫu Tây; Thị trấn Mẫu Sơn and the total met."""
        section = _report("md").split("## Số vụ oan sai\n", 1)[1].split("\n## ", 1)[0]
        lines = section.splitlines()
        assert "| Thị trấn Mẫu Sơn | 0 vụ | Đạt |" in lines
        assert "| Xã Mẫu Đông | — | Không có số liệu |" in lines
        assert "| Xã Mẫu Tây | — | Không có số liệu |" in lines
        assert "| **Toàn địa bàn** | **0 vụ** | **Đạt** |" in lines
        english = _report("md", "en").split("## Wrongful prosecutions or convictions\n", 1)[1]
        assert "| Xã Mẫu Đông | — | No data |" in english.splitlines()

    def test_json_keeps_the_numbers(self) -> None:
        """The row says it has no data; its numbers stay 0."""
        data = json.loads(_report("json"))
        wrongful = next(i for i in data["indicators"] if i["id"] == "cases.wrongful")
        row = next(r for r in wrongful["rows"] if r["unit_code"] == "98702")
        assert (row["status"], row["status_label"], row["has_data"]) == (
            "no_data",
            "Không có số liệu",
            False,
        )
        assert (row["records_considered"], row["cell"]["numerator"], row["cell"]["value"]) == (
            0,
            0,
            0,
        )
        assert row["cell"]["text"] == "—"

    def test_csv(self) -> None:
        """The status in words; the text "—", the numbers 0."""
        rows = _csv_rows(_report("csv"))
        row = next(r for r in rows if r["indicator"] == "cases.wrongful" and r["unit"] == "98702")
        assert (row["status"], row["text"], row["numerator"]) == ("Không có số liệu", "—", "0")
        assert row["indicator_name"] == "Số vụ oan sai"

    def test_html(self) -> None:
        """The row's status is no data, styled as such."""
        page = _report("html")
        assert (
            '<tr><td>Xã Mẫu Đông</td><td class="num">—</td>'
            '<td class="status-no_data">Không có số liệu</td></tr>'
        ) in page

    def test_records_all_left_out(self) -> None:
        """Only the three reports with bad codes: reports.overdue is no data, not "0, met".

        CR-12 would be overdue at 31 March, but all three are left out (EXPECTED.md 2).
        """
        plan = _plan()
        bad = [r for r in _data()[0].crime_reports if r.id in {"CR-12", "CR-13", "CR-14"}]
        found = evaluate(plan, Dataset(crime_reports=bad), plan.period("2024-03"))
        lines = render(found, "md", plan=plan).splitlines()
        rows = [line.split(" | ", 1)[-1] for line in lines if line.startswith("| ")]
        name = "Số tố giác, tin báo về tội phạm, kiến nghị khởi tố quá hạn chưa giải quyết"
        assert f"{name} | — | Bằng 0 (điểm 1.2) | Không có số liệu |" in rows

    @pytest.mark.parametrize("period", ["2024-03", "2024-Q1", "2024", "2025-Q1"])
    def test_the_view_never_shows_met_without_data(self, period: str) -> None:
        """Every row of every indicator: no data means the status no data."""
        rows = [
            r for i in json.loads(_report("json", period=period))["indicators"] for r in i["rows"]
        ]
        assert any(not r["has_data"] for r in rows)
        for row in rows:
            if not row["has_data"]:
                assert (row["status"], row["status_label"]) == ("no_data", "Không có số liệu")


class TestNamesNotSlugs:
    """Indicators, record types, offences, languages and agencies by name."""

    def test_indicator_codes_only_in_the_annex(self) -> None:
        """Headings and the summary table name the indicator; its code is in the annex."""
        text = _report("md")
        body, annex = re.split(r"## Phụ lục [IVX]+\. MÃ DÙNG CHO CÁC CÔNG CỤ ĐỌC BÁO CÁO\n", text)
        assert "reports.received" not in body
        name = "Số tố giác, tin báo về tội phạm, kiến nghị khởi tố được tiếp nhận"
        assert f"| {name} | `reports.received` |" in annex.splitlines()
        assert "- **Mã kế hoạch:** `mau-son-2024`" in annex.splitlines()
        assert "- **Mã kỳ báo cáo:** `2024-03`" in annex.splitlines()
        page = _report("html")
        assert page.count("<code>reports.received</code>") == 1
        codes = page.index('<section class="annex" id="annex">')
        assert page.index("<code>reports.received</code>") > codes

    def test_record_types_languages_agencies(self) -> None:
        """Record types by name; outreach by language name; agencies by the plan's names."""
        lines = _report("md").splitlines()
        assert "| Tố giác, tin báo về tội phạm, kiến nghị khởi tố | 14 | 14 | 0 |" in lines
        # By language, no attendances: broadcasts and meetings are mixed there.
        assert "| Tiếng Việt | 2 hoạt động |" in lines
        assert "| Tiếng Thái | 1 hoạt động |" in lines
        english = _report("md", "en").splitlines()
        assert "| Tai Dam | 1 event |" in english
        assert any(line.startswith("| Hội Liên hiệp Phụ nữ huyện Mẫu Sơn | ") for line in lines)

    def test_offences(self) -> None:
        """An offence by its article of the Criminal Code and its name (BLHS 2015, Art. 150)."""
        evaluation = evaluate(
            DEMO_PLAN, three_reports(), DEMO_PLAN.period("2024-H1"), indicators=["reports.received"]
        )
        # The three reports are all Art. 150: one category.
        assert (
            "| Điều 150 Bộ luật Hình sự (Tội mua bán người) | 3 tin |"
            in render(evaluation, "md", plan=DEMO_PLAN).splitlines()
        )
        assert (
            "| Criminal Code, Art. 150 (Trafficking in persons) | 3 reports |"
            in render(evaluation, "md", lang="en", plan=DEMO_PLAN).splitlines()
        )

    def test_periods_by_name(self) -> None:
        """A period by its name; an ad hoc period by its first and last day."""
        plan = _plan()
        for text, vi, en in (
            ("2024-Q1", "quý I năm 2024", "Q1 2024"),
            ("2024", "năm 2024", "year 2024"),
            (
                "2024-01-01..2024-03-31",
                "từ ngày 01/01/2024 đến ngày 31/03/2024",
                "01/01/2024 to 31/03/2024",
            ),
        ):
            evaluation = evaluate(plan, Dataset(), plan.period(text))
            assert f"- **Kỳ báo cáo:** {vi}" in render(evaluation, "md", plan=plan).splitlines()
            english = render(evaluation, "md", lang="en", plan=plan).splitlines()
            assert f"- **Reporting period:** {en}" in english

    def test_failing_records_not_kept(self) -> None:
        """With explain="none", a Vietnamese sentence says why records are not listed.

        reports.resolved of the three reports: CR-0019 (suspended) is in progress, not
        failing (a suspension is a decision, Art. 147(1)(c)), and is not kept.
        """
        evaluation = evaluate(
            DEMO_PLAN,
            three_reports(),
            DEMO_PLAN.period("2024-H1"),
            indicators=["reports.resolved"],
            explain="none",
        )
        lines = render(evaluation, "md", plan=DEMO_PLAN).splitlines()
        assert (
            "- còn 1 trường hợp không được liệt kê: khi tính đã chọn không lưu danh sách" in lines
        )
        english = render(evaluation, "md", lang="en", plan=DEMO_PLAN).splitlines()
        assert "- 1 more not listed: the evaluation kept no list of records" in english
