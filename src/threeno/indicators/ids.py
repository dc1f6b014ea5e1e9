"""The ids of the indicator catalogue, which plans refer to.

A plan names indicators by id (a duty's ``indicators``, a target's ``indicator``), and
plan validation checks every such id against :data:`CATALOGUE_IDS`. The ids are stable:
they are the catalogue of DESIGN.md, "The catalogue for the 2024 plan (ids are stable)".

The indicator engine's registry of definitions must be exactly :data:`CATALOGUE_IDS`,
and the definitions whose value is a fraction exactly :data:`SHARE_IDS`; a test of the
engine checks both, so the catalogue is written once and the engine cannot drift from it.

Plan clauses: I.1, I.2, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import Final

__all__ = ["CATALOGUE_IDS", "SHARE_IDS"]

#: The indicators whose value is a share, a fraction between 0 and 1 (100% is 1.0).
#: A target for one of them must lie in [0, 1]; the others are counts (0 or more).
#: Source is DESIGN.md, the catalogue's "definition" column ("... / ...").
SHARE_IDS: Final[frozenset[str]] = frozenset(
    {
        "reports.classified",  # I.3, II.4.b: classified / received
        "reports.resolved",  # I.3, II.4.b: decided / (pending at the start + received)
        "reports.on_time",  # I.3: decided within the limit / decided
        "units.model_maintained",  # I.5, IV.1: units maintaining the model / units in scope
        "outreach.coverage",  # II.2.b: target women reached / target women
        "support.coverage",  # II.3.b, III.2.c: returned victims supported / returned victims
        "women.vocational",  # III.4.c: women referred to training / women listed
        "units.safe",  # II.1.b: units meeting Thông tư 124/2021 / units assessed
        "reporting.completeness",  # IV.2: reports submitted / reports expected
        "reporting.timeliness",  # IV.2: reports submitted on time / reports expected
    }
)

#: Every indicator id of the catalogue, 18 of them, from DESIGN.md ("The catalogue for
#: the 2024 plan"); each id's comment gives the plan clauses it serves.
CATALOGUE_IDS: Final[frozenset[str]] = SHARE_IDS | frozenset(
    {
        "subjects.monitored",  # I.1: women under management at the period's end
        "subjects.emigrated",  # I.1: women who emigrated illegally or were lured abroad
        "reports.received",  # I.3: crime reports received, by source
        "reports.overdue",  # I.3: pending past their limit at the period's end
        "cases.prosecuted",  # II.4.b: cases opened, indicted, tried; defendants
        "cases.wrongful",  # I.3: wrongful prosecutions or convictions established
        "cases.missed",  # I.3: no-case decisions overturned
        "outreach.events",  # I.2, II.2.b: events and participants, by channel and language
    }
)
