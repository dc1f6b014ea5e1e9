"""The time limits of the Criminal Procedure Code as dated data: how long, and where it is written.

Bộ luật Tố tụng hình sự 2015 (101/2015/QH13, in force 1 January 2018, amended 2021) gives
the authority that receives a denunciation, a crime report or a recommendation to
prosecute 20 days to decide on it (Art. 147(1)), up to 2 months for a complex matter and
2 more by the procuracy, once (Art. 147(2)); a suspension stops the clock (Art. 148) and
after the resumption at most 1 month remains (Art. 149(1)); Art. 134(1) says how the
days and months are counted. A :class:`ProcedureRegime` holds these numbers with the
places in the Code they come from, and the dates of receipt it governs, as
:mod:`threeno.rules.support` holds the support regimes; :mod:`threeno.rules.time_limits`
computes a report's limit under the regime in force on the day it was received
(:func:`procedure_regime_on`).

Reading: Bộ luật Tố tụng hình sự 2003 is not encoded, so a report received before
1 January 2018 is counted under the 2015 Code (its limits, in days and months, are those
the plan's years apply).

Plan clauses: I.3 (every report resolved, on time), II.4.b.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from threeno.errors import RulesError
from threeno.model._base import check_order, date_field, fail, optional_date
from threeno.model.sources import CRIMINAL_PROCEDURE_CODE_2015, Instrument, Reference

__all__ = [
    "BASE_DAYS",
    "EXTENSION_MONTHS",
    "PROCEDURE_2015",
    "PROCEDURE_REGIMES",
    "RESUMPTION_MONTHS",
    "ProcedureRegime",
    "procedure_regime_on",
]


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        fail(instance, attribute.name, "must be a whole number, 1 or more")


_REFERENCE: Final = attrs.validators.instance_of(Reference)


@attrs.frozen(kw_only=True)
class ProcedureRegime:
    """The time limits for deciding on a crime report under one Code, from its dates.

    Args:
        instrument: the Code.
        in_force_from: the first day of receipt it governs; by default the Code's entry
            into force.
        in_force_until: the last day of receipt it governs (``None`` while in force); by
            default the Code's last day in force.
        base_days: days from receipt to decide (Art. 147(1): 20).
        extension_months: months from receipt for a complex matter (Art. 147(2): 2).
        procuracy_months: the procuracy's further months, once (Art. 147(2): 2).
        resumption_months: months left after a resumption (Art. 149(1): 1).
        base: where the base limit is set (Art. 147(1)).
        extension: where the complex-matter extension is (Art. 147(2)).
        procuracy: where the procuracy's extension is (Art. 147(2)).
        suspension: where suspension is (Art. 148).
        resumption: where the time left after a resumption is (Art. 149(1)).
        counting: how limits are counted, and the day-off rule (Art. 134(1)).

    Raises:
        ValidationError: a number that is not a whole number of 1 or more, a reference
            that is not a :class:`~threeno.model.sources.Reference`, or an end before
            the start.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134(1), 147(1)–(2), 148, 149(1).

    .. versionadded:: 0.2.0
    """

    instrument: Instrument = attrs.field(validator=attrs.validators.instance_of(Instrument))
    in_force_from: dt.date = attrs.field(validator=date_field)
    in_force_until: dt.date | None = attrs.field(validator=optional_date)
    base_days: int = attrs.field(validator=_positive)
    extension_months: int = attrs.field(validator=_positive)
    procuracy_months: int = attrs.field(validator=_positive)
    resumption_months: int = attrs.field(validator=_positive)
    base: Reference = attrs.field(validator=_REFERENCE)
    extension: Reference = attrs.field(validator=_REFERENCE)
    procuracy: Reference = attrs.field(validator=_REFERENCE)
    suspension: Reference = attrs.field(validator=_REFERENCE)
    resumption: Reference = attrs.field(validator=_REFERENCE)
    counting: Reference = attrs.field(validator=_REFERENCE)

    @in_force_from.default
    def _code_in_force_from(self) -> dt.date:
        start = self.instrument.in_force_from
        if start is None:
            fail(self, "in_force_from", "is needed: the instrument's entry into force is unknown")
        return start

    @in_force_until.default
    def _code_in_force_to(self) -> dt.date | None:
        return self.instrument.in_force_to

    def __attrs_post_init__(self) -> None:
        """Refuse an end before the start."""
        check_order(
            self, ("in_force_from", self.in_force_from), ("in_force_until", self.in_force_until)
        )

    def covers(self, on: dt.date) -> bool:
        """Whether this regime governs a report received on ``on``."""
        until = self.in_force_until
        return self.in_force_from <= on and (until is None or on <= until)


def _article(
    article: str, clause: str | None = None, *, verified: bool = True, note: str = ""
) -> Reference:
    return Reference(
        instrument=CRIMINAL_PROCEDURE_CODE_2015,
        article=article,
        clause=clause,
        verified=verified,
        note=note,
    )


_EXTENSION: Final = _article("147", "2")

PROCEDURE_2015: Final = ProcedureRegime(
    instrument=CRIMINAL_PROCEDURE_CODE_2015,
    base_days=20,
    extension_months=2,
    procuracy_months=2,
    resumption_months=1,
    base=_article("147", "1"),
    extension=_EXTENSION,
    procuracy=_EXTENSION,
    suspension=_article("148"),
    resumption=_article("149", "1"),
    counting=_article(
        "134",
        "1",
        verified=False,
        note=(
            "whether the day of receipt counts is not verified for criminal procedure (a "
            "parameter, not counted by default); the day-off rule, stated in the sentence on "
            "months, is applied to limits in days too"
        ),
    ),
)
"""The time limits of Bộ luật Tố tụng hình sự 2015, for reports received from 2018-01-01.

