"""Administrative units and their codes, which change meaning over time.

Units are identified by their codes in the national list of the General Statistics
Office (GSO): two digits for a province, three for a district, five for a commune or
ward, kept as text so that leading zeros survive (``"03388"``, never ``3388``).

A code is not a stable identifier. On 1 July 2025 the district level was abolished and
the seven communes and wards of Lai Châu city were merged, with three communes of
neighbouring districts, into two wards directly under the province (Nghị quyết
1670/NQ-UBTVQH15 of 16 June 2025). The new Phường Đoàn Kết took the code ``03388``,
which until 30 June 2025 was Phường Quyết Tiến, while the old Phường Đoàn Kết was
``03389``. So every question a :class:`UnitRegistry` answers takes the date at which the
code is read: a record's code means what it meant on the record's own date.

Plan clauses: I.5, IV.1 (the 07/07 communes and wards of the city).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, Self

import attrs

from threeno.errors import UnitError
from threeno.messages import Notice
from threeno.model._base import (
    LabelledEnum,
    check_order,
    fail,
    nfc,
    non_empty,
    of_enum,
    optional_date,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "AdministrativeUnit",
    "UnitKind",
    "UnitLevel",
    "UnitRegistry",
]

_ONE_DAY: Final = dt.timedelta(days=1)


class UnitLevel(LabelledEnum):
    """The tier of local government a unit belongs to.

    Source: Luật Tổ chức chính quyền địa phương 2015, Art. 2 (three tiers until
    30 June 2025; from 1 July 2025 two, province and commune).

    .. versionadded:: 0.1.0
    """

    PROVINCE = ("province", "cấp tỉnh", "province level")
    DISTRICT = ("district", "cấp huyện", "district level")
    COMMUNE = ("commune", "cấp xã", "commune level")

    @property
    def code_length(self) -> int:
        """How many digits the GSO gives a code at this level (2, 3 or 5)."""
        return _CODE_LENGTH[self]

    @property
    def depth(self) -> int:
        """The distance from the top (0 province, 1 district, 2 commune); a parent's is smaller."""
        return _DEPTH[self]


_CODE_LENGTH: Final = {UnitLevel.PROVINCE: 2, UnitLevel.DISTRICT: 3, UnitLevel.COMMUNE: 5}
_DEPTH: Final = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}


class UnitKind(LabelledEnum):
    """The kind of an administrative unit, whose Vietnamese label prefixes its name.

    ``thanh_pho`` is a city under a province (thành phố thuộc tỉnh, district level, such
    as Thành phố Lai Châu); a city directly under the central government (Hà Nội) is
    ``thanh_pho_tw``, at province level. ``quan``, ``thi_xa`` and ``dac_khu`` complete the
    national list for localities other than Lai Châu.

    Source: Luật Tổ chức chính quyền địa phương 2015, Art. 2; GSO unit list (column
    "Cấp"). Plan clauses: I.5 ("07/07 xã, phường").

    .. versionadded:: 0.1.0
    """

    TINH = ("tinh", "Tỉnh", "Province")
    THANH_PHO_TW = ("thanh_pho_tw", "Thành phố", "Centrally governed city")
    THANH_PHO = ("thanh_pho", "Thành phố", "City")
    HUYEN = ("huyen", "Huyện", "District")
    QUAN = ("quan", "Quận", "Urban district")
    THI_XA = ("thi_xa", "Thị xã", "Town")
    PHUONG = ("phuong", "Phường", "Ward")
    XA = ("xa", "Xã", "Commune")
    THI_TRAN = ("thi_tran", "Thị trấn", "Township")
    DAC_KHU = ("dac_khu", "Đặc khu", "Special zone")

    @property
    def level(self) -> UnitLevel:
        """The tier of government (province, district or commune)."""
        return _KIND_LEVEL[self]


