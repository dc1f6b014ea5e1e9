"""The term list of the docs, read by the tests: the words used, and the words not to use.

``docs/reference/terms.md`` lists the report's words (English, Vietnamese, source, words
not to use). These tests read it and check the Vietnamese demo report against it, in
Markdown, HTML and Word: every status and unit the report prints is in the list; no word
the list forbids appears before the annex of codes; no indicator code, digest clause
id (``I.3``, ``II.4.b``), unit code, date without leading zeros, ungrouped number, or
count without its unit appears there either.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import Final

import docx
import pytest
from docx.oxml.ns import qn

from tests.reporting.test_no_english import readable_text
from tests.reporting.word.word_samples import demo, demo_docx, plan
from threeno.indicators.catalogue import ALL_INDICATORS, CATALOGUE
from threeno.indicators.definitions import CHANNEL_UNITS, FIGURE_UNITS, CountUnit
from threeno.indicators.results import Status
from threeno.reporting.render import render
from threeno.reporting.view import make_cell

TERMS: Final = Path(__file__).parents[2] / "docs" / "reference" / "terms.md"


@functools.cache
def terms() -> tuple[tuple[str, str, str, str], ...]:
    """Every row of the term list's tables: (English, Vietnamese, source, not to use)."""
    rows = []
    for line in TERMS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 4 or set(cells[0]) <= {"-"}:
            continue
        if cells[0] == "English":
            continue
        en, vi, source, avoid = cells
        rows.append((en, vi, source, avoid))
    return tuple(rows)


def vietnamese_terms() -> set[str]:
    """Each Vietnamese term of the list (a cell with ``;`` holds several)."""
    return {t.strip() for _, vi, _, _ in terms() for t in vi.split(";")}


def forbidden() -> list[str]:
    """The words not to use anywhere in the body: those without a condition in brackets.

    A word with a condition ("đối tượng (for the women reached ...)") is allowed in
    other uses, and checked by its own test.
    """
    found = []
    for *_, avoid in terms():
        found += [w.strip() for w in avoid.split(";") if w.strip() and "(" not in w]
    return found


def _before_annex(text: str, heading: str) -> str:
    """The text up to the annex of codes, where tool codes belong."""
    head, _, _ = text.partition(heading)
    return head


@functools.cache
def body(fmt: str) -> str:
    """The Vietnamese demo report's readable text before its annex of codes."""
    evaluation, load_report = demo()
    if fmt == "docx":
        doc = docx.Document(io.BytesIO(demo_docx("vi")))
        parts = []
        for block in doc.element.body.iterchildren():  # paragraphs and tables in order
            parts += ["".join(t.text or "" for t in block.iter(qn("w:t")))]
        return _before_annex("\n".join(parts), "MÃ DÙNG CHO CÁC CÔNG CỤ ĐỌC BÁO CÁO")
    out = render(evaluation, fmt, lang="vi", plan=plan(), load_report=load_report)
    return _before_annex(readable_text(out, fmt), "MÃ DÙNG CHO CÁC CÔNG CỤ ĐỌC BÁO CÁO")


FORMATS: Final = ("md", "html", "docx")


class TestTheList:
    """The list itself: its columns, and the report's words in it."""

    def test_it_has_its_four_columns_and_a_source_on_every_row(self) -> None:
        """Every row names an English and a Vietnamese term and a source."""
        assert len(terms()) >= 40
        assert all(en and vi and source for en, vi, source, _ in terms())

    def test_every_status_is_listed(self) -> None:
        """Đạt, Chưa đạt, Không có số liệu and — are the list's words."""
        assert {s.label("vi") for s in Status} <= vietnamese_terms()
        assert {s.label("vi") for s in Status} == {
            "Đạt",
            "Chưa đạt",
            "Không có số liệu",
            "—",
            "Không đánh giá (chỉ tiêu, thời hạn không do Kế hoạch quy định)",
        }

    def test_every_unit_of_count_is_listed(self) -> None:
        """Each indicator's unit, each figure's and each channel's is in the list."""
        units = {i.unit.vi for i in CATALOGUE}
        units |= {u.vi for u in FIGURE_UNITS.values()}
        units |= {u.vi for u, _ in CHANNEL_UNITS.values()}
        assert units <= vietnamese_terms(), units - vietnamese_terms()

    def test_the_old_words_are_forbidden(self) -> None:
        """The words the review found are among those not to use."""
        assert {"Không đạt", "Không có chỉ tiêu", "bản ghi", "Bản ghi không đạt", "I.3"} <= set(
            forbidden()
        )


