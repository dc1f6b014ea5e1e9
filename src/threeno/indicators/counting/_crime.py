"""The counting rules of crime reports and criminal cases (plan clauses I.3, II.4.b).

A crime report belongs to its ``unit_code`` read at ``received_on``, a criminal case to
its ``unit_code`` read at ``opened_on``. A report's *final decision* is any decision but
a suspension (khởi tố, không khởi tố, chuyển: Bộ luật Tố tụng hình sự 2015, Art. 147(1), 146(2));
a report is *suspended at* a day when a suspension began on or before it and was not
resumed by it (Art. 148). A suspension is a decision too (Art. 147(1)(c)); whether it
resolves a report is the evaluation's ``suspension_counts_as_resolved`` (a reading, off
by default; see :class:`ReportsResolved`). The report accumulators take each report's
:class:`~threeno.indicators.counting.ReportFacts`, computed once for all of them.

Plan clauses: I.3, II.4.b.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from threeno.indicators.counting._base import Accumulator, Consumes, ReportFacts, in_period
from threeno.indicators.definitions import Dimension
from threeno.model.crime import CriminalCase
from threeno.model.enums import Decision
from threeno.rules.time_limits import StepKind

if TYPE_CHECKING:
    import datetime as dt

    from threeno.indicators.explanation import Fact
    from threeno.rules.time_limits import Deadline

__all__ = [
    "DEFAULT_TRAFFICKING_OFFENCES",
    "CasesMissed",
    "CasesProsecuted",
    "CasesWrongful",
    "ReportsClassified",
    "ReportsOnTime",
    "ReportsOverdue",
    "ReportsReceived",
    "ReportsResolved",
]

#: The offences ``cases.prosecuted`` counts by default: trafficking in persons (Bộ luật
#: Hình sự 2015, Art. 150) and in persons under 16 (Art. 151), the "trafficking cases" of
#: the catalogue. A plan widens it with ``Indicator.with_offences``.
DEFAULT_TRAFFICKING_OFFENCES: Final[frozenset[int]] = frozenset({150, 151})

_SOURCE: Final = Dimension.SOURCE.value
_OFFENCE: Final = Dimension.OFFENCE.value
_DECISION: Final = Dimension.DECISION.value


class ReportsReceived(Accumulator):
    """``reports.received``: crime reports received in the period.

    Counts every crime report whose ``received_on`` is in the period, by its source
    (tố giác, tin báo, kiến nghị khởi tố, tự thú, tự phát hiện: Bộ luật Tố tụng hình sự
    2015, Art. 143, 144) and its offence article, in the unit of its ``unit_code`` read on
    ``received_on``. Every report in the data is assumed to be about the plan's offences
    (the provincial tool exports only those); a definition with ``offences`` set counts
    only those articles and shows the others apart (figure ``other_offences``).

    Records considered: the unit's crime reports (of the definition's offences) received
    on or before the period's end, the register as it stood then; a unit with none has no
    data rather than 0 reports.

    Plan clauses: I.3.
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Count the report if it was received in the period."""
        report = facts.report
        ctx = self.ctx
        if report.received_on > ctx.end:
            return
        counted = self.indicator.counts(report.offence_article)
        if counted:
            self.tally(unit).considered += 1
        if report.received_on < ctx.start:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.cell(_SOURCE, report.source.value).numerator += 1
        tally.cell(_OFFENCE, str(report.offence_article)).numerator += 1
        self._count(
            tally, report.id, unit, "received", received=report.received_on, source=report.source
        )


class ReportsClassified(Accumulator):
    """``reports.classified``: reports received in the period and classified by its end.

    Denominator: the crime reports received in the period (``received_on`` in it).
    Numerator: those of them with ``classified_on`` set and on or before the period's
    end. A report classified after the end fails, with the date it was classified. By
    source. Reports about offences outside the definition's ``offences`` (if set) are shown
    apart.

    Records considered: the denominator, the reports received in the period.

    Plan clauses: I.3 ("100% ... được tiếp nhận, phân loại"), II.4.b.
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Put a report received in the period in the denominator; count it if classified."""
        report = facts.report
        ctx = self.ctx
        if not in_period(report.received_on, ctx):
            return
        tally = self.tally(unit)
        if not self.indicator.counts(report.offence_article):
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.denominator += 1
        tally.considered += 1
        cell = tally.cell(_SOURCE, report.source.value)
        cell.denominator += 1
        received, classified = report.received_on, report.classified_on
        if classified is not None and classified <= ctx.end:
            cell.numerator += 1
            self._count(
                tally, report.id, unit, "classified", received=received, classified=classified
            )
        elif classified is None:
            self._fail(tally, report.id, unit, "not_classified", received=received, end=ctx.end)
        else:
            self._fail(
                tally,
                report.id,
                unit,
                "classified_late",
                received=received,
                classified=classified,
                end=ctx.end,
            )


class ReportsResolved(Accumulator):
    """``reports.resolved``: reports resolved in the period, of those to resolve.

    Each report to resolve stands at the period's end in exactly one category, a figure
    of the same name (and, in the explanation, a line that says which):

    * ``decided_on_time``: a final decision dated in the period (khởi tố, không khởi tố:
      Bộ luật Tố tụng hình sự 2015, Art. 147(1); chuyển: Art. 146(2)), on or before the
      time limit in force on its day (Art. 147, 149(1), 134(1), as ``reports.on_time``
      judges it);
    * ``decided_late``: a final decision dated in the period, after that limit, or after
      a limit missed before a suspension;
    * ``suspended_at_end``: the handling suspended (tạm đình chỉ, Art. 147(1)(c), on the
      grounds of Art. 148) and not resumed by the end: a decision, never "not resolved";
    * ``pending_within_limit``: no decision by the end and its limit, as known at the end,
      not passed (a limit ends at 24:00 of its last day, Art. 134(1)): đang giải quyết,
      còn trong hạn;
    * ``overdue_at_end``: no decision by the end and its limit passed: quá hạn chưa giải
      quyết (the reports ``reports.overdue`` counts).

    A decision dated after the period's end is not one of the period: the report is
    pending or overdue at the end, by its limit as known then.

    Denominator: the reports pending at the period's start (received before it, with no
    final decision before it) plus those received in it (figures ``pending_at_start`` and
    ``received_in_period``). Numerator: ``decided_on_time`` plus ``decided_late`` and,
    when the evaluation's ``suspension_counts_as_resolved`` is set, ``suspended_at_end``.
    Whether official statistics count a suspended report as resolved is not verified, so
    this is a reading, off by default: a suspended report then stays in the denominator
    and out of the numerator. When it is set, a report whose suspension in force at the
    end began before the period was resolved in an earlier period and is not in this
    one's denominator; one resumed in the period is, and is counted again if suspended
    again or finally decided in it.

    Explanation: the reports resolved are counted; ``overdue_at_end`` fail;
    ``pending_within_limit`` and, when not counted, ``suspended_at_end`` are *in progress*
    (in the denominator, not in the numerator, not failing). A reopened no-case decision
    (``reopened_on``) does not undo the decision here; ``cases.missed`` counts it. By
    source (numerator and denominator) and by decision (numerator only; ``tam_dinh_chi``
    only when a suspension counts).

    Records considered: the denominator, the reports to resolve in the period.

    Plan clauses: I.3 ("100% ... được ... giải quyết"), II.4.b.
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Put a report to resolve in the denominator, in its category at the period's end."""
        report = facts.report
        ctx = self.ctx
        final = facts.final_on
        if report.received_on > ctx.end or (final is not None and final < ctx.start):
            return
        since = facts.suspended_since
        if ctx.suspension_resolves and since is not None and since < ctx.start:
            return  # resolved by a suspension of an earlier period, still in force
        tally = self.tally(unit)
        if not self.indicator.counts(report.offence_article):
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.denominator += 1
        tally.considered += 1
        received = report.received_on
        tally.add("pending_at_start" if received < ctx.start else "received_in_period")
        cell = tally.cell(_SOURCE, report.source.value)
        cell.denominator += 1
        decision = report.decision
        if final is not None and final <= ctx.end and decision is not None:
            cell.numerator += 1
            tally.cell(_DECISION, decision.value).numerator += 1
            deadline = facts.at_decision()
            on_time = _on_time(deadline, final)
            tally.add("decided_on_time" if on_time else "decided_late")
            limit = deadline.missed_limit or deadline.date
            self._count(
                tally,
                report.id,
                unit,
                "resolved_on_time" if on_time else "resolved_late",
                received=received,
                decided=final,
                decision=decision,
                limit=limit,
                basis=deadline,
            )
            return
        after = decision if final is not None else None
        if since is not None:
            tally.add("suspended_at_end")
            if ctx.suspension_resolves:
                cell.numerator += 1
                tally.cell(_DECISION, Decision.TAM_DINH_CHI.value).numerator += 1
                self._count(
                    tally, report.id, unit, "suspension_resolves", received=received, since=since
                )
            else:
                self._in_progress(
                    tally, report.id, unit, "suspension_open", received=received, since=since
                )
            return
        deadline = facts.at_end()
        limit = deadline.date
        facts_of = {
            "received": received,
            "limit": limit,
            "basis": deadline,
            "end": ctx.end,
            "decided": final if after is not None else None,
            "decision": after,
        }
        if limit is not None and limit < ctx.end:
            tally.add("overdue_at_end")
            self._fail(tally, report.id, unit, "overdue_open", **facts_of)
        else:
            tally.add("pending_within_limit")
            self._in_progress(tally, report.id, unit, "within_limit_open", **facts_of)


