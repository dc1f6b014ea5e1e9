"""The Word report read back with python-docx: every measure of Nghị định 30/2020/NĐ-CP.

The demo report (with a number, a date, a parent body and two recipients) is opened as
a reader's software would, and checked against the decree's values (Phụ lục I, in
:mod:`tests.reporting.word.word_samples`, written from the decree, not from the code): the
page, the margins, the font, each block's size, weight and place, the body's paragraphs,
the signature block, "Nơi nhận", the page numbers from the second page, and the annexes
on landscape pages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING

import pytest

from tests.reporting.word import word_samples as ws
from threeno.indicators.catalogue import CATALOGUE
from threeno.reporting.docx import Letterhead, render_docx
from threeno.reporting.render import SIMULATED_MARK

# python-docx is the docx extra's: without it, these tests are skipped, saying so.
pytest.importorskip("docx", reason="python-docx not installed: pip install -e '.[docx]'")
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

if TYPE_CHECKING:
    from docx.document import Document as DocumentType
    from docx.table import Table
    from docx.text.paragraph import Paragraph


def _open(data: bytes) -> DocumentType:
    return Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def doc() -> DocumentType:
    """The demo report, read back."""
    return _open(ws.demo_docx())


def _size(paragraph: Paragraph) -> float:
    """The size of a paragraph's text, in points (every run has the same)."""
    sizes = {run.font.size.pt for run in paragraph.runs if run.text.strip() and run.font.size}
    assert len(sizes) == 1, (paragraph.text, sizes)
    return float(sizes.pop())


def _all(paragraph: Paragraph, attribute: str) -> bool:
    return all(getattr(run.font, attribute) for run in paragraph.runs if run.text.strip())


def _within(value: float, bounds: tuple[float, float], what: str) -> None:
    low, high = bounds
    assert low - 0.01 <= value <= high + 0.01, f"{what}: {value} not in {low}–{high}"


def _texts(paragraphs: list[Paragraph]) -> list[str]:
    return [p.text for p in paragraphs if p.text.strip()]


def _heading(doc: DocumentType) -> Table:
    return doc.tables[0]


def _mm(length: int | None) -> float:
    assert length is not None
    return float(length / Mm(1))


class TestPage:
    """A4, the decree's margins, Times New Roman (Phụ lục I)."""

    def test_a4_and_margins_in_every_section(self, doc: DocumentType) -> None:
        """210 × 297 mm, portrait first and landscape for the annexes; margins in range."""
        width, height = ws.A4_MM
        assert len(doc.sections) > 1
        for i, section in enumerate(doc.sections):
            size = (_mm(section.page_width), _mm(section.page_height))
            landscape = i > 0
            expected = (height, width) if landscape else (width, height)
            assert size == pytest.approx(expected, abs=0.5), i
            orient = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            assert section.orientation == orient
            for edge, bounds in ws.MARGIN_RANGES_MM.items():
                _within(_mm(getattr(section, f"{edge}_margin")), bounds, f"{edge} margin")

    def test_times_new_roman_everywhere(self, doc: DocumentType) -> None:
        """The defaults, every style and every run: Times New Roman, no theme font."""
        styles = doc.styles.element
        fonts = styles.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
        for script in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(qn(f"w:{script}")) == ws.FONT
        assert not [
            key for element in styles.iter(qn("w:rFonts")) for key in element.attrib
            if key.endswith("Theme")
        ]  # fmt: skip
        names = {r.font.name for p in _every_paragraph(doc) for r in p.runs if r.text.strip()}
        assert names == {ws.FONT}
        assert doc.styles["Normal"].font.name == ws.FONT

    def test_vietnamese_is_the_language(self, doc: DocumentType) -> None:
        """Word's spelling and hyphenation take the text as Vietnamese."""
        language = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
        assert language.get(qn("w:val")) == "vi-VN"


def _every_paragraph(doc: DocumentType) -> list[Paragraph]:
    found = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    for section in doc.sections:
        for part in (section.header, section.first_page_header):
            found.extend(part.paragraphs)
    return found


