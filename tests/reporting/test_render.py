"""``render(evaluation, format, lang=...)``: the consolidated report in four formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from typing import TYPE_CHECKING

import attrs
import pytest

from tests.reporting.report_samples import SENTINELS, report, three_reports, with_sentinels
from threeno.errors import LanguageError, ValidationError
from threeno.indicators.engine import evaluate
from threeno.io.datasets import load_dataset
from threeno.model.dataset import Dataset
from threeno.plans import load_plan
from threeno.reporting.render import CSV_COLUMNS, FORMATS, REPORT_SCHEMA, render
from threeno.reporting.view import words
from threeno.testing.synthetic import demo_path, load_demo

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation
    from threeno.model.plan import Plan

PLAN = load_plan("lai-chau-2024")
INDICATORS = ["reports.resolved", "reports.on_time"]


def _evaluation(dataset: Dataset | None = None, plan: Plan = PLAN) -> Evaluation:
    data = three_reports() if dataset is None else dataset
    return evaluate(plan, data, plan.period("2024-H1"), indicators=INDICATORS)


class TestMarkdown:
    """The Markdown report of the three reports of 2024-H1."""

    def test_header(self) -> None:
        """The document's title; its annex names the plan, the period, dates and convention."""
        text = render(_evaluation(), "md", lang="en", plan=PLAN)
        lines = text.splitlines()
        assert lines[0] == f"**{PLAN.issuer_en.upper()}**"
        assert "# REPORT" in lines
        # 2024-H1 under the 15th-to-14th cut-off (Nghị định 09/2019/NĐ-CP, Art. 12).
        assert "- **Reporting period:** first half of 2024" in lines
        assert "- **Dates:** 15/12/2023 – 14/06/2024" in lines
        assert "- **Cut-off convention:** 15th-to-14th cut-off" in lines
        assert "- **Area:** Thành phố Lai Châu, Tỉnh Lai Châu" in lines  # smallest first

    def test_table_per_unit_and_total(self) -> None:
        """A row per unit and the total; a unit without reports has no data, not 0%."""
        lines = render(_evaluation(), "md", lang="en", plan=PLAN).splitlines()
        # On time: CR-0018 (limit 25 March, decided 20 March) of the two decided.
        assert "| Phường Quyết Thắng | 1/2 reports, 50.0% | Not met |" in lines
        assert "| Phường Tân Phong | 0/0 reports: no data | No data |" in lines
        assert "| **Whole area** | **1/2 reports, 50.0%** | **Not met** |" in lines
        # Resolved: CR-0017 and CR-0018 of the three received; CR-0019 is suspended.
        assert (
            "| 1 | Share of crime reports resolved | 2/3 reports, 66.7%"
            " | At least 100% (section I, point 3) | Not met |"
        ) in lines

    def test_vietnamese_by_default(self) -> None:
        """Vietnamese is the default: decimal comma, Vietnamese labels, dd/mm/yyyy dates."""
        lines = render(_evaluation(), "md", plan=PLAN).splitlines()
        assert lines[0] == f"**{PLAN.issuer_vi.upper()}**"
        assert "# BÁO CÁO" in lines
        assert "| Phường Quyết Thắng | 2/3 tin, đạt 66,7% | Chưa đạt |" in lines
        assert "- **Thời gian:** 15/12/2023 – 14/06/2024" in lines

    def test_failing_records_with_reasons(self) -> None:
        """The failing records are listed by id and unit name with the reason."""
        text = render(_evaluation(), "md", lang="en", plan=PLAN)
        # CR-0017: limit 15 February (20 days, moved past Tết), decided 20 February.
        assert re.search(
            r"^- CR-0017 \(Phường Quyết Thắng\): received 25/01/2024, limit 15/02/2024 .*"
            r"decided 20/02/2024$",
            text,
            flags=re.MULTILINE,
        )
        # CR-0019's suspension is a decision (Art. 147(1)(c)): in progress, not failing.
        assert (
            "- CR-0019 (Phường Quyết Thắng): received 02/05/2024; handling suspended on"
            " 15/05/2024 (tạm đình chỉ, Art. 147(1)(c), 148), not counted as resolved"
        ) in text
        assert (
            "### Share of crime reports resolved — In progress: within the time limit, or"
            " suspended (not counted as not met) (1)"
        ) in text

    def test_breakdowns_and_figures(self) -> None:
        """The disaggregations and extra figures of the total are shown."""
        text = render(_evaluation(), "md", lang="en", plan=PLAN)
        # Resolved by decision: one khởi tố, one không khởi tố.
        assert "### Disaggregations: Decision" in text
        assert "suspended at the period's end (tạm đình chỉ): 1 report" in text

    def test_data_quality_from_the_load_report(self) -> None:
        """The load report's counts, rejections and notes make the data-quality section."""
        data, load_report = load_dataset(
            {"schema": "threeno/1", "crime_reports": [{"id": "CR-9", "source": "nope"}]}
        )
        text = render(_evaluation(data), "md", lang="en", load_report=load_report)
        assert "| Crime reports | 1 | 0 | 1 |" in text
        # Escaped for Markdown: "_" and "[" are markup characters.
        assert "- crime\\_reports\\[0\\], id 'CR-9': source: unknown ReportSource 'nope'" in text
        # In Vietnamese, as the load report writes it (LoadReport.text): no English.
        text = render(_evaluation(data), "md", lang="vi", load_report=load_report)
        assert "| Tố giác, tin báo về tội phạm, kiến nghị khởi tố | 1 | 0 | 1 |" in text
        line = load_report.rejections[0].text("vi").splitlines()[0]
        assert line.startswith("crime_reports[0], mã 'CR-9': trường source:")
        assert f"- {line}".replace("_", "\\_").replace("[", "\\[").replace("]", "\\]") in text
        assert f"- {load_report.notes[0].text('vi')}" in text

    def test_without_a_load_report(self) -> None:
        """Without a load report the section says so, and still shows the placements."""
        text = render(_evaluation(), "md", lang="en")
        assert "No load report given." in text
        assert "| Crime reports | 3 | 3 | 0 | 0 | 0 | 0 | 0 |" in text

    def test_record_text_is_escaped(self) -> None:
        """An id with Markdown in it cannot break the table or inject HTML."""
        data = Dataset(crime_reports=[report("CR|<b>*x*</b>", dt.date(2024, 5, 2))])
        text = render(_evaluation(data), "md", lang="en")
        assert "<b>" not in text
        assert "CR\\|\\<b\\>\\*x\\*\\</b\\>" in text


