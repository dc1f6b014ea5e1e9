"""Lai Châu city's administrative units before and after the 2025 reorganisation, as data.

The table the bundled plans and :meth:`UnitRegistry.lai_chau
<threeno.model.units.UnitRegistry.lai_chau>` read: the province, the city and its seven
communes and wards until 30 June 2025, the neighbouring districts' three communes that
joined the new wards, and the two wards in force from 1 July 2025 (Nghị quyết
1670/NQ-UBTVQH15). Another locality writes its units in its plan file instead.

Plan clauses: I.5, IV.1 (the 07/07 communes and wards of the city).

.. versionadded:: 0.2.0
   The table was defined in :mod:`threeno.model.units`.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from threeno.model.sources import RESOLUTION_1670_2025, Instrument
from threeno.model.units import AdministrativeUnit, UnitKind

__all__ = ["LAI_CHAU_UNITS"]


def _in_force(instrument: Instrument) -> dt.date:
    day = instrument.in_force_from
    if day is None:  # pragma: no cover - the resolution's date is recorded
        msg = f"{instrument.number} has no recorded date of effect"
        raise ValueError(msg)
    return day


def _ward(code: str, name: str, kind: UnitKind, successor: str) -> AdministrativeUnit:
    return AdministrativeUnit(
        code=code,
        name=name,
        kind=kind,
        parent="105",
        valid_to=_LAST_DAY_BEFORE_2025,
        successor=successor,
    )


# The units of the 2025 reorganisation are in force from the resolution's date of effect;
# the old ones end the day before.
_FIRST_DAY_OF_2025_UNITS: Final = _in_force(RESOLUTION_1670_2025)
_LAST_DAY_BEFORE_2025: Final = _FIRST_DAY_OF_2025_UNITS - dt.timedelta(days=1)

#: Lai Châu city's units before and after the 2025 reorganisation, as
#: :class:`~threeno.model.units.AdministrativeUnit` versions (the province, the districts,
#: then the communes).
#:
#: - Province 12 (Tỉnh Lai Châu), unchanged in 2025.
#: - District level until 2025-06-30, when it was abolished without successors: 105
#:   Thành phố Lai Châu, and the neighbours 106 Huyện Tam Đường and 109 Huyện Phong Thổ.
#: - The city's seven communes and wards (the plan's "07/07") until 2025-06-30, and the
#:   three neighbouring communes 03391, 03415, 03418, each with the ward it was merged into.
#:   03391 is spelled "Lả Nhì Thàng" in the GSO list (kept as its name) and "Lản Nhì Thàng"
#:   in the conversion table (kept as an alias).
#: - From 2025-07-01, Phường Đoàn Kết (03388) and Phường Tân Phong (03408), directly under
#:   the province.
#:
#: The start of the pre-2025 units is not in the GSO list: ``valid_from=None`` means
#: "since before our records". Sources: GSO list as of 2025-01-04; the official conversion
#: table of Nghị quyết 1670/NQ-UBTVQH15 (16 June 2025; new units in force 1 July 2025).
LAI_CHAU_UNITS: Final[tuple[AdministrativeUnit, ...]] = (
    AdministrativeUnit(code="12", name="Lai Châu", kind=UnitKind.TINH),
    AdministrativeUnit(
        code="105",
        name="Lai Châu",
        kind=UnitKind.THANH_PHO,
        parent="12",
        valid_to=_LAST_DAY_BEFORE_2025,
    ),
    AdministrativeUnit(
        code="106",
        name="Tam Đường",
        kind=UnitKind.HUYEN,
        parent="12",
        valid_to=_LAST_DAY_BEFORE_2025,
    ),
    AdministrativeUnit(
        code="109",
        name="Phong Thổ",
        kind=UnitKind.HUYEN,
        parent="12",
        valid_to=_LAST_DAY_BEFORE_2025,
    ),
    _ward("03386", "Quyết Thắng", UnitKind.PHUONG, "03388"),
    _ward("03387", "Tân Phong", UnitKind.PHUONG, "03408"),
    _ward("03388", "Quyết Tiến", UnitKind.PHUONG, "03388"),
    AdministrativeUnit(
        code="03388",
        name="Đoàn Kết",
        kind=UnitKind.PHUONG,
        parent="12",
        valid_from=_FIRST_DAY_OF_2025_UNITS,
    ),
    _ward("03389", "Đoàn Kết", UnitKind.PHUONG, "03388"),
    AdministrativeUnit(
        code="03391",
        name="Lả Nhì Thàng",
        kind=UnitKind.XA,
        parent="109",
        valid_to=_LAST_DAY_BEFORE_2025,
        successor="03388",
        aliases=("Lản Nhì Thàng",),
    ),
    _ward("03403", "Sùng Phài", UnitKind.XA, "03388"),
    _ward("03408", "Đông Phong", UnitKind.PHUONG, "03408"),
    AdministrativeUnit(
        code="03408",
        name="Tân Phong",
        kind=UnitKind.PHUONG,
        parent="12",
        valid_from=_FIRST_DAY_OF_2025_UNITS,
    ),
    _ward("03409", "San Thàng", UnitKind.XA, "03408"),
    AdministrativeUnit(
        code="03415",
        name="Nùng Nàng",
        kind=UnitKind.XA,
        parent="106",
        valid_to=_LAST_DAY_BEFORE_2025,
        successor="03408",
    ),
    AdministrativeUnit(
        code="03418",
        name="Bản Giang",
        kind=UnitKind.XA,
        parent="106",
        valid_to=_LAST_DAY_BEFORE_2025,
        successor="03408",
    ),
)
