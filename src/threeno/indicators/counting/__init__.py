"""The counting rules: one accumulator per indicator, whose docstring is its exact rule.

An accumulator reads records one at a time through the methods it names, by the class
of what each takes (:meth:`Accumulator.consumes`, :class:`Consumes`), keeps one
:class:`Tally` per commune or ward (numerator, denominator, breakdowns, extra figures
and the entries of the explanation), merges with another accumulator of the same
indicator built on other records (:meth:`Accumulator.merge`: sums and unions, so the
merge is associative and commutative), and gives its tallies at the end
(:meth:`Accumulator.finish`). Indicators that join two record types (outreach reach with
the women reached, support with the victims supported) keep what they need per person
and join at :meth:`~Accumulator.finish`, so records may come in any order and partitions
may split them anyhow.

The engine (:mod:`threeno.indicators.engine`) resolves each record's unit once, by the
record's own date, and hands the record to the accumulators that read its class; a crime
report's time limit is computed at most once per report (:class:`ReportFacts`), and the
crime-report accumulators are fed by :class:`ReportKernel`, which classifies each report
once and counts its signature. Hot paths compare plain dates; nothing here uses
pendulum.

Everything is imported from this package; its files are private. The machinery
(:class:`Context`, :class:`Tally`, the facts, :class:`Accumulator`) is in ``_base.py``;
the accumulators, one per indicator, are grouped by subject: ``_subjects.py`` (the women
under management), ``_crime.py`` (crime reports and criminal cases),
``_outreach_support.py`` (outreach, support and the joins of women with them) and
``_units_reporting.py`` (the communes and wards, and reporting).

Conventions shared by every rule:

* A period runs from its ``start`` to its ``end``, both days included ("in the period").
* "Women" are subjects of sex ``female``. A subject is *under management* on a day when
  she was registered on or before it and at least one of her category spans is active
  that day (a span's ``until`` is its last day). A *target woman* is a woman under
  management with at least one active category other than ``suspect`` and ``offender``
  (plan II.2.b). Subjects belong to their unit of residence, read at their
  ``registered_on``.
* Crime reports belong to their ``unit_code`` read at ``received_on``; criminal cases at
  ``opened_on``; outreach events and reviews at ``held_on``; safety assessments at
  ``assessed_on``.
* A report's *final decision* is any decision but a suspension (khởi tố, không khởi tố,
  chuyển: Bộ luật Tố tụng hình sự 2015, Art. 147(1), 146(2)); a report is *suspended at*
  a day when a suspension began on or before it and was not resumed by it (Art. 148).
* Each rule names its *universe*: the records it looks at for the period, in each unit
  ("Records considered" in the rule). A result whose universe is empty (no such record
  was given, or every one was left out for its unit) has *no data*, whatever its value and
  its target: a count of 0 with no record behind it is never "met". The universe holds
  every record the numerator and the denominator count, and only records of the
  definition's ``offences`` where it reads them.

Plan clauses: I.1, I.2, I.3, I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import Final

from threeno.indicators.counting import _base, _crime, _outreach_support, _subjects
from threeno.indicators.counting._base import (
    Accumulator,
    Cell,
    Consumes,
    Context,
    ExpectedReport,
    ReportFacts,
    SubjectFacts,
    Tally,
    expected_reports,
)
from threeno.indicators.counting._crime import (
    CasesMissed,
    CasesProsecuted,
    CasesWrongful,
    ReportsClassified,
    ReportsOnTime,
    ReportsOverdue,
    ReportsReceived,
    ReportsResolved,
)
from threeno.indicators.counting._kernel import KINDS, Kept, Places, Rebuilt, ReportKernel
from threeno.indicators.counting._outreach_support import (
    OutreachCoverage,
    OutreachEvents,
    SupportCoverage,
    WomenVocational,
)
from threeno.indicators.counting._subjects import SubjectsEmigrated, SubjectsMonitored
from threeno.indicators.counting._units_reporting import (
    ReportingCompleteness,
    ReportingTimeliness,
    UnitsModelMaintained,
    UnitsSafe,
)

__all__ = [
    "DEFAULT_TRAFFICKING_OFFENCES",
    "EMIGRATION_CATEGORIES",
    "FACTS",
    "KINDS",
    "VOCATIONAL_CATEGORIES",
    "VOCATIONAL_KINDS",
    "Accumulator",
    "CasesMissed",
    "CasesProsecuted",
    "CasesWrongful",
    "Cell",
    "Consumes",
    "Context",
    "ExpectedReport",
    "Kept",
    "OutreachCoverage",
    "OutreachEvents",
    "Places",
    "Rebuilt",
    "ReportFacts",
    "ReportKernel",
    "ReportingCompleteness",
    "ReportingTimeliness",
    "ReportsClassified",
    "ReportsOnTime",
    "ReportsOverdue",
    "ReportsReceived",
    "ReportsResolved",
    "SubjectFacts",
    "SubjectsEmigrated",
    "SubjectsMonitored",
    "SupportCoverage",
    "Taken",
    "Tally",
    "UnitsModelMaintained",
    "UnitsSafe",
    "WomenVocational",
    "expected_reports",
]

# The data of the private modules, documented where they are imported from.

#: The offences ``cases.prosecuted`` counts by default: Bộ luật Hình sự 2015, Art. 150
#: and 151 (trafficking in persons, and in persons under 16).
DEFAULT_TRAFFICKING_OFFENCES: Final = _crime.DEFAULT_TRAFFICKING_OFFENCES
#: The categories ``subjects.emigrated`` counts (plan clause I.1).
EMIGRATION_CATEGORIES: Final = _subjects.EMIGRATION_CATEGORIES
#: The categories of the women ``women.vocational`` lists (plan clause III.4.c).
VOCATIONAL_CATEGORIES: Final = _outreach_support.VOCATIONAL_CATEGORIES
#: The kinds of support ``women.vocational`` counts (plan clause III.4.c).
VOCATIONAL_KINDS: Final = _outreach_support.VOCATIONAL_KINDS
#: The record classes read once into facts for every accumulator of them, crime reports
#: into :class:`ReportFacts` and subjects into :class:`SubjectFacts`.
FACTS: Final = _base.FACTS
#: The class of what a method named in :class:`Consumes` takes (a record or its facts).
Taken: Final = _base.Taken

# The modules of this package are private: this package is where its classes and
# functions are documented and imported from, so they carry its name (in the API
# reference, a pickled evaluation's accumulators, a repr).
for _public in (
    Accumulator,
    Cell,
    Consumes,
    Context,
    ExpectedReport,
    ReportFacts,
    SubjectFacts,
    Tally,
    expected_reports,
    CasesMissed,
    CasesProsecuted,
    CasesWrongful,
    ReportsClassified,
    ReportsOnTime,
    ReportsOverdue,
    ReportsReceived,
    ReportsResolved,
    OutreachCoverage,
    OutreachEvents,
    SupportCoverage,
    WomenVocational,
    SubjectsEmigrated,
    SubjectsMonitored,
    ReportingCompleteness,
    ReportingTimeliness,
    UnitsModelMaintained,
    UnitsSafe,
    ReportKernel,
    Kept,
    Places,
    Rebuilt,
):
    _public.__module__ = __name__
del _public
