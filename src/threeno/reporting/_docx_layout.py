"""The layout of an administrative document, as python-docx writes it.

The measures of Nghị định 30/2020/NĐ-CP (công tác văn thư), Phụ lục I (the form and
layout of administrative documents), and the few helpers :mod:`threeno.reporting.docx`
lays the report out with: page setup, fonts, paragraphs, the short rules beneath the
motto and the issuing body, tables, the page-number field, and a zip written the same
way every time. Where the decree gives a range, the value chosen is named beside it.

Private: :mod:`threeno.reporting.docx` is the public entry.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Final

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    from threeno.lang import Lang

    Container = Document | _Cell

# -- Phụ lục I of Nghị định 30/2020/NĐ-CP -------------------------------------------------

#: The page: A4, 210 × 297 mm, portrait; landscape for pages of tables (Phụ lục I, page
#: format).
PAGE_MM: Final = (210, 297)
#: Margins, mm (Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm): the
#: lower bound of each range, so that tables have the most room.
MARGINS_MM: Final = {"top": 20, "bottom": 20, "left": 30, "right": 15}
#: The font (Phụ lục I: Times New Roman, Unicode as TCVN 6909:2001, black).
FONT: Final = "Times New Roman"

#: Sizes in points, each within the decree's range (Phụ lục I, the parts of a document):
#: the national title 12–13, the motto 13–14; the issuing body and the body above it
#: 12–13; the number 13; place and date 13–14; the document's type and summary 13–14;
#: the body 13–14; the signature block 13–14; "Nơi nhận" 12 and its list 11; page
#: numbers 13–14; an annex's label 14 and title 13–14.
SIZES: Final = {
    "national_title": 12,
    "motto": 13,
    "issuer": 12,
    "parent_body": 12,
    "number": 13,
    "dateline": 14,
    "type": 14,
    "summary": 14,
    "body": 14,
    "signature": 14,
    "recipients_label": 12,
    "recipients": 11,
    "page_number": 14,
    "annex_label": 14,
    "annex_title": 14,
    # Not set by the decree: the cells of tables, and the mark of simulated data.
    "table": 12,
    "annex_table": 11,
    "mark": 10,
}
#: The first line of a body paragraph is indented 1 cm or 1.27 cm (Phụ lục I, the
#: body): 1.27 cm.
FIRST_LINE_INDENT_CM: Final = 1.27
#: Paragraphs at least 6 pt apart (Phụ lục I, the body): 6 pt.
PARAGRAPH_SPACING_PT: Final = 6
#: Line spacing from single to 1.5 lines (Phụ lục I, the body): 1.15 lines.
LINE_SPACING: Final = 1.15
#: The rule beneath the issuing body is 1/3 to 1/2 of its text's length (Phụ lục I, the
#: issuing body): 2/5.
ISSUER_RULE_SHARE: Final = 0.4
#: The widths of the two columns of the heading (the issuing body at the left, the
#: national title and motto at the right), mm: 165 mm of text width in all.
HEADING_COLUMNS_MM: Final = (68, 97)
#: The columns of "Nơi nhận" (left) and of the signature (right), mm.
SIGNATURE_COLUMNS_MM: Final = (75, 90)

# Advance widths of Times New Roman Bold, in thousandths of an em: the metrics of its
# metric-compatible substitute Liberation Serif Bold (fonts-liberation2), which are the
# classic Times Bold ones. A Vietnamese letter is as wide as its base letter, but for the
# horned letters (Ư, ư, ơ). Used to draw the rules beneath the motto and the issuing body
# as long as the decree wants them.
# fmt: off
_BOLD_WIDTHS: Final = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        "abcdefghijklmnopqrstuvwxyz{|}~Đđ“”–…ƯươƠ",
        (
            250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250,
            278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570,
            570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667,
            944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
            278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333,
            556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500,
            444, 394, 220, 394, 520, 722, 556, 500, 500, 500, 1000, 796, 600, 554, 778,
        ),
        strict=True,
    )
)
# fmt: on


def bold_text_width_pt(text: str, size: float) -> float:
    """The width of ``text`` set in Times New Roman Bold at ``size`` points.

    >>> from threeno.reporting._docx_layout import bold_text_width_pt
    >>> round(bold_text_width_pt("Độc lập - Tự do - Hạnh phúc", 13), 1)
    159.1
    """
    total = 0
    for char in unicodedata.normalize("NFC", text):
        shown = char
        if char not in _BOLD_WIDTHS:
            parts = unicodedata.normalize("NFD", char)
            shown = parts[0]
            # A horned letter keeps its horn under other marks (Ừ is Ư with a grave).
            if "\u031b" in parts:
                shown = unicodedata.normalize("NFC", parts[0] + "\u031b")
        total += _BOLD_WIDTHS.get(shown, 500)
    return total * size / 1000


# The sequences of WordprocessingML (ECMA-376 Part 1, the schema's complex types) that
# elements are added to here: Word refuses a file whose children are out of order.
_ORDER: Final = {
    "rPr": (
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
        "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
        "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
        "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
        "eastAsianLayout", "specVanish", "oMath",
    ),
    "pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
        "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
        "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
        "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ),
    "sectPr": (
        "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
        "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
        "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
        "printerSettings", "sectPrChange",
    ),
    "tblPr": (
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
        "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
        "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
    ),
    "trPr": (
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
        "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del",
        "trPrChange",
    ),
}  # fmt: skip


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement) -> None:
    """Add ``child`` to ``parent`` where the schema's sequence wants it (:data:`_ORDER`)."""
    order = _ORDER[_local(parent.tag)]
    rank = order.index(_local(child.tag))
    later = next(
        (
            sibling
            for sibling in parent
            if _local(sibling.tag) in order and order.index(_local(sibling.tag)) > rank
        ),
        None,
    )
    if later is None:
        parent.append(child)
    else:
        later.addprevious(child)


