"""The counting rules of the women under management (plan clause I.1).

Subjects belong to their unit of residence, read at their ``registered_on``; each
accumulator takes a subject's :class:`~threeno.indicators.counting.SubjectFacts`, her
state at the period's end computed once for all of them.

Plan clauses: I.1, III.1.b.
"""

from __future__ import annotations

from typing import Final

from threeno.indicators.counting._base import Accumulator, Consumes, SubjectFacts
from threeno.indicators.definitions import Dimension
from threeno.model.enums import SubjectCategory

__all__ = ["EMIGRATION_CATEGORIES", "SubjectsEmigrated", "SubjectsMonitored"]

#: The categories of ``subjects.emigrated`` (plan clause I.1).
EMIGRATION_CATEGORIES: Final[frozenset[SubjectCategory]] = frozenset(
    {SubjectCategory.EMIGRATED_ILLEGALLY, SubjectCategory.LURED_OR_SOLD_ABROAD}
)

_CATEGORY: Final = Dimension.CATEGORY.value
_ETHNICITY: Final = Dimension.ETHNICITY.value
_AGE_GROUP: Final = Dimension.AGE_GROUP.value


class SubjectsMonitored(Accumulator):
    """``subjects.monitored``: women under management at the period's end, by category.

    Counts the subjects of sex female registered on or before the period's end with at
    least one category span active on the end day (any category, suspects and offenders
    included: plan III.1.b manages them too), in their unit of residence read on
    ``registered_on``. Each woman counts once in the total and once in each of her active
    categories, so the category breakdown may sum to more than the total. By category,
    ethnicity and age group (age reached in the year of the period's end).

    Records considered: the unit's subjects (of any sex) registered on or before the
    period's end.

    Plan clauses: I.1 ("quản lý, nắm chắc số phụ nữ"), III.1.b.
    """

    def consumes(self) -> Consumes:
        """Each subject placed in a unit evaluated, read once into her facts."""
        return Consumes().in_unit(SubjectFacts, self.add_subject)

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Count a woman under management at the period's end."""
        if facts.registered:
            self.tally(unit).considered += 1
        if not facts.woman or not facts.active:
            return
        tally = self.tally(unit)
        for category in facts.active:
            tally.cell(_CATEGORY, category.value).numerator += 1
        tally.cell(_ETHNICITY, facts.ethnicity).numerator += 1
        tally.cell(_AGE_GROUP, facts.age).numerator += 1
        subject = facts.subject
        self._count(
            tally,
            subject.id,
            unit,
            "monitored",
            registered=subject.registered_on,
            end=self.ctx.end,
            categories=facts.active,
        )


class SubjectsEmigrated(Accumulator):
    """``subjects.emigrated``: women who emigrated illegally or were lured or sold abroad.

    Counts the women (sex female, registered on or before the period's end) with a span of
    ``emigrated_illegally`` or ``lured_or_sold_abroad`` active on the period's end day, in
    their unit of residence. Figure ``new_in_period``: the women with a span of either
    category that began in the period, whether or not it is still active at the end (one
    no longer active is shown apart). By category, ethnicity and age group.

    Records considered: the unit's subjects (of any sex) registered on or before the
    period's end.

    Plan clauses: I.1 ("số phụ nữ xuất cảnh trái phép, bị dụ dỗ, lôi kéo, bán qua nước
    ngoài").
    """

    def consumes(self) -> Consumes:
        """Each subject placed in a unit evaluated, read once into her facts."""
        return Consumes().in_unit(SubjectFacts, self.add_subject)

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Count a woman in an emigration category at the end; note one new in the period."""
        if facts.registered:
            self.tally(unit).considered += 1
        if not facts.woman:
            return
        ctx = self.ctx
        spans = [s for s in facts.subject.categories if s.category in EMIGRATION_CATEGORIES]
        if not spans:
            return
        new = [s for s in spans if ctx.start <= s.since <= ctx.end]
        active = [c for c in facts.active if c in EMIGRATION_CATEGORIES]
        if not active and not new:
            return
        tally = self.tally(unit)
        subject = facts.subject
        if new:
            tally.add("new_in_period")
        if not active:
            last = max(new, key=lambda s: s.since)
            self._apart(
                tally,
                subject.id,
                unit,
                "emigrated_ended",
                keep=self.keep_all,
                category=last.category,
                since=last.since,
                until=last.until,
            )
            return
        for category in active:
            tally.cell(_CATEGORY, category.value).numerator += 1
        tally.cell(_ETHNICITY, facts.ethnicity).numerator += 1
        tally.cell(_AGE_GROUP, facts.age).numerator += 1
        end = ctx.end
        since = min(
            s.since for s in spans if s.since <= end and (s.until is None or end <= s.until)
        )
        self._count(
            tally,
            subject.id,
            unit,
            "emigrated",
            categories=tuple(active),
            since=since,
            new=True if new else None,
        )
