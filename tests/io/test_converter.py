"""The project's converter: strict primitives, ISO dates, slugs, tuples, paths in errors."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import cattrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import ValidationError
from threeno.io.converter import (
    CONVERTER,
    RECORD_CLASSES,
    field_problems,
    make_converter,
    structure_problems,
)
from threeno.model.activities import ModelReview, SafetyAssessment
from threeno.model.dataset import RECORD_TYPES, Dataset, Problem
from threeno.model.period import ReportingPeriod
from threeno.model.plan import Comparator, Plan, Target
from threeno.model.subjects import Subject
from threeno.model.units import AdministrativeUnit, UnitKind, UnitRegistry
from threeno.plans import available, load_plan
from threeno.testing.strategies import datasets


@attrs.frozen(kw_only=True)
class Sample:
    """A record with one field of each kind the converter has a hook for."""

    count: int = 0
    share: float = 0.0
    value: int | float = 0
    flag: bool = False
    text: str = ""
    day: dt.date | None = None
    moment: dt.datetime | None = None
    p_day: pendulum.Date | None = None
    p_moment: pendulum.DateTime | None = None
    kind: UnitKind | None = None
    names: tuple[str, ...] = ()


def problems_of(data: object, cls: type = Sample) -> tuple[str, ...]:
    """The problems the converter reports for ``data``, as ``path: message`` lines."""
    with pytest.raises(Exception) as excinfo:  # noqa: PT011 - any structuring error
        CONVERTER.structure(data, cls)
    return structure_problems(excinfo.value)


class TestPrimitives:
    """Text, whole numbers, numbers and flags are never coerced."""

    def test_whole_number_refuses_text_float_and_bool(self) -> None:
        """``"5"``, ``5.7`` and ``true`` are not whole numbers (int() would take all three)."""
        assert problems_of({"count": "5"}) == ("count: must be a whole number, not str",)
        assert problems_of({"count": 5.7}) == ("count: must be a whole number, not float",)
        assert problems_of({"count": True}) == ("count: must be a whole number, not bool",)

    def test_number_takes_int_and_float_not_bool(self) -> None:
        """A float field takes 1 or 1.5 but not ``true`` nor infinity."""
        assert CONVERTER.structure({"share": 1}, Sample).share == 1.0
        assert problems_of({"share": True}) == ("share: must be a number, not bool",)
        assert problems_of({"share": float("inf")}) == ("share: must be a finite number, not inf",)

    def test_int_or_float_keeps_its_kind(self) -> None:
        """``int | float``: a count stays an int, a share a float; a bool is refused."""
        assert type(CONVERTER.structure({"value": 0}, Sample).value) is int
        assert type(CONVERTER.structure({"value": 1.0}, Sample).value) is float
        assert problems_of({"value": False}) == ("value: must be a number, not bool",)

    def test_text_and_flag(self) -> None:
        """Text must be text; a flag must be ``true`` or ``false``, not 1."""
        assert problems_of({"text": 3}) == ("text: must be text, not int",)
        assert problems_of({"flag": 1}) == ("flag: must be true or false, not int",)


class TestDates:
    """Dates are ISO ``YYYY-MM-DD`` or TOML dates; datetimes carry an offset."""

    def test_iso_text_and_toml_date(self) -> None:
        """``"2024-02-29"`` (a leap day) and a date object both give the plain date."""
        expected = dt.date(2024, 2, 29)
        assert expected == CONVERTER.structure({"day": "2024-02-29"}, Sample).day
        assert expected == CONVERTER.structure({"day": expected}, Sample).day

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            # fromisoformat would read these compact and week forms: refuse them.
            ("20240115", "must be a date written YYYY-MM-DD, not '20240115'"),
            ("2024-W03-1", "must be a date written YYYY-MM-DD, not '2024-W03-1'"),
            ("15/01/2024", "must be a date written YYYY-MM-DD, not '15/01/2024'"),
            # 2023 is not a leap year; April has 30 days.
            ("2023-02-29", "'2023-02-29' is not a date that exists"),
            ("2024-04-31", "'2024-04-31' is not a date that exists"),
        ],
    )
    def test_other_forms_and_impossible_dates_refused(self, text: str, message: str) -> None:
        """Only ``YYYY-MM-DD`` of a real day is a date."""
        assert problems_of({"day": text}) == (f"day: {message}",)

    def test_a_datetime_is_not_a_date(self) -> None:
        """A TOML datetime in a date field is refused rather than truncated."""
        moment = dt.datetime(2024, 1, 2, 3, 4, 5)  # noqa: DTZ001 - the naive value is the point
        assert problems_of({"day": moment}) == (
            "day: must be a date (YYYY-MM-DD) without a time, not 2024-01-02T03:04:05",
        )

    def test_datetime_needs_an_offset(self) -> None:
        """A time without an offset is ambiguous (DESIGN.md: times carry an offset)."""
        expected = (
            "moment: must be a date and time written YYYY-MM-DDThh:mm:ss+hh:mm, "
            "not '2024-01-02T03:04:05'"
        )
        assert problems_of({"moment": "2024-01-02T03:04:05"}) == (expected,)
        parsed = CONVERTER.structure({"moment": "2024-01-02T03:04:05+07:00"}, Sample).moment
        assert parsed == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=7)))

    def test_pendulum_types_are_structured_as_pendulum(self) -> None:
        """Fields typed with pendulum get pendulum values, written back as ISO text."""
        sample = CONVERTER.structure(
            {"p_day": "2024-12-14", "p_moment": "2024-12-14T23:59:00+07:00"}, Sample
        )
        assert isinstance(sample.p_day, pendulum.Date)
        assert isinstance(sample.p_moment, pendulum.DateTime)
        data = CONVERTER.unstructure(sample)
        assert data["p_day"] == "2024-12-14"
        assert data["p_moment"] == "2024-12-14T23:59:00+07:00"

    @given(st.dates())
    def test_dates_round_trip(self, day: dt.date) -> None:
        """Any date is written as ISO text and read back equal."""
        data = CONVERTER.unstructure(Sample(day=day))
        assert day.isoformat() == data["day"]
        assert day == CONVERTER.structure(data, Sample).day

    @given(
        st.datetimes(
            timezones=st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(
                lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
            )
        )
    )
    def test_aware_datetimes_round_trip(self, moment: dt.datetime) -> None:
        """A datetime with an offset keeps its instant and offset through ISO text.

        Data carry offsets, not zones (DESIGN.md), so the property is over fixed offsets.
        """
        back = CONVERTER.structure(CONVERTER.unstructure(Sample(moment=moment)), Sample).moment
        assert back == moment
        assert back is not None
        assert back.utcoffset() == moment.utcoffset()


class TestEnumsAndTuples:
    """Enumerations by slug; lists become tuples, a lone text is not a list."""

    def test_enum_by_slug(self) -> None:
        """``"xa"`` is ``UnitKind.XA``, written back as ``"xa"``."""
        sample = CONVERTER.structure({"kind": "xa"}, Sample)
        assert sample.kind is UnitKind.XA
        assert CONVERTER.unstructure(sample)["kind"] == "xa"

    def test_unknown_slug_lists_the_known_ones(self) -> None:
        """An unknown slug names the enumeration and its values."""
        (problem,) = problems_of({"kind": "village"})
        assert problem.startswith("kind: unknown UnitKind 'village'; known values: tinh, ")

    def test_comparator_slugs_are_symbols(self) -> None:
        """A comparator is written as its symbol."""
        target = CONVERTER.structure(
            {"indicator": "reports.overdue", "comparator": "==", "value": 0, "clause": "I.3"},
            Target,
        )
        assert target.comparator is Comparator.EQUAL

    def test_list_becomes_tuple_and_text_is_refused(self) -> None:
        """``["a"]`` gives ``("a",)``; ``"abc"`` is refused, not split into letters."""
        assert CONVERTER.structure({"names": ["a"]}, Sample).names == ("a",)
        assert problems_of({"names": "abc"}) == ("names: must be a list, not str",)

    def test_json_ready(self) -> None:
        """Unstructured data is plain JSON: lists, strings, numbers."""
        sample = Sample(day=dt.date(2024, 1, 1), kind=UnitKind.PHUONG, names=("x",))
        text = json.dumps(CONVERTER.unstructure(sample))
        assert CONVERTER.structure(json.loads(text), Sample) == sample


class TestStructureProblems:
    """Every problem, one line each, with the path of its key."""

    def test_every_problem_with_its_path(self) -> None:
        """Wrong types, a missing key, an unknown key and a model invariant, all at once."""
        data = [
            {"code": "03386", "name": "Quyết Thắng", "kind": "phuong", "parent": "105"},
            # The name is empty: AdministrativeUnit's own validator refuses it.
            {"code": "03387", "name": " ", "kind": "phuong", "parent": "105"},
            # No kind; an unknown key; a date that does not exist.
            {"code": "03388", "name": "Quyết Tiến", "valid_to": "2025-06-31", "parnt": "105"},
        ]
        with pytest.raises(cattrs.BaseValidationError) as excinfo:
            CONVERTER.structure(data, tuple[AdministrativeUnit, ...])
        assert structure_problems(excinfo.value, root="units") == (
            "units[1].name: must not be empty",
            "units[2].kind: required key missing",
            "units[2].valid_to: '2025-06-31' is not a date that exists",
            "units[2].parnt: unknown key",
        )

    def test_a_single_value_at_the_root(self) -> None:
        """A problem with no path is the message alone."""
        with pytest.raises(ValidationError) as excinfo:
            CONVERTER.structure("2024-13-01", dt.date)
        assert structure_problems(excinfo.value) == ("'2024-13-01' is not a date that exists",)


class TestMakeConverter:
    """A fresh converter is configured the same way, and is independent."""

    def test_fresh_converter_is_equally_strict(self) -> None:
        """``make_converter()`` refuses what ``CONVERTER`` refuses."""
        converter = make_converter()
        with pytest.raises(cattrs.BaseValidationError):
            converter.structure({"count": "5"}, Sample)
        assert converter is not CONVERTER


class TestRecords:
    """Every record type: a round trip, absent values left out, codes shared."""

    @given(record=st.one_of(*(st.from_type(cls) for cls in RECORD_CLASSES)))
    def test_round_trip_of_every_type(self, record: object) -> None:
        """Unstructure then structure gives back an equal record, through JSON text."""
        data = json.loads(json.dumps(CONVERTER.unstructure(record)))
        assert record == CONVERTER.structure(data, type(record))

    @given(data=datasets(max_size=3))
    def test_round_trip_of_a_dataset(self, data: Dataset) -> None:
        """A whole Dataset too (its private index is not data)."""
        unstructured = CONVERTER.unstructure(data)
        assert list(RECORD_TYPES) == list(unstructured)
        assert data == CONVERTER.structure(unstructured, Dataset)

    def test_absent_values_left_out_in_field_order(self) -> None:
        """No ``null`` for an absent value; the other keys in the order of the fields."""
        review = {
            "id": "SF-1",
            "unit_code": "03386",
            "scope": "khu_dan_cu",
            "year": 2024,
            "assessed_on": "2024-12-01",
            "meets_standard": True,
        }
        assessment = CONVERTER.structure(review, SafetyAssessment)
        # area_name (None) is left out; criteria_failed (an empty list) is written.
        expected = [*review, "criteria_failed"]
        assert expected == list(CONVERTER.unstructure(assessment))

    def test_codes_and_dates_are_shared(self) -> None:
        """Two records read from separate texts share one unit code and one date object."""
        text = '{"id": "MR-%d", "unit_code": "03386", "held_on": "2024-06-20",'
        text += ' "kind": "so_ket", "maintained": true}'
        first, second = (CONVERTER.structure(json.loads(text % i), ModelReview) for i in (1, 2))
        assert first.unit_code is second.unit_code
        assert first.held_on is second.held_on

    def test_a_list_where_an_object_belongs(self) -> None:
        """A category written as text, not an object: named by its index."""
        subject = {
            "id": "S-1",
            "sex": "female",
            "birth_year": 1990,
            "ethnicity": "01",
            "unit_code": "03386",
            "registered_on": "2024-01-01",
            "categories": ["poor"],
        }
        assert problems_of(subject, Subject) == (
            "categories[0]: must be an object of {key: value} pairs, not str",
        )


class TestFieldProblems:
    """The same problems as pairs, and a fast converter that stops at the first."""

    def test_pairs(self) -> None:
        """``(path, message)``; the path is empty for the value itself."""
        with pytest.raises(cattrs.BaseValidationError) as excinfo:
            CONVERTER.structure({"count": "5", "z": 1}, Sample)
        assert field_problems(excinfo.value, root="x") == (
            ("x.count", "must be a whole number, not str"),
            ("x.z", "unknown key"),
        )
        with pytest.raises(ValidationError) as single:
            CONVERTER.structure("2024-13-01", dt.date)
        assert field_problems(single.value) == (("", "'2024-13-01' is not a date that exists"),)

    def test_fast_converter(self) -> None:
        """Without detailed validation, the first problem comes as a bare error."""
        fast = make_converter(detailed_validation=False)
        with pytest.raises(ValidationError, match="must be a whole number, not str"):
            fast.structure({"count": "5", "z": 1}, Sample)
        assert Sample(count=5) == fast.structure({"count": 5}, Sample)


class TestEveryModelType:
    """Beyond records: periods, unit registries, plans and problems round-trip too."""

    @given(period=st.from_type(ReportingPeriod))
    def test_reporting_period(self, period: ReportingPeriod) -> None:
        """Any period, through JSON text."""
        data = json.loads(json.dumps(CONVERTER.unstructure(period)))
        assert period == CONVERTER.structure(data, ReportingPeriod)

    @pytest.mark.parametrize("plan_id", available())
    def test_bundled_plans_and_their_registries(self, plan_id: str) -> None:
        """Each bundled plan, and the unit registry it builds, come back equal."""
        plan = load_plan(plan_id)
        assert plan == CONVERTER.structure(CONVERTER.unstructure(plan), Plan)
        registry = plan.registry
        assert registry == CONVERTER.structure(CONVERTER.unstructure(registry), UnitRegistry)

    def test_problem(self) -> None:
        """A problem between records is plain data too."""
        problem = Problem(record_type="support_actions", record_id="SA-1", field="x", message="y")
        assert problem == CONVERTER.structure(CONVERTER.unstructure(problem), Problem)