class TestHeading:
    """The issuing body beside the national title and motto; number, place and date."""

    def test_a_borderless_table_of_two_columns(self, doc: DocumentType) -> None:
        """The heading is the first table: two columns, no borders."""
        table = _heading(doc)
        assert len(table.columns) == 2
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"nil"}

    def test_the_national_title_and_motto(self, doc: DocumentType) -> None:
        """Upper case bold 12–13; the motto bold 13–14, initials capitalised, dashes spaced."""
        right = _heading(doc).rows[0].cells[1].paragraphs
        title, motto = (p for p in right if p.text.strip())
        assert title.text == ws.NATIONAL_TITLE
        _within(_size(title), ws.SIZE_RANGES["national_title"], "national title")
        assert _all(title, "bold")
        assert motto.text == ws.MOTTO
        _within(_size(motto), ws.SIZE_RANGES["motto"], "motto")
        assert _all(motto, "bold")
        assert title.alignment == motto.alignment == WD_ALIGN_PARAGRAPH.CENTER

    def test_the_rule_beneath_the_motto_is_as_long_as_it(self, doc: DocumentType) -> None:
        """A solid line beneath the motto, its length the text's (within 1 mm)."""
        cell = _heading(doc).rows[0].cells[1]
        rule = _rule_after(cell.paragraphs, ws.MOTTO)
        length = _rule_length(rule, _mm(cell.width))
        assert length == pytest.approx(ws.bold_width_mm(ws.MOTTO, _size_of(cell, ws.MOTTO)), abs=1)

    def test_the_issuing_body(self, doc: DocumentType) -> None:
        """The body above: upper case, 12–13, not bold; the issuer: upper case, bold, 12–13."""
        left = [p for p in _heading(doc).rows[0].cells[0].paragraphs if p.text.strip()]
        parent, issuer = left
        assert parent.text == ws.LETTERHEAD.parent_body.upper()  # type: ignore[union-attr]
        _within(_size(parent), ws.SIZE_RANGES["issuer"], "parent body")
        assert not any(run.font.bold for run in parent.runs)
        assert issuer.text == ws.plan().issuer_vi.upper()
        _within(_size(issuer), ws.SIZE_RANGES["issuer"], "issuer")
        assert _all(issuer, "bold")

    def test_the_rule_beneath_the_issuer_is_a_third_to_half_of_it(self, doc: DocumentType) -> None:
        """The line beneath the issuing body is 1/3 to 1/2 of its text's (longest) line."""
        cell = _heading(doc).rows[0].cells[0]
        issuer = ws.plan().issuer_vi.upper()
        rule = _rule_after(cell.paragraphs, issuer)
        column = _mm(cell.width)
        text = min(ws.bold_width_mm(issuer, _size_of(cell, issuer)), column)
        low, high = ws.ISSUER_RULE_RANGE
        assert low * text <= _rule_length(rule, column) <= high * text

    def test_number_place_and_date(self, doc: DocumentType) -> None:
        """The number "Số: 05/BC-BCĐ" (13); the place and date in italics (13–14)."""
        number, dateline = (c.paragraphs[0] for c in _heading(doc).rows[1].cells)
        # Number 5 with its leading 0; BC- and the plan's abbreviation (KH-BCĐ).
        assert number.text == "Số: 05/BC-BCĐ"
        _within(_size(number), ws.SIZE_RANGES["number"], "number")
        assert dateline.text == "Lai Châu, ngày 05 tháng 01 năm 2025"
        assert _all(dateline, "italic")
        _within(_size(dateline), ws.SIZE_RANGES["dateline"], "date line")


def _size_of(cell: object, text: str) -> float:
    paragraph = next(p for p in cell.paragraphs if p.text == text)  # type: ignore[attr-defined]
    return _size(paragraph)


def _rule_after(paragraphs: list[Paragraph], text: str) -> Paragraph:
    i = next(i for i, p in enumerate(paragraphs) if p.text == text)
    rule = paragraphs[i + 1]
    properties = rule._p.pPr
    assert properties is not None
    border = properties.find(qn("w:pBdr")).find(qn("w:top"))
    assert border.get(qn("w:val")) == "single"  # a solid line
    assert not rule.text
    return rule


def _rule_length(rule: Paragraph, width_mm: float) -> float:
    fmt = rule.paragraph_format
    return width_mm - _mm(fmt.left_indent) - _mm(fmt.right_indent)


