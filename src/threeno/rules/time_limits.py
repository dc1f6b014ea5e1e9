"""The time limit for deciding on a crime report, step by step, and a report's status.

Bộ luật Tố tụng hình sự 2015 (amended 2021) gives the authority that receives a
denunciation, a crime report or a recommendation to prosecute a limit to decide on it:

* Art. 147(1): 20 days from receipt;
* Art. 147(2): for a complex matter, or checks in several places, up to 2 months from
  receipt; if that is still not enough, the procuracy may extend it once, by up to
  2 more months (4 months at most);
* Art. 148: a suspension (tạm đình chỉ) stops the clock;
* Art. 149(1): after the resumption (phục hồi), at most 1 month remains, counted from
  the decision to resume;
* Art. 134(1): a limit in days ends at 24:00 of its last day; a limit in months on the
  same date of the later month, or on that month's last day if it has no such date; a
  last day that is a day off gives way to the first working day after it.

These numbers and the articles they come from are data, a
:class:`~threeno.rules.procedure.ProcedureRegime` dated by the Code's entry into force
(1 January 2018); a report is counted under the regime in force on the day it was
received (:func:`~threeno.rules.procedure.procedure_regime_on`).

How this module reads the law where the text leaves a choice (each is documented where it
is applied, and :meth:`Deadline.explain` says which applied):

* Bộ luật Tố tụng hình sự 2003 is not encoded: a report received before 1 January 2018
  is counted under the 2015 Code (:func:`~threeno.rules.procedure.procedure_regime_on`).

* The day of receipt is not counted by default (the civil-law convention; not verified
  for criminal procedure, hence a parameter): 20 days from 2024-01-25 end on 2024-02-14. With
  ``count_receipt_day=True`` the day of receipt is day 1, so every period is counted
  from the day before: 20 days end on receipt + 19 days, 2 months on the same date as
  the day before receipt, two months later. The same convention applies to the day of
  resumption.
* "Up to 2 months" / "up to 2 more months": the data record that an extension was
  granted, not its length, so the limit is the latest lawful date. A shorter extension
  needs an ``until`` field the data dictionary does not have yet.
* The procuracy's 2 months are counted from the end of the 2-month limit, so month-end
  clamps compound: received 2023-12-31, 2 months end 2024-02-29, 2 more on 2024-04-29.
* Art. 134(1) states the day-off rule in the sentence on months; it is applied to limits
  in days too (a 20-day limit ending in Tết moves past it).
* Only the final last day moves past days off; the ends that an extension is chained
  to are the unmoved statutory dates.
* An extension granted after the limit it extends had passed is still applied (the
  procuracy granted it), and the step says it was granted late.
* After a suspension, Art. 149(1) sets the time left, so an extension granted after
  the first suspension does not change the limit (the step says so). With several
  suspensions the latest resumption governs.
* A suspension decided after the limit in force had passed does not cure the delay: the
  limit it missed is kept (``Deadline.missed_limit``), and a report so suspended is
  ``decided_late`` whenever it is finally decided.

Plan clauses: I.3 (every report resolved, on time), II.4.b.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs
import pendulum

from threeno.errors import RulesError
from threeno.lang import Lang, check_lang
from threeno.lang import date as lang_date
from threeno.model._base import LabelledEnum
from threeno.model.crime import CrimeReport  # noqa: TC001 - Sphinx resolves the annotations
from threeno.model.enums import ExtensionKind
from threeno.model.sources import Reference, cite
from threeno.rules._deadline_words import WORDS as _WORDS
from threeno.rules.calendar import DayOffCalendar, default_calendar
from threeno.rules.procedure import (
    BASE_DAYS,
    EXTENSION_MONTHS,
    PROCEDURE_2015,
    RESUMPTION_MONTHS,
    ProcedureRegime,
    procedure_regime_on,
)

__all__ = [
    "BASE_DAYS",
    "EXTENSION_MONTHS",
    "RESUMPTION_MONTHS",
    "Deadline",
    "DeadlineStep",
    "ReportStatus",
    "SkippedDay",
    "StepKind",
    "status_on",
    "time_limit",
]

_ONE_DAY: Final = dt.timedelta(days=1)


class StepKind(LabelledEnum):
    """What happened at one step of a time limit's computation, with its article.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134, 147, 148, 149.

    .. versionadded:: 0.1.0
    """

    RECEIPT = ("receipt", "Tiếp nhận", "Receipt")
    COMPLEX = ("complex", "Kéo dài do vụ việc phức tạp", "Complex-matter extension")
    PROCURACY = ("procuracy", "Viện kiểm sát gia hạn", "Procuracy extension")
    SUSPENSION = ("suspension", "Tạm đình chỉ", "Suspension")
    RESUMPTION = ("resumption", "Phục hồi", "Resumption")
    DAY_OFF = ("day_off", "Hết hạn vào ngày nghỉ", "Last day is a day off")


class ReportStatus(LabelledEnum):
    """Where a crime report stands on a given day, judged against its time limit.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 147 (the limit), Art. 148
    (suspension). Plan clauses: I.3, II.4.b.

    .. versionadded:: 0.1.0
    """

    PENDING = ("pending", "Đang giải quyết, còn trong hạn", "Being handled, within the limit")
    OVERDUE = ("overdue", "Quá hạn chưa giải quyết", "Overdue")
    SUSPENDED = ("suspended", "Tạm đình chỉ việc giải quyết", "Suspended")
    DECIDED_ON_TIME = ("decided_on_time", "Đã giải quyết đúng hạn", "Decided on time")
    DECIDED_LATE = ("decided_late", "Đã giải quyết quá hạn", "Decided late")


@attrs.frozen(kw_only=True)
class SkippedDay:
    """A day off a last day was moved past, with why it is off (Art. 134(1)).

    Args:
        day: the day off.
        name_vi: why it is off, in Vietnamese.
        name_en: why it is off, in English.
        holiday: off for a holiday or a local day off, not merely as a weekend day.

    .. versionadded:: 0.1.0
    """

    day: dt.date
    name_vi: str
    name_en: str
    holiday: bool = False

    def name(self, lang: Lang) -> str:
        """The name in ``"vi"`` or ``"en"``.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return self.name_vi if check_lang(lang) == "vi" else self.name_en


