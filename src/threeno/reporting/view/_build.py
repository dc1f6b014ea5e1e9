"""Building the view of an evaluation: each part from its module, put together once.

Plan clauses: IV.2 (the standing body consolidates the six-monthly and yearly reports).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threeno.errors import ValidationError
from threeno.lang import check_lang
from threeno.reporting import publication
from threeno.reporting.view import _indicators
from threeno.reporting.view._charts import chart
from threeno.reporting.view._classes import IndicatorView, ReportView
from threeno.reporting.view._publication import Publication, published_quality, threshold
from threeno.reporting.view._quality import quality
from threeno.reporting.view._top import header, overview, settings
from threeno.reporting.view._words import words

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from threeno.indicators.results import Evaluation, IndicatorSet
    from threeno.io.report import LoadReport
    from threeno.lang import Lang
    from threeno.model.plan import Plan
    from threeno.privacy import Suppression
    from threeno.reporting.publication import CountKey

__all__ = ["build_view"]


def build_view(  # noqa: PLR0913 - the report's options, all keyword-only
    evaluation: Evaluation,
    *,
    lang: Lang = "vi",
    plan: Plan | None = None,
    load_report: LoadReport | None = None,
    generated_on: dt.date | None = None,
    suppress_below: int | None = None,
) -> ReportView:
    """Build the report of an evaluation, in one language.

    Args:
        evaluation: the evaluation to report.
        lang: ``"vi"`` (the default) or ``"en"``.
        plan: the plan evaluated, for its title, number, area and agency names; without
            it the header names the plan by id and agencies keep their ids.
        load_report: the load report of the data, for the data-quality section.
        generated_on: the date to print as the report's date; none by default, so the
            same evaluation always gives the same report.
        suppress_below: ``k`` for a published report: every count from 1 to ``k - 1``,
            and the counts that would let a reader narrow one to fewer than ``k``
            values (:func:`threeno.reporting.publication.marks`), show as ``x``;
            shares with a hidden part lose their percentage, and no record is listed
            (no failing records, no rejections, problems, notes or placement lines);
            of the data quality, only
            the totals read, accepted and rejected stay. ``None`` (the default): an
            internal report, nothing hidden.

    Returns:
        The :class:`ReportView`.

    Raises:
        LanguageError: for a language other than ``"vi"`` or ``"en"``.
        ValidationError: for a plan other than the one evaluated, or a threshold that is
            not a whole number 2 or more.

    Plan clauses: IV.2.
    """
    k = threshold(suppress_below)
    code = check_lang(lang)
    marks = None if k is None else publication.marks(evaluation, k)
    if plan is not None and plan.id != evaluation.plan_id:
        msg = f"the evaluation is of plan {evaluation.plan_id}, not {plan.id}"
        raise ValidationError(msg, cls_name="render", field="plan")
    internal = quality(evaluation.data_quality, load_report, code)
    return ReportView(
        lang=code,
        words=words(code),
        explain_mode=evaluation.explain_mode,
        header=header(evaluation, plan, code, generated_on),
        overview=overview(evaluation, load_report, code),
        settings=settings(evaluation, plan, code),
        indicators=tuple(
            _indicator(s, code, plan, marks, evaluation.explain_mode)
            for s in evaluation.results.values()
        ),
        quality=internal if k is None else published_quality(internal),
        suppress_below=k,
    )


def _indicator(
    indicator_set: IndicatorSet,
    lang: Lang,
    plan: Plan | None,
    marks: Mapping[CountKey, Suppression] | None,
    explain_mode: str,
) -> IndicatorView:
    """Everything the report shows of one indicator; in a published report, with marks."""
    ind = indicator_set.indicator
    total = indicator_set.total
    rows = _indicators.rows(indicator_set, lang, plan)
    breakdowns = _indicators.breakdowns(total, lang, plan)
    figures = _indicators.figures(total, lang)
    names = {r.unit.code: r.unit.full_name for r in indicator_set.by_unit.values() if r.unit}
    failing, omitted = _indicators.failing(total, lang, names)
    underway, underway_omitted = _indicators.in_progress(total, lang, names)
    if marks is not None:
        rows, breakdowns, figures = Publication(indicator_set, marks, lang).apply(
            rows, breakdowns, figures
        )
        failing, omitted = (), 0  # a list of records would give a small count away
        underway, underway_omitted = (), 0
    view = IndicatorView(
        id=ind.id,
        name=ind.name(lang),
        clauses=indicator_set.clauses,
        citations=tuple(c if plan is None else plan.cite(c, lang) for c in indicator_set.clauses),
        kind=ind.kind.value,
        kind_label=ind.kind.label(lang),
        numerator=ind.numerator(lang),
        denominator=ind.denominator(lang),
        target=_indicators.target(total, lang, plan),
        rows=rows,
        breakdowns=breakdowns,
        figures=figures,
        failing=failing,
        failing_omitted=omitted,
        in_progress=underway,
        in_progress_omitted=underway_omitted,
        chart=chart(indicator_set, rows, lang),
    )
    return _indicators.failing_more(view, explain_mode, lang)