# -- the document ------------------------------------------------------------------------


def _set_fonts(element: BaseOxmlElement) -> None:
    """Times New Roman for every script of a run's properties (``w:rPr``)."""
    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        element.insert(0, fonts)
    _times(fonts)


def _times(fonts: BaseOxmlElement) -> None:
    """A ``w:rFonts``: Times New Roman for every script, in place of any theme font."""
    for key in list(fonts.attrib):
        if key.lower().endswith("theme"):
            del fonts.attrib[key]
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{key}"), FONT)


def prepare(document: Document, *, lang: Lang) -> None:
    """Set the document's defaults: Times New Roman, black, the body's size, the language.

    Every style of the template gets the font (its theme fonts removed), so a heading or
    a table that Word or LibreOffice styles still uses it (Phụ lục I: the font).
    """
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = None if defaults is None else defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        _set_fonts(rpr)
        language = rpr.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            insert_in_order(rpr, language)
        language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    for fonts in styles.iter(qn("w:rFonts")):
        _times(fonts)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZES["body"])
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def setup_section(section: Section, *, landscape: bool, restart_numbering: bool) -> None:
    """A4 portrait (or landscape, for annexes of tables), the decree's margins.

    The first page of the section has a header of its own (:func:`fill_headers`): page
    numbers are shown from the second page (Phụ lục I, page numbers);
    ``restart_numbering`` numbers an annex's pages from 1 (Phụ lục I, annexes: each
    annex is numbered on its own).
    """
    width, height = PAGE_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(height if landscape else width)
    section.page_height = Mm(width if landscape else height)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    # The header (the page number, and the mark of simulated data) sits in the top margin.
    section.header_distance = Mm(7)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    sect = section._sectPr  # noqa: SLF001 - python-docx has no API for page numbering
    numbering = sect.find(qn("w:pgNumType"))
    if restart_numbering:
        if numbering is None:
            numbering = OxmlElement("w:pgNumType")
            insert_in_order(sect, numbering)
        numbering.set(qn("w:start"), "1")
    elif numbering is not None:
        sect.remove(numbering)


def new_section(document: Document, *, landscape: bool) -> Section:
    """A new section on a new page: an annex."""
    section: Section = document.add_section(WD_SECTION.NEW_PAGE)
    setup_section(section, landscape=landscape, restart_numbering=True)
    return section


