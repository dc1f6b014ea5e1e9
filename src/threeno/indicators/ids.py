"""The ids of the indicator catalogue, which plans refer to, read from the catalogue.

A plan names indicators by id (a duty's ``indicators``, a target's ``indicator``), and
plan validation checks every such id against
:data:`~threeno.indicators.catalogue.CATALOGUE_IDS`; a target for one of
:data:`~threeno.indicators.catalogue.SHARE_IDS` must lie in [0, 1]. Both are derived from
:data:`~threeno.indicators.catalogue.CATALOGUE`, the only list of indicators, and are
defined in :mod:`threeno.indicators.catalogue`; this module keeps the names importable
from where they were.

>>> from threeno.indicators.ids import CATALOGUE_IDS, SHARE_IDS
>>> "reports.on_time" in SHARE_IDS, SHARE_IDS < CATALOGUE_IDS
(True, True)

Plan clauses: I.1, I.2, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0
   Derived from the catalogue instead of listed a second time.
"""

from __future__ import annotations

from threeno.indicators.catalogue import CATALOGUE_IDS, SHARE_IDS

__all__ = ["CATALOGUE_IDS", "SHARE_IDS"]
