"""The results of an evaluation: every indicator, for every unit and the whole area.

``evaluate(plan, data, period)`` returns an :class:`Evaluation`; indexing it by an
indicator id gives an :class:`IndicatorSet` with the whole area's ``total`` and one result per
commune or ward in ``by_unit``. An
:class:`IndicatorResult` holds the numerator, the denominator, the value, the plan's
target, the :class:`Status`, the breakdowns its definition names, the extra figures, and
the :class:`~threeno.indicators.explanation.Explanation` behind them;
:meth:`IndicatorResult.explain` writes it out in Vietnamese or English.

Shares are fractions in [0, 1] (``float``), ``None`` when the denominator is 0 (*no
data*, never 0% or 100%); counts are ``int``. Totals sum numerators and denominators over
the units, never average their shares.

No data is never "met": each counting rule names the records it looks at for the period
(its universe), and a result none of whose records were there (none given, or all left
out for their unit) has :attr:`IndicatorResult.has_data` false and the status *no data*,
whatever its target; a count keeps the value 0, a share has the value ``None``.

:meth:`Evaluation.to_dict` and :meth:`Evaluation.to_json` are deterministic: the same
records in any order, in one pass or in merged partitions, give byte-identical JSON.

Plan clauses: every clause of the catalogue.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import copyreg
import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
import json
from typing import TYPE_CHECKING, Any, Final

import attrs

from threeno.errors import ValidationError
from threeno.indicators import _text
from threeno.indicators.definitions import Indicator, IndicatorKind
from threeno.indicators.explanation import (  # noqa: TC001 - Sphinx evaluates the annotations
    Explanation,
)
from threeno.indicators.settings import EvaluationSettings  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.lang import Lang, check_lang
from threeno.lang import percent as percent_text
from threeno.messages import Notice
from threeno.model._base import LabelledEnum
from threeno.model.period import ReportingPeriod  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.model.plan import Target  # noqa: TC001 - Sphinx evaluates the annotations
from threeno.model.units import AdministrativeUnit  # noqa: TC001 - Sphinx evaluates the annotations

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "LEFT_OUT_REASONS",
    "SCHEMA",
    "BreakdownCell",
    "CrosswalkUse",
    "DataQuality",
    "Evaluation",
    "IndicatorResult",
    "IndicatorSet",
    "Status",
    "UnitIssue",
    "percent",
    "status_of",
    "value_of",
]


def _reduce_notice(notice: Notice) -> tuple[type[Notice], tuple[str, dict[str, object]]]:
    # An evaluation's warnings are Notices, whose params are a read-only mapping that
    # pickle refuses; evaluations are pickled (partitions from worker processes), so a
    # notice pickles as its code and a plain dict of its params.
    return Notice, (notice.code, dict(notice.params))


copyreg.pickle(Notice, _reduce_notice)

#: The ``schema`` key of :meth:`Evaluation.to_dict`.
SCHEMA: Final = "threeno-evaluation/1"


class Status(LabelledEnum):
    """Whether a result meets the plan's target.

    ``no_data`` when no record the indicator looks at was there for the period (its
    universe is empty: a count of 0 with nothing behind it is never met) or when a share's
    denominator is 0 (nothing to measure: never shown as 0% or 100%); ``no_target`` when
    the plan sets no target for the indicator; otherwise ``met`` or ``not_met`` under the
    target's comparator; ``not_assessed`` when the target, or the deadline the result is
    measured against, is a reading the plan does not set and the plan asks not to assess
    such targets (``[evaluation] assess_assumed_targets = false``). The labels are those
    of official reports: "Đạt", "Chưa đạt", "Không có số liệu", and "—" where the plan
    sets no target.

    Plan clauses: I.3, I.5, II.2.b, II.3.b, IV.2 (the 2024 plan's targets).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``not_assessed``.
    """

    MET = ("met", "Đạt", "Met")
    NOT_MET = ("not_met", "Chưa đạt", "Not met")
    NO_DATA = ("no_data", "Không có số liệu", "No data")
    NO_TARGET = ("no_target", "—", "—")
    NOT_ASSESSED = (
        "not_assessed",
        "Không đánh giá (chỉ tiêu, thời hạn không do Kế hoạch quy định)",
        "Not assessed (a target or deadline the plan does not set)",
    )


def value_of(kind: IndicatorKind, numerator: int, denominator: int | None) -> int | float | None:
    """An indicator's value: the count, or numerator / denominator (``None`` when it is 0).

    Plan clauses: I.3 ("100%"), I.5 ("07/07").
    """
    if kind is IndicatorKind.COUNT:
        return numerator
    return numerator / denominator if denominator else None


def status_of(
    value: float | None, target: Target | None, *, has_data: bool = True, assessed: bool = True
) -> Status:
    """The status of a value against a target (see :class:`Status`).

    ``has_data`` false (no record considered) or a value of ``None`` gives *no data*;
    ``assessed`` false (a reading the plan asks not to assess) gives *not assessed*.

    Plan clauses: I.3, I.5, II.2.b, II.3.b, IV.2.
    """
    if value is None or not has_data:
        return Status.NO_DATA
    if target is None:
        return Status.NO_TARGET
    if not assessed:
        return Status.NOT_ASSESSED
    return Status.MET if target.met(value) else Status.NOT_MET


@attrs.frozen(kw_only=True)
class BreakdownCell:
    """One category of a breakdown: its numerator, denominator, value and figures.

    Args:
        numerator: the records of the category in the numerator.
        denominator: the records of the category in the denominator; ``None`` for a count
            or a breakdown of the numerator only (``reports.resolved`` by decision).
        figures: the category's extra figures (``participants`` per channel, ...).

    .. versionadded:: 0.1.0
    """

    numerator: int
    denominator: int | None
    figures: dict[str, int] = attrs.field(factory=dict)

    @property
    def value(self) -> int | float | None:
        """The numerator for a count; numerator / denominator (``None`` when 0) otherwise."""
        if self.denominator is None:
            return self.numerator
        return self.numerator / self.denominator if self.denominator else None

    def to_dict(self) -> dict[str, object]:
        """The cell as JSON-ready data."""
        return {
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": self.value,
            "figures": dict(sorted(self.figures.items())),
        }


#: The reasons a record is left out of every number for its unit code, in the order of
#: :attr:`DataQuality.left_out_by_reason` (the last placements of the data-quality
#: counts, :data:`threeno.indicators.engine.PLACEMENTS`).
LEFT_OUT_REASONS: Final[tuple[str, ...]] = ("out_of_scope", "not_valid_on_date", "unknown_unit")


def percent(value: float, lang: Lang) -> str:
    """A share (``value``, a fraction) as a percentage with one decimal, in ``lang``.

    The same as :func:`threeno.lang.percent` with one decimal: Vietnamese writes a decimal
    comma (TCVN and administrative usage), English a point.

    >>> from threeno.indicators.results import percent
    >>> percent(33 / 35, "vi"), percent(33 / 35, "en")
    ('94,3%', '94.3%')

    Raises:
        LanguageError: for another language.

    .. versionchanged:: 0.2.0
       Another language raises :class:`~threeno.errors.LanguageError` (it wrote English).
    """
    return percent_text(value, check_lang(lang))


@attrs.frozen(kw_only=True, repr=False)
class IndicatorResult:
    """One indicator's result, for one unit or for the whole area, over one period.

    Args:
        indicator: the definition.
        period: the period evaluated.
        unit: the commune or ward, or ``None`` for the whole area (or, for an
            agency-level indicator, all reporting agencies).
        units_in_total: how many units the whole area's result sums (1 for a unit).
        numerator: the numerator (for a count, the count).
        denominator: the denominator, ``None`` for a count.
        value: the count (``int``), or the share (``float`` in [0, 1], ``None`` when the
            denominator is 0 or the result has no data).
        records_considered: how many records the indicator looked at for the period (its
            universe, which its counting rule defines); 0 means no data.
        target: the plan's target for the indicator, if any.
        status: met, not met, no data, no target or not assessed.
        disaggregations: per dimension slug (``"source"``), per category slug, a
            :class:`BreakdownCell`.
        figures: the extra figures the definition names.
        explanation: the records behind the numbers.
        readings: what of the target is a reading the plan does not set: ``"target"``
            (``Target.set_by_plan`` false), ``"deadline"`` (measured against a reporting
            deadline the plan does not set); empty when the plan sets both.

    Plan clauses: the clauses of ``indicator``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``readings``.
    """

    indicator: Indicator
    period: ReportingPeriod
    unit: AdministrativeUnit | None
    units_in_total: int
    numerator: int
    denominator: int | None
    value: int | float | None
    records_considered: int
    target: Target | None
    status: Status
    disaggregations: dict[str, dict[str, BreakdownCell]]
    figures: dict[str, int]
    explanation: Explanation
    readings: tuple[str, ...] = ()

    @property
    def unit_code(self) -> str | None:
        """The unit's code, ``None`` for the whole area."""
        return None if self.unit is None else self.unit.code

    @property
    def has_data(self) -> bool:
        """Whether any record the indicator looks at was there (else the status is no data)."""
        return self.records_considered > 0

    def __repr__(self) -> str:
        """A short form: ``<IndicatorResult reports.resolved 03386: 4/8 = 50.0%, not_met>``."""
        where = self.unit_code or "total"
        return (
            f"<IndicatorResult {self.indicator.id} {where}: {self.value_text()},"
            f" {self.status.value}>"
        )

    def value_text(self, lang: Lang = "en") -> str:
        """The value in words: ``"2/3 = 66.7%"``, ``"3"``, or *no data*; ``1.234`` in vi.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return _text.value_text(self, lang)

    def target_text(self, lang: Lang = "en") -> str:
        """The target in words: ``"target at least 100% (I.3)"``, or that there is none."""
        return _text.target_text(self, lang)

    def reading_note(self, lang: Lang = "en") -> str | None:
        """What of the target the plan does not set, in words (``None`` if it sets it all)."""
        return _text.reading_note(self, lang)

    def explain(self, lang: Lang = "en") -> str:
        """The result and every record behind it, in words.

        The head says which indicator, unit and period, what the numerator and
        denominator count and how many, the value against the target, and the extra
        figures; then the records counted, those that fail, and those shown apart, one
        line each with the reason (for the whole area, each with its unit's code)::

            CR-0017 (03386): received 25/01/2024, limit 15/02/2024 (20 days, moved
            past Tết), decided 20/02/2024

        Every word is in the language asked for: in Vietnamese, ids and codes are the only
        text not in Vietnamese.

        Args:
            lang: ``"en"`` (default) or ``"vi"``.

        Returns:
            The text, lines separated by newlines.

        Raises:
            LanguageError: for another language.

        Plan clauses: the clauses of the indicator.
        """
        return _text.explain(self, lang)

    def to_dict(self) -> dict[str, object]:
        """The result as JSON-ready data (keys sorted by :meth:`Evaluation.to_json`)."""
        target = self.target
        return {
            "indicator": self.indicator.id,
            "unit": self.unit_code,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": self.value,
            "status": self.status.value,
            "records_considered": self.records_considered,
            "has_data": self.has_data,
            "target": None
            if target is None
            else {**target.to_dict(), "readings": list(self.readings)},
            "disaggregations": {
                dim: {cat: cell.to_dict() for cat, cell in cells.items()}
                for dim, cells in self.disaggregations.items()
            },
            "figures": dict(self.figures),
            "explanation": self.explanation.to_dict(),
        }


@attrs.frozen(kw_only=True, repr=False)
class IndicatorSet:
    """One indicator's results: the whole area's, and each unit's.

    ``by_unit`` has an entry for every unit evaluated, data or not, in the plan's order;
    it is empty for an agency-level indicator (``reporting.*``), whose total is the
    result and whose breakdown by agency replaces the units.

    Args:
        indicator: the definition.
        total: the result for the whole area (the sum of the units).
        by_unit: the result of each unit, by code.
        clauses: the ids of the clauses of the plan evaluated that list the indicator
            (``Plan.clauses_for``), in the plan's order; empty when none does. The
            catalogue keeps no clause ids: they are the plan's.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``clauses`` (the plan's; the definition no longer has clauses).
    """

    indicator: Indicator
    total: IndicatorResult
    by_unit: dict[str, IndicatorResult]
    clauses: tuple[str, ...] = ()

    def __repr__(self) -> str:
        """A short form: the indicator, the total, and how many units."""
        return (
            f"<IndicatorSet {self.indicator.id}: total {self.total!r}, {len(self.by_unit)} units>"
        )

    def to_dict(self) -> dict[str, object]:
        """The results as JSON-ready data."""
        ind = self.indicator
        return {
            "id": ind.id,
            "name_vi": ind.name_vi,
            "name_en": ind.name_en,
            "kind": ind.kind.value,
            "level": ind.level.value,
            "clauses": list(self.clauses),
            "offences": None if ind.offences is None else sorted(ind.offences),
            "total": self.total.to_dict(),
            "by_unit": {code: result.to_dict() for code, result in self.by_unit.items()},
        }


@attrs.frozen(kw_only=True)
class UnitIssue:
    """A record left out for its unit: outside the plan, not in force on its date, or unknown.

    Args:
        record_type: the record type (``"crime_reports"``).
        record_id: the record's id.
        unit_code: the code it carries.
        on: the date the code was read at (the record's own date).
        problem: why the record was left out, a stable code: ``"out_of_scope"`` (a unit,
            but not one the plan covers at the period's end), ``"not_valid_on_date"`` (a
            unit of the register has the code, but not on the record's date) or
            ``"unknown_unit"`` (no unit of the register has the code, at any date).
        unit_name: what the code names: on the record's date for a unit out of scope; the
            version nearest that date for a code not in force on it.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``not_valid_on_date`` is told apart from ``unknown_unit``.
    """

    record_type: str
    record_id: str
    unit_code: str
    on: dt.date
    problem: str
    unit_name: str | None = None

    def text(self, lang: Lang = "en") -> str:
        """The issue in one line, the record type by name: ``crime report CR-0014: ...``.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return _text.issue_text(self, lang)

    def to_dict(self) -> dict[str, object]:
        """The issue as JSON-ready data."""
        return {
            "record_type": self.record_type,
            "id": self.record_id,
            "unit_code": self.unit_code,
            "on": self.on.isoformat(),
            "problem": self.problem,
            "unit_name": self.unit_name,
        }


@attrs.frozen(kw_only=True)
class CrosswalkUse:
    """An old unit whose records were counted in its successor (``crosswalk=True``).

    Args:
        from_code: the old unit's code.
        from_name: its full name.
        to_code: the code of the unit in force at the period's end it was mapped onto.
        to_name: that unit's full name.
        records: how many records were mapped, by record type.

    Source: Nghị quyết 1670/NQ-UBTVQH15 (the units merged on 2025-07-01).

    .. versionadded:: 0.1.0
    """

    from_code: str
    from_name: str
    to_code: str
    to_name: str
    records: dict[str, int]

    def text(self, lang: Lang = "en") -> str:
        """The mapping in one line: ``03389 Phường Đoàn Kết → 03388 Phường Đoàn Kết: ...``.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return _text.crosswalk_text(self, lang)

    def to_dict(self) -> dict[str, object]:
        """The mapping as JSON-ready data."""
        return {
            "from": self.from_code,
            "from_name": self.from_name,
            "to": self.to_code,
            "to_name": self.to_name,
            "records": dict(self.records),
        }


@attrs.frozen(kw_only=True)
class DataQuality:
    """How every record read was placed: in scope, crosswalked, or not counted, and why.

    Nothing is dropped silently: for each record type, ``read`` records were read, and
    ``in_scope`` + ``crosswalked`` + ``not_selected`` + ``out_of_scope`` +
    ``not_valid_on_date`` + ``unknown_unit`` of those with a unit add up to it (report
    submissions belong to agencies and have no unit). :attr:`left_out` counts the records
    left out for their unit (the last three), :attr:`left_out_by_reason` by reason;
    ``issues`` lists them (unless the evaluation kept no records, ``explain="none"``).
    Records of units not selected (``units=``) are not left out: they were asked away.

    Args:
        counts: per record type, per placement (``read``, ``in_scope``, ``crosswalked``,
            ``not_selected``, ``out_of_scope``, ``not_valid_on_date``, ``unknown_unit``),
            the number of records.
        issues: the records left out for their unit, sorted.
        crosswalk: the old units mapped onto new ones.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``not_valid_on_date`` apart from ``unknown_unit``; ``left_out``,
       ``left_out_by_reason``.
    """

    counts: dict[str, dict[str, int]]
    issues: tuple[UnitIssue, ...] = ()
    crosswalk: tuple[CrosswalkUse, ...] = ()

    @property
    def left_out_by_reason(self) -> dict[str, int]:
        """The records left out for their unit, by reason, over every record type.

        Keys, always all three, in this order: ``out_of_scope``, ``not_valid_on_date``,
        ``unknown_unit``.
        """
        return {
            reason: sum(counts.get(reason, 0) for counts in self.counts.values())
            for reason in LEFT_OUT_REASONS
        }

    @property
    def left_out(self) -> int:
        """How many records were left out for their unit (in no number of the evaluation)."""
        return sum(self.left_out_by_reason.values())

    def explain(self, lang: Lang = "en") -> str:
        """How many records were left out, where each type's records went, then each issue.

        Record types and placements are named in the language asked for.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return _text.quality_text(self, lang)

    def to_dict(self) -> dict[str, object]:
        """The tallies as JSON-ready data."""
        return {
            "counts": {name: dict(c) for name, c in self.counts.items()},
            "left_out": self.left_out,
            "left_out_by_reason": self.left_out_by_reason,
            "issues": [i.to_dict() for i in self.issues],
            "crosswalk": [c.to_dict() for c in self.crosswalk],
        }


@attrs.frozen(kw_only=True, repr=False)
class Evaluation:
    """Every indicator of a plan, for every unit in scope and the whole area, over a period.

    Index it by indicator id: ``evaluation["reports.resolved"].total.value``. Two
    evaluations of the same plan, period, units, indicators and settings, built on
    disjoint records (partitions), :meth:`merge` into the evaluation of all the records,
    in any order of merging.

    Args:
        plan_id: the plan's id.
        period: the period evaluated.
        units: the units evaluated, in the plan's order.
        results: per indicator id, in the catalogue's order, its :class:`IndicatorSet`.
        data_quality: how every record was placed.
        crosswalk_applied: whether pre-2025-07-01 codes were mapped onto the units in force
            at the period's end (``crosswalk=True``); ``data_quality.crosswalk`` says which.
        explain_mode: the explanation mode.
        count_receipt_day: whether the day of receipt counted as day 1 of time limits.
        suspension_counts_as_resolved: whether a suspension counted as resolving a report.
        assess_assumed_targets: whether the targets the plan does not set were assessed.
        warnings: what a reader must know before trusting the numbers, each a
            :class:`~threeno.messages.Notice` with a stable code:
            ``period_outside_plan_year`` (the period is not within the plan's reporting
            year) and ``records_left_out`` (records left out for their unit; see
            :attr:`DataQuality.left_out`).
        state: the accumulators, for :meth:`merge` (not compared, not shown).

    Plan clauses: every clause of the catalogue.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``warnings``; ``settings``; ``suspension_counts_as_resolved``,
       ``assess_assumed_targets``.
    """

    plan_id: str
    period: ReportingPeriod
    units: tuple[AdministrativeUnit, ...]
    results: dict[str, IndicatorSet]
    data_quality: DataQuality
    crosswalk_applied: bool
    explain_mode: str
    count_receipt_day: bool
    suspension_counts_as_resolved: bool = False
    assess_assumed_targets: bool = True
    warnings: tuple[Notice, ...] = ()
    _state: Any = attrs.field(eq=False, repr=False, alias="state")

    def __repr__(self) -> str:
        """A short form: ``<Evaluation lai-chau-2024 2024-H1: 18 indicators, 7 units>``."""
        return (
            f"<Evaluation {self.plan_id} {self.period}: {len(self.results)} indicators,"
            f" {len(self.units)} units>"
        )

    @property
    def settings(self) -> EvaluationSettings:
        """The settings it was evaluated with, each ``None`` read as the plan's.

        Its units are the codes evaluated, its indicators the definitions, its registry
        and calendar those used: ``Evaluator.from_settings(plan, period,
        evaluation.settings)`` evaluates the same way again.
        """
        settings: EvaluationSettings = self._state.settings
        return settings

    def __getitem__(self, indicator_id: str) -> IndicatorSet:
        """The results of one indicator.

        Raises:
            ValidationError: for an indicator this evaluation does not have.
        """
        found = self.results.get(indicator_id)
        if found is None:
            known = ", ".join(self.results)
            msg = f"no indicator {indicator_id!r} in this evaluation; it has: {known}"
            raise ValidationError(msg, cls_name="Evaluation", field="results")
        return found

    def __contains__(self, indicator_id: object) -> bool:
        """Whether the evaluation has the indicator."""
        return indicator_id in self.results

    def __iter__(self) -> Iterator[str]:
        """The indicator ids, in the catalogue's order."""
        return iter(self.results)

    def __len__(self) -> int:
        """The number of indicators."""
        return len(self.results)

    def merge(self, other: Evaluation) -> Evaluation:
        """The evaluation of this one's records and ``other``'s together.

        Sums the counts and unions the joins (women reached, support received), so the
        result equals one evaluation of all the records, whichever way they were split and
        in whatever order merged. The records must be disjoint: partitions that share a
        record id of a type are refused (code ``partitions_share_ids``), in either order,
        rather than counting it twice. Ids are compared as 8-byte digests (kept, 8 bytes
        per record, by the evaluation); a false refusal has a probability of about
        n × m / 2^64 for partitions of n and m records.

        Raises:
            ValidationError: naming the field that differs (plan, period, units,
                indicators, settings), or ``merge`` when the partitions share a record.

        .. versionchanged:: 0.2.0 partitions that share a record are refused.
        """
        given: object = other  # callers without a type checker may pass anything
        if not isinstance(given, Evaluation):
            msg = f"can only merge an Evaluation, not {type(given).__name__}"
            raise ValidationError(msg, cls_name="Evaluation", field="merge")
        merged: Evaluation = self._state.merged(other._state)
        return merged

    def summary(self, lang: Lang = "en") -> str:
        """The plan and period, the warnings, then one line per indicator.

        Each indicator's line gives its id, the whole area's value, target and status.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return _text.summary(self, lang)

    def to_dict(self) -> dict[str, object]:
        """The evaluation as JSON-ready data: ids, dates as ISO text, entries sorted."""
        period = self.period
        return {
            "schema": SCHEMA,
            "plan": self.plan_id,
            "period": {
                "text": str(period),
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "kind": period.kind.value,
                "convention": period.convention.value,
            },
            "units": [{"code": u.code, "name": u.full_name} for u in self.units],
            "settings": {
                "explain": self.explain_mode,
                "crosswalk": self.crosswalk_applied,
                "count_receipt_day": self.count_receipt_day,
                "suspension_counts_as_resolved": self.suspension_counts_as_resolved,
                "assess_assumed_targets": self.assess_assumed_targets,
            },
            "data_quality": self.data_quality.to_dict(),
            "warnings": [notice.to_dict() for notice in self.warnings],
            "indicators": {ind_id: s.to_dict() for ind_id, s in self.results.items()},
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The evaluation as JSON text, keys sorted: byte-identical for equal evaluations."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=indent)
