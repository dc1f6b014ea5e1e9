"""Days off in Vietnam: weekends, public holidays, and a plan's own local days off.

A time limit of the Code of Criminal Procedure that ends on a day off ends instead on the
first working day after it (Bộ luật Tố tụng hình sự 2015, Art. 134). This module says which
days are off:

* Saturdays and Sundays, the weekly days off of state bodies (Quyết định 188/1999/QĐ-TTg);
* Vietnam's public holidays (Bộ luật Lao động 2019, Art. 112), Tết included, with the days
  the government substituted for them, as the maintained ``holidays`` package lists them
  (country ``VN``) — never a copy of them in this code;
* the Saturdays the government made working days in exchange for a substituted day off
  ("làm bù"), which the ``holidays`` package also lists and which are working days;
* local days off a plan adds, and extra working days a plan declares.

Look-ups are cached per year as a set of dates, so :meth:`DayOffCalendar.is_day_off` is a
dictionary and a set look-up: it runs once per record in the indicator engine.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from threeno.errors import RulesError
from threeno.lang import Lang, check_lang
from threeno.model._base import fail, nfc
from threeno.model.sources import (
    CRIMINAL_PROCEDURE_CODE_2015,
    DECISION_188_1999,
    LABOUR_CODE_2019,
    Reference,
)

if TYPE_CHECKING:
    import holidays

    from threeno.model.plan import LocalCalendar, Plan

__all__ = [
    "PLAN_ZONE",
    "SOURCES",
    "DayOffCalendar",
    "default_calendar",
    "local_date",
    "plan_calendar",
    "today",
]

#: The plan's time zone, in which a day ends at midnight (Art. 134), whatever the server's zone.
PLAN_ZONE: Final = "Asia/Ho_Chi_Minh"

#: The sources of the days off, as data. A limit ending on a day off ends on the next
#: working day (Bộ luật Tố tụng hình sự 2015, Art. 134(1)); the public holidays are those
#: of Bộ luật Lao động 2019, Art. 112; Saturday and Sunday are off in state bodies
#: (Quyết định 188/1999/QĐ-TTg).
SOURCES: Final[tuple[Reference, ...]] = (
    Reference(instrument=CRIMINAL_PROCEDURE_CODE_2015, article="134", clause="1"),
    Reference(instrument=LABOUR_CODE_2019, article="112"),
    Reference(instrument=DECISION_188_1999),
)

_SATURDAY: Final = 5
_SUNDAY: Final = 6
_WEEKDAY_NAMES: Final = {
    "vi": {_SATURDAY: "Thứ Bảy", _SUNDAY: "Chủ nhật"},
    "en": {_SATURDAY: "Saturday", _SUNDAY: "Sunday"},
}
# The ``holidays`` package's language codes for threeno's two languages.
_PACKAGE_LANGUAGE: Final[dict[Lang, str]] = {"vi": "vi", "en": "en_US"}


# The name Vietnam's module of the holidays package is loaded under by _vietnam(): not its
# own, so that a program importing holidays.countries later gets the package's module,
# whole and bound to its package, as if threeno had never loaded it.
_VIETNAM_MODULE: Final = "_threeno_holidays_vietnam"


@functools.cache
def _vietnam() -> type[holidays.HolidayBase]:
    """The ``holidays`` package's class of Vietnam's holidays (country ``VN``), loaded once.

    Imported when the first year is built: the package costs as much to import as the
    rest of threeno's dependencies, and most programs never ask for a day off. Its
    module (``holidays/countries/vietnam.py``) is loaded by itself: importing it by name
    (as ``holidays.country_holidays("VN")`` does) first imports the package's every
    country, which costs as much again. Should the package's layout change, the country
    is taken by its code, as before.
    """
    import holidays  # noqa: PLC0415

    module = sys.modules.get(_VIETNAM_MODULE)
    if module is None:
        path = Path(holidays.__file__).with_name("countries") / "vietnam.py"
        spec = importlib.util.spec_from_file_location(_VIETNAM_MODULE, path)
        if spec is None or spec.loader is None or not path.is_file():
            return type(holidays.country_holidays("VN"))  # pragma: no cover - another layout
        module = importlib.util.module_from_spec(spec)
        sys.modules[_VIETNAM_MODULE] = module  # as an import does: its classes find it
        try:
            spec.loader.exec_module(module)
        except BaseException:  # pragma: no cover - another layout: leave no half module
            del sys.modules[_VIETNAM_MODULE]
            raise
    found: type[holidays.HolidayBase] = module.Vietnam
    return found


def _check_day(value: object) -> dt.date:
    # A datetime is a date subclass, but its hash differs from its date's: it would never be
    # found among the days off, so a time of day is refused rather than silently missed.
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        msg = f"a day must be a date (YYYY-MM-DD), not {type(value).__name__}"
        raise RulesError(msg)
    return value


def _named_days(value: object) -> Mapping[dt.date, str]:
    """Copy a mapping of dates to names, names in NFC; the validator checks the content."""
    if not isinstance(value, Mapping):
        return value  # type: ignore[return-value]  # the validator names the error
    return {day: nfc(name) for day, name in value.items()}


def _validate_named_days(
    instance: DayOffCalendar, attribute: attrs.Attribute[Mapping[dt.date, str]], value: object
) -> None:
    if not isinstance(value, Mapping):
        fail(instance, attribute.name, f"must map dates to names, not {type(value).__name__}")
    for day, name in value.items():
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            fail(instance, attribute.name, f"keys must be dates, not {type(day).__name__}")
        if not isinstance(name, str) or not name.strip():
            fail(instance, attribute.name, f"{day.isoformat()} needs a name saying why")


@attrs.frozen(kw_only=True)
class DayOffCalendar:
    """Which days are days off for the time limits of criminal procedure in Vietnam.

    Saturdays, Sundays and Vietnam's public holidays (from the ``holidays`` package,
    country ``VN``, Tết and substituted days included) are days off; the Saturdays the
    government made working days in exchange ("làm bù", listed by the same package) are
    working days unless ``weekend_workdays`` is ``False``. A plan adds its own local days
    off and, rarely, extra working days.

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134 (a limit ending on a day off
    ends on the next working day); Bộ luật Lao động 2019, Art. 112 (public holidays);
    Quyết định 188/1999/QĐ-TTg (Saturday and Sunday off in state bodies).
    Plan clauses: I.3 (reports resolved on time).

    The same sources as data: :data:`SOURCES`.

    Args:
        extra_days_off: local days off a plan declares, each with its name (why it is off).
        extra_working_days: days a plan declares working days although the weekend or the
            package says otherwise, each with its name (e.g. a "làm bù" Saturday the
            package does not know yet).
        weekend_workdays: honour the "làm bù" Saturdays the ``holidays`` package lists
            (default ``True``: the government made them working days).
        names_en: English names of local days (off or working), by date, where
            ``extra_days_off`` and ``extra_working_days`` hold the Vietnamese ones (a plan's
            calendar: :func:`plan_calendar`); a local day without one is named in English as
            in those two.

    Raises:
        ValidationError: a key is not a date, a name is empty, a day is declared both
            off and working, or ``names_en`` names a day that is not a local day.

    >>> import datetime as dt
    >>> from threeno.rules.calendar import DayOffCalendar
    >>> cal = DayOffCalendar()
    >>> cal.is_day_off(dt.date(2024, 2, 14)), cal.name_of(dt.date(2024, 2, 14), "vi")
    (True, 'Mùng năm Tết Nguyên Đán')
    >>> cal.working_day_on_or_after(dt.date(2024, 2, 14))
    datetime.date(2024, 2, 15)

    .. versionadded:: 0.1.0
    """

    extra_days_off: Mapping[dt.date, str] = attrs.field(
        factory=dict, converter=_named_days, validator=_validate_named_days, hash=False
    )
    extra_working_days: Mapping[dt.date, str] = attrs.field(
        factory=dict, converter=_named_days, validator=_validate_named_days, hash=False
    )
    weekend_workdays: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    names_en: Mapping[dt.date, str] = attrs.field(
        factory=dict, converter=_named_days, validator=_validate_named_days, hash=False
    )
    # Per-year caches; a frozen class may still fill a dictionary it owns.
    _off_by_year: dict[int, frozenset[dt.date]] = attrs.field(
        init=False, factory=dict, repr=False, eq=False, hash=False
    )
    _names: dict[tuple[int, str], Mapping[dt.date, str]] = attrs.field(
        init=False, factory=dict, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        """Refuse a day declared both off and working: the plan must say which."""
        both = sorted(set(self.extra_days_off) & set(self.extra_working_days))
        if both:
            days = ", ".join(d.isoformat() for d in both)
            fail(self, "extra_working_days", f"{days} also declared in extra_days_off")
        stray = sorted(set(self.names_en) - set(self.extra_days_off) - set(self.extra_working_days))
        if stray:
            days = ", ".join(d.isoformat() for d in stray)
            fail(self, "names_en", f"{days} not declared in extra_days_off or extra_working_days")

    # -- the package ---------------------------------------------------------------------

    def _package(self, year: int, lang: Lang) -> holidays.HolidayBase:
        # A substitution can swap days across a year's end (a Saturday of January worked
        # for a day off in December), so the neighbouring years are computed too.
        return _vietnam()(years=range(year - 1, year + 2), language=_PACKAGE_LANGUAGE[lang])

    def _holiday_names(self, year: int, lang: Lang) -> Mapping[dt.date, str]:
        key = (year, lang)
        names = self._names.get(key)
        if names is None:
            package = self._package(year, lang)
            names = {d: n for d, n in package.items() if d.year == year}
            self._names[key] = names
        return names

    def _days_off(self, year: int) -> frozenset[dt.date]:
        off = self._off_by_year.get(year)
        if off is None:
            off = self._build_year(year)
            self._off_by_year[year] = off
        return off

    def _build_year(self, year: int) -> frozenset[dt.date]:
        package = self._package(year, "vi")
        first = dt.date(year, 1, 1)
        days = (first + dt.timedelta(n) for n in range(366))
        weekends = {d for d in days if d.year == year and d.weekday() in (_SATURDAY, _SUNDAY)}
        off = weekends | {d for d in package if d.year == year}
        if self.weekend_workdays:
            off -= set(package.weekend_workdays)
        off |= {d for d in self.extra_days_off if d.year == year}
        off -= set(self.extra_working_days)
        self._names[(year, "vi")] = {d: n for d, n in package.items() if d.year == year}
        return frozenset(off)

    # -- the public questions ------------------------------------------------------------

    def is_day_off(self, day: dt.date) -> bool:
        """Whether ``day`` is a day off (Bộ luật Tố tụng hình sự 2015, Art. 134).

        Args:
            day: the day asked about.

        Returns:
            ``True`` for a weekend day, a public holiday or a local day off, unless it was
            made a working day.

        Raises:
            RulesError: ``day`` is not a date (a datetime is refused too).
        """
        _check_day(day)
        return day in self._days_off(day.year)

    def name_of(self, day: dt.date, lang: Lang = "en") -> str | None:
        """Why ``day`` is off: the local day off's name, the holiday's, or the weekday's.

        Args:
            day: the day asked about.
            lang: ``"en"`` (the default) or ``"vi"``; holiday names come from the
                ``holidays`` package in that language, local ones as the plan wrote them
                (the English name from ``names_en`` when there is one).

        Returns:
            The name (``"Saturday"``, ``"Mùng năm Tết Nguyên Đán"``, ...), or ``None`` for a
            working day.

        Raises:
            RulesError: ``day`` is not a date.
            LanguageError: ``lang`` is neither ``"vi"`` nor ``"en"``.
        """
        lang = check_lang(lang)
        if not self.is_day_off(day):
            return None
        local = self.extra_days_off.get(day)
        if local is not None:
            return self.names_en.get(day, local) if lang == "en" else local
        holiday = self._holiday_names(day.year, lang).get(day)
        if holiday is not None:
            return holiday
        return _WEEKDAY_NAMES[lang][day.weekday()]

    def is_holiday(self, day: dt.date) -> bool:
        """Whether ``day`` is off for a reason other than being a Saturday or a Sunday.

        A public holiday (Bộ luật Lao động 2019, Art. 112) or a local day off, and not made
        a working day.

        Raises:
            RulesError: ``day`` is not a date.
        """
        if not self.is_day_off(day):
            return False
        return day in self.extra_days_off or day in self._holiday_names(day.year, "vi")

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the first working day after it.

        This is Art. 134's rule for a limit's last day: "nếu thời hạn hết vào ngày nghỉ thì
        ngày làm việc đầu tiên tiếp theo được tính là ngày cuối cùng của thời hạn"
        (Bộ luật Tố tụng hình sự 2015, Art. 134(1)).

        Args:
            day: the statutory last day.

        Returns:
            The first working day on or after ``day``.

        Raises:
            RulesError: ``day`` is not a date.
        """
        _check_day(day)
        one = dt.timedelta(days=1)
        while day in self._days_off(day.year):
            day += one
        return day

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day`` (Bộ luật Tố tụng hình sự 2015, Art. 134).

        Use :meth:`working_day_on_or_after` to keep ``day`` when it is itself a working day.

        Args:
            day: any day.

        Returns:
            The first working day after ``day``.

        Raises:
            RulesError: ``day`` is not a date.
        """
        _check_day(day)
        return self.working_day_on_or_after(day + dt.timedelta(days=1))

    def days_off_between(self, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
        """The days off from ``first`` to ``last``, both included, in order.

        Args:
            first: the first day of the span.
            last: the last day of the span.

        Returns:
            Every day off in the span (empty when ``last`` is before ``first``).

        Raises:
            RulesError: either bound is not a date.
        """
        _check_day(first)
        _check_day(last)
        span = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
        return tuple(d for d in span if d in self._days_off(d.year))


@functools.lru_cache(maxsize=1)
def default_calendar() -> DayOffCalendar:
    """Vietnam's national calendar of days off, with no local days off (cached, shared).

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134; Bộ luật Lao động 2019, Art. 112.

    Returns:
        The one shared :class:`DayOffCalendar` with the defaults.
    """
    return DayOffCalendar()


def plan_calendar(plan: Plan) -> DayOffCalendar:
    """The days off under a plan: the national calendar plus the plan's own days.

    The plan's ``[calendar]`` adds local days off (a time limit that ends on one moves to
    the next working day) and make-up working days (one that ends on one stays there).
    :meth:`DayOffCalendar.name_of` gives a local day off's name as the plan writes it,
    in Vietnamese (``"vi"``) or English (``"en"``). A plan without local days gets the
    shared :func:`default_calendar`; calendars are cached by the plan's local days, so
    equal plans share one (and its per-year cache).

    Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 134 (a limit ending on a day off
    ends on the first working day after it); Bộ luật Lao động 2019, Art. 112 (public
    holidays, and the days off and working days the competent authority swaps for them).

    Args:
        plan: the plan.

    Returns:
        A :class:`DayOffCalendar`.

    Raises:
        ValidationError: the plan declares a day both off and working (a plan read by
            :func:`threeno.plans.load_plan` has been checked for that already).

    >>> import datetime as dt
    >>> import attrs
    >>> from threeno.model.plan import LocalCalendar, NamedDay
    >>> from threeno.plans import load_plan
    >>> from threeno.rules.calendar import plan_calendar
    >>> day = NamedDay(date=dt.date(2024, 3, 22), name_vi="Ngày nghỉ riêng", name_en="Own day off")
    >>> plan = attrs.evolve(load_plan("lai-chau-2024"), calendar=LocalCalendar(days_off=[day]))
    >>> cal = plan_calendar(plan)
    >>> cal.name_of(dt.date(2024, 3, 22), "vi"), cal.name_of(dt.date(2024, 3, 22), "en")
    ('Ngày nghỉ riêng', 'Own day off')
    >>> cal.working_day_on_or_after(dt.date(2024, 3, 22))
    datetime.date(2024, 3, 25)
    """
    if plan.calendar.is_empty:
        return default_calendar()
    return _local_calendar(plan.calendar)


@functools.lru_cache(maxsize=16)
def _local_calendar(local: LocalCalendar) -> DayOffCalendar:
    every = local.days_off + local.working_days
    return DayOffCalendar(
        extra_days_off={d.date: d.name_vi for d in local.days_off},
        extra_working_days={d.date: d.name_vi for d in local.working_days},
        names_en={d.date: d.name_en for d in every},
    )


def local_date(moment: dt.datetime) -> dt.date:
    """The date in Vietnam (:data:`PLAN_ZONE`) of an instant given with its offset.

    A day ends at 24:00 local time (Bộ luật Tố tụng hình sự 2015, Art. 134(1)), so a report
    received at 23:30 UTC on 25 January was received on 26 January in Lai Châu.

    Args:
        moment: an aware datetime (with a time zone or an offset).

    Returns:
        The plain :class:`datetime.date` of that instant in Asia/Ho_Chi_Minh.

    Raises:
        RulesError: ``moment`` is not a datetime, or has no offset.

    >>> import datetime as dt
    >>> from threeno.rules.calendar import local_date
    >>> local_date(dt.datetime(2024, 1, 25, 23, 30, tzinfo=dt.UTC))
    datetime.date(2024, 1, 26)
    """
    given: object = moment  # callers without a type checker may pass anything
    if not isinstance(given, dt.datetime):
        msg = f"an instant must be a datetime, not {type(given).__name__}"
        raise RulesError(msg)
    if moment.tzinfo is None or moment.utcoffset() is None:
        msg = "an instant needs its offset (e.g. +07:00): a naive time has no date in Vietnam"
        raise RulesError(msg)
    local = pendulum.instance(moment).in_tz(PLAN_ZONE)
    return dt.date(local.year, local.month, local.day)


def today() -> dt.date:
    """Today's date in Vietnam (:data:`PLAN_ZONE`), whatever the machine's own zone.

    A day runs to midnight local time (Bộ luật Tố tụng hình sự 2015, Art. 134(1)), so
    "today" for a time limit is the date in Asia/Ho_Chi_Minh.

    Returns:
        A plain :class:`datetime.date`.
    """
    now = pendulum.now(PLAN_ZONE)
    return dt.date(now.year, now.month, now.day)