_KIND_LEVEL: Final = {
    UnitKind.TINH: UnitLevel.PROVINCE,
    UnitKind.THANH_PHO_TW: UnitLevel.PROVINCE,
    UnitKind.THANH_PHO: UnitLevel.DISTRICT,
    UnitKind.HUYEN: UnitLevel.DISTRICT,
    UnitKind.QUAN: UnitLevel.DISTRICT,
    UnitKind.THI_XA: UnitLevel.DISTRICT,
    UnitKind.PHUONG: UnitLevel.COMMUNE,
    UnitKind.XA: UnitLevel.COMMUNE,
    UnitKind.THI_TRAN: UnitLevel.COMMUNE,
    UnitKind.DAC_KHU: UnitLevel.COMMUNE,
}


def _is_code(value: object) -> bool:
    return isinstance(value, str) and value.isascii() and value.isdigit()


def _aliases(value: object) -> object:
    # A lone string would otherwise become a tuple of its letters; leave it for the
    # validator to refuse.
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        return value
    return tuple(nfc(v) for v in value)


def _unit_error(code: str, /, **params: object) -> UnitError:
    """A :class:`UnitError` of ``code``, its English wording as its message."""
    return UnitError(Notice(code, params).text("en"), code=code, params=params)


def _version_notice(unit: AdministrativeUnit, heir: AdministrativeUnit | None) -> Notice:
    """A version of a code in a message: its name and span, and what it merged into."""
    params: dict[str, object] = {"name": unit.full_name, "span": _span_notice(unit)}
    if heir is None:
        return Notice("unit_version", params)
    merged = {"heir": heir.code, "heir_name": heir.full_name, "heir_from": str(heir.valid_from)}
    return Notice("unit_version_merged", {**params, **merged})


def _span_notice(unit: AdministrativeUnit) -> Notice:
    start, end = unit.valid_from, unit.valid_to
    if start is None and end is None:
        return Notice("span_always")
    if start is None:
        return Notice("span_until", {"end": str(end)})
    if end is None:
        return Notice("span_from", {"start": str(start)})
    return Notice("span_between", {"start": str(start), "end": str(end)})


