"""Administrative units: kinds, versions over time, the registry and the Lai Châu table.

Expected values come from the GSO unit list and the official conversion table of the
2025 reorganisation (Nghị quyết 1670/NQ-UBTVQH15), copied in tests/data/reference.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno.errors import ThreenoError, UnitError, ValidationError
from threeno.model.lai_chau import LAI_CHAU_UNITS
from threeno.model.units import (
    AdministrativeUnit,
    UnitKind,
    UnitLevel,
    UnitRegistry,
)

BEFORE = dt.date(2024, 5, 1)  # a day of the 2024 plan, before the reorganisation
AFTER = dt.date(2025, 8, 1)  # a day after the reorganisation of 2025-07-01
LAST_OLD_DAY = dt.date(2025, 6, 30)
FIRST_NEW_DAY = dt.date(2025, 7, 1)

# The conversion table, from 1 July 2025: which old unit went into which new ward.
INTO_DOAN_KET = ("03386", "03388", "03389", "03391", "03403")
INTO_TAN_PHONG = ("03387", "03408", "03409", "03415", "03418")
THE_SEVEN = ("03386", "03387", "03388", "03389", "03403", "03408", "03409")

#: Copies of the GSO list and the 2025 conversion table (their sources: the README there).
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


@pytest.fixture(scope="module")
def registry() -> UnitRegistry:
    """The bundled Lai Châu registry."""
    return UnitRegistry.lai_chau()


def commune(code: str = "03386", **changes: object) -> AdministrativeUnit:
    """A valid synthetic commune-level unit, with some fields changed."""
    fields: dict[str, Any] = {
        "code": code,
        "name": "Thử Nghiệm",
        "kind": UnitKind.XA,
        "parent": "105",
    }
    fields.update(changes)
    return AdministrativeUnit(**fields)


PROVINCE = AdministrativeUnit(code="12", name="Lai Châu", kind=UnitKind.TINH)
CITY = AdministrativeUnit(code="105", name="Lai Châu", kind=UnitKind.THANH_PHO, parent="12")


class TestUnitKind:
    """Kinds carry their Vietnamese prefix and their tier of government."""

    @pytest.mark.parametrize(
        ("kind", "level"),
        [
            # Luật Tổ chức chính quyền địa phương 2015, Art. 2: tỉnh is the top tier,
            # huyện and thành phố thuộc tỉnh the middle one, xã, phường, thị trấn the lowest.
            (UnitKind.TINH, UnitLevel.PROVINCE),
            (UnitKind.THANH_PHO_TW, UnitLevel.PROVINCE),
            (UnitKind.THANH_PHO, UnitLevel.DISTRICT),
            (UnitKind.HUYEN, UnitLevel.DISTRICT),
            (UnitKind.QUAN, UnitLevel.DISTRICT),
            (UnitKind.THI_XA, UnitLevel.DISTRICT),
            (UnitKind.PHUONG, UnitLevel.COMMUNE),
            (UnitKind.XA, UnitLevel.COMMUNE),
            (UnitKind.THI_TRAN, UnitLevel.COMMUNE),
            (UnitKind.DAC_KHU, UnitLevel.COMMUNE),
        ],
    )
    def test_level(self, kind: UnitKind, level: UnitLevel) -> None:
        """Every kind belongs to one tier."""
        assert level == kind.level

    def test_labels(self) -> None:
        """The Vietnamese label is the prefix official lists write before a name."""
        # GSO list, column "Cấp": "Phường", "Xã"; district names start "Huyện", "Thành phố".
        expected = ("Tỉnh", "Thành phố", "Huyện", "Phường", "Xã", "Thị trấn")
        actual = tuple(
            k.label("vi")
            for k in (
                UnitKind.TINH,
                UnitKind.THANH_PHO,
                UnitKind.HUYEN,
                UnitKind.PHUONG,
                UnitKind.XA,
                UnitKind.THI_TRAN,
            )
        )
        assert expected == actual

    def test_slugs(self) -> None:
        """The brief's six slugs are present (the data dictionary's values)."""
        assert {"tinh", "thanh_pho", "huyen", "phuong", "xa", "thi_tran"} <= set(UnitKind.slugs())

    def test_code_lengths(self) -> None:
        """GSO codes have 2, 3 and 5 digits at province, district and commune level."""
        expected = (2, 3, 5)
        actual = tuple(level.code_length for level in UnitLevel)
        assert expected == actual


class TestAdministrativeUnit:
    """One version of a unit validates its fields and names itself."""

    def test_full_name(self) -> None:
        """The kind's label and the name, as the GSO list writes it."""
        unit = AdministrativeUnit(
            code="03388", name="Quyết Tiến", kind=UnitKind.PHUONG, parent="105"
        )
        expected = "Phường Quyết Tiến"
        actual = unit.full_name
        assert expected == actual

    def test_name_is_stored_nfc(self) -> None:
        """A decomposed name (as some keyboards type it) is stored composed."""
        decomposed = unicodedata.normalize("NFD", "Sùng Phài")
        unit = commune(name=decomposed)
        assert unicodedata.normalize("NFC", "Sùng Phài") == unit.name

    def test_aliases_are_stored_nfc(self) -> None:
        """Aliases are normalised like the name, and kept in order."""
        unit = commune(aliases=[unicodedata.normalize("NFD", "Lản Nhì Thàng")])
        expected = ("Lản Nhì Thàng",)
        actual = unit.aliases
        assert expected == actual

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"code": 3388}, "code"),  # a number loses the leading zero: must be text
            ({"code": "3388"}, "code"),  # four digits: a leading zero was lost
            ({"code": "03A88"}, "code"),  # not digits
            ({"name": "  "}, "name"),
            ({"kind": "xa"}, "kind"),  # a slug, not the enum member
            ({"parent": None}, "parent"),  # a commune belongs to something
            ({"parent": 105}, "parent"),
            ({"valid_from": dt.date(2025, 1, 2), "valid_to": dt.date(2025, 1, 1)}, "valid_to"),
            ({"valid_to": dt.datetime(2025, 6, 30, tzinfo=dt.UTC)}, "valid_to"),
            ({"successor": "03388"}, "successor"),  # a successor needs a last day
            ({"successor": 3388, "valid_to": LAST_OLD_DAY}, "successor"),
            ({"aliases": "Lản Nhì Thàng"}, "aliases"),  # one string, not a list of them
            ({"aliases": [""]}, "aliases"),
        ],
    )
    def test_bad_fields(self, changes: dict[str, Any], field: str) -> None:
        """Every bad field raises a ValidationError naming the class and the field."""
        with pytest.raises(ValidationError) as info:
            commune(**changes)
        assert ("AdministrativeUnit", field) == (info.value.cls_name, info.value.field)

    def test_province_has_no_parent(self) -> None:
        """A province is the top of the tree."""
        with pytest.raises(ValidationError, match="province has no parent"):
            AdministrativeUnit(code="12", name="Lai Châu", kind=UnitKind.TINH, parent="01")

    def test_is_valid_on_is_inclusive(self) -> None:
        """valid_from and valid_to are both days the unit is in force."""
        unit = commune(valid_from=dt.date(2020, 1, 1), valid_to=LAST_OLD_DAY)
        expected = (False, True, True, False)
        actual = tuple(
            unit.is_valid_on(day)
            for day in (dt.date(2019, 12, 31), dt.date(2020, 1, 1), LAST_OLD_DAY, FIRST_NEW_DAY)
        )
        assert expected == actual

    def test_open_ends(self) -> None:
        """valid_from None means since before our records; valid_to None, still in force."""
        unit = commune()
        assert unit.is_valid_on(dt.date(1900, 1, 1))
        assert unit.is_valid_on(dt.date(2999, 1, 1))


