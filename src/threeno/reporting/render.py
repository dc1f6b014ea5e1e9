"""Rendering the consolidated report: Markdown, HTML, JSON and CSV.

:func:`render` writes the report of an evaluation (:mod:`threeno.reporting.view` builds
what it shows) in one of :data:`FORMATS`:

- ``md``: Markdown, a table per indicator; record text is escaped, so an id cannot
  inject markup;
- ``html``: one self-contained, printable page (inline CSS, an inline SVG bar chart per
  share across units, no external resource), rendered by Jinja2 with autoescaping on:
  record text is untrusted;
- ``json``: the same content as data, keys sorted (``"schema": "threeno-report/1"``);
- ``csv``: one table of every value (each unit and the total) and every breakdown
  category, one row each; the failing records and the data-quality section are in the
  other formats. A text cell that a spreadsheet would take for a formula (starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written after an apostrophe
  (``'``), as OWASP advises against CSV injection.

A published report (``suppress_below=k``) hides the counts from 1 to ``k - 1`` and those
that would reveal them, and lists no record (:func:`threeno.reporting.view.build_view`).

The output depends only on its inputs: the same evaluation renders byte-identical text
(no date is printed unless ``generated_on`` is given).

Plan clauses: IV.2 (the standing body consolidates the six-monthly and yearly reports).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from typing import TYPE_CHECKING, Any, Final, cast

import attrs
import jinja2

from threeno.errors import ValidationError
from threeno.reporting.view import LANGS, build_view

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.plan import Plan
    from threeno.reporting.view import Cell, ReportView

__all__ = ["CSV_COLUMNS", "FORMATS", "REPORT_SCHEMA", "render"]

#: The formats :func:`render` writes.
FORMATS: Final = ("md", "html", "json", "csv")
#: The ``schema`` key of the JSON report.
REPORT_SCHEMA: Final = "threeno-report/1"
#: The columns of the CSV report.
CSV_COLUMNS: Final = (
    "indicator",
    "unit",
    "unit_name",
    "dimension",
    "category",
    "category_label",
    "numerator",
    "denominator",
    "value",
    "text",
    "target",
    "status",
)

# What starts a formula in a spreadsheet (OWASP, "CSV Injection").
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
# Characters that mean something in Markdown (and "<", so that no HTML gets through).
_MD_SPECIAL: Final = frozenset("\\`*_{}[]<>#+!|~")


def _md(value: object) -> str:
    """Escape text for a Markdown table cell or list item: one line, no markup."""
    text = " ".join(str(value).split())
    return "".join(f"\\{ch}" if ch in _MD_SPECIAL else ch for ch in text)


def _md_code(value: object) -> str:
    """Text for a Markdown code span: one line, no backtick (nothing in it is markup)."""
    return " ".join(str(value).split()).replace("`", "'")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("threeno.reporting", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md
    env.filters["mdcode"] = _md_code
    return env


def _check(evaluation: object, fmt: object, lang: object) -> None:
    from threeno.indicators.results import Evaluation  # noqa: PLC0415 - only to check the type

    if not isinstance(evaluation, Evaluation):
        msg = f"must be an Evaluation, not {type(evaluation).__name__}"
        raise ValidationError(msg, cls_name="render", field="evaluation")
    if fmt not in FORMATS:
        msg = f"must be one of {', '.join(FORMATS)}, not {fmt!r}"
        raise ValidationError(msg, cls_name="render", field="format")
    if lang not in LANGS:
        msg = f"must be one of {', '.join(LANGS)}, not {lang!r}"
        raise ValidationError(msg, cls_name="render", field="lang")


def _json_value(value: object) -> Any:  # noqa: ANN401 - JSON-ready data of any shape
    if attrs.has(type(value)):
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
        return {f.name: _json_value(getattr(value, f.name)) for f in fields}
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _to_json(view: ReportView) -> str:
    data = _json_value(view)
    data.pop("words")
    for indicator in data["indicators"]:
        indicator.pop("chart")  # a drawing, not data: the rows hold the same numbers
    data["schema"] = REPORT_SCHEMA
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _csv_text(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _csv_row(
    head: tuple[str, str, str, str, str, str], cell: Cell, tail: tuple[str, str]
) -> list[object]:
    # head: indicator, unit, unit name, dimension, category, label; tail: target, status.
    value = "" if cell.value is None else cell.value
    denominator = "" if cell.denominator is None else cell.denominator
    numerator = "" if cell.numerator is None else cell.numerator
    texts = [_csv_text(t) for t in (*head, cell.text, *tail)]
    return [*texts[:6], numerator, denominator, value, *texts[6:]]


def _to_csv(view: ReportView) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for ind in view.indicators:
        for row in ind.rows:
            head = (ind.id, row.unit_code or "", row.unit_name, "", "", "")
            writer.writerow(_csv_row(head, row.cell, (row.target, row.status)))
        total = ind.rows[-1]
        for breakdown in ind.breakdowns:
            for cat in breakdown.rows:
                head = (ind.id, "", total.unit_name, breakdown.dimension, cat.category, cat.label)
                writer.writerow(_csv_row(head, cat.cell, ("", "")))
    return out.getvalue()


def render(  # noqa: PLR0913 - the report's options, all keyword-only
    evaluation: Evaluation,
    format: str,  # noqa: A002 - the name the issue gives the argument
    *,
    lang: str = "vi",
    plan: Plan | None = None,
    load_report: LoadReport | None = None,
    generated_on: dt.date | None = None,
    suppress_below: int | None = None,
) -> str:
    """Render the consolidated report of an evaluation.

    The report has a header (plan, period with its dates and cut-off convention, area and
    units), a table per indicator with the value, target and status of each unit and of
    the whole area, the disaggregations and extra figures, the failing records with their
    reasons (ids only, never personal data), and a data-quality section from the load
    report and the evaluation's placement of records.

    >>> from threeno.indicators.engine import evaluate
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan
    >>> from threeno.reporting.render import render
    >>> plan = load_plan("lai-chau-2024")
    >>> result = evaluate(plan, Dataset(), plan.period("2024-H2"), indicators=["reports.resolved"])
    >>> print(render(result, "md", lang="en", plan=plan).splitlines()[0])
    # Report on the implementation of the plan and its results

    Args:
        evaluation: the evaluation (:func:`threeno.indicators.engine.evaluate`).
        format: ``"md"``, ``"html"``, ``"json"`` or ``"csv"``.
        lang: ``"vi"`` (the default) or ``"en"``.
        plan: the plan evaluated, for its title, number, area and agency names.
        load_report: the data's load report, for the data-quality section.
        generated_on: a date to print as the report's date (none by default: the same
            evaluation renders byte-identical output).
        suppress_below: ``k`` for a report to publish: counts from 1 to ``k - 1`` show
            as ``<k``, the counts that would reveal them through a total as ``x``, and
            no record is listed (:func:`threeno.reporting.view.build_view`); the
            threshold of the Counter Trafficking Data Collaborative is 11,
            :data:`threeno.privacy.DEFAULT_THRESHOLD` (5) is the command's default.
            ``None`` (the default) for an internal report: nothing hidden.

    Returns:
        The report as text (CSV rows end in CRLF, as RFC 4180 says).

    Raises:
        ValidationError: for something other than an evaluation, an unknown format or
            language, a plan other than the one evaluated, or a threshold that is not a
            whole number 2 or more.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    _check(evaluation, format, lang)
    view = build_view(
        evaluation,
        lang=lang,
        plan=plan,
        load_report=load_report,
        generated_on=generated_on,
        suppress_below=suppress_below,
    )
    if format == "json":
        return _to_json(view)
    if format == "csv":
        return _to_csv(view)
    template = _environment().get_template(f"report.{format}")
    return template.render(
        report=view, w=view.words, h=view.header, q=view.quality, day=_day_writer(lang)
    )


def _day_writer(lang: str) -> Callable[[dt.date], str]:
    # Dates as the period labels write them: d/m/yyyy in Vietnamese, ISO in English.
    if lang == "vi":
        return lambda day: day.strftime("%d/%m/%Y")
    return lambda day: day.isoformat()