def _on_time(deadline: Deadline, decided: dt.date) -> bool:
    """Decided on or before the limit in force, with no limit missed before a suspension."""
    limit = deadline.date
    return deadline.missed_limit is None and limit is not None and decided <= limit


class ReportsOnTime(Accumulator):
    """``reports.on_time``: reports resolved in the period within their statutory limit.

    Denominator: the reports with a final decision (khởi tố, không khởi tố, chuyển) dated
    in the period, whenever received. Numerator: those decided on or before their time
    limit as known on the day of the decision (:func:`threeno.rules.time_limits.time_limit`
    with ``as_of`` the decision's date): 20 days from receipt (Art. 147(1)), or the
    extended limit (Art. 147(2)), 1 month from the latest resumption after a suspension
    (Art. 149(1)), a last day that is a day off moved to the next working day (Art.
    134(1)); a report suspended only after its limit had passed is late whenever decided
    (``Deadline.missed_limit``). Whether the day of receipt counts is the evaluation's
    ``count_receipt_day`` (default not counted). By source.

    A suspension (tạm đình chỉ, Art. 147(1)(c), 148) is one of the three decisions Art.
    147(1) allows within the limit. By default (``suspension_counts_as_resolved`` not
    set) it is not the decision this indicator judges: a suspension within the limit
    stops the clock and is never late, and the report is judged when finally decided,
    against 1 month from its resumption; a suspension after the limit had passed makes
    the report late. With ``suspension_counts_as_resolved`` set, the reports suspended at
    the period's end by a suspension begun in it (those ``reports.resolved`` counts as
    resolved) are in the denominator too, on time when the suspension came within the
    limit in force and no limit was missed before.

    Records considered: the denominator, the reports resolved in the period.

    Plan clauses: I.3, II.4.b ("xử lý kịp thời").
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Put a report resolved in the period in the denominator; count it if on time."""
        report = facts.report
        final = facts.final_on
        ctx = self.ctx
        since = facts.suspended_since
        suspension = ctx.suspension_resolves and since is not None and since >= ctx.start
        if not suspension and (final is None or not in_period(final, ctx)):
            return
        tally = self.tally(unit)
        if not self.indicator.counts(report.offence_article):
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.denominator += 1
        tally.considered += 1
        cell = tally.cell(_SOURCE, report.source.value)
        cell.denominator += 1
        received = report.received_on
        if suspension:
            deadline = facts.at_end()
            if deadline.missed_limit is None:
                cell.numerator += 1
                self._count(
                    tally, report.id, unit, "suspended_in_time", received=received, since=since
                )
            else:
                self._fail(
                    tally,
                    report.id,
                    unit,
                    "suspended_late",
                    received=received,
                    since=since,
                    missed=deadline.missed_limit,
                )
            return
        assert final is not None  # noqa: S101 - not a suspension: decided in the period
        limit, missed = facts.last_day_at_decision()
        if missed is not None:
            deadline = facts.at_decision()
            late_suspension = next(
                (s.event_on for s in deadline.steps if s.kind is StepKind.SUSPENSION and s.late),
                None,
            )
            self._fail(
                tally,
                report.id,
                unit,
                "missed_limit",
                received=received,
                missed=missed,
                suspended=late_suspension,
                decided=final,
            )
        elif limit is not None and final <= limit:
            cell.numerator += 1
            self._count(
                tally,
                report.id,
                unit,
                "decided",
                received=received,
                limit=limit,
                basis=facts.at_decision,
                decided=final,
            )
        else:
            self._fail(
                tally,
                report.id,
                unit,
                "decided",
                received=received,
                limit=limit,
                basis=facts.at_decision,
                decided=final,
            )


