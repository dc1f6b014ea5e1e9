"""The report as a document: its skeleton, the same in Markdown, HTML and Word.

:func:`build_document` puts together what the report says besides its tables, once for
every format that writes it as a document (:func:`threeno.reporting.render.render`'s
``md`` and ``html``, :func:`threeno.reporting.docx.render_docx`):

- the frame (:class:`~threeno.reporting.letterhead.Frame`): the issuing body, the
  number, the place and date, "BÁO CÁO" and the summary, "Kính gửi", the opening and
  closing sentences, "Nơi nhận" and the signature block;
- the body's sections in order (:data:`~threeno.reporting.narrative.SECTIONS`:
  situation; results; assessment; shortcomings; next period; proposals), each with the
  office's own paragraphs from a narrative (:func:`~threeno.reporting.narrative.parse_narrative`),
  or a line saying they are to be written;
- in the results, the numbers woven into sentences, by the plan's tasks and by each
  agency's duties (:func:`threeno.reporting.sentences.result_parts`); in the assessment,
  the table of the indicators (the formats lay it out from the view);
- the annexes after the body, numbered I, II, …: the indicators by unit, their
  breakdowns, the cases not meeting an indicator (when there are any), the data's
  sources and quality, and the codes for tools.

Source: Nghị định 30/2020/NĐ-CP của Chính phủ về công tác văn thư, Art. 8 and Phụ lục I
(the parts of an administrative document and their order).
Plan clauses: II, III (the results by task and by agency), IV.2 (the report the
standing body consolidates).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from threeno.reporting._document_words import WORDS
from threeno.reporting.letterhead import Letterhead, make_frame
from threeno.reporting.narrative import ROMAN, SECTIONS, Paragraph, parse_narrative
from threeno.reporting.sentences import Part, result_parts

if TYPE_CHECKING:
    from threeno.lang import Lang
    from threeno.model.plan import Plan
    from threeno.reporting.letterhead import Frame
    from threeno.reporting.view import ReportView

__all__ = ["Annex", "BodySection", "DocumentView", "build_document"]

#: The sections the report fills itself (the results' sentences, the assessment's
#: table), so that they need no line saying the office is to write them.
_FILLED = frozenset({"results", "assessment"})


@attrs.frozen(kw_only=True)
class BodySection:
    """One section of the body: its number and heading, the office's paragraphs.

    Args:
        key: the section's key (``"situation"``, ``"results"``, …).
        number: its Roman numeral.
        heading: its heading in the report's language.
        paragraphs: the office's paragraphs for it, from the narrative, in order.
        placeholder: the line a format shows when the office has written nothing and
            the report fills nothing in it (``None`` otherwise).

    .. versionadded:: 0.2.0
    """

    key: str
    number: str
    heading: str
    paragraphs: tuple[Paragraph, ...]
    placeholder: str | None


@attrs.frozen(kw_only=True)
class Annex:
    """An annex: its key, its number ("I") and its label and title in the report's language.

    .. versionadded:: 0.2.0
    """

    key: str
    number: str
    label: str
    title: str


@attrs.frozen(kw_only=True)
class DocumentView:
    """What the report says as a document, besides the view's tables.

    Args:
        frame: the texts of the frame (:class:`~threeno.reporting.letterhead.Frame`).
        dated: whether the place or the date was given at run time (Markdown and HTML
            then write the date line; Word always does, with blanks to fill in).
        sections: the body's sections, in order.
        results: the results in sentences, by task and by agency.
        see_annexes: the sentence that says which annex holds what.
        assessment_lead: the line before the assessment's table.
        as_partner: the words before the duties an agency takes part in.
        annexes: the annexes, in order.

    .. versionadded:: 0.2.0
    """

    frame: Frame
    dated: bool
    sections: tuple[BodySection, ...]
    results: tuple[Part, ...]
    see_annexes: str
    assessment_lead: str
    as_partner: str
    annexes: tuple[Annex, ...]

    def annex(self, key: str) -> Annex | None:
        """The annex ``key`` (``"units"``, ``"failing"``, …), or ``None`` when there is none."""
        return next((a for a in self.annexes if a.key == key), None)


def _annexes(view: ReportView, lang: Lang) -> tuple[Annex, ...]:
    w = WORDS[lang]
    keys = ["units", "breakdowns"]
    if any(
        ind.failing or ind.failing_more or ind.in_progress or ind.in_progress_more
        for ind in view.indicators
    ):
        keys.append("failing")
    keys += ["quality", "codes"]
    return tuple(
        Annex(
            key=key, number=ROMAN[i], label=w["annex"].format(n=ROMAN[i]), title=w[f"annex_{key}"]
        )
        for i, key in enumerate(keys)
    )


def build_document(
    view: ReportView,
    plan: Plan | None,
    *,
    letterhead: Letterhead | None = None,
    narrative: str | None = None,
    mark: str | None = None,
) -> DocumentView:
    """The report as a document, from its view, the plan, the letterhead and the narrative.

    >>> from threeno.indicators.engine import evaluate
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan
    >>> from threeno.reporting.document import build_document
    >>> from threeno.reporting.view import build_view
    >>> plan = load_plan("lai-chau-2024")
    >>> result = evaluate(plan, Dataset(), plan.period("2024-H1"), indicators=["reports.received"])
    >>> doc = build_document(build_view(result, plan=plan), plan)
    >>> [(s.number, s.heading) for s in doc.sections][:2]
    [('I', 'Đặc điểm tình hình'), ('II', 'Kết quả thực hiện')]

    Args:
        view: the report's view (:func:`threeno.reporting.view.build_view`).
        plan: the plan evaluated: its issuer, sections, duties and agencies.
        letterhead: what is given at run time (:class:`~threeno.reporting.letterhead.Letterhead`).
        narrative: the office's paragraphs, a Markdown text of sections by heading.
        mark: the mark of simulated data, or ``None``.

    Raises:
        ValidationError: for a narrative with text before its first section, naming
            the line (:func:`~threeno.reporting.narrative.parse_narrative`).
    """
    lang: Lang = "vi" if view.lang == "vi" else "en"
    w = WORDS[lang]
    given = letterhead or Letterhead()
    parts = parse_narrative(narrative) if narrative is not None else {}
    sections = tuple(
        BodySection(
            key=key,
            number=ROMAN[i],
            heading=vi if lang == "vi" else en,
            paragraphs=tuple(parts.get(key, ())),
            placeholder=None if key in _FILLED or parts.get(key) else w["placeholder"],
        )
        for i, (key, vi, en) in enumerate(SECTIONS)
    )
    annexes = _annexes(view, lang)
    numbers = {a.key: a.number for a in annexes}
    return DocumentView(
        frame=make_frame(view, plan, given, mark=mark),
        dated=given.issued_on is not None or given.place is not None,
        sections=sections,
        results=result_parts(view, plan),
        see_annexes=w["see_annexes"].format(
            units=numbers["units"], breakdowns=numbers["breakdowns"], quality=numbers["quality"]
        ),
        assessment_lead=w["assessment_lead"],
        as_partner=w["as_partner"],
        annexes=annexes,
    )
