"""The consolidated report as data: what every format shows, built once from an evaluation.

:func:`build_view` turns an :class:`~threeno.indicators.results.Evaluation` (and, when
given, the plan and the load report) into a :class:`ReportView`: the header; the
:class:`Overview` shown beside the period, before any indicator (the records read,
accepted, rejected and left out for their unit code by reason, and the evaluation's
warnings); the settings the evaluation used (:class:`Setting`) and where each comes from; one
:class:`IndicatorView` per indicator (a row per unit and the total, the breakdowns, the
extra figures, the failing records); and the data-quality section. The renderers of
:mod:`threeno.reporting.render` only lay it out, so Markdown, HTML, JSON and CSV say the
same thing.

Everything a person reads is in the report's language, with names rather than codes:
indicators, record types, agencies, offences and languages by name, the period by name.
Codes are kept for tools: in the JSON's keys and ids, the CSV's code columns, and the
annex of codes that the Markdown and HTML reports end with.

Every number shown in a table goes through one function, :func:`make_cell`, which
returns a :class:`Cell` (the raw numbers and their text): that is the one place where a
published table's cells can be changed. A published report (``suppress_below=k``) hides
every count from 1 to ``k - 1``, and the counts that would let a reader work one out
(:func:`threeno.reporting.publication.marks`), all shown as ``x``, and lists no record.

Records are named by their ``id`` only (pseudonymous); reasons are written from the
facts the engine keeps (dates, codes, labels), never from personal data.

The view is built in parts, each in a private module of this package: the classes
(``_classes``), the fixed words and the labels (``_words``), the cells (``_cells``), the
report's top (``_top``), an indicator's tables (``_indicators``), its chart
(``_charts``), the data-quality section (``_quality``), what a published report hides
(``_publication``), and :func:`build_view`, which puts them together (``_build``).
Everything is imported from here.

Plan clauses: IV.2 (the standing body consolidates the six-monthly and yearly reports).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt  # noqa: F401 - Sphinx evaluates the classes' annotations (dt.date) here
import inspect
from typing import Final

from threeno import lang as _lang
from threeno.indicators import results as _results
from threeno.reporting.view import _words
from threeno.reporting.view._build import build_view
from threeno.reporting.view._cells import make_cell
from threeno.reporting.view._classes import (
    Bar,
    BarChart,
    Breakdown,
    BreakdownRow,
    Cell,
    Fact,
    FailingRecord,
    Header,
    IndicatorView,
    LoadRow,
    Overview,
    Placement,
    QualityView,
    ReportView,
    ResultRow,
    Setting,
)
from threeno.reporting.view._words import words

__all__ = [
    "LANGS",
    "LANGUAGE_NAMES",
    "LEFT_OUT_REASONS",
    "NO_VALUE",
    "Bar",
    "BarChart",
    "Breakdown",
    "BreakdownRow",
    "Cell",
    "Fact",
    "FailingRecord",
    "Header",
    "IndicatorView",
    "LoadRow",
    "Overview",
    "Placement",
    "QualityView",
    "ReportView",
    "ResultRow",
    "Setting",
    "build_view",
    "make_cell",
    "words",
]

# The data of the private modules, documented where they are imported from.

#: The languages a report is written in (:data:`threeno.lang.LANGS`).
LANGS: Final = _lang.LANGS
#: What a table shows for a count with no data (beside its status *no data*), and for a
#: value that does not apply.
NO_VALUE: Final = _words.NO_VALUE
#: The reasons a record is left out of every number for its unit code
#: (:data:`threeno.indicators.results.LEFT_OUT_REASONS`).
LEFT_OUT_REASONS: Final = _results.LEFT_OUT_REASONS
#: The languages of outreach by name (``OutreachEvent.language`` is an ISO 639 code):
#: Vietnamese names as the names of the ethnic groups whose languages they are (Mông,
#: Thái, Dao), English names as ISO 639-3 gives them (``blt`` is Tai Dam, the language
#: of the Black Thái; ``ium`` is Iu Mien, a language of the Dao).
LANGUAGE_NAMES: Final = _words.LANGUAGE_NAMES

# The modules of this package are private: this package is where its classes and
# functions are documented and imported from, so they carry its name (in the API
# reference, a pickled view, a repr).
for _name in __all__:
    _public = globals()[_name]
    if isinstance(_public, type) or inspect.isfunction(_public):
        _public.__module__ = __name__
del _name, _public