def text_width_mm(section: Section) -> float:
    """The width between the margins of a section's pages, mm."""
    width = section.page_width
    left = section.left_margin
    right = section.right_margin
    if width is None or left is None or right is None:  # pragma: no cover - set for each
        msg = "the section's page size and margins are set by setup_section"
        raise ValueError(msg)
    return float((width - left - right) / Mm(1))


# -- paragraphs --------------------------------------------------------------------------


def add_run(  # noqa: PLR0913 - the properties of a run, all keyword-only
    paragraph: Paragraph,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
) -> None:
    """A run of text in the document's font, in ``size`` points.

    Its properties are written in the schema's order at once (python-docx's setters
    search for each element's place, which is slow over thousands of table cells).
    """
    run = paragraph.add_run(text)
    properties = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    _times(fonts)
    properties.append(fonts)
    for flag, tag in ((bold, "w:b"), (bold, "w:bCs"), (italic, "w:i"), (italic, "w:iCs")):
        if flag:
            properties.append(OxmlElement(tag))
    if colour is not None:
        color = OxmlElement("w:color")
        color.set(qn("w:val"), colour)
        properties.append(color)
    for tag in ("w:sz", "w:szCs"):
        half_points = OxmlElement(tag)
        half_points.set(qn("w:val"), str(round(size * 2)))
        properties.append(half_points)
    run._r.insert(0, properties)  # noqa: SLF001 - the run's properties, written at once


def add_paragraph(  # noqa: PLR0913 - the properties of a paragraph, all keyword-only
    container: Container,
    text: str = "",
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
    first_line_cm: float | None = None,
    space_before: float = 0,
    space_after: float = 0,
    line_spacing: float = 1.0,
    keep_with_next: bool = False,
) -> Paragraph:
    """A paragraph of one run (none when ``text`` is empty), formatted as asked."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(space_after)
    fmt.line_spacing = line_spacing
    if first_line_cm is not None:
        fmt.first_line_indent = Cm(first_line_cm)
    if keep_with_next:
        fmt.keep_with_next = True
    if text:
        add_run(paragraph, text, size=size, bold=bold, italic=italic)
    else:  # the empty paragraph's mark in the same size, so its height is the line's
        paragraph.paragraph_format.line_spacing = line_spacing
        mark = OxmlElement("w:rPr")
        mark_size = OxmlElement("w:sz")
        mark_size.set(qn("w:val"), str(round(size * 2)))
        mark.append(mark_size)
        insert_in_order(paragraph._p.get_or_add_pPr(), mark)  # noqa: SLF001 - the paragraph mark
    return paragraph


def body_paragraph(container: Container, text: str = "", *, bold: bool = False) -> Paragraph:
    """A paragraph of the body: 14 pt, justified, first line indented, 6 pt after.

    Phụ lục I (the body of a document): size 13–14, justified, first-line indent 1 cm
    or 1.27 cm, at least 6 pt between paragraphs, line spacing from single to 1.5 lines.
    """
    return add_paragraph(
        container,
        text,
        size=SIZES["body"],
        bold=bold,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        first_line_cm=FIRST_LINE_INDENT_CM,
        space_after=PARAGRAPH_SPACING_PT,
        line_spacing=LINE_SPACING,
    )


def rule(container: Container, length_mm: float, width_mm: float) -> Paragraph:
    """A solid line ``length_mm`` long, centred in a column ``width_mm`` wide.

    An empty paragraph, 1 pt high, whose top border is the line: its indents leave
    ``length_mm`` between them. It follows the text it underlines (Phụ lục I: a solid
    line beneath the motto, the issuing body and the summary).
    """
    paragraph = add_paragraph(container, size=1)
    indent = max((width_mm - length_mm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(indent)
    fmt.right_indent = Mm(indent)
    fmt.line_spacing = Pt(1)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    ppr = paragraph._p.get_or_add_pPr()  # noqa: SLF001 - python-docx has no API for borders
    insert_in_order(ppr, borders)
    return paragraph


# -- headers -------------------------------------------------------------------------------


def _page_field(paragraph: Paragraph, size: float) -> None:
    """The PAGE field: the page's number, as Word and LibreOffice compute it."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2")):
        run = paragraph.add_run()
        run.font.name = FONT
        run.font.size = Pt(size)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)  # noqa: SLF001 - python-docx has no API for fields
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)  # noqa: SLF001
    end = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)  # noqa: SLF001


