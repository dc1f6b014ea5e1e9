"""The counting rules of outreach and support (plan clauses I.2, II.2.b, II.3.b, III.4.c).

``outreach.events`` counts events where they were held; the three joins count women and
victims in their unit of residence, joined with the events that reached them or the
support they received wherever it was given, so they read those records whatever their
unit (:meth:`Consumes.any_unit <threeno.indicators.counting.Consumes.any_unit>`) and
join at :meth:`~threeno.indicators.counting.Accumulator.finish`: records may come in any
order and partitions may split them anyhow.

Plan clauses: I.2, II.2.b, II.3.b, III.2.c, III.4.c.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar, Final

from threeno.indicators.counting._base import (
    Accumulator,
    Consumes,
    Context,
    SubjectFacts,
    Tally,
    in_period,
)
from threeno.indicators.definitions import Dimension
from threeno.model.activities import OutreachEvent, SupportAction
from threeno.model.enums import SubjectCategory, SupportKind

if TYPE_CHECKING:
    from threeno.indicators.definitions import Indicator
    from threeno.indicators.explanation import Fact

__all__ = [
    "VOCATIONAL_CATEGORIES",
    "VOCATIONAL_KINDS",
    "OutreachCoverage",
    "OutreachEvents",
    "SupportCoverage",
    "WomenVocational",
]

#: The women ``women.vocational`` lists (plan clause III.4.c: "phụ nữ không có việc làm,
#: có hoàn cảnh khó khăn", with the poor women of I.1).
VOCATIONAL_CATEGORIES: Final[frozenset[SubjectCategory]] = frozenset(
    {
        SubjectCategory.UNEMPLOYED,
        SubjectCategory.DIFFICULT_CIRCUMSTANCES,
        SubjectCategory.POOR,
    }
)
#: The support that counts for ``women.vocational`` (III.4.c: "dạy nghề, hướng nghiệp").
VOCATIONAL_KINDS: Final[frozenset[SupportKind]] = frozenset(
    {SupportKind.VOCATIONAL_TRAINING, SupportKind.VOCATIONAL_COUNSELLING}
)

_CATEGORY: Final = Dimension.CATEGORY.value
_CHANNEL: Final = Dimension.CHANNEL.value
_LANGUAGE: Final = Dimension.LANGUAGE.value
_SUPPORT_KIND: Final = Dimension.SUPPORT_KIND.value
_ETHNICITY: Final = Dimension.ETHNICITY.value
_SEX: Final = Dimension.SEX.value
_AGE_GROUP: Final = Dimension.AGE_GROUP.value


# A person kept for a join: unit, categories, ethnicity slug, age-group slug, sex slug,
# and the start of the relevant span (support) or None.
_Person = tuple[str, tuple[SubjectCategory, ...], str, str, str, dt.date | None]


def _person(
    unit: str,
    categories: tuple[SubjectCategory, ...],
    facts: SubjectFacts,
    since: dt.date | None = None,
) -> _Person:
    return (unit, categories, facts.ethnicity, facts.age, facts.sex, since)


def _person_cells(tally: Tally, person: _Person, *, counted: bool, sex: bool = False) -> None:
    _, categories, ethnicity, age, sex_slug, _ = person
    keys = [(_ETHNICITY, ethnicity), (_AGE_GROUP, age)]
    keys += [(_CATEGORY, c.value) for c in categories]
    if sex:
        keys.append((_SEX, sex_slug))
    for key in keys:
        cell = tally.cell(*key)
        cell.denominator += 1
        if counted:
            cell.numerator += 1


def _tally_of(tallies: dict[str | None, Tally], unit: str) -> Tally:
    found = tallies.get(unit)
    if found is None:
        found = tallies[unit] = Tally()
    return found


class _WomenJoin(Accumulator):
    """Women kept at the period's end, joined with each one's first matching record.

    The shape of ``outreach.coverage`` and ``women.vocational``: the denominator (and the
    records considered) is the women a subclass keeps in ``women`` (by ``add_subject``),
    each once, in her unit of residence; the numerator is those named by a record of the
    period, wherever it was held or delivered. ``first`` keeps each woman's earliest match
    as ``(date, record id, ...)``, the earliest by date then id, so that merging
    partitions gives the same explanation as one pass.
    """

    #: The reason codes of a woman counted, and of one not.
    counted_code: ClassVar[str]
    missed_code: ClassVar[str]

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with no woman and no match."""
        super().__init__(indicator, context)
        self.women: dict[str, _Person] = {}
        self.first: dict[str, tuple[Any, ...]] = {}

    def match_facts(self, seen: tuple[Any, ...]) -> dict[str, Fact | None]:
        """The facts of a woman's first match, for the explanation."""
        raise NotImplementedError

    def merge(self, other: Accumulator) -> None:
        """Union the women, keeping each woman's first match."""
        assert isinstance(other, type(self))  # noqa: S101 - the engine pairs like with like
        self.women.update(other.women)
        first = self.first
        for subject_id, seen in other.first.items():
            current = first.get(subject_id)
            if current is None or seen[:2] < current[:2]:
                first[subject_id] = seen

    def finish(self) -> dict[str | None, Tally]:
        """Join the women with their first matches."""
        tallies: dict[str | None, Tally] = {}
        for subject_id, person in self.women.items():
            unit = person[0]
            tally = _tally_of(tallies, unit)
            tally.denominator += 1
            tally.considered += 1
            seen = self.first.get(subject_id)
            _person_cells(tally, person, counted=seen is not None)
            if seen is not None:
                facts = self.match_facts(seen)
                self._count(
                    tally, subject_id, unit, self.counted_code, categories=person[1], **facts
                )
            else:
                self._fail(tally, subject_id, unit, self.missed_code, categories=person[1])
        return tallies