@pytest.mark.parametrize("fmt", FORMATS)
class TestTheDemoReport:
    """The Vietnamese demo report, before its annex of codes, in each format."""

    def test_no_forbidden_word(self, fmt: str) -> None:
        """No word the list forbids appears before the annex of codes, spelt as listed.

        Capitals count: the status "Không đạt" is forbidden, the reason "không đạt tiêu
        chuẩn" (a standard not met) is not.
        """
        text = body(fmt)
        found = [w for w in forbidden() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
        assert found == []

    def test_doi_tuong_only_for_a_suspect(self, fmt: str) -> None:
        """The word đối tượng is left only where the law means a suspect (Đối tượng phạm).

        The plan's own words, quoted between “ and ” (a reading's reason quotes “đảm bảo
        100% đối tượng được tuyên truyền …”), are the plan's, and are not looked at.
        """
        ours = re.sub(r"“[^”]*”", "", body(fmt))
        uses = re.findall(r"đối tượng \w+", ours, flags=re.IGNORECASE)
        assert {u.casefold() for u in uses} <= {"đối tượng phạm"}, uses

    def test_no_code_no_digest_clause_no_unit_code(self, fmt: str) -> None:
        """No indicator code, clause id such as I.3 or II.4.b, or 5-digit unit code."""
        text = body(fmt)
        assert [i for i in ALL_INDICATORS if i in text] == []
        assert re.findall(r"(?<![\w/.])[IVX]+\.\d+(?:\.[a-z])?(?![\w/])", text) == []
        assert re.findall(r"(?<![\w/-])\d{5}(?![\w/])", text) == []

    def test_dates_and_numbers_as_vietnamese_writes_them(self, fmt: str) -> None:
        """Dates dd/mm/yyyy with leading zeros; no number of 5 digits or more ungrouped."""
        text = body(fmt)
        every = re.findall(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}", text)
        assert every == re.findall(r"(?<![\d/])\d{2}/\d{2}/\d{4}", text)
        assert "14/12/2024" in text

    def test_the_summary_cells_carry_units(self, fmt: str) -> None:
        """The hand-worked values of the demo's summary, each with its unit.

        35 crime reports received; 33 of 35 classified, 33/35 = 0.9428... = 94,3%; 10
        cases opened; 9 of 15 reports on time, 9/15 = 60,0%; 7 of 7 communes and wards
        maintain the model.
        """
        text = body(fmt)
        for cell in ("35 tin", "33/35 tin, đạt 94,3%", "10 vụ", "9/15 báo cáo, đạt 60,0%"):
            assert cell in text
        assert "7/7 xã, phường, đạt 100,0%" in text


def test_a_count_without_unit_is_not_in_the_markdown_tables() -> None:
    """Every value cell of the Markdown tables is a count with its unit, a share, or —."""
    evaluation, load_report = demo()
    out = render(evaluation, "md", lang="vi", plan=plan(), load_report=load_report)
    text = _before_annex(out, "NGUỒN VÀ CHẤT LƯỢNG SỐ LIỆU")
    bare = []
    for line in text.splitlines():
        if not line.startswith("| "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0].isdigit():  # the row's number (STT) in the assessment's table
            cells = cells[1:]
        if any(re.fullmatch(r"\**\d[\d.]*\**", c) for c in cells):
            bare.append(line)
    assert bare == []


class TestCells:
    """Cells by hand-worked values."""

    def test_large_numbers_and_shares_in_vietnamese(self) -> None:
        """19353 people: "19.353 lượt người"; 9/15 = 0.6: "60,0%"; English "19,353"."""
        people = CountUnit("lượt người", "attendances")
        assert make_cell(19353, None, "vi", unit=people).text == "19.353 lượt người"
        assert make_cell(19353, None, "en", unit=people).text == "19,353 attendances"
        reports = CountUnit("báo cáo", "reports")
        assert make_cell(9, 15, "vi", unit=reports).text == "9/15 báo cáo, đạt 60,0%"
        assert make_cell(9, 15, "en", unit=reports).text == "9/15 reports, 60.0%"

    def test_a_share_with_no_denominator_is_no_data_with_its_unit(self) -> None:
        """0/0 is no data, never 0% or 100%."""
        tin = CountUnit("tin", "reports")
        assert make_cell(0, 0, "vi", unit=tin).text == "0/0 tin: không có số liệu"