@attrs.frozen(kw_only=True)
class AdministrativeUnit:
    """One version of an administrative unit: a code with a name and a kind over a span of dates.

    Args:
        code: the GSO code as text, with its leading zeros (``"03388"``): 2 digits for a
            province, 3 for a district, 5 for a commune or ward.
        name: the name without its kind, in NFC, spelled as in the official list
            (``"Quyết Tiến"``; :attr:`full_name` gives ``"Phường Quyết Tiến"``).
        kind: the :class:`UnitKind`.
        parent: the code of the unit it belongs to, read at this version's dates; ``None``
            only for a province.
        valid_from: the first day this version is in force; ``None`` means "since before
            our records" (the founding date of most units is not in the GSO list).
        valid_to: the last day it is in force (inclusive); ``None`` while it still is.
        successor: the code of the unit it was merged into, in force from the day after
            ``valid_to``. A split (one unit into several) cannot be recorded; none happened
            in Lai Châu city.
        aliases: other spellings found in official documents (``"Lản Nhì Thàng"``), kept for
            matching names, never shown instead of ``name``.

    Raises:
        ValidationError: naming the field, for a code that is not digits of the length of
            its level, an empty name, a province with a parent (or another unit without),
            ``valid_to`` before ``valid_from``, or a successor without ``valid_to``.

    Source: GSO list of administrative units; Nghị quyết 1670/NQ-UBTVQH15 (2025).
    Plan clauses: I.5, IV.1.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field()
    name: str = attrs.field(converter=nfc, validator=non_empty)
    kind: UnitKind = attrs.field(validator=of_enum(UnitKind))
    parent: str | None = attrs.field(default=None)
    valid_from: dt.date | None = attrs.field(default=None, validator=optional_date)
    valid_to: dt.date | None = attrs.field(default=None, validator=optional_date)
    successor: str | None = attrs.field(default=None)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)

    @code.validator
    def _check_code(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not _is_code(value):
            fail(self, attribute.name, "not_a_unit_code", value=value)

    @aliases.validator
    def _check_aliases(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
            fail(self, attribute.name, "not_names")

    def __attrs_post_init__(self) -> None:
        """Check the invariants that involve several fields."""
        level = self.kind.level
        if len(self.code) != level.code_length:
            fail(
                self,
                "code",
                "unit_code_length",
                level_vi=level.vi,
                level_en=level.en,
                length=level.code_length,
                value=self.code,
            )
        if level is UnitLevel.PROVINCE:
            if self.parent is not None:
                fail(self, "parent", "province_with_parent", value=self.parent)
        elif not _is_code(self.parent):
            fail(self, "parent", "not_a_parent_code", value=self.parent)
        check_order(self, ("valid_from", self.valid_from), ("valid_to", self.valid_to))
        if self.successor is not None:
            if not _is_code(self.successor):
                fail(self, "successor", "not_a_successor_code", value=self.successor)
            if self.valid_to is None:
                fail(self, "successor", "successor_without_end")

    @property
    def level(self) -> UnitLevel:
        """The tier of government (province, district, commune), from the kind."""
        return self.kind.level

    @property
    def full_name(self) -> str:
        """The kind and the name, as official documents write it (``"Phường Quyết Tiến"``)."""
        return f"{self.kind.vi} {self.name}"

    def is_valid_on(self, on: dt.date) -> bool:
        """Whether this version is in force on ``on`` (both ends inclusive).

        Source: GSO list; Nghị quyết 1670/NQ-UBTVQH15 (new units in force from 1 July 2025).
        """
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


# (first day, last day, unit) with the open ends filled by date.min/date.max, so that
# the hot path compares plain dates and nothing else.
_Version = tuple[dt.date, dt.date, AdministrativeUnit]


def _sorted_units(value: object) -> tuple[AdministrativeUnit, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        fail(UnitRegistry, "units", "not_units", type=type(value).__name__)
    units = tuple(value)
    for i, unit in enumerate(units):
        if not isinstance(unit, AdministrativeUnit):
            fail(
                UnitRegistry,
                f"units[{i}]",
                "wrong_item",
                expected="AdministrativeUnit",
                type=type(unit).__name__,
            )
    # Provinces, then districts, then communes (the code's length is its level's).
    return tuple(sorted(units, key=lambda u: (len(u.code), u.code, u.valid_from or dt.date.min)))


def _bounds(unit: AdministrativeUnit) -> tuple[dt.date, dt.date]:
    return (unit.valid_from or dt.date.min, unit.valid_to or dt.date.max)


@attrs.frozen(repr=False)
class UnitRegistry:
    """An immutable registry of administrative units, answering every question at a date.

    A code may have several versions over time (``03388`` is Phường Quyết Tiến until
    2025-06-30 and Phường Đoàn Kết from 2025-07-01); its versions must not overlap.
    Methods that read a code take the date at which to read it:

    - :meth:`lookup`, :meth:`is_valid` and :meth:`children` take ``on``, the date of the
      record being read (the hot path of the indicator engine: a dictionary look-up and
      one or two date comparisons).
    - :meth:`successor_of`, :meth:`predecessors_of` and :meth:`crosswalk` name a version
      by ``on``, any date it was valid; ``on`` may be left out when the code has only one
      version (``successor_of("03389")``), and is required when it has several.

    Iterating gives every version (provinces, then districts, then communes; by code,
    then start); ``code in registry`` asks whether a code is known at any date, and
    ``unit in registry`` whether that version is one of the registry's.

    Args:
        units: the versions, in any order (they are kept sorted).

    Raises:
        ValidationError: when two versions of one code overlap, a parent is missing or not
            of a higher level at either end of the child's span, or a successor is not in
            force on the day after its predecessor's last day.

    Source: GSO list of administrative units; Nghị quyết 1670/NQ-UBTVQH15 (2025).
    Plan clauses: I.5, IV.1.

    .. versionadded:: 0.1.0
    """

    units: tuple[AdministrativeUnit, ...] = attrs.field(converter=_sorted_units)
    _index: dict[str, tuple[_Version, ...]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    _children: dict[str, tuple[AdministrativeUnit, ...]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    _predecessors: dict[AdministrativeUnit, tuple[AdministrativeUnit, ...]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        """Index the versions by code and check overlaps, parents and successors."""
        index: dict[str, list[_Version]] = {}
        for unit in self.units:
            start, end = _bounds(unit)
            versions = index.setdefault(unit.code, [])
            if versions and versions[-1][1] >= start:
                # Sorted by start, so only the previous version can overlap.
                earlier = versions[-1][2]
                fail(
                    self,
                    "units",
                    "unit_versions_overlap",
                    code=unit.code,
                    name=earlier.full_name,
                    span=_span_notice(earlier),
                    other_name=unit.full_name,
                    other_span=_span_notice(unit),
                )
            versions.append((start, end, unit))
        self._index.update({code: tuple(v) for code, v in index.items()})

        children: dict[str, list[AdministrativeUnit]] = {}
        predecessors: dict[AdministrativeUnit, list[AdministrativeUnit]] = {}
        for unit in self.units:
            if unit.parent is not None:
                self._check_parent(unit)
                children.setdefault(unit.parent, []).append(unit)
            if unit.successor is not None and unit.valid_to is not None:
                heir = self._find(unit.successor, unit.valid_to + _ONE_DAY)
                if heir is None:
                    fail(
                        self,
                        "units",
                        "successor_not_in_registry",
                        code=unit.code,
                        name=unit.full_name,
                        successor=unit.successor,
                        on=str(unit.valid_to + _ONE_DAY),
                    )
                predecessors.setdefault(heir, []).append(unit)
        self._children.update({code: tuple(units) for code, units in children.items()})
        self._predecessors.update({heir: tuple(us) for heir, us in predecessors.items()})

    def _check_parent(self, unit: AdministrativeUnit) -> None:
        parent = str(unit.parent)
        for day in _bounds(unit):
            found = self._find(parent, day)
            if found is None:
                params: dict[str, object] = {
                    "code": unit.code,
                    "name": unit.full_name,
                    "parent": parent,
                    "span": _span_notice(unit),
                }
                if day in {dt.date.min, dt.date.max}:
                    fail(self, "units", "parent_not_in_registry", **params)
                fail(self, "units", "parent_not_in_registry_on", **params, on=str(day))
            if found.level.depth >= unit.level.depth:
                fail(
                    self,
                    "units",
                    "parent_not_higher",
                    code=unit.code,
                    name=unit.full_name,
                    level_vi=unit.level.vi,
                    level_en=unit.level.en,
                    parent=parent,
                    parent_name=found.full_name,
                )

    # -- construction ------------------------------------------------------------------

    @classmethod
    def lai_chau(cls) -> Self:
        """The registry of Lai Châu city's units before and after 1 July 2025.

        Holds :data:`~threeno.model.lai_chau.LAI_CHAU_UNITS`: the province, the city and
        its seven communes and
        wards (the plan's "07/07"), the two neighbouring districts with the three of their
        communes that joined the new wards, and the two wards in force from 2025-07-01.

        Source: GSO list as of 2025-01-04; the official conversion table of Nghị quyết
        1670/NQ-UBTVQH15. Plan clauses: I.5, IV.1.
        """
        from threeno.model.lai_chau import LAI_CHAU_UNITS  # noqa: PLC0415 - it imports this module

        return cls(LAI_CHAU_UNITS)

    # -- the hot path ------------------------------------------------------------------

    def _find(self, code: str, on: dt.date) -> AdministrativeUnit | None:
        try:
            for start, end, unit in self._index.get(code, ()):
                if start <= on <= end:
                    return unit
        except TypeError:
            # Only a bad argument gets here (an unhashable code, or a non-date `on`);
            # try costs nothing on the way through.
            raise self._bad_arguments(code, on) from None
        return None

    def lookup(self, code: str, on: dt.date) -> AdministrativeUnit:
        """The version of ``code`` in force on ``on``.

        Args:
            code: a GSO code as text.
            on: the date at which to read the code (a record's own date).

        Returns:
            The :class:`AdministrativeUnit` that code named that day.

        Raises:
            UnitError: naming the code and the date when the code is unknown or not in force
                that day; the message gives the dates it is in force and its successor.

        Source: GSO list; Nghị quyết 1670/NQ-UBTVQH15. Plan clauses: I.5.
        """
        unit = self._find(code, on)
        if unit is None:
            raise self._not_valid(code, on)
        return unit

    def is_valid(self, code: str, on: dt.date) -> bool:
        """Whether ``code`` names a unit in force on ``on``.

        Raises:
            UnitError: when ``on`` is not a date (noticed for codes in the registry only,
                to keep this hot path to a look-up and a comparison).

        Source: GSO list; Nghị quyết 1670/NQ-UBTVQH15. Plan clauses: I.5.
        """
        return self._find(code, on) is not None

    # -- questions about one date ------------------------------------------------------

    def children(self, code: str, on: dt.date) -> tuple[AdministrativeUnit, ...]:
        """The units directly under ``code`` on ``on``, sorted by code.

        The registry is an excerpt: for a district outside Lai Châu city it holds only the
        communes that joined the city's wards.

        Raises:
            UnitError: when ``code`` itself is not in force on ``on``.

        Source: GSO list; Nghị quyết 1670/NQ-UBTVQH15. Plan clauses: I.5 ("07/07").
        """
        self.lookup(code, on)
        return tuple(u for u in self._children.get(code, ()) if u.is_valid_on(on))

    def units_on(self, on: dt.date) -> tuple[AdministrativeUnit, ...]:
        """Every unit in force on ``on``, in the registry's order (provinces first, then by code).

        Source: GSO list; Nghị quyết 1670/NQ-UBTVQH15. Plan clauses: I.5.
        """
        return tuple(u for u in self.units if u.is_valid_on(on))

    # -- questions across the reorganisation -------------------------------------------

    def version(self, code: str, on: dt.date | None = None) -> AdministrativeUnit:
        """The version of ``code`` named by ``on``, a date it was valid, or its only version.

        Args:
            code: a GSO code as text.
            on: any date the wanted version was in force; may be left out when the code
                has a single version.

        Raises:
            UnitError: when the code is unknown, not in force on ``on``, or has several
                versions and ``on`` is missing.

        Source: GSO list; Nghị quyết 1670/NQ-UBTVQH15.
        """
        if on is not None:
            return self.lookup(code, on)
        versions = self._index.get(code, ()) if isinstance(code, str) else ()
        if len(versions) == 1:
            return versions[0][2]
        if not versions:
            raise self._not_valid(code, None)
        described = tuple(_version_notice(u, None) for _, _, u in versions)
        error = _unit_error("unit_versions", code=code, count=len(versions), versions=described)
        raise error

    def successor_of(self, code: str, *, on: dt.date | None = None) -> AdministrativeUnit | None:
        """The unit that the version of ``code`` valid on ``on`` was merged into.

        >>> from datetime import date
        >>> from threeno.model.units import UnitRegistry
        >>> reg = UnitRegistry.lai_chau()
        >>> reg.successor_of("03389").full_name  # the old Đoàn Kết: one version
        'Phường Đoàn Kết'
        >>> reg.successor_of("03388", on=date(2024, 5, 1)).full_name  # Quyết Tiến
        'Phường Đoàn Kết'

        Args:
            code: a GSO code as text.
            on: a date the old version was in force; optional for a code with one version.

        Returns:
            The successor's version in force on the day after the old one's last day, or
            ``None`` when the unit has none (still in force, or ended without a successor,
            like the abolished district level).

        Raises:
            UnitError: as :meth:`version`.

        Source: Nghị quyết 1670/NQ-UBTVQH15 and its conversion table (in force 2025-07-01).
        """
        return self._heir(self.version(code, on))

    def _heir(self, unit: AdministrativeUnit) -> AdministrativeUnit | None:
        if unit.successor is None or unit.valid_to is None:
            return None
        return self._find(unit.successor, unit.valid_to + _ONE_DAY)

    def predecessors_of(
        self, code: str, *, on: dt.date | None = None
    ) -> tuple[AdministrativeUnit, ...]:
        """The units merged into the version of ``code`` valid on ``on``, sorted by code.

        >>> from datetime import date
        >>> from threeno.model.units import UnitRegistry
        >>> reg = UnitRegistry.lai_chau()
        >>> [u.code for u in reg.predecessors_of("03408", on=date(2025, 8, 1))]
        ['03387', '03408', '03409', '03415', '03418']

        Args:
            code: a GSO code as text.
            on: a date the new version was in force; optional for a code with one version.

        Raises:
            UnitError: as :meth:`version`.

        Source: Nghị quyết 1670/NQ-UBTVQH15 and its conversion table (in force 2025-07-01).
        """
        return self._predecessors.get(self.version(code, on), ())

    def crosswalk(
        self, code: str, *, to: dt.date, on: dt.date | None = None
    ) -> tuple[AdministrativeUnit, ...]:
        """The units in force on ``to`` that correspond to ``code`` as it was on ``on``.

        Forwards (``to`` after the version's end) it follows successors: an old ward gives
        the one ward it was merged into. Backwards (``to`` before the version's start) it
        follows predecessors: a new ward gives every old unit that made it, including
        those from outside the old city, so totals across the change are comparable only
        over the whole set. A version still in force on ``to`` gives itself.

        >>> from datetime import date
        >>> from threeno.model.units import UnitRegistry
        >>> reg = UnitRegistry.lai_chau()
        >>> [u.full_name for u in reg.crosswalk("03389", to=date(2025, 8, 1))]
        ['Phường Đoàn Kết']
        >>> [u.code for u in reg.crosswalk("03388", on=date(2025, 8, 1), to=date(2024, 5, 1))]
        ['03386', '03388', '03389', '03391', '03403']

        Args:
            code: a GSO code as text.
            to: the date at which the answer's units are read.
            on: a date the starting version was in force; optional for a code with one
                version.

        Returns:
            The corresponding versions sorted by code; empty when the unit ended without a
            successor, or began without recorded predecessors.

        Raises:
            UnitError: as :meth:`version`.

        Source: Nghị quyết 1670/NQ-UBTVQH15 and its conversion table (in force 2025-07-01).
        """
        start = self.version(code, on)
        found: list[AdministrativeUnit] = []
        pending = [start]
        while pending:
            unit = pending.pop()
            if unit.is_valid_on(to):
                found.append(unit)
            elif unit.valid_to is not None and unit.valid_to < to:
                heir = self._heir(unit)
                if heir is not None:
                    pending.append(heir)
            else:
                pending.extend(self._predecessors.get(unit, ()))
        return tuple(sorted(found, key=lambda u: u.code))

    # -- container protocol ------------------------------------------------------------

    def __iter__(self) -> Iterator[AdministrativeUnit]:
        """Every version: provinces, then districts, then communes, each by code and start."""
        return iter(self.units)

    def __len__(self) -> int:
        """The number of versions (not of codes)."""
        return len(self.units)

    def __contains__(self, item: object) -> bool:
        """Whether a code (text) is known at any date, or a unit is one of the versions."""
        if isinstance(item, str):
            return item in self._index
        if isinstance(item, AdministrativeUnit):
            versions = self._index.get(item.code, ())
            return any(u == item for _, _, u in versions)
        return False

    def __repr__(self) -> str:
        """A short summary: the full list of versions is ``tuple(registry)``."""
        return f"<UnitRegistry: {len(self.units)} versions of {len(self._index)} codes>"

    # -- messages ----------------------------------------------------------------------

    def _bad_arguments(self, code: object, on: object) -> UnitError:
        if not isinstance(code, str):
            return _unit_error("unit_code_not_text", value=repr(code))
        return _unit_error("unit_date_not_a_date", code=code, type=type(on).__name__)

    def _not_valid(self, code: object, on: dt.date | None) -> UnitError:
        if not isinstance(code, str):
            return self._bad_arguments(code, on)
        when: Notice | str = "" if on is None else Notice("on_date", {"on": str(on)})
        versions = self._index.get(code, ())
        if not versions:
            hint: Notice | str = ""
            if code.isdigit() and len(code) < 5:
                padded = [c for c in (code.zfill(2), code.zfill(3), code.zfill(5)) if c in self]
                if padded:
                    hint = Notice("leading_zero_lost", {"code": padded[0]})
            return _unit_error("unknown_unit_code", code=code, when=when, hint=hint)
        described = tuple(_version_notice(unit, self._heir(unit)) for _, _, unit in versions)
        return _unit_error("unit_not_valid", code=code, when=when, versions=described)