class TestRegistryConstruction:
    """A registry refuses inconsistent versions at construction."""

    def test_overlapping_versions(self) -> None:
        """Two versions of one code in force on the same day are ambiguous."""
        first = commune(valid_to=dt.date(2025, 7, 1), successor="03386")
        second = commune(name="Khác", valid_from=dt.date(2025, 7, 1))
        with pytest.raises(ValidationError, match="two versions of code 03386 overlap"):
            UnitRegistry([PROVINCE, CITY, first, second])

    def test_adjacent_versions_are_fine(self) -> None:
        """A version ending the day before the next starts does not overlap."""
        first = commune(valid_to=LAST_OLD_DAY, successor="03386")
        second = commune(name="Khác", valid_from=FIRST_NEW_DAY)
        registry = UnitRegistry([PROVINCE, CITY, first, second])
        expected = 4
        actual = len(registry)
        assert expected == actual

    def test_missing_parent(self) -> None:
        """A parent code must be in the registry."""
        with pytest.raises(ValidationError, match="parent 105"):
            UnitRegistry([PROVINCE, commune()])

    def test_parent_not_in_force_for_the_whole_span(self) -> None:
        """A commune still in force cannot belong to a district that ended."""
        ended = AdministrativeUnit(
            code="105", name="Lai Châu", kind=UnitKind.THANH_PHO, parent="12", valid_to=LAST_OLD_DAY
        )
        with pytest.raises(ValidationError, match="parent 105"):
            UnitRegistry([PROVINCE, ended, commune()])

    def test_parent_of_lower_level(self) -> None:
        """A district cannot sit under a commune."""
        district = AdministrativeUnit(
            code="106", name="Tam Đường", kind=UnitKind.HUYEN, parent="03386"
        )
        ward = commune(parent="12")
        with pytest.raises(ValidationError, match="not of a higher level"):
            UnitRegistry([PROVINCE, ward, district])

    def test_successor_not_in_force_next_day(self) -> None:
        """A successor must be in force on the day after its predecessor's last day."""
        old = commune(valid_to=LAST_OLD_DAY, successor="03388")
        new = commune(code="03388", valid_from=dt.date(2025, 8, 1), parent="12")
        with pytest.raises(ValidationError, match="not in the registry on 2025-07-01"):
            UnitRegistry([PROVINCE, CITY, old, new])

    @pytest.mark.parametrize("units", ["03386", [PROVINCE, "03386"], 12])
    def test_not_units(self, units: object) -> None:
        """Only AdministrativeUnit records make a registry."""
        with pytest.raises(ValidationError) as info:
            UnitRegistry(units)
        expected = "UnitRegistry"
        actual = info.value.cls_name
        assert expected == actual

    def test_order_does_not_matter(self) -> None:
        """The same versions in any order make equal registries that iterate the same."""
        forwards = UnitRegistry(LAI_CHAU_UNITS)
        backwards = UnitRegistry(tuple(reversed(LAI_CHAU_UNITS)))
        assert forwards == backwards
        assert list(forwards) == list(backwards)

    def test_repr_is_short(self, registry: UnitRegistry) -> None:
        """The repr summarises: 16 versions (12, 105, 106, 109, 10 old and 2 new communes)."""
        # 14 codes: 12, 105, 106, 109, the seven of the city and 03391, 03415, 03418;
        # 03388 and 03408 have two versions each, so 16 versions.
        expected = "<UnitRegistry: 16 versions of 14 codes>"
        actual = repr(registry)
        assert expected == actual