@attrs.frozen(kw_only=True)
class DeadlineStep:
    """One step of a time limit's computation: what happened, and the limit after it.

    Args:
        kind: what happened.
        event_on: the day it happened (receipt, grant, suspension, resumption), or, for
            a ``day_off`` step, the statutory last day that is a day off.
        result: the limit after the step: an unmoved statutory date, the moved final
            day for a day-off step, or ``None`` while suspended.
        applied: ``False`` for an extension that does not change the limit (granted
            after a suspension: Art. 149(1) governs).
        late: an extension granted, or a suspension decided, after the limit in force
            had already passed.
        passed: for a late step, the limit that had passed.
        skipped: for a day-off step, the days off moved past, in order.
        sources: the places in the law the step rests on; by default those of
            :data:`~threeno.rules.procedure.PROCEDURE_2015` for ``kind``.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134, 147, 148, 149 (see
    :attr:`reference`).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``sources``, from which :attr:`reference` is written.
    """

    kind: StepKind
    event_on: dt.date
    result: dt.date | None
    applied: bool = True
    late: bool = False
    passed: dt.date | None = None
    skipped: tuple[SkippedDay, ...] = ()
    sources: tuple[Reference, ...] = attrs.field(repr=False)

    @sources.default
    def _sources(self) -> tuple[Reference, ...]:
        return _step_sources(PROCEDURE_2015, self.kind)

    @property
    def reference(self) -> str:
        """The legal reference of this step, e.g. ``"Bộ luật Tố tụng hình sự 2015, Art. 148"``."""
        return cite(self.sources, "en")

    def reference_in(self, lang: Lang) -> str:
        """The legal reference in ``"en"`` or ``"vi"`` (Vietnamese citation order).

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        return cite(self.sources, lang)


@attrs.frozen(kw_only=True)
class Deadline:
    """The time limit for deciding on a crime report, and the steps that produced it.

    Args:
        report_id: the report's id.
        received_on: the day of receipt.
        date: the last day to decide (after any move past days off), or ``None`` while
            the report is suspended.
        steps: how the date came about, in order.
        suspended_since: the start of the suspension in force, if any.
        missed_limit: a limit that passed with no decision before the report was
            suspended (a late suspension), if any.
        as_of: the day whose knowledge was used (``None``: every recorded event).
        count_receipt_day: whether the day of receipt (and of resumption) was day 1.
        regime: the time limits applied (those in force on the day of receipt).

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134, 147, 148, 149.
    Plan clauses: I.3, II.4.b.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``regime``.
    """

    report_id: str
    received_on: dt.date
    date: dt.date | None
    steps: tuple[DeadlineStep, ...]
    suspended_since: dt.date | None = None
    missed_limit: dt.date | None = None
    as_of: dt.date | None = None
    count_receipt_day: bool = False
    regime: ProcedureRegime = attrs.field(default=PROCEDURE_2015, repr=False)

    @property
    def is_suspended(self) -> bool:
        """Whether the clock is stopped by a suspension (Bộ luật Tố tụng hình sự 2015, Art. 148)."""
        return self.date is None

    def summary(self, lang: Lang = "en") -> str:
        """The limit's basis in a few words, for one line of an indicator explanation.

        For example ``"20 days, moved past Tết"``, ``"2 months (complex matter) + 2 months
        (procuracy)"``, ``"1 month from resumption on 2024-04-01"`` or ``"suspended since
        2024-03-01"``.

        Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134, 147, 148, 149.

        Args:
            lang: ``"en"`` (default) or ``"vi"``.

        Returns:
            The summary, without the date itself.

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        lang = check_lang(lang)
        words, regime = _WORDS[lang], self.regime
        basis = words["days"].format(n=regime.base_days)
        notes: list[str] = []
        for step in self.steps:
            if step.kind is StepKind.COMPLEX and step.applied:
                basis = words["complex"].format(n=regime.extension_months)
            elif step.kind is StepKind.PROCURACY and step.applied:
                basis += words["procuracy"].format(n=regime.procuracy_months)
            elif step.kind is StepKind.RESUMPTION:
                n = regime.resumption_months
                basis = words["resumed"].format(n=n, d=_fmt(step.event_on, lang))
            elif step.kind is StepKind.DAY_OFF:
                notes.append(words["moved"].format(what=_short_reason(step.skipped, lang)))
            if step.late and step.kind in (StepKind.COMPLEX, StepKind.PROCURACY):
                notes.append(words["granted_late"])
        if self.missed_limit is not None:
            notes.append(words["missed"].format(d=_fmt(self.missed_limit, lang)))
        if self.suspended_since is not None:
            basis = words["suspended"].format(d=_fmt(self.suspended_since, lang))
        return ", ".join([basis, *notes])

    def explain(self, lang: Lang = "en") -> str:
        """Say in full how the limit was computed, one line per step, with the articles.

        Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134, 147, 148, 149.

        Args:
            lang: ``"en"`` (default) or ``"vi"``.

        Returns:
            Several lines (the receipt, every step with its reference, the limit).

        Raises:
            LanguageError: for a language other than ``"vi"`` or ``"en"``.
        """
        lang = check_lang(lang)
        words = _WORDS[lang]
        counted = words["counted"] if self.count_receipt_day else words["not_counted"]
        head = words["head"].format(
            id=self.report_id, d=_fmt(self.received_on, lang), counted=counted
        )
        if self.as_of is not None:
            head += words["as_of"].format(d=_fmt(self.as_of, lang))
        lines = [head]
        lines.extend(
            f"- {_explain_step(step, lang, self.count_receipt_day, self.regime)}"
            for step in self.steps
        )
        if self.date is None:
            since = self.suspended_since or self.received_on
            lines.append(words["no_limit"].format(d=_fmt(since, lang)))
        else:
            lines.append(words["limit"].format(d=_fmt(self.date, lang)))
        return "\n".join(lines)