20 days from receipt (Art. 147(1)); 2 months for a complex matter and 2 more by the
procuracy, once (Art. 147(2)); 1 month after a resumption (Art. 149(1)); counted under
Art. 134(1). The 2021 amendment (Luật 02/2021/QH15) added a ground of suspension to
Art. 148 and changed none of these numbers.
"""

#: The procedure regimes in date order.
PROCEDURE_REGIMES: Final = (PROCEDURE_2015,)

#: Days from receipt to decide (Art. 147(1)), under :data:`PROCEDURE_2015`.
BASE_DAYS: Final = PROCEDURE_2015.base_days
#: Months from receipt for a complex matter, and the procuracy's further months
#: (Art. 147(2)), under :data:`PROCEDURE_2015`.
EXTENSION_MONTHS: Final = PROCEDURE_2015.extension_months
#: Months left to decide after a resumption (Art. 149(1)), under :data:`PROCEDURE_2015`.
RESUMPTION_MONTHS: Final = PROCEDURE_2015.resumption_months


def procedure_regime_on(on: dt.date) -> ProcedureRegime:
    """The time limits that govern a crime report received on ``on``.

    Reading: Bộ luật Tố tụng hình sự 2003 is not encoded, so a report received before
    the 2015 Code came into force (1 January 2018) is counted under the 2015 Code.

    Legal sources: Bộ luật Tố tụng hình sự 2015 (101/2015/QH13), in force 1 January 2018.

    Args:
        on: the day of receipt.

    Returns:
        The regime (:data:`PROCEDURE_2015` for every day so far).

    Raises:
        RulesError: ``on`` is not a date.

    >>> import datetime as dt
    >>> from threeno.rules.procedure import procedure_regime_on
    >>> regime = procedure_regime_on(dt.date(2024, 1, 25))
    >>> regime.instrument.number, regime.base_days, regime.extension_months
    ('101/2015/QH13', 20, 2)

    .. versionadded:: 0.2.0
    """
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        msg = f"a day of receipt must be a date (YYYY-MM-DD), not {type(on).__name__}"
        raise RulesError(msg)
    for regime in reversed(PROCEDURE_REGIMES):
        if regime.in_force_from <= on:
            return regime
    return PROCEDURE_REGIMES[0]  # before 2018: the 2015 Code (the 2003 Code is not encoded)