class ReportsOverdue(Accumulator):
    """``reports.overdue``: reports pending at the period's end whose limit ended before it.

    Counts the reports received on or before the period's end, with no final decision on
    or before it, not under suspension at the end, whose time limit as known at the end
    (:func:`threeno.rules.time_limits.time_limit` with ``as_of`` the end) is a day before
    the end: a limit ends at 24:00 of its last day (Bộ luật Tố tụng hình sự 2015, Art.
    134(1)), so a limit ending on the period's last day is not yet passed. Figures:
    ``pending_at_end`` (every report not finally decided by the end, suspended ones
    included) and ``suspended_at_end`` (those under suspension, Art. 148: the clock is
    stopped, so they are shown apart, not counted). By source.

    Records considered: the unit's reports (of the definition's offences) received on or
    before the period's end and not finally decided before its start, the reports open at
    some time in the period; with none, "no report overdue" is no data, not met.

    Plan clauses: I.3 (every report resolved in time).
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Count a report pending past its limit at the period's end."""
        report = facts.report
        ctx = self.ctx
        final = facts.final_on
        if report.received_on > ctx.end or (final is not None and final < ctx.start):
            return
        counted = self.indicator.counts(report.offence_article)
        if counted:
            self.tally(unit).considered += 1
        if final is not None and final <= ctx.end:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.add("pending_at_end")
        received = report.received_on
        limit = None if facts.suspended_since is not None else facts.last_day_at_end()
        if limit is None:
            tally.add("suspended_at_end")
            self._apart(
                tally,
                report.id,
                unit,
                "suspended",
                keep=self.keep_failures,
                received=received,
                since=facts.suspended_since,
            )
            return
        if limit < ctx.end:
            tally.cell(_SOURCE, report.source.value).numerator += 1
            self._count(
                tally,
                report.id,
                unit,
                "overdue",
                received=received,
                limit=limit,
                basis=facts.at_end,
                end=ctx.end,
            )
        else:
            self._apart(
                tally,
                report.id,
                unit,
                "within_limit",
                keep=self.keep_all,
                received=received,
                limit=limit,
                basis=facts.at_end,
                end=ctx.end,
            )