def _step_sources(regime: ProcedureRegime, kind: StepKind) -> tuple[Reference, ...]:
    """The places a step of ``kind`` rests on, in citation order.

    A receipt rests on the base limit and the counting rule (Art. 147(1), 134(1)), a
    resumption on the time left and the counting rule (Art. 149(1), 134(1)), a day off on
    the counting rule alone.
    """
    if kind is StepKind.RECEIPT:
        return (regime.base, regime.counting)
    if kind is StepKind.COMPLEX:
        return (regime.extension,)
    if kind is StepKind.PROCURACY:
        return (regime.procuracy,)
    if kind is StepKind.SUSPENSION:
        return (regime.suspension,)
    if kind is StepKind.RESUMPTION:
        return (regime.resumption, regime.counting)
    return (regime.counting,)


# -- words --------------------------------------------------------------------------------


def _fmt(day: dt.date | None, lang: Lang) -> str:
    if day is None:
        return "—"
    # Vietnamese as administrative texts write dates (dd/mm/yyyy); English in ISO form.
    return lang_date(day, lang) if lang == "vi" else day.isoformat()


def _short_reason(skipped: tuple[SkippedDay, ...], lang: Lang) -> str:
    """Name a run of days off in a word or two: "Tết", "the weekend", or the holiday."""
    holidays = [s for s in skipped if s.holiday]
    if not holidays:
        return _WORDS[lang]["weekend"]
    last = holidays[-1]
    # The lunar new year's days are all "... Tết ..." in the package's Vietnamese names;
    # the solar new year is "Tết Dương lịch". "Tết" is also the English word for it.
    if "Tết" in last.name_vi and "Dương lịch" not in last.name_vi:
        return "Tết"
    return last.name(lang)