class TestLookup:
    """lookup reads a code at a date; the 2025 reuse of 03388 is the trap it guards."""

    @pytest.mark.parametrize(
        ("code", "on", "full_name"),
        [
            # 03388 is Quyết Tiến until 30 June 2025 ...
            ("03388", BEFORE, "Phường Quyết Tiến"),
            ("03388", LAST_OLD_DAY, "Phường Quyết Tiến"),
            # ... and Đoàn Kết from 1 July 2025.
            ("03388", FIRST_NEW_DAY, "Phường Đoàn Kết"),
            ("03388", AFTER, "Phường Đoàn Kết"),
            # 03389 is the old Đoàn Kết.
            ("03389", BEFORE, "Phường Đoàn Kết"),
            # 03408 is Đông Phong before, Tân Phong after; 03387 was the old Tân Phong.
            ("03408", BEFORE, "Phường Đông Phong"),
            ("03408", AFTER, "Phường Tân Phong"),
            ("03387", BEFORE, "Phường Tân Phong"),
            ("03403", BEFORE, "Xã Sùng Phài"),
            ("105", BEFORE, "Thành phố Lai Châu"),
            ("12", AFTER, "Tỉnh Lai Châu"),
        ],
    )
    def test_resolves_at_the_date(
        self, registry: UnitRegistry, code: str, on: dt.date, full_name: str
    ) -> None:
        """A code resolves to the version in force on the date asked."""
        assert full_name == registry.lookup(code, on).full_name

    def test_parent_changes_with_the_version(self, registry: UnitRegistry) -> None:
        """Before 2025 03388 is under the city (105); after, directly under the province (12)."""
        expected = ("105", "12")
        actual = (registry.lookup("03388", BEFORE).parent, registry.lookup("03388", AFTER).parent)
        assert expected == actual

    def test_old_code_after_the_change(self, registry: UnitRegistry) -> None:
        """03389 no longer exists on 2025-08-01: the message names it, its end and its successor."""
        with pytest.raises(UnitError) as info:
            registry.lookup("03389", AFTER)
        message = str(info.value)
        for part in (
            "03389",
            "2025-08-01",
            "until 2025-06-30",
            "03388 Phường Đoàn Kết",
            "2025-07-01",
        ):
            assert part in message

    def test_new_code_before_the_change(self, registry: UnitRegistry) -> None:
        """The city (105) is gone after 2025-06-30: the message says until when it was valid."""
        with pytest.raises(UnitError, match=r"105 is not valid on 2025-08-01.*until 2025-06-30"):
            registry.lookup("105", AFTER)

    def test_unknown_code(self, registry: UnitRegistry) -> None:
        """A code not in the registry is named in the message with the date."""
        with pytest.raises(UnitError, match=r"unknown unit code '99999' on 2024-05-01"):
            registry.lookup("99999", BEFORE)

    def test_lost_leading_zero(self, registry: UnitRegistry) -> None:
        """A spreadsheet that dropped the leading zero gets a hint."""
        with pytest.raises(UnitError, match="a leading zero lost\\? 03388 is known"):
            registry.lookup("3388", BEFORE)

    @pytest.mark.parametrize(
        ("code", "on"),
        [
            (3388, BEFORE),  # a number, not text
            (["03388"], BEFORE),  # unhashable
            ("03388", "2024-05-01"),  # text, not a date
            ("03388", dt.datetime(2024, 5, 1, tzinfo=dt.UTC)),  # a datetime is not a date
        ],
    )
    def test_bad_arguments(self, registry: UnitRegistry, code: object, on: object) -> None:
        """Bad arguments raise a UnitError (a ThreenoError), not a TypeError."""
        with pytest.raises(UnitError):
            registry.lookup(code, on)  # type: ignore[arg-type]  # the point is bad input

    def test_unit_error_is_a_threeno_error(self) -> None:
        """Callers catch one class for every bad input."""
        assert issubclass(UnitError, ThreenoError)