class OutreachCoverage(_WomenJoin):
    """``outreach.coverage``: distinct target women reached in the period, of those managed.

    Denominator: the target women at the period's end: subjects of sex female registered
    on or before the end with at least one category other than ``suspect`` and
    ``offender`` active on the end day, each counted once, in her unit of residence read
    on ``registered_on``. Numerator: those listed in ``reached_subject_ids`` of at least
    one outreach event held in the period, wherever the event was held (even in a unit
    out of scope): a woman belongs to her unit of residence. The explanation names the
    first event that reached her. By category (her active target categories), ethnicity
    and age group.

    Records considered: the denominator, the target women.

    Plan clauses: II.2.b ("đảm bảo 100% đối tượng được tuyên truyền"), I.2.
    """

    def consumes(self) -> Consumes:
        """The subjects of the units evaluated, and every outreach event wherever held."""
        return (
            Consumes()
            .in_unit(SubjectFacts, self.add_subject)
            .any_unit(OutreachEvent, self.add_event)
        )

    counted_code: ClassVar[str] = "reached"
    missed_code: ClassVar[str] = "not_reached"

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Keep a target woman at the period's end."""
        if not facts.woman:
            return
        targets = tuple(c for c in facts.active if c.is_outreach_target)
        if targets:
            self.women[facts.subject.id] = _person(unit, targets, facts)

    def add_event(self, event: OutreachEvent, unit: str | None) -> None:  # noqa: ARG002 - the woman's unit counts
        """Note, for each subject reached by an event in the period, the first such event."""
        if not in_period(event.held_on, self.ctx):
            return
        reached = self.first
        seen = (event.held_on, event.id)
        for subject_id in event.reached_subject_ids:
            current = reached.get(subject_id)
            if current is None or seen < current:
                reached[subject_id] = seen

    def match_facts(self, seen: tuple[Any, ...]) -> dict[str, Fact | None]:
        """The first event that reached her: its date and id."""
        return {"reached": seen[0], "event": seen[1]}


class SupportCoverage(Accumulator):
    """``support.coverage``: returned victims supported since they returned, of all of them.

    Denominator: the subjects (of any sex: plan II.3.b speaks of victims) registered on or
    before the period's end with a ``returned_victim`` span active on the end day, each
    once, in their unit of residence read on ``registered_on``. Numerator: those who
    received at least one support action delivered from that span's ``since`` to the
    period's end, both included, of any kind and wherever delivered. Per kind of support
    (breakdown ``support_kind``): the victims who received that kind in the same window,
    over all returned victims. By sex, ethnicity and age group too. For each victim and
    kind only the latest delivery up to the end is kept: a delivery in the window exists
    if and only if that latest one is on or after ``since``.

    Records considered: the denominator, the returned victims.

    Plan clauses: II.3.b, III.2.c, III.4.a, III.5.b.
    """

    def consumes(self) -> Consumes:
        """The subjects of the units evaluated, and every support action wherever delivered."""
        return (
            Consumes()
            .in_unit(SubjectFacts, self.add_subject)
            .any_unit(SupportAction, self.add_support)
        )

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with no victim and no support."""
        super().__init__(indicator, context)
        self.victims: dict[str, _Person] = {}
        self.latest: dict[tuple[str, SupportKind], tuple[dt.date, str]] = {}

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Keep a returned victim at the period's end, with the day she returned."""
        if SubjectCategory.RETURNED_VICTIM not in facts.active:
            return
        end = self.ctx.end
        since = next(
            s.since
            for s in facts.subject.categories
            if s.category is SubjectCategory.RETURNED_VICTIM
            and s.since <= end
            and (s.until is None or end <= s.until)
        )
        self.victims[facts.subject.id] = _person(unit, (), facts, since)

    def add_support(self, action: SupportAction, unit: str | None) -> None:  # noqa: ARG002 - the victim's unit counts
        """Keep the latest delivery of each kind to each person, up to the period's end."""
        if action.delivered_on > self.ctx.end:
            return
        key = (action.subject_id, action.kind)
        seen = (action.delivered_on, action.id)
        current = self.latest.get(key)
        if current is None or seen > current:
            self.latest[key] = seen

    def merge(self, other: Accumulator) -> None:
        """Union the victims and keep the latest delivery per person and kind."""
        assert isinstance(other, SupportCoverage)  # noqa: S101 - the engine pairs like with like
        self.victims.update(other.victims)
        for key, seen in other.latest.items():
            current = self.latest.get(key)
            if current is None or seen > current:
                self.latest[key] = seen

    def finish(self) -> dict[str | None, Tally]:
        """Join the victims with the support delivered since each returned."""
        tallies: dict[str | None, Tally] = {}
        end = self.ctx.end
        for subject_id, person in self.victims.items():
            unit, since = person[0], person[5]
            assert since is not None  # noqa: S101 - every victim is kept with her return date
            tally = _tally_of(tallies, unit)
            tally.denominator += 1
            tally.considered += 1
            received: list[tuple[dt.date, str, SupportKind]] = []
            for kind in SupportKind:
                seen = self.latest.get((subject_id, kind))
                cell = tally.cell(_SUPPORT_KIND, kind.value)
                cell.denominator += 1
                if seen is not None and seen[0] >= since:
                    cell.numerator += 1
                    received.append((seen[0], seen[1], kind))
            _person_cells(tally, person, counted=bool(received), sex=True)
            if received:
                day, action, kind = max(received)
                self._count(
                    tally,
                    subject_id,
                    unit,
                    "supported",
                    since=since,
                    delivered=day,
                    kind=kind,
                    action=action,
                )
            else:
                self._fail(tally, subject_id, unit, "not_supported", since=since, end=end)
        return tallies