class TestTitleAndRecipients:
    """The type "BÁO CÁO", the summary, and "Kính gửi"."""

    def test_type_and_summary(self, doc: DocumentType) -> None:
        """The type "BÁO CÁO" bold centred 13–14, the summary beneath bold 13–14, a short rule."""
        paragraphs = doc.paragraphs
        i = next(i for i, p in enumerate(paragraphs) if p.text == "BÁO CÁO")
        kind, summary, rule = paragraphs[i : i + 3]
        for paragraph, key in ((kind, "type"), (summary, "summary")):
            _within(_size(paragraph), ws.SIZE_RANGES[key], key)
            assert _all(paragraph, "bold")
            assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert summary.text.startswith("Tình hình, kết quả năm 2024 triển khai thực hiện Kế")
        assert summary.text[0].isupper()
        assert summary.text[1:] != summary.text[1:].upper()
        section = doc.sections[0]
        width = _mm(section.page_width) - _mm(section.left_margin) - _mm(section.right_margin)
        text = min(ws.bold_width_mm(summary.text, _size(summary)), width)
        low, high = ws.ISSUER_RULE_RANGE
        assert low * text <= _rule_length(rule, width) <= high * text

    def test_recipients(self, doc: DocumentType) -> None:
        """The line "Kính gửi:" in the body's size; each recipient after a dash, the last "."."""
        texts = _texts(doc.paragraphs)
        i = texts.index("Kính gửi:")
        assert texts[i + 1 : i + 3] == ["- Thường trực Thành ủy;", "- Ủy ban nhân dân thành phố."]
        paragraph = next(p for p in doc.paragraphs if p.text == "Kính gửi:")
        _within(_size(paragraph), ws.SIZE_RANGES["body"], "Kính gửi")

    def test_one_recipient_on_the_same_line(self) -> None:
        """One recipient: "Kính gửi: Ủy ban nhân dân thành phố"."""
        evaluation, _ = ws.demo()
        one = Letterhead(recipients=("Ủy ban nhân dân thành phố",))
        doc = _open(render_docx(evaluation, plan=ws.plan(), letterhead=one))
        assert "Kính gửi: Ủy ban nhân dân thành phố" in _texts(doc.paragraphs)


class TestBody:
    """The body: 13–14 pt, justified, first line indented, spaced; the sections in order."""

    def test_paragraphs(self, doc: DocumentType) -> None:
        """Every paragraph of the body has the decree's size, alignment, indent and spacing."""
        body = _body(doc)
        assert len(body) > 10
        for paragraph in body:
            fmt = paragraph.paragraph_format
            _within(_size(paragraph), ws.SIZE_RANGES["body"], paragraph.text[:40])
            assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
            indent = fmt.first_line_indent.cm
            assert any(abs(indent - cm) < 0.01 for cm in ws.FIRST_LINE_INDENTS_CM)
            assert fmt.space_after.pt >= ws.MIN_PARAGRAPH_SPACING_PT
            _within(float(fmt.line_spacing), ws.LINE_SPACING_RANGE, "line spacing")

    def test_the_sections_in_order(self, doc: DocumentType) -> None:
        """Situation, results, assessment, shortcomings, next period, proposals: I to VI."""
        headings = [p.text for p in _body(doc) if re.match(r"^[IVX]+\. ", p.text)]
        assert headings == [
            "I. ĐẶC ĐIỂM TÌNH HÌNH",
            "II. KẾT QUẢ THỰC HIỆN",
            "III. ĐÁNH GIÁ CHUNG",
            "IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            "V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
            "VI. ĐỀ XUẤT, KIẾN NGHỊ",
        ]
        assert all(_all(p, "bold") for p in _body(doc) if p.text in headings)

    def test_the_table_of_indicators_by_name(self, doc: DocumentType) -> None:
        """The assessment's table: STT, the indicators by name, result, target, status."""
        evaluation, _ = ws.demo()
        table = doc.tables[1]
        header = [c.text for c in table.rows[0].cells]
        assert header[0] == "STT"
        names = [row.cells[1].text for row in table.rows[1:]]
        catalogue = {i.id: i.name("vi") for i in CATALOGUE}
        assert names == [catalogue[i] for i in evaluation.results]
        assert [row.cells[0].text for row in table.rows[1:]] == [
            str(n) for n in range(1, len(names) + 1)
        ]

    def test_the_blocks_in_order(self, doc: DocumentType) -> None:
        """Mark, heading, "BÁO CÁO", "Kính gửi", opening, sections, closing, signature."""
        texts = _texts(doc.paragraphs)
        order = [
            SIMULATED_MARK["vi"],
            "BÁO CÁO",
            "Kính gửi:",
            next(t for t in texts if t.startswith("Thực hiện Kế hoạch")),
            "I. ĐẶC ĐIỂM TÌNH HÌNH",
            "VI. ĐỀ XUẤT, KIẾN NGHỊ",
            next(t for t in texts if t.startswith("Trên đây là báo cáo")),
            "Phụ lục I",
        ]
        assert [texts.index(t) for t in order] == sorted(texts.index(t) for t in order)
        assert texts[0] == SIMULATED_MARK["vi"]
        body = doc.element.body
        blocks = [child.tag.rsplit("}", 1)[1] for child in body]
        assert blocks[:2] == ["p", "tbl"]  # the mark, then the heading
        closing = next(p for p in doc.paragraphs if p.text.startswith("Trên đây"))
        assert closing.text.endswith("./.")
        signature = closing._p.getnext()
        assert signature.tag == qn("w:tbl")


