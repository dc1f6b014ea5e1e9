"""The results of the report's body in sentences: by the plan's tasks, by each agency's duties.

The section "Kết quả thực hiện" of the report as a document (Markdown, HTML, Word)
weaves the whole area's result of each indicator into a sentence ("Trong kỳ, tiếp nhận
35 tin tố giác, tin báo về tội phạm, kiến nghị khởi tố. Đã phân loại 33/35 tin
(94,3%)."), with the words each indicator's definition gives
(:class:`~threeno.indicators.definitions.Sentence`), and groups the sentences as the
plan groups its work (:func:`result_parts`):

1. by the plan's tasks: one group per section of the plan that a duty serves (its
   ``task_area``: "Công tác tuyên truyền", …), under the section's own heading, with the
   indicators the plan's duties of that section name. An indicator that only a purpose
   names (not a duty) is written with the first section (in the plan's order) whose
   duties name another indicator of that purpose, else under the purposes' own section
   ("Mục đích, yêu cầu"); an indicator the plan does not name at all comes last, in a
   group of its own;
2. by each agency's duties: one group per agency of the plan (but the Steering
   Committee, whose duties are the tasks above) whose duties name an indicator: those it
   leads, then those it takes part in.

Every number is the view's (:func:`threeno.reporting.view.build_view`), so a published
report (``suppress_below``) writes a hidden number as its mark
(:data:`threeno.privacy.HIDDEN_MARK`), never the number, and a result with no data says
so instead of a number that looks measured.

Plan clauses: II (the key tasks), III (the assignment of duties), IV.2 (the report the
standing body consolidates).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from threeno.indicators.catalogue import CATALOGUE_IDS, get
from threeno.lang import Lang, number, percent
from threeno.model.plan_parts import AgencyRole
from threeno.privacy import HIDDEN_MARK
from threeno.reporting._document_words import WORDS
from threeno.reporting.view._words import figure_label

if TYPE_CHECKING:
    from threeno.model.plan import Plan
    from threeno.reporting.view import Cell, IndicatorView, ReportView

__all__ = ["Group", "Part", "result_parts", "sentence"]


@attrs.frozen(kw_only=True)
class Group:
    """The sentences of one task of the plan, or of one agency's duties.

    Args:
        title: the task's heading as the plan writes it, or the agency's name (``""``
            for the one group of a report without a plan).
        sentences: one per indicator, each a sentence (capitalised, ending in ".").
        partner_sentences: for an agency, those of the duties it takes part in
            ("phối hợp") but does not lead.

    .. versionadded:: 0.2.0
    """

    title: str
    sentences: tuple[str, ...]
    partner_sentences: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Part:
    """A part of the results: by the plan's tasks, or by the agencies' duties.

    .. versionadded:: 0.2.0
    """

    title: str
    groups: tuple[Group, ...]


def _count(cell: Cell, lang: Lang, *, denominator: bool = False) -> str:
    """A number of a cell as a sentence writes it: grouped, or the mark if hidden."""
    value = cell.denominator if denominator else cell.numerator
    return HIDDEN_MARK if value is None else number(value, lang)


def sentence(ind: IndicatorView, lang: Lang) -> str:
    """The whole area's result of an indicator in a sentence.

    With the words of the indicator's definition; with no data, a sentence that says so;
    an indicator without words (none of the catalogue's) is written as its name and
    value.

    >>> from threeno.indicators.engine import evaluate
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan
    >>> from threeno.reporting.sentences import sentence
    >>> from threeno.reporting.view import build_view
    >>> plan = load_plan("lai-chau-2024")
    >>> result = evaluate(plan, Dataset(), plan.period("2024-H1"), indicators=["reports.received"])
    >>> sentence(build_view(result, plan=plan).indicators[0], "vi")
    'Số tố giác, tin báo về tội phạm, kiến nghị khởi tố được tiếp nhận: không có số liệu.'
    """
    w = WORDS[lang]
    total = ind.rows[-1]
    cell = total.cell
    hidden = cell.suppressed
    if not total.has_data or (cell.value is None and not hidden):
        return w["no_data_sentence"].format(name=ind.name)
    words = get(ind.id).sentence if ind.id in CATALOGUE_IDS else None
    if words is None:
        return f"{ind.name}: {cell.text}."
    pct = "" if cell.value is None or cell.denominator is None else percent(cell.value, lang)
    text = words.text(lang).format(
        n=_count(cell, lang),
        d=_count(cell, lang, denominator=True),
        pct=f" ({pct})" if pct else "",
    )
    figures = dict(ind.figures)
    for key, clause in words.clauses(lang):
        found = figures.get(figure_label(key, lang))
        if found is not None and (found.suppressed or found.numerator):
            text += clause.format(n=_count(found, lang))
    return f"{text[:1].upper()}{text[1:]}."


def _heading(title: str) -> str:
    """A heading of the plan in a sentence's case: the plan writes its top ones in capitals."""
    return f"{title[:1]}{title[1:].lower()}" if title.isupper() else title


def _task_areas(plan: Plan, shown: list[str]) -> dict[str, list[str]]:
    """The indicators shown by the section of the plan they are written under."""
    areas: dict[str, list[str]] = {}
    for duty in plan.duties:
        for ind in duty.indicators:
            if ind in shown:
                areas.setdefault(duty.task_area, []).append(ind)
    placed = {i for ids in areas.values() for i in ids}
    order = [s.id for s in plan.sections]
    for purpose in plan.purposes:
        rest = [i for i in purpose.indicators if i in shown and i not in placed]
        if not rest:
            continue
        sharing = [a for a in order if a in areas and set(areas[a]) & set(purpose.indicators)]
        home = sharing[0] if sharing else (purpose.parent or purpose.id)
        areas.setdefault(home, []).extend(rest)
        placed |= set(rest)
    ranked = {s: i for i, s in enumerate(order)}
    return {
        area: sorted(set(ids), key=shown.index)
        for area, ids in sorted(areas.items(), key=lambda item: ranked.get(item[0], len(order)))
    }


def result_parts(view: ReportView, plan: Plan | None) -> tuple[Part, ...]:
    """The results in sentences: by the plan's tasks, then by each agency's duties.

    Without a plan, one part of one group: every indicator's sentence in the report's
    order.

    Plan clauses: II, III, IV.
    """
    lang: Lang = "vi" if view.lang == "vi" else "en"
    w = WORDS[lang]
    by_id = {ind.id: ind for ind in view.indicators}
    shown = list(by_id)
    if plan is None:
        everything = Group(title="", sentences=_sentences(by_id, shown, lang))
        return (Part(title="", groups=(everything,)),)
    titles = {s.id: (s.title_vi if lang == "vi" else s.title_en) for s in plan.sections}
    areas = _task_areas(plan, shown)
    tasks = [
        Group(title=_heading(titles.get(area, area)), sentences=_sentences(by_id, ids, lang))
        for area, ids in areas.items()
    ]
    placed = {i for ids in areas.values() for i in ids}
    others = [i for i in shown if i not in placed]
    if others:
        tasks.append(Group(title=w["other_indicators"], sentences=_sentences(by_id, others, lang)))
    agencies = []
    for agency in plan.agencies:
        if AgencyRole.STEERING_COMMITTEE in agency.roles:
            continue
        duties = plan.duties_of(agency.id)
        lead = [i for d in duties if d.agency == agency.id for i in d.indicators if i in by_id]
        partner = [i for d in duties if d.agency != agency.id for i in d.indicators if i in by_id]
        partner = [i for i in partner if i not in lead]
        if lead or partner:
            agencies.append(
                Group(
                    title=agency.name_vi if lang == "vi" else agency.name_en,
                    sentences=_sentences(by_id, _ordered(lead, shown), lang),
                    partner_sentences=_sentences(by_id, _ordered(partner, shown), lang),
                )
            )
    parts = [Part(title=w["results_by_task"], groups=tuple(tasks))]
    if agencies:
        parts.append(Part(title=w["results_by_agency"], groups=tuple(agencies)))
    return tuple(parts)


def _ordered(ids: list[str], shown: list[str]) -> list[str]:
    return sorted(set(ids), key=shown.index)


def _sentences(by_id: dict[str, IndicatorView], ids: list[str], lang: Lang) -> tuple[str, ...]:
    return tuple(sentence(by_id[i], lang) for i in ids)
