"""The accumulator machinery: what an accumulator reads, and what the engine gives it.

An accumulator declares what it reads by class (``Consumes``): the facts of a crime report
or a subject, or the record, for the records placed in a unit evaluated; the record itself,
wherever placed, for the joins and the report submissions.
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

import attrs
import pytest

from tests.indicators.indicator_scenario import CITY, OUTSIDE, PERIOD, PLAN, QT, D, event, report
from threeno.indicators import counting
from threeno.indicators.catalogue import CATALOGUE, get
from threeno.indicators.counting import (
    Accumulator,
    Consumes,
    Context,
    ReportFacts,
    SubjectFacts,
)
from threeno.indicators.engine import evaluate
from threeno.model.activities import OutreachEvent
from threeno.model.crime import CrimeReport, CriminalCase
from threeno.model.dataset import Dataset
from threeno.model.enums import Channel

if TYPE_CHECKING:
    from threeno.indicators.definitions import Indicator


class Recorder(Accumulator):
    """Notes what the engine gives it: crime reports by unit, outreach events wherever."""

    def __init__(self, indicator: Indicator, context: Context) -> None:
        """Start with nothing given."""
        super().__init__(indicator, context)
        self.given: list[tuple[str, str, str | None]] = []

    def consumes(self) -> Consumes:
        """Reports' facts in the units evaluated; every outreach event."""
        return Consumes().in_unit(ReportFacts, self.add_report).any_unit(OutreachEvent, self.add)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Note the report's facts and its unit."""
        self.given.append(("add_report", facts.report.id, unit))

    def add(self, record: OutreachEvent, unit: str | None) -> None:
        """Note the event and its unit (``None``: in no unit evaluated)."""
        self.given.append(("add", record.id, unit))


class TestWhatTheEngineGives:
    """The engine calls the methods an accumulator names, with what each names."""

    def test_in_unit_and_any_unit(self) -> None:
        """Reports reach ``add_report`` only in a unit evaluated; events reach ``add`` all.

        CR-1 is in Quyết Thắng (03386), CR-2 in the city (105: a unit, not the plan's),
        so only CR-1 is given. E-1 is held in Quyết Thắng, E-2 in Lả Nhì Thàng (03391,
        not in the registry): both are given, E-2 with no unit.
        """
        data = Dataset(
            crime_reports=[report("CR-1", D(2024, 1, 5)), report("CR-2", D(2024, 1, 6), unit=CITY)],
            outreach_events=[
                event("E-1", QT, D(2024, 2, 1), Channel.FACE_TO_FACE, 10, ()),
                event("E-2", OUTSIDE, D(2024, 2, 2), Channel.FACE_TO_FACE, 10, ()),
            ],
        )
        recorder = attrs.evolve(get("reports.received"), accumulator=Recorder)
        (acc,) = evaluate(PLAN, data, PERIOD, indicators=[recorder])._state.accumulators
        expected = [("add_report", "CR-1", QT), ("add", "E-1", QT), ("add", "E-2", None)]
        assert expected == acc.given

    def test_the_base_class_reads_nothing(self) -> None:
        """An accumulator that declares nothing is given nothing."""
        consumes = Accumulator.consumes(Recorder.__new__(Recorder))
        assert consumes.in_unit_method(ReportFacts) is None
        assert consumes.any_unit_method(CrimeReport) is None

    @pytest.mark.parametrize("indicator", CATALOGUE, ids=lambda i: i.id)
    def test_every_catalogue_accumulator_reads_something(self, indicator: Indicator) -> None:
        """Each counting class of the catalogue overrides ``consumes``."""
        assert indicator.accumulator.consumes is not Accumulator.consumes


class TestConsumesRefuses:
    """A class the engine never gives is refused when declared, not silently never called."""

    def test_a_record_class_that_has_facts(self) -> None:
        """Crime reports come by unit as their facts: naming the record is an error."""
        with pytest.raises(TypeError, match=r"^CrimeReport is not given to accumulators by unit"):
            Consumes().in_unit(CrimeReport, lambda _report, _unit: None)

    def test_facts_for_any_unit(self) -> None:
        """Facts are made only for records in a unit evaluated: any_unit takes records."""
        with pytest.raises(TypeError, match=r"^SubjectFacts is not a record class"):
            Consumes().any_unit(SubjectFacts, lambda _facts, _unit: None)

    def test_a_class_that_is_no_record(self) -> None:
        """Only the data dictionary's record classes (or facts) are given."""
        with pytest.raises(TypeError, match=r"^int is not given"):
            Consumes().in_unit(int, lambda _n, _unit: None)

    def test_what_is_given_by_unit(self) -> None:
        """By unit: the facts of reports and subjects, and the other record classes."""
        assert counting.FACTS[CrimeReport] is ReportFacts
        consumes = Consumes().in_unit(CriminalCase, lambda _case, _unit: None)
        assert consumes.in_unit_method(CriminalCase) is not None


class TestThePackage:
    """``threeno.indicators.counting`` is where every counting name is imported from."""

    def test_every_public_name_is_the_packages(self) -> None:
        """Its files are private: each class and function carries the package's name."""
        found = {
            name: getattr(counting, name).__module__
            for name in counting.__all__
            if isinstance(getattr(counting, name), type) or callable(getattr(counting, name))
        }
        assert found
        assert set(found.values()) == {"threeno.indicators.counting"}

    def test_an_accumulator_pickles_by_the_package(self) -> None:
        """A pickled accumulator names the package, which keeps it when files move."""
        acc = evaluate(PLAN, Dataset(), PERIOD, indicators=["units.safe"])._state.accumulators[0]
        data = pickle.dumps(acc)
        assert b"threeno.indicators.counting" in data
        assert b"threeno.indicators.counting._" not in data
        assert type(pickle.loads(data)) is counting.UnitsSafe  # noqa: S301 - our own bytes