def _body(doc: DocumentType) -> list[Paragraph]:
    """The paragraphs from the opening sentence to the closing one."""
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Thực hiện Kế hoạch"))
    end = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Trên đây là báo cáo"))
    return paragraphs[start : end + 1]


class TestSignatureAndRecipients:
    """The list "Nơi nhận" at the left, the signature block at the right."""

    def _table(self, doc: DocumentType) -> Table:
        return next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))

    def test_copies(self, doc: DocumentType) -> None:
        """The label "Nơi nhận:" 12 bold italic; the lines 11, after a dash; "Lưu: VT" last."""
        left = [p for p in self._table(doc).rows[0].cells[0].paragraphs if p.text.strip()]
        label, *lines = left
        assert label.text == "Nơi nhận:"
        assert _size(label) == ws.SIZE_RANGES["recipients_label"][0]
        assert _all(label, "bold")
        assert _all(label, "italic")
        assert [p.text for p in lines] == ["- Như trên;", "- Lưu: VT."]
        assert {_size(p) for p in lines} == {ws.SIZE_RANGES["recipients"][0]}

    def test_signature_block_from_the_plan_without_a_name(self, doc: DocumentType) -> None:
        """The plan's lines, upper case, bold, 13–14; no name unless given at run time."""
        right = self._table(doc).rows[0].cells[1].paragraphs
        shown = [p for p in right if p.text.strip()]
        assert [p.text for p in shown] == [line.upper() for line in ws.plan().signature_vi]
        for paragraph in shown:
            assert _all(paragraph, "bold")
            _within(_size(paragraph), ws.SIZE_RANGES["signature"], "signature")

    def test_the_signers_name_when_given(self) -> None:
        """Given at run time, the name is beneath the space for the signature, bold."""
        evaluation, _ = ws.demo()
        signed = Letterhead(signer="Nguyễn Văn A")
        doc = _open(render_docx(evaluation, plan=ws.plan(), letterhead=signed))
        right = self._table(doc).rows[0].cells[1].paragraphs
        name = right[-1]
        assert name.text == "Nguyễn Văn A"
        assert _all(name, "bold")
        # Beneath the space for the signature: empty paragraphs between title and name.
        assert not right[-2].text
        assert not right[-3].text


class TestPageNumbers:
    """Page numbers centred in the top margin, from the second page (Phụ lục I)."""

    def test_a_page_field_in_the_header_not_on_the_first_page(self, doc: DocumentType) -> None:
        """The first page has a header of its own without the field; the others have it."""
        section = doc.sections[0]
        assert section.different_first_page_header_footer
        header = section.header.paragraphs[0]
        assert "PAGE" in "".join(t.text for t in header._p.iter(qn("w:instrText")))
        assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
        size = {r.font.size.pt for r in header.runs if r.font.size}
        assert len(size) == 1
        _within(size.pop(), ws.SIZE_RANGES["page_number"], "page number")
        first = section.first_page_header
        assert not first.is_linked_to_previous
        assert not list(first._element.iter(qn("w:instrText")))

    def test_annexes_numbered_from_one_and_not_on_their_first_page(self, doc: DocumentType) -> None:
        """Each annex restarts at 1 (Phụ lục I: an annex is numbered on its own)."""
        for section in doc.sections[1:]:
            numbering = section._sectPr.find(qn("w:pgNumType"))
            assert numbering.get(qn("w:start")) == "1"
            assert section.different_first_page_header_footer
        assert doc.sections[0]._sectPr.find(qn("w:pgNumType")) is None


