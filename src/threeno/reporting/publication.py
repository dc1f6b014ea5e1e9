"""What a published report hides: every count of its tables, and what a reader knows of them.

A published report (``render(..., suppress_below=k)``) shows the counts of every
indicator's tables: a row per unit and the whole area's, the breakdowns, the extra
figures. A reader who knows how the indicators are defined knows relations between
those counts that the report does not print: the units add up to the whole area, a
numerator never exceeds its denominator, ``reports.resolved``'s denominator is the
reports pending at the start plus those received in the period, ``reports.classified``
and ``reports.received`` count the same reports. :func:`counts` lists every count of a
report under a :data:`CountKey`; :func:`relations` lists every relation a reader can
know between them (:data:`RELATIONS` says which, in words); :func:`marks` hides, with
:func:`threeno.privacy.suppress_table`, the small counts and as many others as needed
so that no hidden count can be narrowed to fewer than ``k`` values from what is shown
and those relations.

A candidate relation is kept only when the evaluation's counts satisfy it: a relation
that holds by definition always does, and one that holds only by chance in these data
makes the audit stricter, never looser.

The counts of four indicators are not suppressed (:data:`NOT_ABOUT_PEOPLE`): they count
communes and wards (``units.*``) or the reports the plan asks of agencies
(``reporting.*``), which identify no person, and their denominators are known without
the data (the units in scope, the reports the plan expects).

Plan clauses: IV.2 (the reports published to the Steering Committee and beyond).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from threeno.indicators.definitions import Dimension
from threeno.model.enums import SubjectCategory
from threeno.privacy import Relation, Suppression, suppress_table

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from threeno.indicators.results import Evaluation, IndicatorResult, IndicatorSet

__all__ = ["NOT_ABOUT_PEOPLE", "RELATIONS", "CountKey", "counts", "marks", "relations"]

#: The key of a count of a published report, one of ``(indicator id, "row", unit code,
#: part)``, ``(indicator id, "total", part)``, ``(indicator id, "category", dimension,
#: category, part)``, ``(indicator id, "figure", figure)`` and ``(indicator id,
#: "category_figure", dimension, category, figure)``, with ``part`` ``"numerator"`` or
#: ``"denominator"``.
CountKey = tuple[str, ...]

#: The indicators whose counts a published report shows as they are. They count
#: communes and wards, or the reports the plan asks of agencies, not people, and their
#: denominators (the units in scope, the reports expected) are public.
NOT_ABOUT_PEOPLE: Final = frozenset(
    {"units.model_maintained", "units.safe", "reporting.completeness", "reporting.timeliness"}
)

#: The relations a reader is assumed to know, in words (docs/guides/privacy.md).
RELATIONS: Final = (
    "the units' counts add up to the whole area's (numerators and denominators apart)",
    (
        "a breakdown's categories add up to the whole area's count when each record is in"
        " one category; when a record may be in several, each category is at most the"
        " whole area's and together they are at least it"
    ),
    "a numerator is at most its denominator (every row, the whole area, every category)",
    "support.coverage: each kind of support's denominator is the whole area's",
    "the categories' extra figures add up to the whole area's figure",
    (
        "reports.resolved: denominator = pending at the start + received in the period;"
        " numerator + suspended at the end <= denominator"
    ),
    "reports.overdue: numerator + suspended at the end <= pending at the end",
    "cases.prosecuted: opened = numerator, for the whole area and each offence",
    (
        "the same count in two tables is the same number: reports.received's numerator"
        " and reports.classified's denominator; reports.resolved's numerator and"
        " reports.on_time's denominator (every row, the whole area, every source);"
        " reports.received's whole-area numerator and reports.resolved's figure received"
        " in the period; reports.overdue's and reports.resolved's suspended at the end;"
        " reports.received's and reports.classified's other offences; a category of women"
        " in subjects.monitored and in subjects.emigrated, outreach.coverage's or"
        " women.vocational's denominator; the returned victims of subjects.monitored and"
        " support.coverage's denominator"
    ),
    "reports.overdue: pending at the end = reports.resolved's denominator minus its numerator",
    (
        "the women of subjects.emigrated, of outreach.coverage's and women.vocational's"
        " denominators and the victims of support.coverage's are among those of"
        " subjects.monitored: unit by unit, in the whole area, by ethnicity and by age group"
    ),
)

_PARTS: Final = ("numerator", "denominator")
# The subject indicators whose people are among subjects.monitored's, with the part
# that counts them.
_SUBSETS: Final = (
    ("subjects.emigrated", "numerator"),
    ("outreach.coverage", "denominator"),
    ("women.vocational", "denominator"),
    ("support.coverage", "denominator"),
)
_MONITORED: Final = "subjects.monitored"
_RETURNED: Final = SubjectCategory.RETURNED_VICTIM.value


def _parts(result: IndicatorResult) -> tuple[str, ...]:
    return _PARTS if result.denominator is not None else _PARTS[:1]


def counts(evaluation: Evaluation) -> dict[CountKey, int]:
    """Every count a published report of ``evaluation`` shows, by key, in table order.

    The indicators of :data:`NOT_ABOUT_PEOPLE` are left out (their counts are shown).
    """
    found: dict[CountKey, int] = {}
    for indicator_id, indicator_set in evaluation.results.items():
        if indicator_id not in NOT_ABOUT_PEOPLE:
            found.update(_counts_of(indicator_id, indicator_set))
    return found


def _counts_of(indicator_id: str, indicator_set: IndicatorSet) -> Iterator[tuple[CountKey, int]]:
    total = indicator_set.total
    for code, result in indicator_set.by_unit.items():
        for part in _parts(result):
            yield (indicator_id, "row", code, part), _part(result, part)
    for part in _parts(total):
        yield (indicator_id, "total", part), _part(total, part)
    for key, n in total.figures.items():
        yield (indicator_id, "figure", key), n
    for dimension, cells in total.disaggregations.items():
        for category, cell in cells.items():
            where = (indicator_id, "category", dimension, category)
            yield (*where, "numerator"), cell.numerator
            if cell.denominator is not None:
                yield (*where, "denominator"), cell.denominator
            for key, n in cell.figures.items():
                yield (indicator_id, "category_figure", dimension, category, key), n


def _part(result: IndicatorResult, part: str) -> int:
    if part == "numerator":
        return result.numerator
    return result.denominator or 0


def _candidates(evaluation: Evaluation) -> Iterator[Relation[CountKey]]:
    resolves = evaluation.suspension_counts_as_resolved
    for indicator_id, indicator_set in evaluation.results.items():
        yield from _within(indicator_id, indicator_set, resolves=resolves)
    yield from _reports(evaluation)
    yield from _subjects(evaluation)


def _within(
    indicator_id: str, indicator_set: IndicatorSet, *, resolves: bool
) -> Iterator[Relation[CountKey]]:
    # The relations inside one indicator's tables.
    total = indicator_set.total
    parts = _parts(total)
    for part in parts:
        whole = (indicator_id, "total", part)
        if indicator_set.by_unit:
            yield Relation.total(
                [(indicator_id, "row", c, part) for c in indicator_set.by_unit], whole
            )
        for dimension, cells in total.disaggregations.items():
            keys: list[CountKey] = [(indicator_id, "category", dimension, c, part) for c in cells]
            yield from _group(keys, whole)
    if len(parts) == len(_PARTS):  # a share: numerator <= denominator everywhere
        places: list[CountKey] = [(indicator_id, "row", c) for c in indicator_set.by_unit]
        places.append((indicator_id, "total"))
        places += [
            (indicator_id, "category", d, c) for d, cs in total.disaggregations.items() for c in cs
        ]
        for where in places:
            yield Relation.at_most((*where, "numerator"), (*where, "denominator"))
    for dimension, cells in total.disaggregations.items():
        figures = sorted({key for cell in cells.values() for key in cell.figures})
        for key in figures:
            parts_of: list[CountKey] = [
                (indicator_id, "category_figure", dimension, c, key) for c in cells
            ]
            yield from _group(parts_of, (indicator_id, "figure", key))
        if indicator_id == "cases.prosecuted":
            for c in cells:
                yield Relation.total(
                    [(indicator_id, "category", dimension, c, "numerator")],
                    (indicator_id, "category_figure", dimension, c, "opened"),
                )
    yield from _figures(indicator_id, resolves=resolves)


def _group(parts: list[CountKey], whole: CountKey) -> Iterator[Relation[CountKey]]:
    # A partition, or else overlapping categories (each at most the whole, together at
    # least it): whichever the counts satisfy (a partition satisfies all three). A
    # category may count every record of the whole (support.coverage's denominator by
    # kind of support is every returned victim).
    yield Relation.total(parts, whole)
    for part in parts:
        yield Relation.at_most(part, whole)
        yield Relation.total([part], whole)
    yield Relation.at_least(parts, whole)


def _figures(indicator_id: str, *, resolves: bool) -> Iterator[Relation[CountKey]]:
    # The definitions of the extra figures (indicators/counting.py). A report to resolve
    # is in one category at the period's end (reports.resolved); a suspension is one of
    # those resolved when the evaluation counts it so (suspension_counts_as_resolved).
    def key(*rest: str) -> CountKey:
        return (indicator_id, *rest)

    numerator, denominator = key("total", "numerator"), key("total", "denominator")
    pending_start, received = key("figure", "pending_at_start"), key("figure", "received_in_period")
    suspended, pending_end = key("figure", "suspended_at_end"), key("figure", "pending_at_end")
    decided = [key("figure", "decided_on_time"), key("figure", "decided_late")]
    open_at_end = [key("figure", "pending_within_limit"), key("figure", "overdue_at_end")]
    yield Relation.total([pending_start, received], denominator)
    if resolves:
        yield Relation.total([*decided, suspended], numerator)
        yield Relation.total([numerator, *open_at_end], denominator)
    else:
        yield Relation.total(decided, numerator)
        yield Relation.total([numerator, suspended, *open_at_end], denominator)
    yield Relation(terms=((numerator, 1), (suspended, 1), (pending_end, -1)), equal=False)
    yield Relation.total([numerator], key("figure", "opened"))


def _same(a: CountKey, b: CountKey) -> Relation[CountKey]:
    return Relation.total([a], b)


def _reports(evaluation: Evaluation) -> Iterator[Relation[CountKey]]:
    # The crime-report indicators count the same reports in several tables.
    yield from _mirrors(
        evaluation, ("reports.received", "numerator"), ("reports.classified", "denominator")
    )
    yield from _mirrors(
        evaluation, ("reports.resolved", "numerator"), ("reports.on_time", "denominator")
    )
    yield _same(
        ("reports.received", "figure", "other_offences"),
        ("reports.classified", "figure", "other_offences"),
    )
    yield _same(
        ("reports.received", "total", "numerator"),
        ("reports.resolved", "figure", "received_in_period"),
    )
    yield _same(
        ("reports.overdue", "total", "numerator"),
        ("reports.resolved", "figure", "overdue_at_end"),
    )
    overdue_suspended = ("reports.overdue", "figure", "suspended_at_end")
    if not evaluation.suspension_counts_as_resolved:
        yield _same(overdue_suspended, ("reports.resolved", "figure", "suspended_at_end"))
        yield Relation(
            terms=(
                (("reports.overdue", "figure", "pending_at_end"), 1),
                (("reports.resolved", "total", "denominator"), -1),
                (("reports.resolved", "total", "numerator"), 1),
            )
        )
        return
    # A suspension resolves a report: those suspended since before the period are in no
    # denominator of it, so the open reports at the end are the suspended ones more.
    yield Relation.at_most(("reports.resolved", "figure", "suspended_at_end"), overdue_suspended)
    yield Relation(
        terms=(
            (("reports.overdue", "figure", "pending_at_end"), 1),
            (("reports.resolved", "total", "denominator"), -1),
            (("reports.resolved", "total", "numerator"), 1),
            (overdue_suspended, -1),
        )
    )


def _mirrors(
    evaluation: Evaluation, a: tuple[str, str], b: tuple[str, str]
) -> Iterator[Relation[CountKey]]:
    # Indicator a's part and indicator b's part count the same records: every row, the
    # whole area and every category of a breakdown both have.
    (ida, parta), (idb, partb) = a, b
    if ida not in evaluation.results or idb not in evaluation.results:
        return
    sa, sb = evaluation.results[ida], evaluation.results[idb]
    for code in sa.by_unit.keys() & sb.by_unit.keys():
        yield _same((ida, "row", code, parta), (idb, "row", code, partb))
    yield _same((ida, "total", parta), (idb, "total", partb))
    da, db = sa.total.disaggregations, sb.total.disaggregations
    for dimension in da.keys() & db.keys():
        for category in da[dimension].keys() & db[dimension].keys():
            yield _same(
                (ida, "category", dimension, category, parta),
                (idb, "category", dimension, category, partb),
            )


def _subjects(evaluation: Evaluation) -> Iterator[Relation[CountKey]]:
    # The subject indicators count the same women in several tables.
    if _MONITORED not in evaluation.results:
        return
    monitored = evaluation.results[_MONITORED]
    categories = monitored.total.disaggregations.get(Dimension.CATEGORY.value, {})
    for other, part in _SUBSETS:
        found = evaluation.results.get(other)
        if found is None:
            continue
        # Their people are among the women of subjects.monitored: unit by unit, in the
        # whole area, by ethnicity and by age group.
        for code in found.by_unit.keys() & monitored.by_unit.keys():
            yield Relation.at_most(
                (other, "row", code, part), (_MONITORED, "row", code, "numerator")
            )
        yield Relation.at_most((other, "total", part), (_MONITORED, "total", "numerator"))
        theirs = found.total.disaggregations
        for dimension in (Dimension.ETHNICITY.value, Dimension.AGE_GROUP.value):
            mine = monitored.total.disaggregations.get(dimension, {})
            for category in theirs.get(dimension, {}).keys() & mine.keys():
                yield Relation.at_most(
                    (other, "category", dimension, category, part),
                    (_MONITORED, "category", dimension, category, "numerator"),
                )
        # A category of women counted in both tables is the same women.
        for category in theirs.get(Dimension.CATEGORY.value, {}).keys() & categories.keys():
            yield _same(
                (other, "category", Dimension.CATEGORY.value, category, part),
                (_MONITORED, "category", Dimension.CATEGORY.value, category, "numerator"),
            )
    if _RETURNED in categories and "support.coverage" in evaluation.results:
        yield _same(
            ("support.coverage", "total", "denominator"),
            (_MONITORED, "category", Dimension.CATEGORY.value, _RETURNED, "numerator"),
        )


def relations(
    evaluation: Evaluation, found: Mapping[CountKey, int] | None = None
) -> list[Relation[CountKey]]:
    """Every relation of :data:`RELATIONS` between the counts of ``evaluation``'s report.

    Args:
        evaluation: the evaluation reported.
        found: its :func:`counts`, if already listed.

    Returns:
        The relations that name only counts of the report and that its counts satisfy,
        each once.
    """
    table = counts(evaluation) if found is None else found
    kept: dict[tuple[object, ...], Relation[CountKey]] = {}
    for relation in _candidates(evaluation):
        if not all(key in table for key, _ in relation.terms):
            continue
        if relation.holds(table):
            kept.setdefault((relation.terms, relation.constant, relation.equal), relation)
    return list(kept.values())


def marks(evaluation: Evaluation, k: int) -> dict[CountKey, Suppression]:
    """Which counts of ``evaluation``'s published report to hide, at threshold ``k``.

    Every count from 1 to ``k - 1``, and others chosen by
    :func:`threeno.privacy.suppress_table` until no hidden count can be narrowed to
    fewer than ``k`` values from what the report shows and :func:`relations`; a
    whole-area count (a total, a total's figure) is hidden only when nothing else will
    do. Counts not listed (:data:`NOT_ABOUT_PEOPLE`) are shown.

    Plan clauses: IV.2.
    """
    table = counts(evaluation)
    last = [key for key in table if key[1] in {"total", "figure"}]
    result = suppress_table(table, relations(evaluation, table), k=k, last_resort=last)
    return dict(result.marks)