class TestIsValid:
    """is_valid answers without raising for a known date type."""

    @pytest.mark.parametrize(
        ("code", "on", "expected"),
        [
            ("03389", BEFORE, True),
            ("03389", LAST_OLD_DAY, True),  # valid_to is inclusive
            ("03389", FIRST_NEW_DAY, False),
            ("03388", AFTER, True),  # reused code, new ward
            ("99999", BEFORE, False),
            ("3388", BEFORE, False),
        ],
    )
    def test_cases(self, registry: UnitRegistry, code: str, on: dt.date, expected: bool) -> None:
        """The reorganisation's boundary is between 2025-06-30 and 2025-07-01."""
        assert expected == registry.is_valid(code, on)

    def test_bad_date(self, registry: UnitRegistry) -> None:
        """A non-date for a known code raises a UnitError."""
        with pytest.raises(UnitError):
            registry.is_valid("03388", None)  # type: ignore[arg-type]  # the point is bad input


class TestChildren:
    """children lists the units directly under a code on a date."""

    def test_the_seven_in_2024(self, registry: UnitRegistry) -> None:
        """The plan's 07/07: seven communes and wards under the city on 2024-05-01."""
        expected = THE_SEVEN
        actual = tuple(u.code for u in registry.children("105", BEFORE))
        assert expected == actual

    def test_the_wards_under_the_province_after(self, registry: UnitRegistry) -> None:
        """After 2025-07-01 the two new wards sit directly under the province."""
        names = {u.full_name for u in registry.children("12", AFTER)}
        assert {"Phường Đoàn Kết", "Phường Tân Phong"} <= names

    def test_province_children_before(self, registry: UnitRegistry) -> None:
        """Before the change the province's children are the three districts held here."""
        expected = ("105", "106", "109")
        actual = tuple(u.code for u in registry.children("12", BEFORE))
        assert expected == actual

    def test_commune_has_none(self, registry: UnitRegistry) -> None:
        """A commune has no children."""
        expected = ()
        actual = registry.children("03386", BEFORE)
        assert expected == actual

    def test_parent_not_in_force(self, registry: UnitRegistry) -> None:
        """Asking for the city's children after it was abolished is an error, not an empty list."""
        with pytest.raises(UnitError, match="105"):
            registry.children("105", AFTER)