class CasesMissed(Accumulator):
    """``cases.missed``: no-case decisions overturned in the period (crimes missed).

    Counts the crime reports whose ``reopened_on`` (a decision not to open a case, later
    overturned: the "bỏ lọt tội phạm" plan I.3 forbids) is in the period, in the unit of
    the report. By source.

    Records considered: the unit's crime reports (of the definition's offences) received
    on or before the period's end (a no-case decision of any earlier year may be
    overturned in the period); with none, "no crime missed" is no data, not met.

    Plan clauses: I.3 ("không để xảy ra ... bỏ lọt tội phạm").
    """

    def consumes(self) -> Consumes:
        """Each crime report placed in a unit evaluated, read once into its facts."""
        return Consumes().in_unit(ReportFacts, self.add_report)

    def add_report(self, facts: ReportFacts, unit: str) -> None:
        """Count a report whose no-case decision was overturned in the period."""
        report = facts.report
        ctx = self.ctx
        counted = self.indicator.counts(report.offence_article)
        reopened = in_period(report.reopened_on, ctx)
        if counted and (report.received_on <= ctx.end or reopened):
            self.tally(unit).considered += 1
        if not reopened:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, report.id, unit, report.offence_article)
            return
        tally.cell(_SOURCE, report.source.value).numerator += 1
        self._count(
            tally,
            report.id,
            unit,
            "reopened",
            decided=report.decided_on,
            reopened=report.reopened_on,
        )