class TestAnnexes:
    """Annexes on landscape pages: "Phụ lục I, II, …", their title, what they go with."""

    def test_headings(self, doc: DocumentType) -> None:
        """Label 14 bold; title upper case bold 13–14; "(Kèm theo …)" in italics."""
        paragraphs = doc.paragraphs
        labels = [i for i, p in enumerate(paragraphs) if re.fullmatch(r"Phụ lục [IVX]+", p.text)]
        assert [paragraphs[i].text for i in labels] == [
            f"Phụ lục {n}" for n in ("I", "II", "III", "IV", "V")
        ]
        assert len(labels) == len(doc.sections) - 1
        for i in labels:
            label, title, attached = paragraphs[i : i + 3]
            assert _size(label) == ws.SIZE_RANGES["annex_label"][0]
            assert _all(label, "bold")
            _within(_size(title), ws.SIZE_RANGES["annex_title"], "annex title")
            assert _all(title, "bold")
            assert title.text == title.text.upper()
            assert attached.text == (
                f"(Kèm theo Báo cáo số 05/BC-BCĐ ngày 05/01/2025 của {ws.plan().issuer_vi})"
            )
            assert _all(attached, "italic")

    def test_indicator_codes_only_in_the_annex_for_tools(self, doc: DocumentType) -> None:
        """An indicator's code appears in the last annex only, the one for tools."""
        codes = {i.id for i in CATALOGUE}
        texts = [p.text for p in _every_paragraph(doc)]
        last = max(i for i, t in enumerate(texts) if t == "Phụ lục V")
        before = " ".join(t for t in texts[:last] if "MÃ DÙNG CHO" not in t)
        assert not [code for code in codes if code in before]
        annex = doc.tables[-2]  # the codes, then the units' codes
        assert {row.cells[2].text for row in annex.rows[1:]} <= codes


class TestDeterminism:
    """The same inputs give the same bytes."""

    def test_two_renders_are_byte_identical(self) -> None:
        """Rendered twice (a second later), the files are equal, byte for byte."""
        evaluation, load_report = ws.demo()
        args = {"plan": ws.plan(), "load_report": load_report, "letterhead": ws.LETTERHEAD}
        first = render_docx(evaluation, **args)  # type: ignore[arg-type]
        second = render_docx(evaluation, **args)  # type: ignore[arg-type]
        assert first == second

    def test_dates_come_from_the_inputs(self) -> None:
        """The zip's entries and the properties are dated the day of issue."""
        data = ws.demo_docx()
        assert ws.zip_dates(data) == {(2025, 1, 5, 0, 0, 0)}
        props = _open(data).core_properties
        assert props.created == props.modified == dt.datetime(2025, 1, 5, tzinfo=dt.UTC)


#: The order of the children of the properties elements the report writes, as the schema
#: of WordprocessingML has them (ECMA-376 Part 1, CT_RPr, CT_PPrBase with CT_PPr's tail,
#: CT_SectPr, CT_TblPr, CT_TrPr): Word refuses a file whose children are out of order,
#: where LibreOffice reads it anyway.
SEQUENCES = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss"
    " imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs"
    " highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout"
    " specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr"
    " suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct"
    " topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind"
    " contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment"
    " textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc"
    " pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection"
    " bidi rtlGutter docGrid printerSettings sectPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize"
    " tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption"
    " tblDescription tblPrChange",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader"
    " tblCellSpacing jc hidden ins del trPrChange",
}


def test_every_property_in_the_schemas_order(doc: DocumentType) -> None:
    """In the body, the headers and the styles, each properties element's children in order."""
    first = doc.sections[0]
    parts = [doc.element, first.header._element, first.first_page_header._element]
    parts.append(doc.styles.element)
    checked = 0
    for part in parts:
        for name, sequence in SEQUENCES.items():
            order = sequence.split()
            for element in part.iter(qn(f"w:{name}")):
                tags = [child.tag.rsplit("}", 1)[1] for child in element]
                assert set(tags) <= set(order), (name, tags)
                ranks = [order.index(tag) for tag in tags]
                assert ranks == sorted(ranks), (name, tags)
                checked += 1
    assert checked > 1000
