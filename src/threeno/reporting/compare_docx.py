"""The comparison of a plan and revisions of it as a Word file.

:func:`comparison_docx` writes what every format of the comparison shows
(:class:`~threeno.reporting.compare_view.ComparisonView`, with the same words) in the
layout of the consolidated report's Word file (:mod:`threeno.reporting.docx`): A4, the
decree's margins, Times New Roman and its sizes, page numbers from the second page. A
portrait page has the title, the two sides and what the alternative changes; landscape
pages have the tables: the whole area's results of every indicator, then for each
indicator that changed its units, its breakdown categories and the records classified
differently, by id only, with each side's reason (dates, codes and labels: never a
person's data). Several comparisons follow one another, each from a new page.

A comparison is a working document, not an administrative one: it has no number,
recipients or signature block. The bytes depend only on the comparison (every part of
the file, and its core properties, dated the last day of the period).

Source: Nghị định 30/2020/NĐ-CP, Phụ lục I (page, margins, font and sizes), as
``threeno.reporting._docx_layout`` measures them.
Plan clauses: IV.2 (the reports of the standing body).

Needs python-docx: ``pip install 'threeno[docx]'``.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any, Final

from threeno.errors import ThreenoError
from threeno.io._atomic import fixed_zip
from threeno.lang import count

if TYPE_CHECKING:
    from collections.abc import Sequence

    from threeno.reporting.compare_view import ComparisonView, Line, Row

__all__ = ["comparison_docx"]

#: Column widths (mm) of the tables on a landscape page, 252 mm between the margins
#: (297 - 30 - 15): the results (name or unit, both sides, difference, status), the
#: categories (category, both sides, difference), the records (id, both sides).
_RESULT_MM: Final = (80, 45, 45, 40, 42)
_CATEGORY_MM: Final = (102, 50, 50, 50)
_RECORD_MM: Final = (42, 105, 105)


def comparison_docx(views: Sequence[ComparisonView], *, day: dt.date, mark: str | None) -> bytes:
    """The comparisons as a Word file (.docx): the same inputs give the same bytes.

    Args:
        views: one view per comparison, in one language (the first's).
        day: the date of every part of the file (the period's last day).
        mark: the mark of simulated data, on every page (none for real data).

    Raises:
        ThreenoError: when python-docx is not installed.
    """
    try:
        import docx  # noqa: PLC0415 - an optional dependency
    except ImportError:  # pragma: no cover - the tests run with the extra
        msg = "the Word comparison needs python-docx: pip install 'threeno[docx]'"
        raise ThreenoError(msg) from None
    from threeno.reporting import _docx_layout as lay  # noqa: PLC0415 - imports python-docx

    document = docx.Document()
    lang = views[0].lang
    lay.prepare(document, lang=lang)
    lay.drop_thumbnail(document)
    first = document.sections[0]
    lay.setup_section(first, landscape=False, restart_numbering=False)
    lay.fill_headers(first, mark)
    for i, view in enumerate(views):
        if i:
            _section(document, landscape=False)
        _front(document, view, mark if i == 0 else None)
        _section(document, landscape=True)
        _tables(document, view)
    props = document.core_properties
    when = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    props.author = "threeno"
    props.last_modified_by = ""
    props.comments = ""
    props.title = views[0].words["title"]
    props.subject = ""
    props.language = "vi-VN" if lang == "vi" else "en-GB"
    props.created = when
    props.modified = when
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), day)


def _section(document: Any, *, landscape: bool) -> None:  # noqa: ANN401 - a python-docx Document
    from docx.enum.section import WD_SECTION  # noqa: PLC0415

    from threeno.reporting import _docx_layout as lay  # noqa: PLC0415

    section = document.add_section(WD_SECTION.NEW_PAGE)
    lay.setup_section(section, landscape=landscape, restart_numbering=False)


def _heading(document: Any, text: str) -> None:  # noqa: ANN401 - a python-docx Document
    from threeno.reporting import _docx_layout as lay  # noqa: PLC0415

    size = lay.SIZES["body"]
    lay.add_paragraph(
        document, text, size=size, bold=True, space_before=6, space_after=6, keep_with_next=True
    )


def _line(document: Any, line: Line) -> None:  # noqa: ANN401 - a python-docx Document
    """``label: text — note``, the label in bold, as the Markdown comparison writes it."""
    from threeno.reporting import _docx_layout as lay  # noqa: PLC0415

    paragraph = lay.body_paragraph(document)
    size = lay.SIZES["body"]
    lay.add_run(paragraph, f"{line.label}: ", size=size, bold=True)
    lay.add_run(paragraph, line.text + (f" — {line.note}" if line.note else ""), size=size)


def _front(document: Any, view: ComparisonView, mark: str | None) -> None:  # noqa: ANN401
    """The first page: the mark, the title, the sides, the overview, the changes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    from threeno.reporting import _docx_layout as lay  # noqa: PLC0415
    from threeno.reporting.compare_view import Line  # noqa: PLC0415

    w = view.words
    if mark is not None:
        lay.add_paragraph(document, mark, size=lay.SIZES["mark"], bold=True, space_after=6)
    center = WD_ALIGN_PARAGRAPH.CENTER
    size = lay.SIZES["type"]
    lay.add_paragraph(document, w["title"], size=size, bold=True, align=center, space_after=12)
    _line(document, Line(label=w["plan"], text=view.plan))
    _line(document, Line(label=w["period"], text=view.period))
    for line in (view.baseline, view.alternative, *view.overview):
        _line(document, line)
    _heading(document, w["differences"])
    for line in view.differences:
        _line(document, line)
    if not view.differences:
        lay.body_paragraph(document, w["no_difference"])


def _cells(row: Row, *, first: str, status: bool) -> list[str]:
    cells = [first, row.baseline, row.alternative, row.delta]
    return [*cells, row.status] if status else cells


def _tables(document: Any, view: ComparisonView) -> None:  # noqa: ANN401 - a Document
    """The landscape pages: the whole area's results, then each indicator that changed."""
    from threeno.reporting import _docx_layout as lay  # noqa: PLC0415

    w = view.words
    size = lay.SIZES["table"]
    sides = [w["baseline"], w["alternative"], w["delta"]]
    right = ("l", "r", "r", "r", "l")
    _heading(document, w["summary"])
    rows = [_cells(row, first=row.name, status=True) for row in view.summary]
    head = [w["name"], *sides, w["status"]]
    lay.grid_table(document, head, rows, _RESULT_MM, size=size, align=right)
    _heading(document, w["changed"])
    if not view.indicators:
        lay.body_paragraph(document, w["unchanged_all"])
    for ind in view.indicators:
        _heading(document, ind.name)
        rows = [_cells(row, first=row.unit, status=True) for row in ind.rows]
        head = [w["unit"], *sides, w["status"]]
        lay.grid_table(document, head, rows, _RESULT_MM, size=size, align=right, bold_last=True)
        if ind.categories:
            _heading(document, w["categories"])
            rows = [_cells(row, first=row.unit, status=False) for row in ind.categories]
            head = [w["category"], *sides]
            lay.grid_table(document, head, rows, _CATEGORY_MM, size=size, align=right)
        if ind.records:
            n = count(len(ind.records), "trường hợp", "records", view.lang)
            _heading(document, f"{w['records']} ({n})")
            rows = [[r.record_id, r.baseline, r.alternative] for r in ind.records]
            head = [w["record"], w["baseline"], w["alternative"]]
            lay.grid_table(document, head, rows, _RECORD_MM, size=size)