def _explain_step(
    step: DeadlineStep,
    lang: Lang,
    count_receipt_day: bool,  # noqa: FBT001
    regime: ProcedureRegime,
) -> str:
    words = _WORDS[lang]
    e, r = _fmt(step.event_on, lang), _fmt(step.result, lang)
    if step.kind is StepKind.RECEIPT:
        key = "receipt_counted" if count_receipt_day else "receipt"
        text = words[key].format(n=regime.base_days, r=r)
    elif step.kind is StepKind.COMPLEX:
        text = words["complex_step"].format(e=e, n=regime.extension_months, r=r)
    elif step.kind is StepKind.PROCURACY:
        n, m = regime.extension_months, regime.procuracy_months
        text = words["procuracy_step"].format(e=e, n=n, m=m, r=r)
    elif step.kind is StepKind.SUSPENSION:
        text = words["suspension_step"].format(e=e)
    elif step.kind is StepKind.RESUMPTION:
        text = words["resumption_step"].format(e=e, n=regime.resumption_months, r=r)
    else:
        first, *others = step.skipped
        listed = ", ".join(f"{_fmt(s.day, lang)} ({s.name(lang)})" for s in others)
        more = words["and_more"].format(others=listed) if others else ""
        text = words["day_off_step"].format(e=e, name=first.name(lang), more=more, r=r)
    if not step.applied:
        text += words["not_applied"]
    elif step.late:
        key = "late_suspension" if step.kind is StepKind.SUSPENSION else "late_extension"
        text += words[key].format(p=_fmt(step.passed, lang))
    text = text[:1].upper() + text[1:]
    return f"{text} ({step.reference_in(lang)})."


# -- the computation ----------------------------------------------------------------------


def _plain(day: dt.date) -> dt.date:
    # A pendulum.Date is a date; the results are plain dates all the same.
    return day if type(day) is dt.date else dt.date(day.year, day.month, day.day)


def _add_months(day: dt.date, months: int) -> dt.date:
    """Art. 134(1): the same date ``months`` later, or that month's last day if it has none."""
    later = pendulum.Date(day.year, day.month, day.day).add(months=months)
    return dt.date(later.year, later.month, later.day)


def _check_date(name: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        msg = f"{name} must be a date (YYYY-MM-DD), not {type(value).__name__}"
        raise RulesError(msg)
    return value


def _check_calendar(calendar: object) -> DayOffCalendar:
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, DayOffCalendar):
        msg = f"calendar must be a DayOffCalendar, not {type(calendar).__name__}"
        raise RulesError(msg)
    return calendar


def _check_received(report: CrimeReport, on: dt.date, name: str) -> None:
    if on < report.received_on:
        msg = (
            f"crime_reports[{report.id}]: {name} {on.isoformat()} is before the report was "
            f"received ({report.received_on.isoformat()}): there is no limit yet"
        )
        raise RulesError(msg)


def check_limit_inputs(
    report: CrimeReport,
    calendar: DayOffCalendar | None,
    as_of: dt.date | None,
    count_receipt_day: bool,  # noqa: FBT001
) -> tuple[DayOffCalendar, dt.date]:
    """Check the arguments of a time limit; the calendar and the day whose knowledge is used.

    Shared with :mod:`threeno.rules.lean_limits`, so both refuse the same arguments with
    the same messages. The day is ``datetime.date.max`` when ``as_of`` is ``None``
    (every recorded event).

    Raises:
        RulesError: ``as_of`` is before the day of receipt or not a date, ``calendar`` is
            not a :class:`~threeno.rules.calendar.DayOffCalendar`, or
            ``count_receipt_day`` is not ``True`` or ``False``.
    """
    cal = _check_calendar(calendar)
    flag: object = count_receipt_day  # callers without a type checker may pass anything
    if not isinstance(flag, bool):
        msg = f"count_receipt_day must be True or False, not {flag!r}"
        raise RulesError(msg)
    known = dt.date.max if as_of is None else _plain(_check_date("as_of", as_of))
    _check_received(report, known, "as_of")
    return cal, known