class TestUnitsOn:
    """units_on lists every unit in force on a date."""

    def test_before(self, registry: UnitRegistry) -> None:
        """Before: province, three districts, the seven and the three neighbours (14)."""
        expected = ("12", "105", "106", "109", *sorted((*THE_SEVEN, "03391", "03415", "03418")))
        assert expected == tuple(u.code for u in registry.units_on(BEFORE))

    def test_after(self, registry: UnitRegistry) -> None:
        """After: the province and the two wards."""
        expected = ("12", "03388", "03408")
        actual = tuple(u.code for u in registry.units_on(AFTER))
        assert expected == actual


class TestSuccessorOf:
    """successor_of follows one merge forward."""

    @pytest.mark.parametrize("code", INTO_DOAN_KET)
    def test_into_doan_ket(self, registry: UnitRegistry, code: str) -> None:
        """Conversion table: these five merged whole into Phường Đoàn Kết (03388)."""
        heir = registry.successor_of(code, on=BEFORE)
        assert heir is not None
        expected = ("03388", "Phường Đoàn Kết", FIRST_NEW_DAY)
        actual = (heir.code, heir.full_name, heir.valid_from)
        assert expected == actual

    @pytest.mark.parametrize("code", INTO_TAN_PHONG)
    def test_into_tan_phong(self, registry: UnitRegistry, code: str) -> None:
        """Conversion table: these five merged whole into Phường Tân Phong (03408)."""
        heir = registry.successor_of(code, on=BEFORE)
        assert heir is not None
        expected = ("03408", "Phường Tân Phong")
        actual = (heir.code, heir.full_name)
        assert expected == actual

    def test_on_may_be_left_out_for_one_version(self, registry: UnitRegistry) -> None:
        """03389 has one version, so no date is needed to name it."""
        heir = registry.successor_of("03389")
        assert heir is not None
        expected = "Phường Đoàn Kết"
        actual = heir.full_name
        assert expected == actual

    def test_on_is_required_for_a_reused_code(self, registry: UnitRegistry) -> None:
        """03388 has two versions: leaving out the date is refused, listing both."""
        with pytest.raises(UnitError, match=r"2 versions.*Quyết Tiến.*Đoàn Kết.*on="):
            registry.successor_of("03388")

    def test_none(self, registry: UnitRegistry) -> None:
        """A unit in force today and the abolished city have no successor."""
        expected = (None, None)
        actual = (registry.successor_of("03388", on=AFTER), registry.successor_of("105"))
        assert expected == actual