class WomenVocational(_WomenJoin):
    """``women.vocational``: listed women who had vocational training or counselling in the period.

    Denominator: the women (sex female, registered on or before the period's end) with a
    span of ``unemployed``, ``difficult_circumstances`` or ``poor`` active on the end day,
    each once, in their unit of residence. Numerator: those who received a support action
    of kind ``vocational_training`` or ``vocational_counselling`` delivered in the period,
    wherever delivered (the explanation names the first). By category (of those three),
    ethnicity and age group.

    Records considered: the denominator, the women listed.

    Plan clauses: III.4.c ("lập danh sách số phụ nữ không có việc làm, có hoàn cảnh khó
    khăn ... mở các lớp dạy nghề, hướng nghiệp"), III.2.b, II.3.a.
    """

    def consumes(self) -> Consumes:
        """The subjects of the units evaluated, and every support action wherever delivered."""
        return (
            Consumes()
            .in_unit(SubjectFacts, self.add_subject)
            .any_unit(SupportAction, self.add_support)
        )

    counted_code: ClassVar[str] = "trained"
    missed_code: ClassVar[str] = "not_trained"

    def add_subject(self, facts: SubjectFacts, unit: str) -> None:
        """Keep a woman of the listed categories at the period's end."""
        if not facts.woman:
            return
        listed = tuple(c for c in facts.active if c in VOCATIONAL_CATEGORIES)
        if listed:
            self.women[facts.subject.id] = _person(unit, listed, facts)

    def add_support(self, action: SupportAction, unit: str | None) -> None:  # noqa: ARG002 - the woman's unit counts
        """Note each person's first vocational support in the period."""
        if action.kind not in VOCATIONAL_KINDS or not in_period(action.delivered_on, self.ctx):
            return
        seen = (action.delivered_on, action.id, action.kind)
        current = self.first.get(action.subject_id)
        if current is None or seen[:2] < current[:2]:
            self.first[action.subject_id] = seen

    def match_facts(self, seen: tuple[Any, ...]) -> dict[str, Fact | None]:
        """The first vocational support: its kind, date and id."""
        return {"kind": seen[2], "delivered": seen[0], "action": seen[1]}


# -- events ------------------------------------------------------------------------


class OutreachEvents(Accumulator):
    """``outreach.events``: outreach events held in the period, and their participants.

    Counts the outreach events whose ``held_on`` is in the period, in the unit where each
    was held (its ``unit_code`` read on ``held_on``); figure ``participants``: the sum of
    their ``participants``. By channel and by language, with the participants of each
    as the figure ``participants`` of the breakdown's cell.

    Records considered: the outreach events held in the unit on or before the period's
    end; a unit with none has no data rather than 0 events.

    Plan clauses: I.2, II.2.b, III.2.a.
    """

    def consumes(self) -> Consumes:
        """Each outreach event placed in a unit evaluated."""
        return Consumes().in_unit(OutreachEvent, self.add_event)

    def add_event(self, event: OutreachEvent, unit: str) -> None:
        """Count an event held in the period and its participants."""
        ctx = self.ctx
        if event.held_on > ctx.end:
            return
        tally = self.tally(unit)
        tally.considered += 1
        if event.held_on < ctx.start:
            return
        people = event.participants
        tally.add("participants", people)
        for key in ((_CHANNEL, event.channel.value), (_LANGUAGE, event.language)):
            cell = tally.cell(*key)
            cell.numerator += 1
            cell.add("participants", people)
        self._count(
            tally,
            event.id,
            unit,
            "event",
            held=event.held_on,
            channel=event.channel,
            participants=people,
            language=event.language,
        )