class TestHtml:
    """The HTML report: one self-contained page, escaped, with charts."""

    def test_self_contained_page(self) -> None:
        """One page: doctype, language, inline style; no external resource."""
        text = render(_evaluation(), "html", plan=PLAN)
        assert text.startswith('<!DOCTYPE html>\n<html lang="vi">')
        assert "<style>" in text
        assert not re.search(r"""(src|href)=["'](https?:|//)""", text)
        assert "<link" not in text

    def test_english(self) -> None:
        """``lang="en"`` gives an English page."""
        assert '<html lang="en">' in render(_evaluation(), "html", lang="en")

    def test_a_chart_per_share_indicator(self) -> None:
        """Both indicators are shares by unit: two SVG charts, a bar per unit with data."""
        text = render(_evaluation(), "html", lang="en", plan=PLAN)
        assert text.count('<svg class="chart"') == 2
        # Only 03386 and the whole area have data: two bars per chart.
        assert text.count('<rect class="bar"') == 4

    def test_untrusted_text_is_escaped(self) -> None:
        """A record id with a script in it is shown as text, never run."""
        data = Dataset(crime_reports=[report("<script>alert(1)</script>", dt.date(2024, 5, 2))])
        text = render(_evaluation(data), "html", lang="en")
        assert "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


class TestJson:
    """The JSON report: the same content as data."""

    def test_structure(self) -> None:
        """Schema, header, indicators with rows; values as numbers."""
        data = json.loads(render(_evaluation(), "json", lang="en", plan=PLAN))
        assert data["schema"] == REPORT_SCHEMA
        assert data["header"]["period"] == "2024-H1"
        assert data["header"]["start"] == "2023-12-15"
        on_time = data["indicators"][1]
        assert on_time["id"] == "reports.on_time"
        total = on_time["rows"][-1]
        assert total["unit_code"] is None
        assert (total["cell"]["numerator"], total["cell"]["denominator"]) == (1, 2)
        assert total["cell"]["value"] == 0.5
        assert [f["record_id"] for f in on_time["failing"]] == ["CR-0017"]