def _step(  # noqa: PLR0913 - a step's fields, by keyword
    regime: ProcedureRegime,
    kind: StepKind,
    day: dt.date,
    result: dt.date | None,
    *,
    applied: bool = True,
    late: bool = False,
    passed: dt.date | None = None,
    skipped: tuple[SkippedDay, ...] = (),
) -> DeadlineStep:
    return DeadlineStep(
        kind=kind,
        event_on=day,
        result=result,
        applied=applied,
        late=late,
        passed=passed,
        skipped=skipped,
        sources=_step_sources(regime, kind),
    )


def time_limit(
    report: CrimeReport,
    calendar: DayOffCalendar | None = None,
    *,
    as_of: dt.date | None = None,
    count_receipt_day: bool = False,
) -> Deadline:
    """The last day to decide on ``report``, with the steps that produced it.

    The numbers are those of the regime in force on the day of receipt
    (:func:`~threeno.rules.procedure.procedure_regime_on`; a report received before 2018
    is counted under the 2015 Code, the 2003 Code not being encoded).

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 147(1) (20 days), Art. 147(2)
    (2 months for a complex matter; 2 more months by the procuracy, once), Art. 148
    (suspension stops the clock), Art. 149(1) (1 month after resumption), Art. 134(1)
    (counting days and months; a last day that is a day off moves to the next working
    day). The readings chosen where the law leaves a choice are listed in the module's
    documentation.

    Plan clauses: I.3, II.4.b.

    Args:
        report: the crime report.
        calendar: the days off; the national calendar if ``None``.
        as_of: use only what was known on this day (an extension granted later, a
            resumption later, are not known yet); every recorded event if ``None``.
        count_receipt_day: count the day of receipt (and of resumption) as day 1.

    Returns:
        The :class:`Deadline` (its ``date`` is ``None`` while suspended).

    Raises:
        RulesError: ``as_of`` is before the day of receipt or not a date, or
            ``calendar`` is not a :class:`~threeno.rules.calendar.DayOffCalendar`.

    >>> import datetime as dt
    >>> from threeno.model.crime import CrimeReport
    >>> from threeno.model.enums import ReportSource
    >>> from threeno.rules.time_limits import time_limit
    >>> report = CrimeReport(
    ...     id="CR-0017",
    ...     source=ReportSource.TO_GIAC,
    ...     offence_article=150,
    ...     unit_code="03386",
    ...     received_on=dt.date(2024, 1, 25),
    ...     receiving_agency="CATP",
    ... )
    >>> deadline = time_limit(report)
    >>> deadline.date, deadline.summary()
    (datetime.date(2024, 2, 15), '20 days, moved past Tết')
    """
    cal, known = check_limit_inputs(report, calendar, as_of, count_receipt_day)
    received = _plain(report.received_on)
    regime = procedure_regime_on(received)

    def start(day: dt.date) -> dt.date:
        # Day 0 of a period: the event's day, or the day before when it counts as day 1.
        return day - _ONE_DAY if count_receipt_day else day

    end = start(received) + dt.timedelta(days=regime.base_days)
    steps = [_step(regime, StepKind.RECEIPT, received, end)]
    suspended_since: dt.date | None = None
    ever_suspended = False
    missed: dt.date | None = None

    for day, _, kind in _events(report, known):
        if kind is StepKind.RESUMPTION:
            suspended_since = None
            end = _add_months(start(day), regime.resumption_months)
            steps.append(_step(regime, kind, day, end))
            continue
        if kind is not StepKind.SUSPENSION and ever_suspended:
            # Art. 149(1) sets the time left after a suspension; the extension is noted only.
            result = None if suspended_since is not None else end
            steps.append(_step(regime, kind, day, result, applied=False))
            continue
        in_force = cal.working_day_on_or_after(end)
        late = day > in_force
        passed = in_force if late else None
        if kind is StepKind.SUSPENSION:
            ever_suspended = True
            suspended_since = day
            if late and missed is None:
                missed = in_force
            steps.append(_step(regime, kind, day, None, late=late, passed=passed))
            continue
        # Art. 147(2): 2 months from receipt; the procuracy's 2 more from the end of those.
        complex_matter = kind is StepKind.COMPLEX
        base = start(received) if complex_matter else end
        end = _add_months(
            base, regime.extension_months if complex_matter else regime.procuracy_months
        )
        steps.append(_step(regime, kind, day, end, late=late, passed=passed))

    final: dt.date | None = None
    if suspended_since is None:
        final = cal.working_day_on_or_after(end)
        if final != end:
            skipped = tuple(
                SkippedDay(
                    day=d,
                    name_vi=cal.name_of(d, "vi") or "",
                    name_en=cal.name_of(d, "en") or "",
                    holiday=cal.is_holiday(d),
                )
                for d in cal.days_off_between(end, final - _ONE_DAY)
            )
            steps.append(_step(regime, StepKind.DAY_OFF, end, final, skipped=skipped))
    return Deadline(
        report_id=report.id,
        received_on=received,
        date=final,
        steps=tuple(steps),
        suspended_since=suspended_since,
        missed_limit=missed,
        as_of=None if as_of is None else known,
        count_receipt_day=count_receipt_day,
        regime=regime,
    )


