"""The statutory and plan rules, as pure functions that cite their sources.

Reporting periods and due dates (:mod:`threeno.rules.periods`, Nghị định 09/2019/NĐ-CP,
Art. 12; plan clause IV.2). Days off (:mod:`threeno.rules.calendar`), crime-report time
limits (:mod:`threeno.rules.time_limits`, Bộ luật Tố tụng hình sự 2015, Art. 134,
147-149, whose numbers are the dated regime of :mod:`threeno.rules.procedure`; plan clause
I.3) and victim-support regimes (:mod:`threeno.rules.support`, made of the classes of
:mod:`threeno.rules.support_regime`; Luật Phòng, chống mua bán người 2011 and 2024; plan
clauses II.3.b, III.4.a).
"""

from __future__ import annotations

from threeno.rules.calendar import DayOffCalendar, default_calendar
from threeno.rules.periods import due_date, latest_complete
from threeno.rules.procedure import PROCEDURE_2015, ProcedureRegime, procedure_regime_on
from threeno.rules.support import (
    REGIME_2011,
    REGIME_2024,
    ProtectedStatus,
    Regime,
    eligible,
    regime_on,
)
from threeno.rules.time_limits import Deadline, ReportStatus, status_on, time_limit

__all__ = [
    "PROCEDURE_2015",
    "REGIME_2011",
    "REGIME_2024",
    "DayOffCalendar",
    "Deadline",
    "ProcedureRegime",
    "ProtectedStatus",
    "Regime",
    "ReportStatus",
    "default_calendar",
    "due_date",
    "eligible",
    "latest_complete",
    "procedure_regime_on",
    "regime_on",
    "status_on",
    "time_limit",
]