class TestCsv:
    """The CSV report: a row per value and per breakdown category."""

    def test_rows(self) -> None:
        """The unit rows carry numerator, denominator, value, target and status."""
        rows = list(csv.DictReader(io.StringIO(render(_evaluation(), "csv", lang="en"))))
        assert tuple(rows[0]) == CSV_COLUMNS
        row = next(r for r in rows if r["indicator"] == "reports.on_time" and r["unit"] == "03386")
        # A share as a percentage, one decimal; the status in words.
        assert (row["numerator"], row["denominator"], row["value"]) == ("1", "2", "50.0")
        assert row["status"] == "Not met"
        nodata = next(
            r for r in rows if r["indicator"] == "reports.on_time" and r["unit"] == "03387"
        )
        assert (nodata["value"], nodata["status"]) == ("", "No data")
        decided = [r for r in rows if r["dimension"] == "decision" and r["numerator"] == "1"]
        assert sorted(r["category"] for r in decided) == ["khoi_to", "khong_khoi_to"]

    def test_crlf(self) -> None:
        """Rows end in CRLF (RFC 4180)."""
        assert render(_evaluation(), "csv").splitlines(keepends=True)[0].endswith("\r\n")


class TestPrivacyAndDeterminism:
    """No personal data in any format; the same evaluation renders the same bytes."""

    def test_no_personal_data_in_any_format(self) -> None:
        """Sentinel names, ID numbers and phones never appear in a report."""
        dataset = with_sentinels(load_demo())
        evaluation = evaluate(PLAN, dataset, PLAN.period("2024"), explain="all")
        for fmt in FORMATS:
            for lang in ("vi", "en"):
                text = render(evaluation, fmt, lang=lang, plan=PLAN)
                for sentinel in SENTINELS:
                    assert sentinel not in text, (fmt, lang, sentinel)

    def test_byte_identical(self) -> None:
        """Rendering twice, or the same records given in another order, gives equal bytes."""
        demo = load_demo()
        reverse = attrs.evolve(demo, subjects=list(reversed(demo.subjects)))
        period = PLAN.period("2024")
        first = evaluate(PLAN, demo, period)
        second = evaluate(PLAN, reverse, period)
        _, load_report = load_dataset(demo_path(), plan=PLAN)
        for fmt in FORMATS:
            once = render(first, fmt, plan=PLAN, load_report=load_report)
            assert once == render(second, fmt, plan=PLAN, load_report=load_report)

    def test_nfc(self) -> None:
        """Vietnamese text comes out in NFC."""
        text = render(_evaluation(), "md", plan=PLAN)
        assert unicodedata.normalize("NFC", text) == text

    def test_generated_on_only_when_given(self) -> None:
        """No date is printed unless passed."""
        assert "Generated on" not in render(_evaluation(), "md", lang="en")
        dated = render(_evaluation(), "md", lang="en", generated_on=dt.date(2025, 1, 10))
        assert "- **Generated on:** 10/01/2025" in dated


class TestErrors:
    """Bad arguments raise a ThreenoError naming the argument."""

    def test_unknown_format(self) -> None:
        """An unknown format names its argument."""
        with pytest.raises(ValidationError) as excinfo:
            render(_evaluation(), "pdf")
        assert excinfo.value.field == "format"

    @pytest.mark.parametrize("lang", ["fr", "", None, "VI"])
    def test_unknown_language(self, lang: object) -> None:
        """An unknown language is a LanguageError (``unknown_language``), as everywhere."""
        with pytest.raises(LanguageError) as excinfo:
            render(_evaluation(), "md", lang=lang)  # type: ignore[arg-type]
        assert excinfo.value.code == "unknown_language"

    def test_not_an_evaluation(self) -> None:
        """Something other than an evaluation is refused."""
        with pytest.raises(ValidationError, match="must be an Evaluation, not dict"):
            render({}, "md")  # type: ignore[arg-type]

    def test_other_plan(self) -> None:
        """The plan passed must be the one evaluated."""
        other = load_plan("doan-ket-tan-phong-2026")
        with pytest.raises(ValidationError, match="plan lai-chau-2024, not doan-ket"):
            render(_evaluation(), "md", plan=other)

    def test_language_error_is_a_threeno_error(self) -> None:
        """LanguageError is what the words raise for a language unknown to the view."""
        with pytest.raises(LanguageError):
            words("fr")  # type: ignore[arg-type]