class TestPredecessorsOf:
    """predecessors_of follows merges backward one step."""

    def test_doan_ket(self, registry: UnitRegistry) -> None:
        """The new Đoàn Kết is made of five old units, one of them from Huyện Phong Thổ."""
        expected = INTO_DOAN_KET
        actual = tuple(u.code for u in registry.predecessors_of("03388", on=AFTER))
        assert expected == actual

    def test_tan_phong(self, registry: UnitRegistry) -> None:
        """The new Tân Phong is made of five old units, two of them from Huyện Tam Đường."""
        expected = INTO_TAN_PHONG
        actual = tuple(u.code for u in registry.predecessors_of("03408", on=AFTER))
        assert expected == actual

    def test_old_unit_has_none(self, registry: UnitRegistry) -> None:
        """Nothing recorded merged into the pre-2025 units."""
        expected = ()
        actual = registry.predecessors_of("03388", on=BEFORE)
        assert expected == actual


class TestCrosswalk:
    """crosswalk maps a unit at one date to the units at another, both ways."""

    @pytest.mark.parametrize(
        ("code", "new_code"),
        [(c, "03388") for c in INTO_DOAN_KET] + [(c, "03408") for c in INTO_TAN_PHONG],
    )
    def test_forwards(self, registry: UnitRegistry, code: str, new_code: str) -> None:
        """Every old unit, the four neighbours' three included, maps to its one new ward."""
        (ward,) = registry.crosswalk(code, on=BEFORE, to=AFTER)
        assert new_code == ward.code
        assert ward.is_valid_on(AFTER)

    @pytest.mark.parametrize(
        ("code", "old_codes"), [("03388", INTO_DOAN_KET), ("03408", INTO_TAN_PHONG)]
    )
    def test_backwards(self, registry: UnitRegistry, code: str, old_codes: tuple[str, ...]) -> None:
        """A new ward maps back to every old unit that made it, neighbours included."""
        units = registry.crosswalk(code, on=AFTER, to=BEFORE)
        assert old_codes == tuple(u.code for u in units)
        assert all(u.valid_to == LAST_OLD_DAY for u in units)

    def test_neighbours_parents(self, registry: UnitRegistry) -> None:
        """The neighbours come from Huyện Phong Thổ (109) and Huyện Tam Đường (106)."""
        back = registry.crosswalk("03388", on=AFTER, to=BEFORE) + registry.crosswalk(
            "03408", on=AFTER, to=BEFORE
        )
        outside = {u.code: u.parent for u in back if u.parent != "105"}
        expected = {"03391": "109", "03415": "106", "03418": "106"}
        actual = outside
        assert expected == actual

    def test_same_version(self, registry: UnitRegistry) -> None:
        """A version in force on both dates maps to itself."""
        unit = registry.lookup("03386", BEFORE)
        assert (unit,) == registry.crosswalk("03386", to=dt.date(2020, 1, 1))

    def test_no_successor(self, registry: UnitRegistry) -> None:
        """The abolished city has no counterpart after 2025."""
        expected = ()
        actual = registry.crosswalk("105", to=AFTER)
        assert expected == actual

    def test_needs_a_date_for_a_reused_code(self, registry: UnitRegistry) -> None:
        """crosswalk("03388", ...) without on= is ambiguous and refused."""
        with pytest.raises(UnitError, match="on="):
            registry.crosswalk("03388", to=BEFORE)

    @given(
        old=st.sampled_from(INTO_DOAN_KET + INTO_TAN_PHONG),
        before=st.dates(max_value=LAST_OLD_DAY),
        after=st.dates(min_value=FIRST_NEW_DAY),
    )
    def test_round_trip(self, old: str, before: dt.date, after: dt.date) -> None:
        """Forward then back returns a set that holds the starting unit."""
        registry = UnitRegistry.lai_chau()
        start = registry.lookup(old, before)
        (new,) = registry.crosswalk(old, on=before, to=after)
        assert start in registry.crosswalk(new.code, on=after, to=before)