# -- criminal cases --------------------------------------------------------------------


class CasesProsecuted(Accumulator):
    """``cases.prosecuted``: trafficking cases opened in the period, with indictments and trials.

    Counts the criminal cases opened (``opened_on``) in the period whose offence is in the
    definition's ``offences`` (by default Bộ luật Hình sự 2015, Art. 150 and 151,
    trafficking in persons; see :data:`DEFAULT_TRAFFICKING_OFFENCES`), in the unit of the
    case read on ``opened_on``. Figures: ``opened`` (the count), ``indicted`` and
    ``tried`` (cases of those offences with ``indicted_on`` or ``tried_on`` in the period,
    whenever opened), ``defendants`` (the sum of ``defendants`` of the cases opened in the
    period). A case indicted or tried in the period but opened before it is shown apart;
    cases of other offences with a stage in the period too (figure ``other_offences``).
    By offence, with the same figures per article.

    Records considered: the unit's criminal cases of the definition's offences opened on
    or before the period's end.

    Plan clauses: II.4.b (investigate, arrest; "điều tra, khám phá các vụ án").
    """

    def consumes(self) -> Consumes:
        """Each criminal case placed in a unit evaluated."""
        return Consumes().in_unit(CriminalCase, self.add_case)

    def add_case(self, case: CriminalCase, unit: str) -> None:
        """Count a case opened in the period; note its indictment and trial in the period."""
        ctx = self.ctx
        opened = in_period(case.opened_on, ctx)
        indicted = in_period(case.indicted_on, ctx)
        tried = in_period(case.tried_on, ctx)
        counted = self.indicator.counts(case.offence_article)
        if counted and case.opened_on <= ctx.end:
            self.tally(unit).considered += 1
        if not (opened or indicted or tried):
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, case.id, unit, case.offence_article)
            return
        cell = tally.cell(_OFFENCE, str(case.offence_article))
        for target in (tally, cell):
            if opened:
                target.add("opened")
                target.add("defendants", case.defendants)
            if indicted:
                target.add("indicted")
            if tried:
                target.add("tried")
        stages: dict[str, Fact | None] = {
            "opened": case.opened_on,
            "article": case.offence_article,
            "defendants": case.defendants if opened else None,
            "indicted": case.indicted_on if indicted else None,
            "tried": case.tried_on if tried else None,
        }
        if opened:
            cell.numerator += 1
            self._count(tally, case.id, unit, "opened", **stages)
        else:
            self._apart(tally, case.id, unit, "opened_before", keep=self.keep_all, **stages)


class CasesWrongful(Accumulator):
    """``cases.wrongful``: wrongful prosecutions or convictions established in the period.

    Counts the criminal cases whose ``wrongful_on`` (the day a wrongful prosecution or
    conviction, "oan sai", was established) is in the period, in the unit of the case read
    on ``opened_on``. Every case in the data counts unless the definition's ``offences``
    is set. By offence.

    Records considered: the unit's criminal cases (of the definition's offences) opened on
    or before the period's end (a case of any earlier year may be found wrongful in the
    period); with none, "no wrongful case" is no data, not met.

    Plan clauses: I.3 ("không để xảy ra oan sai").
    """

    def consumes(self) -> Consumes:
        """Each criminal case placed in a unit evaluated."""
        return Consumes().in_unit(CriminalCase, self.add_case)

    def add_case(self, case: CriminalCase, unit: str) -> None:
        """Count a case whose wrongfulness was established in the period."""
        ctx = self.ctx
        counted = self.indicator.counts(case.offence_article)
        wrongful = in_period(case.wrongful_on, ctx)
        if counted and (case.opened_on <= ctx.end or wrongful):
            self.tally(unit).considered += 1
        if not wrongful:
            return
        tally = self.tally(unit)
        if not counted:
            self._other_offence(tally, case.id, unit, case.offence_article)
            return
        tally.cell(_OFFENCE, str(case.offence_article)).numerator += 1
        self._count(
            tally,
            case.id,
            unit,
            "wrongful",
            opened=case.opened_on,
            article=case.offence_article,
            wrongful=case.wrongful_on,
        )
