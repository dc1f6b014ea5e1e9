"""What if: a plan and a revision of it (or another plan) compared on the same records.

:func:`compare` evaluates a baseline and an alternative in one pass over the records
(:mod:`threeno.indicators.multi`) and returns a :class:`Comparison`: for every indicator,
unit and breakdown category, both results and the difference (:class:`Difference`); the
records whose classification changed, with the reason each way, as the evaluations'
explanations give it (:class:`RecordChange`); and the results whose status against the
target changed (:attr:`Comparison.status_changes`). :func:`compare_evaluations` compares
two evaluations already made (both with ``explain="all"``, so that every record's
classification is known).

A record's classification for an indicator is where its explanation puts it, and in
which unit: *counted* (in the numerator), *failing* (in the denominator, not the
numerator), *apart* (shown apart, in neither), or *absent* (not considered: outside the
indicator's universe for the period, or left out for its unit code, which the change
then names). A record whose classification differs between the two sides is listed,
once per indicator.

Plan clauses: every clause of the catalogue; the targets of I.3, I.5, II.2.b, II.3.b,
IV.2.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final, Literal

import attrs

from threeno.errors import ValidationError
from threeno.indicators.explanation import Reason  # noqa: TC001 - attrs reads the annotations
from threeno.indicators.multi import Evaluators
from threeno.indicators.results import Evaluation, IndicatorResult, IndicatorSet, Status
from threeno.indicators.settings import EvaluationSettings
from threeno.model.dataset import RECORD_TYPES, Dataset
from threeno.model.period import ReportingPeriod  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.model.plan import Plan, Target
from threeno.model.revision import Revision

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from threeno.indicators.definitions import Indicator
    from threeno.indicators.explanation import Entry
    from threeno.lang import Lang
    from threeno.model.dataset import Record

__all__ = [
    "SCHEMA",
    "Comparison",
    "Difference",
    "Numbers",
    "RecordChange",
    "RecordState",
    "Side",
    "compare",
    "compare_all",
    "compare_evaluations",
]

#: The ``schema`` key of :meth:`Comparison.to_dict`.
SCHEMA: Final = "threeno-comparison/1"

#: Where an explanation puts a record (``absent``: nowhere).
Kind = Literal["counted", "failing", "apart", "absent"]


@attrs.frozen(kw_only=True)
class Side:
    """One side of a comparison: which plan or revision, by name.

    Args:
        id: the revision's id, or the plan's.
        plan_id: the id of the plan evaluated.
        title_vi: what the side is, in Vietnamese; title_en: in English.
        note_vi: the revision's note, if any; note_en: in English.
        changes: the keys the revision changes (``evaluation.count_receipt_day``); empty
            for a plan as its file sets it, ``("plan",)`` for a whole second plan.
        plan: the plan evaluated, when known (a report names what differs between the
            two plans from it); not compared, not in the JSON.

    .. versionadded:: 0.2.0
    """

    id: str
    plan_id: str
    title_vi: str
    title_en: str
    note_vi: str = ""
    note_en: str = ""
    changes: tuple[str, ...] = ()
    plan: Plan | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, given: Plan | Revision) -> Side:
        """The side of a plan (as its file sets it) or of a revision."""
        if isinstance(given, Revision):
            return cls(
                id=given.id,
                plan_id=given.plan.id,
                title_vi=given.title_vi,
                title_en=given.title_en,
                note_vi=given.note_vi,
                note_en=given.note_en,
                changes=given.changes,
                plan=given.plan,
            )
        return cls(
            id=given.id,
            plan_id=given.id,
            title_vi=given.title_vi,
            title_en=given.title_en,
            plan=given,
        )

    def title(self, lang: Lang = "vi") -> str:
        """The title in ``"vi"`` (default) or ``"en"``."""
        return self.title_en if lang == "en" else self.title_vi

    def to_dict(self) -> dict[str, object]:
        """The side as JSON-ready data."""
        return {
            "id": self.id,
            "plan": self.plan_id,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "note_vi": self.note_vi,
            "note_en": self.note_en,
            "changes": list(self.changes),
        }


@attrs.frozen(kw_only=True)
class Numbers:
    """One side's numbers for a result or a breakdown category.

    Args:
        numerator: the numerator (a count's value).
        denominator: the denominator; ``None`` for a count or a numerator-only breakdown.
        value: the count, the share (``None`` when there is no data).
        status: the result's status; ``None`` for a breakdown category.
        target: the plan's target for the indicator; ``None`` for a category, or none.
        has_data: whether any record the indicator looks at was there.

    .. versionadded:: 0.2.0
    """

    numerator: int
    denominator: int | None
    value: int | float | None
    status: Status | None = None
    target: Target | None = None
    has_data: bool = True

    @classmethod
    def of(cls, result: IndicatorResult) -> Numbers:
        """The numbers of a result."""
        return cls(
            numerator=result.numerator,
            denominator=result.denominator,
            value=result.value,
            status=result.status,
            target=result.target,
            has_data=result.has_data,
        )

    def to_dict(self) -> dict[str, object]:
        """The numbers as JSON-ready data."""
        target = self.target
        return {
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": self.value,
            "status": None if self.status is None else self.status.value,
            "target": None
            if target is None
            else {"comparator": target.comparator.value, "value": target.value},
            "has_data": self.has_data,
        }


@attrs.frozen(kw_only=True)
class Difference:
    """One result (a unit's, the whole area's) or breakdown category, on both sides.

    Args:
        indicator: the indicator's id.
        unit: the unit's code; ``None`` for the whole area (or all reporting agencies).
        dimension: the breakdown's slug, and category: the category's slug; both
            ``None`` for the result itself.
        baseline: the baseline's numbers; ``None`` when it does not have this row (an
            indicator, unit or category only the alternative has).
        alternative: the alternative's numbers, or ``None``.

    .. versionadded:: 0.2.0
    """

    indicator: str
    unit: str | None
    dimension: str | None = None
    category: str | None = None
    baseline: Numbers | None
    alternative: Numbers | None

    @property
    def delta(self) -> int | float | None:
        """The alternative's value minus the baseline's; ``None`` unless both have one."""
        before = None if self.baseline is None else self.baseline.value
        after = None if self.alternative is None else self.alternative.value
        if before is None or after is None:
            return None
        return after - before

    @property
    def changed(self) -> bool:
        """True when anything differs (a number, the status, the target, the row itself)."""
        return self.baseline != self.alternative

    @property
    def status_changed(self) -> bool:
        """Whether the status differs (both sides have the result)."""
        if self.baseline is None or self.alternative is None:
            return False
        return self.baseline.status != self.alternative.status

    def to_dict(self) -> dict[str, object]:
        """The row as JSON-ready data."""
        return {
            "indicator": self.indicator,
            "unit": self.unit,
            "dimension": self.dimension,
            "category": self.category,
            "baseline": None if self.baseline is None else self.baseline.to_dict(),
            "alternative": None if self.alternative is None else self.alternative.to_dict(),
            "delta": self.delta,
            "changed": self.changed,
            "status_changed": self.status_changed,
        }


@attrs.frozen(kw_only=True)
class RecordState:
    """Where one side's explanation of an indicator puts a record, and why.

    Args:
        kind: ``counted``, ``failing``, ``apart`` or ``absent``.
        unit: the unit it is counted in (``None`` for an agency's report, or absent).
        reason: the reason the explanation gives; ``None`` when absent.
        left_out: when absent because the record was left out for its unit code on this
            side, why (``out_of_scope``, ``not_valid_on_date``, ``unknown_unit``).

    .. versionadded:: 0.2.0
    """

    kind: Kind
    unit: str | None = None
    reason: Reason | None = None
    left_out: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The state as JSON-ready data (the reason's code, facts and English words)."""
        return {
            "kind": self.kind,
            "unit": self.unit,
            "reason": None if self.reason is None else self.reason.to_dict(),
            "left_out": self.left_out,
        }


@attrs.frozen(kw_only=True)
class RecordChange:
    """A record classified differently by the two sides for one indicator.

    Records are named by id only: the reason's facts are dates, codes and labels.

    Args:
        indicator: the indicator's id.
        record_id: the record's id (for an expected report, ``agency period``).
        baseline: where the baseline puts it; alternative: where the alternative does.

    .. versionadded:: 0.2.0
    """

    indicator: str
    record_id: str
    baseline: RecordState
    alternative: RecordState

    def to_dict(self) -> dict[str, object]:
        """The change as JSON-ready data."""
        return {
            "indicator": self.indicator,
            "id": self.record_id,
            "baseline": self.baseline.to_dict(),
            "alternative": self.alternative.to_dict(),
        }


@attrs.frozen(kw_only=True, repr=False)
class Comparison:
    """A baseline and an alternative evaluated on the same records, and what differs.

    Args:
        baseline: the baseline's side; alternative: the alternative's.
        baseline_evaluation: the baseline's evaluation; alternative_evaluation: the
            alternative's (each equal to an evaluation of its plan alone).
        rows: every result and breakdown category of either side, each indicator's
            whole area first, then its units, then its categories (the whole area's, then
            each unit's), in the baseline's order with what only the alternative has after.
        records: the records classified differently, by indicator in the rows' order,
            then by id.

    .. versionadded:: 0.2.0
    """

    baseline: Side
    alternative: Side
    baseline_evaluation: Evaluation
    alternative_evaluation: Evaluation
    rows: tuple[Difference, ...]
    records: tuple[RecordChange, ...]

    def __repr__(self) -> str:
        """A short form: the two sides, how many rows changed and records moved."""
        changed = sum(1 for row in self.rows if row.changed)
        return (
            f"<Comparison {self.baseline.id} → {self.alternative.id}: {changed} of"
            f" {len(self.rows)} rows changed, {len(self.records)} records reclassified>"
        )

    @property
    def period(self) -> ReportingPeriod:
        """The period compared."""
        return self.baseline_evaluation.period

    @property
    def changed(self) -> tuple[Difference, ...]:
        """The rows that differ."""
        return tuple(row for row in self.rows if row.changed)

    @property
    def status_changes(self) -> tuple[Difference, ...]:
        """The results (not categories) whose status against the target changed."""
        return tuple(row for row in self.rows if row.dimension is None and row.status_changed)

    def row(
        self,
        indicator: str,
        unit: str | None = None,
        dimension: str | None = None,
        category: str | None = None,
    ) -> Difference:
        """The row of an indicator, unit (``None``: the whole area) and category.

        Raises:
            ValidationError: when the comparison has no such row.
        """
        key = (indicator, unit, dimension, category)
        for row in self.rows:
            if (row.indicator, row.unit, row.dimension, row.category) == key:
                return row
        msg = f"no row {key!r} in this comparison"
        raise ValidationError(msg, cls_name="Comparison", field="rows")

    def to_dict(self) -> dict[str, object]:
        """The comparison as JSON-ready data; both evaluations' settings, not their records."""
        period = self.period
        return {
            "schema": SCHEMA,
            "period": {
                "text": str(period),
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
            },
            "baseline": {
                **self.baseline.to_dict(),
                "settings": _settings(self.baseline_evaluation),
            },
            "alternative": {
                **self.alternative.to_dict(),
                "settings": _settings(self.alternative_evaluation),
            },
            "rows": [row.to_dict() for row in self.rows],
            "records": [change.to_dict() for change in self.records],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The comparison as JSON text, keys sorted."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=indent)


def _settings(evaluation: Evaluation) -> dict[str, object]:
    quality = evaluation.data_quality
    return {
        "crosswalk": evaluation.crosswalk_applied,
        "count_receipt_day": evaluation.count_receipt_day,
        "suspension_counts_as_resolved": evaluation.suspension_counts_as_resolved,
        "assess_assumed_targets": evaluation.assess_assumed_targets,
        "units": [u.code for u in evaluation.units],
        "left_out": quality.left_out,
        "crosswalked": sum(c.get("crosswalked", 0) for c in quality.counts.values()),
    }


# -- comparing two evaluations ----------------------------------------------------------


def compare_evaluations(
    baseline: Evaluation,
    alternative: Evaluation,
    *,
    baseline_side: Side | None = None,
    alternative_side: Side | None = None,
) -> Comparison:
    """Compare two evaluations of the same period, both made with ``explain="all"``.

    Args:
        baseline: the baseline's evaluation.
        alternative: the alternative's.
        baseline_side: how to name the baseline (default: its plan's id).
        alternative_side: how to name the alternative (default: its plan's id).

    Raises:
        ValidationError: for something other than evaluations, evaluations of different
            periods, or an evaluation that did not keep every record's entry (the
            records whose classification changed could not all be found).

    .. versionadded:: 0.2.0
    """
    for field, given in (("baseline", baseline), ("alternative", alternative)):
        checked: object = given
        if not isinstance(checked, Evaluation):
            msg = f"must be an Evaluation, not {type(checked).__name__}"
            raise ValidationError(msg, cls_name="Comparison", field=field)
        if given.explain_mode != "all":
            msg = (
                f"was evaluated with explain={given.explain_mode!r}: a comparison needs"
                " explain='all' to find every record whose classification changed"
            )
            raise ValidationError(msg, cls_name="Comparison", field=field)
    if baseline.period != alternative.period:
        msg = (
            f"the two evaluations are of different periods: {baseline.period}, {alternative.period}"
        )
        raise ValidationError(msg, cls_name="Comparison", field="period")
    return Comparison(
        baseline=baseline_side or _side_of(baseline),
        alternative=alternative_side or _side_of(alternative),
        baseline_evaluation=baseline,
        alternative_evaluation=alternative,
        rows=tuple(_rows(baseline, alternative)),
        records=tuple(_records(baseline, alternative)),
    )


def _side_of(evaluation: Evaluation) -> Side:
    return Side(
        id=evaluation.plan_id,
        plan_id=evaluation.plan_id,
        title_vi=evaluation.plan_id,
        title_en=evaluation.plan_id,
    )


def _union(first: Iterable[str], second: Iterable[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _rows(baseline: Evaluation, alternative: Evaluation) -> Iterable[Difference]:
    for ind in _union(baseline.results, alternative.results):
        before = baseline.results.get(ind)
        after = alternative.results.get(ind)
        units: list[str | None] = [None]
        units += _union(
            () if before is None else before.by_unit, () if after is None else after.by_unit
        )
        pairs = [(unit, _result(before, unit), _result(after, unit)) for unit in units]
        for unit, b, a in pairs:
            yield Difference(
                indicator=ind,
                unit=unit,
                baseline=None if b is None else Numbers.of(b),
                alternative=None if a is None else Numbers.of(a),
            )
        for unit, b, a in pairs:
            yield from _categories(ind, unit, b, a)


def _result(results: IndicatorSet | None, unit: str | None) -> IndicatorResult | None:
    if results is None:
        return None
    return results.total if unit is None else results.by_unit.get(unit)


def _categories(
    ind: str, unit: str | None, before: IndicatorResult | None, after: IndicatorResult | None
) -> Iterable[Difference]:
    b_cells = {} if before is None else before.disaggregations
    a_cells = {} if after is None else after.disaggregations
    for dim in _union(b_cells, a_cells):
        b_dim = b_cells.get(dim, {})
        a_dim = a_cells.get(dim, {})
        for category in _union(b_dim, a_dim):
            b = b_dim.get(category)
            a = a_dim.get(category)
            yield Difference(
                indicator=ind,
                unit=unit,
                dimension=dim,
                category=category,
                baseline=None
                if b is None
                else Numbers(numerator=b.numerator, denominator=b.denominator, value=b.value),
                alternative=None
                if a is None
                else Numbers(numerator=a.numerator, denominator=a.denominator, value=a.value),
            )


def _states(evaluation: Evaluation, indicator: str) -> dict[str, RecordState]:
    """Every record an indicator's explanation names, with where it puts it (first entry)."""
    results = evaluation.results.get(indicator)
    if results is None:
        return {}
    parts = list(results.by_unit.values()) if results.by_unit else [results.total]
    found: dict[str, RecordState] = {}
    for result in parts:
        explanation = result.explanation
        groups: tuple[tuple[Kind, Sequence[Entry]], ...] = (
            ("counted", explanation.counted),
            ("failing", explanation.failures),
            ("apart", explanation.apart),
        )
        for kind, entries in groups:
            for entry in entries:
                found.setdefault(
                    entry.record_id, RecordState(kind=kind, unit=entry.unit, reason=entry.reason)
                )
    return found


def _records(baseline: Evaluation, alternative: Evaluation) -> Iterable[RecordChange]:
    left_out = (_left_out(baseline), _left_out(alternative))
    for ind in _union(baseline.results, alternative.results):
        before = _states(baseline, ind)
        after = _states(alternative, ind)
        for record_id in sorted(set(before) | set(after)):
            b = before.get(record_id) or _absent(record_id, left_out[0])
            a = after.get(record_id) or _absent(record_id, left_out[1])
            if (b.kind, b.unit) != (a.kind, a.unit):
                yield RecordChange(indicator=ind, record_id=record_id, baseline=b, alternative=a)


def _left_out(evaluation: Evaluation) -> dict[str, str]:
    return {issue.record_id: issue.problem for issue in evaluation.data_quality.issues}


def _absent(record_id: str, left_out: dict[str, str]) -> RecordState:
    return RecordState(kind="absent", left_out=left_out.get(record_id))


# -- evaluating and comparing -----------------------------------------------------------


def compare_all(  # noqa: PLR0913 - the comparison's settings, all keyword-only
    baseline: Plan | Revision,
    alternatives: Sequence[Plan | Revision],
    data: Dataset | Mapping[str, Iterable[Record]],
    period: ReportingPeriod | str,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str | Indicator] | None = None,
) -> tuple[Comparison, ...]:
    """Compare a baseline with each of several alternatives, reading the records once.

    Each side is evaluated with its own plan's units, indicators, readings, calendar and
    registry; ``units`` and ``indicators``, when given, apply to every side.

    Args:
        baseline: the plan (as its file sets it) or a revision.
        alternatives: the plans or revisions to compare with it.
        data: a dataset, or per record type name an iterable of records (read once).
        period: a period, or its text read in the baseline plan's convention.
        units: the units of every side (``None``: each plan's units in force).
        indicators: the indicators of every side (``None``: each plan's report's).

    Returns:
        One :class:`Comparison` per alternative, in order.

    Raises:
        DatasetError: for a record of the wrong type.
        PeriodError: for a period's text that names no period.
        ValidationError: for something other than a plan or revision, or no alternative.
        UnitError: for a unit not among a side's units in force.

    .. versionadded:: 0.2.0
    """
    sides = [baseline, *alternatives]
    plans: list[Plan] = []
    for i, side in enumerate(sides):
        given: object = side
        if isinstance(given, Revision):
            plans.append(given.plan)
        elif isinstance(given, Plan):
            plans.append(given)
        else:
            field = "baseline" if i == 0 else f"alternatives[{i - 1}]"
            msg = f"must be a Plan or a Revision, not {type(given).__name__}"
            raise ValidationError(msg, cls_name="Comparison", field=field)
    if not alternatives:
        msg = "name at least one alternative"
        raise ValidationError(msg, cls_name="Comparison", field="alternatives")
    if isinstance(period, str):
        period = plans[0].period(period)
    records: Mapping[str, Iterable[Record]] = (
        {name: getattr(data, name) for name in RECORD_TYPES} if isinstance(data, Dataset) else data
    )
    settings = EvaluationSettings(units=units, indicators=indicators, explain="all")
    evaluators = Evaluators(plans, period, settings)
    for name, iterable in records.items():
        evaluators.add(name, iterable)
    first, *others = evaluators.result()
    return tuple(
        compare_evaluations(
            first, other, baseline_side=Side.of(baseline), alternative_side=Side.of(side)
        )
        for side, other in zip(alternatives, others, strict=True)
    )


def compare(  # noqa: PLR0913 - the comparison's settings, all keyword-only
    baseline: Plan | Revision,
    alternative: Plan | Revision,
    data: Dataset | Mapping[str, Iterable[Record]],
    period: ReportingPeriod | str,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str | Indicator] | None = None,
) -> Comparison:
    """Compare a plan with a revision of it (or another plan) on the same records.

    Both sides are evaluated in one pass over the records; each evaluation equals the
    evaluation of its plan alone (``evaluate(plan, data, period)``).

    >>> from threeno import compare
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan, load_revision
    >>> plan = load_plan("lai-chau-2024")
    >>> result = compare(plan, load_revision("lai-chau-2024-target-95"), Dataset(), "2024-H1")
    >>> row = result.row("reports.resolved")
    >>> row.baseline.target.value, row.alternative.target.value, result.records
    (1.0, 0.95, ())

    Args:
        baseline: the plan (as its file sets it) or a revision.
        alternative: the revision or plan to compare with it.
        data: a dataset, or per record type name an iterable of records (read once).
        period: a period, or its text read in the baseline plan's convention.
        units: the units of both sides (``None``: each plan's units in force).
        indicators: the indicators of both sides (``None``: each plan's report's).

    Returns:
        The :class:`Comparison`.

    Raises:
        See :func:`compare_all`.

    .. versionadded:: 0.2.0
    """
    (comparison,) = compare_all(
        baseline, [alternative], data, period, units=units, indicators=indicators
    )
    return comparison
