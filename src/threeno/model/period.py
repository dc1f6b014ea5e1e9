"""Reporting periods (kỳ báo cáo) under the 15th-to-14th cut-off or the calendar.

Administrative reports in Vietnam count data on cut-off windows, not calendar spans.
Nghị định 09/2019/NĐ-CP, Art. 12 (thời gian chốt số liệu báo cáo định kỳ):

- a month runs from the 15th of the previous month to the 14th of the month;
- a quarter from the 15th of the month before the quarter to the 14th of its last month;
- the first six months from 15 December of the previous year to 14 June, the second
  six months from 15 June to 14 December;
- a year from 15 December of the previous year to 14 December.

National statistical reporting (Nghị định 60/2018/NĐ-CP) uses calendar periods instead
(six months = 1 January to 30 June). A plan chooses its :class:`Convention`; the 2024
plan's is the cut-off, which is the default everywhere here.

Both conventions build every period from whole months, and a period ends inside the
month, quarter, half or year it is named after, so a period's name is read from its end.

Plan clauses: IV.2 (reports every six months and every year).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final, Self

import attrs

from threeno.errors import PeriodError, ValidationError
from threeno.lang import Lang, check_lang
from threeno.lang import date as date_text
from threeno.messages import Notice
from threeno.model._base import LabelledEnum, check_order, date_field, fail, notice_of, of_enum

__all__ = ["Convention", "PeriodKind", "ReportingPeriod"]

_ONE_DAY: Final = dt.timedelta(days=1)


class PeriodKind(LabelledEnum):
    """The length of a reporting period.

    Source: Nghị định 09/2019/NĐ-CP, Art. 12 (monthly, quarterly, six-monthly and yearly
    reports); plan clause IV.2 ("định kỳ báo cáo 06 tháng, 01 năm").

    .. versionadded:: 0.1.0
    """

    MONTH = ("month", "tháng", "month")
    QUARTER = ("quarter", "quý", "quarter")
    HALF_YEAR = ("half_year", "6 tháng", "half-year")
    YEAR = ("year", "năm", "year")
    CUSTOM = ("custom", "tùy chọn", "custom")

    @property
    def months(self) -> int | None:
        """How many months a period of this kind spans (1, 3, 6, 12); ``None`` for custom."""
        return _MONTHS.get(self)


_MONTHS: Final = {
    PeriodKind.MONTH: 1,
    PeriodKind.QUARTER: 3,
    PeriodKind.HALF_YEAR: 6,
    PeriodKind.YEAR: 12,
}


class Convention(LabelledEnum):
    """Where a reporting period's data are cut off.

    - ``cutoff_15_14``: the 15th-to-14th cut-off of Nghị định 09/2019/NĐ-CP, Art. 12,
      for administrative reports (the 2024 plan's convention, and the default).
    - ``calendar``: calendar months, quarters, halves and years, as national statistical
      reporting under Nghị định 60/2018/NĐ-CP uses.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """

    CUTOFF = ("cutoff_15_14", "chốt số liệu từ ngày 15 đến ngày 14", "15th-to-14th cut-off")
    CALENDAR = ("calendar", "theo năm dương lịch", "calendar")


def _month_start(year: int, month: int, convention: Convention) -> dt.date:
    if convention is Convention.CALENDAR:
        return dt.date(year, month, 1)
    # Nghị định 09/2019 Art. 12: from the 15th of the previous month.
    return dt.date(year - 1, 12, 15) if month == 1 else dt.date(year, month - 1, 15)


def _month_end(year: int, month: int, convention: Convention) -> dt.date:
    if convention is Convention.CALENDAR:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    # Nghị định 09/2019 Art. 12: to the 14th of the month.
    return dt.date(year, month, 14)


def _span(
    kind: PeriodKind, year: int, index: int, convention: Convention
) -> tuple[dt.date, dt.date]:
    months = _MONTHS[kind]
    last = index * months
    return (
        _month_start(year, last - months + 1, convention),
        _month_end(year, last, convention),
    )


_ROMAN: Final = ("I", "II", "III", "IV")
# Spelled out: calendar.month_name follows the process's locale.
_MONTH_NAMES_EN: Final = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


_LABELS: Final = {
    "vi": {
        PeriodKind.MONTH: "tháng {index} năm {year}",
        PeriodKind.QUARTER: "quý {roman} năm {year}",
        PeriodKind.HALF_YEAR: "6 tháng {half_vi} năm {year}",
        PeriodKind.YEAR: "năm {year}",
        PeriodKind.CUSTOM: "kỳ báo cáo",
    },
    "en": {
        PeriodKind.MONTH: "{month} {year}",
        PeriodKind.QUARTER: "Q{index} {year}",
        PeriodKind.HALF_YEAR: "{half_en} half of {year}",
        PeriodKind.YEAR: "year {year}",
        PeriodKind.CUSTOM: "period",
    },
}


_YEAR = r"(?P<year>\d{4})"
_DAY = r"\d{4}-\d{2}-\d{2}"
_PATTERNS: Final = (
    (PeriodKind.YEAR, re.compile(_YEAR)),
    (PeriodKind.HALF_YEAR, re.compile(_YEAR + r"-H(?P<index>[12])")),
    (PeriodKind.QUARTER, re.compile(_YEAR + r"-Q(?P<index>[1-4])")),
    (PeriodKind.MONTH, re.compile(_YEAR + r"-(?P<index>0[1-9]|1[0-2])")),
    (PeriodKind.CUSTOM, re.compile(rf"(?P<start>{_DAY})\.\.(?P<end>{_DAY})")),
)


def _error(code: str, /, **params: object) -> PeriodError:
    """A :class:`PeriodError` of ``code``, its English wording as its message."""
    return PeriodError(Notice(code, params).text("en"), code=code, params=params)


def _check_number(what: str, value: object, low: int, high: int) -> int:
    # what: year, half, quarter or month (the term_ codes name them in both languages).
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        term = Notice(f"term_{what}")
        error = _error("period_number", what=term, low=low, high=high, value=value)
        raise error
    return value


def _day(text: str, day: str) -> dt.date:
    """A day of a custom period's text, or a PeriodError naming the text and the day."""
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        problem = Notice("no_such_date", {"value": day})
        error = _error("period_text", text=text, problem=problem)
        raise error from None


@attrs.frozen(kw_only=True, order=True)
class ReportingPeriod:
    """A reporting period: an inclusive span of dates of a kind, under a convention.

    Build one with :meth:`month`, :meth:`quarter`, :meth:`half_year`, :meth:`year`,
    :meth:`custom`, :meth:`containing` or :meth:`parse`; ``str(period)`` gives the text
    :meth:`parse` reads back (``"2024-H1"``), so
    ``ReportingPeriod.parse(str(p), p.convention) == p``.

    >>> import datetime as dt
    >>> from threeno.model.period import ReportingPeriod
    >>> p = ReportingPeriod.half_year(2024, 1)
    >>> p.start, p.end
    (datetime.date(2023, 12, 15), datetime.date(2024, 6, 14))
    >>> str(p), p.days, dt.date(2024, 6, 15) in p
    ('2024-H1', 183, False)

    Periods order by start, then end (then by kind and convention slugs, so the order is
    total and agrees with equality). A custom period keeps the convention it was made
    under; it does not change its dates.

    Args:
        start: the first day (inclusive).
        end: the last day (inclusive), not before ``start``.
        kind: the :class:`PeriodKind`; for any kind but custom, the dates must be exactly
            those the convention gives the month, quarter, half or year that ``end`` falls in.
        convention: the :class:`Convention` the dates follow.

    Raises:
        ValidationError: naming the field, for a non-date, ``end`` before ``start``, or
            dates that are not the span of ``kind`` under ``convention``.

    Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
    (calendar). Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """

    start: dt.date = attrs.field(validator=date_field)
    end: dt.date = attrs.field(validator=date_field)
    kind: PeriodKind = attrs.field(
        validator=of_enum(PeriodKind), order=lambda k: getattr(k, "value", k)
    )
    convention: Convention = attrs.field(
        default=Convention.CUTOFF,
        validator=of_enum(Convention),
        order=lambda c: getattr(c, "value", c),
    )

    def __attrs_post_init__(self) -> None:
        """Check that the dates are in order and are the span their kind names."""
        check_order(self, ("start", self.start), ("end", self.end))
        months = self.kind.months
        if months is None:  # custom: any span
            return
        index = (self.end.month - 1) // months + 1
        try:
            expected = _span(self.kind, self.end.year, index, self.convention)
        except ValueError:
            fail(
                self,
                "start",
                "no_period_ends_on",
                kind_vi=self.kind.vi,
                kind_en=self.kind.en,
                end=str(self.end),
            )
        if (self.start, self.end) != expected:
            fail(
                self,
                "start" if self.start != expected[0] else "end",
                "period_dates",
                kind_vi=self.kind.vi,
                kind_en=self.kind.en,
                convention=self.convention.value,
                month=f"{self.end.year}-{self.end.month:02d}",
                start=str(expected[0]),
                end=str(expected[1]),
                given_start=str(self.start),
                given_end=str(self.end),
            )

    # -- constructors ------------------------------------------------------------------

    @classmethod
    def _standard(cls, kind: PeriodKind, year: object, index: int, convention: object) -> Self:
        year_ = _check_number("year", year, dt.MINYEAR, dt.MAXYEAR)
        if not isinstance(convention, Convention):
            known = ", ".join(Convention.slugs())
            error = _error("period_convention", known=known, value=repr(convention))
            raise error
        try:
            start, end = _span(kind, year_, index, convention)
        except ValueError:
            error = _error(
                "period_out_of_range", kind_vi=kind.vi, kind_en=kind.en, index=index, year=year_
            )
            raise error from None
        return cls(start=start, end=end, kind=kind, convention=convention)

    @classmethod
    def month(cls, year: int, month: int, convention: Convention = Convention.CUTOFF) -> Self:
        """Month ``month`` of ``year``: under the cut-off, the 15th of the month before to the 14th.

        >>> from threeno.model.period import ReportingPeriod
        >>> ReportingPeriod.month(2024, 1).start  # January: from 15 December
        datetime.date(2023, 12, 15)

        Raises:
            PeriodError: for a month outside 1..12 or a year Python cannot hold.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
        (calendar).
        """
        return cls._standard(
            PeriodKind.MONTH, year, _check_number("month", month, 1, 12), convention
        )

    @classmethod
    def quarter(cls, year: int, q: int, convention: Convention = Convention.CUTOFF) -> Self:
        """Quarter ``q`` of ``year``: under the cut-off, from the 15th of the month before it.

        >>> from threeno.model.period import ReportingPeriod
        >>> str(ReportingPeriod.quarter(2024, 1).start)
        '2023-12-15'

        Raises:
            PeriodError: for a quarter outside 1..4 or a year Python cannot hold.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
        (calendar).
        """
        return cls._standard(
            PeriodKind.QUARTER, year, _check_number("quarter", q, 1, 4), convention
        )

    @classmethod
    def half_year(cls, year: int, h: int, convention: Convention = Convention.CUTOFF) -> Self:
        """Half ``h`` of ``year``: under the cut-off, 15 Dec..14 Jun (1) or 15 Jun..14 Dec (2).

        Raises:
            PeriodError: for a half other than 1 or 2, or a year Python cannot hold.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
        (calendar). Plan clauses: IV.2 (six-monthly reports).
        """
        return cls._standard(PeriodKind.HALF_YEAR, year, _check_number("half", h, 1, 2), convention)

    @classmethod
    def year(cls, year: int, convention: Convention = Convention.CUTOFF) -> Self:
        """The year ``year``: under the cut-off, 15 December of the year before to 14 December.

        Raises:
            PeriodError: for a year Python cannot hold.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
        (calendar). Plan clauses: IV.2 (yearly reports).
        """
        return cls._standard(PeriodKind.YEAR, year, 1, convention)

    @classmethod
    def custom(
        cls, start: dt.date, end: dt.date, convention: Convention = Convention.CUTOFF
    ) -> Self:
        """Any inclusive span of dates, such as an ad hoc report's (báo cáo đột xuất).

        ``convention`` records the plan's convention; it does not change the dates.

        Raises:
            PeriodError: for a non-date or ``end`` before ``start``.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (periodic reports; ad hoc reports have
        no fixed window). Plan clauses: IV.2 ("báo cáo đột xuất").
        """
        try:
            return cls(start=start, end=end, kind=PeriodKind.CUSTOM, convention=convention)
        except ValidationError as exc:
            error = _error("custom_period", start=str(start), end=str(end), problem=notice_of(exc))
            raise error from exc

    @classmethod
    def containing(
        cls, kind: PeriodKind, day: dt.date, convention: Convention = Convention.CUTOFF
    ) -> Self:
        """The period of ``kind`` that ``day`` falls in.

        Under the cut-off, a day from the 15th on belongs to the next month's period:

        >>> import datetime as dt
        >>> from threeno.model.period import PeriodKind, ReportingPeriod
        >>> str(ReportingPeriod.containing(PeriodKind.YEAR, dt.date(2024, 12, 15)))
        '2025'

        Raises:
            PeriodError: for a custom kind (it has no fixed windows) or a non-date.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
        (calendar).
        """
        months = kind.months if isinstance(kind, PeriodKind) else None
        if months is None:
            error = _error("period_kind_not_standard", value=repr(kind))
            raise error
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            error = _error("containing_day_not_a_date", type=type(day).__name__)
            raise error
        year, month = day.year, day.month
        if convention is Convention.CUTOFF and day.day >= 15:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return cls._standard(kind, year, (month - 1) // months + 1, convention)

    @classmethod
    def parse(cls, text: str, convention: Convention = Convention.CUTOFF) -> Self:
        """Read a period from the text ``str()`` writes.

        The forms are ``"2024"`` (year), ``"2024-H1"`` (half-year), ``"2024-Q2"``
        (quarter), ``"2024-05"`` (month) and ``"2024-01-01..2024-03-31"`` (custom).

        >>> from threeno.model.period import ReportingPeriod
        >>> p = ReportingPeriod.parse("2024-Q1")
        >>> p.kind.value, str(p.start), str(p.end)
        ('quarter', '2023-12-15', '2024-03-14')

        Args:
            text: the period's text, exactly as ``str()`` writes it.
            convention: the convention of the plan the text comes from.

        Raises:
            PeriodError: naming the text and the forms expected.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (cut-off); Nghị định 60/2018/NĐ-CP
        (calendar). Plan clauses: IV.2.
        """
        for kind, pattern in _PATTERNS:
            try:
                match = pattern.fullmatch(text)
            except TypeError:  # not a str
                error = _error("period_not_text", type=type(text).__name__)
                raise error from None
            if match is None:
                continue
            try:
                if kind is PeriodKind.CUSTOM:
                    start, end = (_day(text, match[part]) for part in ("start", "end"))
                    return cls.custom(start, end, convention)
                index = int(match["index"]) if kind is not PeriodKind.YEAR else 1
                return cls._standard(kind, int(match["year"]), index, convention)
            except PeriodError as exc:
                if exc.code == "period_text":
                    raise
                error = _error("period_text", text=text, problem=notice_of(exc))
                raise error from exc
        error = _error("period_unknown_form", text=text)
        raise error

    # -- what a period is --------------------------------------------------------------

    @property
    def year_number(self) -> int | None:
        """The year the period is named after (its end's year); ``None`` for a custom period."""
        return None if self.kind is PeriodKind.CUSTOM else self.end.year

    @property
    def index(self) -> int | None:
        """The number of the month (1-12), quarter (1-4) or half (1-2); 1 for a year.

        ``None`` for a custom period.
        """
        months = self.kind.months
        return None if months is None else (self.end.month - 1) // months + 1

    @property
    def days(self) -> int:
        """The number of days, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the period (both ends inclusive).

        Two plain date comparisons: this is called once per record.

        Raises:
            PeriodError: for a datetime or anything else that is not a date.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (a window includes both its days).
        """
        try:
            return self.start <= day <= self.end
        except TypeError:  # costs nothing unless raised
            raise self._not_a_date(day) from None

    def __contains__(self, day: object) -> bool:
        """``day in period``: the same as :meth:`contains`."""
        if type(day) is dt.date or (isinstance(day, dt.date) and not isinstance(day, dt.datetime)):
            return self.start <= day <= self.end
        raise self._not_a_date(day)

    def _not_a_date(self, day: object) -> PeriodError:
        return _error("period_holds_dates", period=str(self), type=type(day).__name__)

    def __str__(self) -> str:
        """The text :meth:`parse` reads back (``2024-H1``, ``2024-05``, ``a..b``...)."""
        kind, year = self.kind, self.end.year
        if kind is PeriodKind.CUSTOM:
            return f"{self.start.isoformat()}..{self.end.isoformat()}"
        if kind is PeriodKind.YEAR:
            return f"{year:04d}"
        index = self.index
        if kind is PeriodKind.HALF_YEAR:
            return f"{year:04d}-H{index}"
        if kind is PeriodKind.QUARTER:
            return f"{year:04d}-Q{index}"
        return f"{year:04d}-{index:02d}"

    def label(self, lang: Lang = "vi") -> str:
        """A heading for a report, with the period's dates.

        >>> from threeno.model.period import ReportingPeriod
        >>> ReportingPeriod.half_year(2024, 1).label()
        '6 tháng đầu năm 2024 (15/12/2023 – 14/06/2024)'
        >>> ReportingPeriod.half_year(2024, 1).label("en")
        'first half of 2024 (15/12/2023 – 14/06/2024)'

        Args:
            lang: ``"vi"`` or ``"en"``; dates are written dd/mm/yyyy in both
                (:func:`threeno.lang.date`).

        Raises:
            LanguageError: for another language.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12; police statistics write a year as
        "năm 2020 (15/12/2019–14/12/2020)".
        """
        templates = _LABELS[check_lang(lang)]
        index = self.index or 1
        name = templates[self.kind].format(
            year=self.end.year,
            index=index,
            roman=_ROMAN[index - 1] if self.kind is PeriodKind.QUARTER else "",
            month=_MONTH_NAMES_EN[index] if self.kind is PeriodKind.MONTH else "",
            half_vi="đầu" if index == 1 else "cuối",
            half_en="first" if index == 1 else "second",
        )
        code = check_lang(lang)
        return f"{name} ({date_text(self.start, code)} – {date_text(self.end, code)})"

    # -- moving and splitting ----------------------------------------------------------

    def next(self) -> Self:
        """The period of the same kind and convention that follows.

        A custom period's next is the adjacent span of the same number of days.

        Raises:
            PeriodError: past the last date Python can hold.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (consecutive windows leave no gap).
        """
        return self._shift(1)

    def previous(self) -> Self:
        """The period of the same kind and convention that comes before.

        A custom period's previous is the adjacent span of the same number of days.

        Raises:
            PeriodError: before the first date Python can hold.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (consecutive windows leave no gap).
        """
        return self._shift(-1)

    def _shift(self, step: int) -> Self:
        cls = type(self)
        months = self.kind.months
        if months is None:
            length = dt.timedelta(days=self.days)
            try:
                return cls.custom(
                    self.start + step * length, self.end + step * length, self.convention
                )
            except OverflowError:
                error = _error("period_no_custom_next", days=self.days, period=str(self))
                raise error from None
        per_year = 12 // months
        position = self.end.year * per_year + (self.index or 1) - 1 + step
        year, index = divmod(position, per_year)
        try:
            return cls._standard(self.kind, year, index + 1, self.convention)
        except PeriodError as exc:
            code = "period_no_next" if step > 0 else "period_no_previous"
            params = {"kind_vi": self.kind.vi, "kind_en": self.kind.en, "period": str(self)}
            error = _error(code, **params, problem=notice_of(exc))
            raise error from exc

    def split(self, kind: PeriodKind) -> tuple[Self, ...]:
        """The periods of a shorter ``kind`` that make up this one, in order.

        A year splits into halves, quarters or months; a half into quarters or months; a
        quarter into months; a period split into its own kind gives itself.

        >>> from threeno.model.period import PeriodKind, ReportingPeriod
        >>> [str(p) for p in ReportingPeriod.half_year(2024, 2).split(PeriodKind.QUARTER)]
        ['2024-Q3', '2024-Q4']

        Raises:
            PeriodError: for a longer kind, or when either kind is custom.

        Source: Nghị định 09/2019/NĐ-CP, Art. 12 (every window is made of whole months,
        so the shorter windows tile the longer exactly).
        """
        own = self.kind.months
        target = kind.months if isinstance(kind, PeriodKind) else None
        if own is None or target is None or target > own:
            into = getattr(kind, "value", kind)
            error = _error("period_cannot_split", period=str(self), kind=self.kind.value, into=into)
            raise error
        year, first_month = self.end.year, ((self.index or 1) - 1) * own + 1
        first = (first_month - 1) // target + 1
        return tuple(
            self._standard(kind, year, i, self.convention)
            for i in range(first, first + own // target)
        )