class TestContainer:
    """A registry iterates over its versions and answers `in`."""

    def test_iteration_order(self, registry: UnitRegistry) -> None:
        """Provinces, then districts, then communes; a reused code's versions by start."""
        codes = [u.code for u in registry]
        expected = ["12", "105", "106", "109"]
        actual = codes[:4]
        assert expected == actual
        versions = [u.name for u in registry if u.code == "03388"]
        expected = ["Quyết Tiến", "Đoàn Kết"]
        actual = versions
        assert expected == actual

    def test_contains(self, registry: UnitRegistry) -> None:
        """A code is in the registry if it is known at any date; a unit if it is a version."""
        expected = (True, True, False, True, False)
        actual = (
            "03389" in registry,
            "03388" in registry,
            "3388" in registry,
            registry.lookup("03388", AFTER) in registry,
            commune(code="03999") in registry,
        )
        assert expected == actual

    def test_alias_of_lan_nhi_thang(self, registry: UnitRegistry) -> None:
        """The GSO spelling is the name; the conversion table's spelling is an alias."""
        unit = registry.lookup("03391", BEFORE)
        expected = ("Lả Nhì Thàng", ("Lản Nhì Thàng",))
        actual = (unit.name, unit.aliases)
        assert expected == actual


def _read(name: str) -> list[dict[str, str]]:
    path = REFERENCE / name
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: unicodedata.normalize("NFC", v or "") for k, v in row.items() if k}
            for row in csv.DictReader(handle)
        ]


def _split_prefix(full_name: str) -> tuple[str, str]:
    """Split "Phường Quyết Tiến" into ("Phường", "Quyết Tiến")."""
    for prefix in ("Thành phố", "Thị trấn", "Phường", "Huyện", "Tỉnh", "Xã"):
        if full_name.startswith(prefix + " "):
            return prefix, full_name[len(prefix) + 1 :]
    msg = f"no known prefix in {full_name!r}"
    raise AssertionError(msg)


def _code_in_brackets(text: str) -> str:
    """The code in "Thành phố Lai Châu (105)"."""
    match = re.search(r"\((\d+)\)$", text)
    assert match is not None, text
    return match[1]


class TestAgainstOfficialTables:
    """The shipped table matches the GSO list and the official conversion table."""

    def test_gso_list(self, registry: UnitRegistry) -> None:
        """Every GSO row (as of 2025-01-04) has the same code, name, kind and parent here."""
        rows = _read("gso-units-lai-chau-2025-01-04.csv")
        on = dt.date(2025, 1, 4)
        for row in rows:
            unit = registry.lookup(row["Mã PX"], on)
            kind, name = _split_prefix(row["Phường Xã"])
            assert (row["Cấp"], kind, name, row["Mã QH"]) == (
                unit.kind.label("vi"),
                unit.kind.label("vi"),
                unit.name,
                unit.parent,
            )
            district = registry.lookup(row["Mã QH"], on)
            assert (row["Quận Huyện"], row["Mã TP"]) == (district.full_name, district.parent)
            assert row["Tỉnh Thành Phố"] == registry.lookup(row["Mã TP"], on).full_name
        # Both ways: every commune-level unit in force that day is in the GSO excerpt.
        shipped = {u.code for u in registry.units_on(on) if u.level is UnitLevel.COMMUNE}
        assert {row["Mã PX"] for row in rows} == shipped

    def test_conversion_table(self, registry: UnitRegistry) -> None:
        """Every conversion row: the old unit (read before) has the new ward as successor."""
        rows = _read("conversion-2025-07-lai-chau-city.csv")
        for row in rows:
            old = registry.lookup(row["Mã Xã cũ"], LAST_OLD_DAY)
            heir = registry.successor_of(old.code, on=LAST_OLD_DAY)
            assert heir is not None
            assert (row["Mã Xã mới"], row["Tên Xã mới"]) == (heir.code, heir.full_name)
            kind, name = _split_prefix(row["Tên Xã cũ"])
            assert kind == old.kind.label("vi")
            assert name in (old.name, *old.aliases)
            assert _code_in_brackets(row["Quận/huyện"]) == old.parent
            assert row["Ghi chú"] == "Nhập toàn bộ"  # merged whole: a successor, not a split
            assert _code_in_brackets(row["Tỉnh, thành phố"]) == heir.parent
        # Both ways: the predecessors of each new ward are exactly the table's old codes.
        for new_code in {row["Mã Xã mới"] for row in rows}:
            expected = sorted(r["Mã Xã cũ"] for r in rows if r["Mã Xã mới"] == new_code)
            actual = [u.code for u in registry.predecessors_of(new_code, on=AFTER)]
            assert expected == actual