def _events(report: CrimeReport, known: dt.date) -> list[tuple[dt.date, int, StepKind]]:
    """The report's extensions, suspensions and resumptions up to ``known``, in order.

    On one day, extensions come first (complex before procuracy: Art. 147(2)), then the
    suspensions and resumptions in their recorded order: a resumption before the next
    suspension, a suspension before its own same-day resumption.
    """
    events: list[tuple[dt.date, int, StepKind]] = []
    for ext in report.extensions:
        if ext.granted_on <= known:
            if ext.kind is ExtensionKind.COMPLEX:
                events.append((_plain(ext.granted_on), -2, StepKind.COMPLEX))
            else:
                events.append((_plain(ext.granted_on), -1, StepKind.PROCURACY))
    for i, sus in enumerate(report.suspensions):
        if sus.from_date <= known:
            events.append((_plain(sus.from_date), 2 * i, StepKind.SUSPENSION))
            if sus.resumed_on is not None and sus.resumed_on <= known:
                events.append((_plain(sus.resumed_on), 2 * i + 1, StepKind.RESUMPTION))
    events.sort(key=lambda e: (e[0], e[1]))
    return events


def status_on(
    report: CrimeReport,
    on: dt.date,
    calendar: DayOffCalendar | None = None,
    *,
    count_receipt_day: bool = False,
) -> ReportStatus:
    """Where ``report`` stands on ``on``, judged with the events known that day.

    * decided (finally) on or before ``on``: ``decided_on_time`` if decided on or before
      the limit in force on the day of the decision and no earlier limit was missed
      before a suspension, else ``decided_late``;
    * otherwise: ``suspended`` while a suspension runs on ``on``, ``overdue`` after the
      limit, ``pending`` up to and including its last day (a limit in days ends at
      24:00 of its last day, Art. 134(1)).

    A report suspended on 2024-03-01, resumed on 2024-04-01 and decided on 2024-05-01 is
    ``suspended`` on 2024-03-15, ``pending`` on 2024-04-10 and ``decided_on_time`` on
    2024-05-02 (1 month from 2024-04-01 ends on 2024-05-01, a holiday, so on 2024-05-02).

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134, 147, 148, 149.
    Plan clauses: I.3 (reports resolved on time), II.4.b.

    Args:
        report: the crime report.
        on: the day the status is asked for.
        calendar: the days off; the national calendar if ``None``.
        count_receipt_day: count the day of receipt (and of resumption) as day 1.

    Returns:
        A :class:`ReportStatus`.

    Raises:
        RulesError: ``on`` is not a date or is before the report was received.
    """
    on = _check_date("on", on)
    _check_received(report, on, "on")
    decided_on = report.decided_on
    if report.is_final and decided_on is not None and decided_on <= on:
        deadline = time_limit(
            report, calendar, as_of=decided_on, count_receipt_day=count_receipt_day
        )
        if deadline.date is None:  # pragma: no cover - CrimeReport's invariants forbid it
            msg = f"crime_reports[{report.id}]: decided while suspended"
            raise RulesError(msg)
        if decided_on <= deadline.date and deadline.missed_limit is None:
            return ReportStatus.DECIDED_ON_TIME
        return ReportStatus.DECIDED_LATE
    deadline = time_limit(report, calendar, as_of=on, count_receipt_day=count_receipt_day)
    if deadline.date is None:
        return ReportStatus.SUSPENDED
    return ReportStatus.OVERDUE if on > deadline.date else ReportStatus.PENDING