def fill_headers(section: Section, mark: str | None) -> None:
    """The first section's headers: the page number from the second page, and the mark.

    The page number is centred in the top margin, in Arabic numerals, 14 pt, and not on
    the first page (Phụ lục I, page numbers: 13–14 pt, upright, centred in the top
    margin, the first page not numbered). ``mark`` (simulated data) is on every page,
    the first included. The other sections use the same headers (linked to the
    previous section).
    """
    header = section.header
    number = header.paragraphs[0]
    number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number, SIZES["page_number"])
    first = section.first_page_header
    first.is_linked_to_previous = False
    if mark is None:
        return
    for part in (header, first):
        paragraph = part.add_paragraph() if part is header else part.paragraphs[0]
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(paragraph, mark, size=SIZES["mark"], bold=True, colour="C00000")


# -- tables --------------------------------------------------------------------------------


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr  # noqa: SLF001 - python-docx has no API for borders
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    insert_in_order(tbl_pr, borders)


def _cell_margins(table: Table, mm: float) -> None:
    tbl_pr = table._tbl.tblPr  # noqa: SLF001 - python-docx has no API for cell margins
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(mm * 1440 / 25.4)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    insert_in_order(tbl_pr, margins)


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid = table._tbl.tblGrid  # noqa: SLF001 - the grid's widths, which LibreOffice reads
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(round(width * 1440 / 25.4)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def layout_table(document: Document, widths_mm: Sequence[float]) -> Table:
    """A table without borders or cell margins: the heading, the signature block."""
    table: Table = document.add_table(rows=1, cols=len(widths_mm))
    _no_borders(table)
    _cell_margins(table, 0)
    _widths(table, widths_mm)
    empty_cells(table.rows[0].cells)
    return table


def empty_cells(cells: Sequence[_Cell]) -> None:
    """Take the empty paragraph out of new cells, so that each starts with its content."""
    for cell in cells:
        cell._tc.remove(cell.paragraphs[0]._p)  # noqa: SLF001 - python-docx always adds one


def grid_table(  # noqa: PLR0913 - a table's content and look, keyword-only
    container: Container,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    *,
    size: float,
    align: Sequence[str] = (),
    bold_last: bool = False,
) -> Table:
    """A table with borders: a bold, centred header row repeated on every page, the rows.

    ``align`` gives each column's alignment (``"l"``, ``"c"``, ``"r"``; left by
    default); ``bold_last`` sets the last row in bold (a total).
    """
    table = container.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    _widths(table, widths_mm)
    _cell_margins(table, 1.5)
    aligns = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER}
    aligns["r"] = WD_ALIGN_PARAGRAPH.RIGHT
    head = table.rows[0]
    head_pr = head._tr.get_or_add_trPr()  # noqa: SLF001 - python-docx has no API for it
    insert_in_order(head_pr, OxmlElement("w:tblHeader"))
    for i, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        row_pr = row._tr.get_or_add_trPr()  # noqa: SLF001
        insert_in_order(row_pr, OxmlElement("w:cantSplit"))
        for j, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            column = align[j] if j < len(align) else "l"
            paragraph.paragraph_format.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER if i == 0 else aligns[column]
            )
            paragraph.paragraph_format.space_before = Pt(1)
            paragraph.paragraph_format.space_after = Pt(1)
            bold = i == 0 or (bold_last and i == len(rows))
            add_run(paragraph, value, size=size, bold=bold)
    return table


# -- the file ------------------------------------------------------------------------------


def drop_thumbnail(document: Document) -> None:
    """Remove the template's thumbnail (a picture of another document)."""
    package = document.part.package
    thumbnail = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
    for rid, relationship in list(package.rels.items()):
        if relationship.reltype == thumbnail:
            del package.rels[rid]
