"""The consolidated report as a Word file, in the layout of Nghị định 30/2020/NĐ-CP.

:func:`render_docx` writes the report of an evaluation (what
:func:`threeno.reporting.view.build_view` builds, as every other format shows it) as an
administrative document a Vietnamese office can finish, sign and send: A4, the
decree's margins, Times New Roman; the heading with the issuing body (the plan's issuer,
and the body above it when given) beside the national title and motto; "Số: …/BC-…";
the place and date in italics; "BÁO CÁO" and its summary; "Kính gửi"; the body, with
the sections an office writes its own paragraphs in
(:func:`~threeno.reporting.narrative.parse_narrative`), the results in sentences and
the table of the indicators by name (the skeleton Markdown and HTML share,
:func:`threeno.reporting.document.build_document`); "Nơi nhận" and the signature block;
page numbers from the second page; and the annexes on landscape pages, each "Phụ lục I, II, …" with
"(Kèm theo Báo cáo số … ngày … của …)": the indicators by unit, their breakdowns, the
cases not meeting an indicator, the data's sources and quality, and the codes for tools.

What a plan does not say comes from a :class:`~threeno.reporting.letterhead.Letterhead`,
given at run time (the command's options or a small TOML file,
:func:`~threeno.reporting.letterhead.load_letterhead`): the number, the date
of issue, the place, the recipients, the body above the issuer, and the signer's name;
no file of the project holds a person's name. Left out, each is a space to fill in.

Source: Nghị định 30/2020/NĐ-CP của Chính phủ về công tác văn thư, Art. 8 (the parts of
an administrative document) and Phụ lục I (their layout); the measures are in
``threeno.reporting._docx_layout``. The same inputs give the same bytes.
Plan clauses: IV.2 (the standing body consolidates the six-monthly and yearly reports).

Needs python-docx: ``pip install 'threeno[docx]'``.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from threeno.errors import ThreenoError
from threeno.io._atomic import fixed_zip
from threeno.reporting.document import build_document
from threeno.reporting.letterhead import (
    LETTERHEAD_KEYS,
    Frame,
    Letterhead,
    dateline_date,
    load_letterhead,
)
from threeno.reporting.narrative import parse_narrative
from threeno.reporting.render import SIMULATED_MARK
from threeno.reporting.view import build_view

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.lang import Lang
    from threeno.model.plan import Plan
    from threeno.reporting.view import ReportView

# Letterhead, Frame, load_letterhead, dateline_date and parse_narrative were defined here
# before Markdown and HTML shared them: still exported from here, and documented where
# they are defined (threeno.reporting.letterhead, threeno.reporting.narrative).
__all__ = [
    "LETTERHEAD_KEYS",
    "Frame",
    "Letterhead",
    "dateline_date",
    "load_letterhead",
    "parse_narrative",
    "render_docx",
]


def render_docx(  # noqa: PLR0913 - the report's options, all keyword-only
    evaluation: Evaluation,
    *,
    lang: Lang = "vi",
    plan: Plan | None = None,
    load_report: LoadReport | None = None,
    suppress_below: int | None = None,
    letterhead: Letterhead | None = None,
    narrative: str | None = None,
    simulated: bool = False,
) -> bytes:
    """The consolidated report as a Word file (.docx), in the decree's layout.

    >>> from threeno.indicators.engine import evaluate
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan
    >>> from threeno.reporting.docx import Letterhead, render_docx
    >>> plan = load_plan("lai-chau-2024")
    >>> result = evaluate(plan, Dataset(), plan.period("2024-H1"), indicators=["reports.resolved"])
    >>> data = render_docx(result, plan=plan, letterhead=Letterhead(number="5"))
    >>> data[:2], data == render_docx(result, plan=plan, letterhead=Letterhead(number="5"))
    (b'PK', True)

    Args:
        evaluation: the evaluation (:func:`threeno.indicators.engine.evaluate`).
        lang: ``"vi"`` (the default) or ``"en"``.
        plan: the plan evaluated: its issuer, number, title and signature block.
        load_report: the data's load report, for the annex on the data's quality.
        suppress_below: ``k`` for a report to publish (as
            :func:`threeno.reporting.render.render`).
        letterhead: the number, date, place, recipients, signer and the body above
            the issuer, given at run time
            (:class:`~threeno.reporting.letterhead.Letterhead`).
        narrative: the office's paragraphs, a Markdown text of sections by heading
            (:func:`~threeno.reporting.narrative.parse_narrative`).
        simulated: whether the data are the bundled synthetic data: the document then
            says so (:data:`threeno.reporting.render.SIMULATED_MARK`) in its first line
            and at the top of every page.

    Returns:
        The file's bytes; the same inputs give the same bytes.

    Raises:
        ThreenoError: when python-docx is not installed.
        ValidationError: as :func:`~threeno.reporting.view.build_view`, and for a
            narrative with text before its first section.
        LanguageError: for a language other than ``"vi"`` or ``"en"``.

    Plan clauses: IV.2.

    .. versionadded:: 0.2.0
    """
    try:
        import docx  # noqa: PLC0415 - an optional dependency
    except ImportError:  # pragma: no cover - the tests run with the extra
        msg = "the Word report needs python-docx: pip install 'threeno[docx]'"
        raise ThreenoError(msg) from None
    from threeno.reporting import _docx_layout as lay  # noqa: PLC0415 - imports python-docx
    from threeno.reporting._docx_body import Builder  # noqa: PLC0415

    view = build_view(
        evaluation, lang=lang, plan=plan, load_report=load_report, suppress_below=suppress_below
    )
    mark = SIMULATED_MARK["vi" if view.lang == "vi" else "en"] if simulated else None
    doc = build_document(view, plan, letterhead=letterhead, narrative=narrative, mark=mark)
    frame = doc.frame
    document = docx.Document()
    lay.prepare(document, lang=view.lang)
    lay.drop_thumbnail(document)
    section = document.sections[0]
    lay.setup_section(section, landscape=False, restart_numbering=False)
    lay.fill_headers(section, frame.mark)
    builder = Builder(document, view, doc)
    builder.mark()
    builder.heading()
    builder.title()
    builder.recipients()
    builder.body()
    builder.signature()
    builder.annexes()
    _properties(document, frame, view)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), frame.issued_on or view.header.end)


def _properties(document: object, frame: Frame, view: ReportView) -> None:
    """The file's properties: the summary as title, dates fixed by the inputs."""
    from docx.document import Document  # noqa: PLC0415 - an optional dependency

    assert isinstance(document, Document)  # noqa: S101 - for the type checker
    props = document.core_properties
    when = dt.datetime.combine(frame.issued_on or view.header.end, dt.time(), tzinfo=dt.UTC)
    props.author = frame.issuer
    props.last_modified_by = ""
    props.comments = ""
    props.title = frame.summary
    props.subject = ""
    props.language = "vi-VN" if view.lang == "vi" else "en-GB"
    props.created = when
    props.modified = when
    props.revision = 1
