"""Rendering the consolidated report: Markdown, HTML, JSON and CSV.

:func:`render` writes the report of an evaluation (:mod:`threeno.reporting.view` builds
what it shows) in one of :data:`FORMATS`:

- ``md``: Markdown, a table per indicator; record text is escaped, so an id cannot
  inject markup;
- ``html``: one self-contained, printable page (inline CSS, an inline SVG bar chart per
  share across units, no external resource), rendered by Jinja2 with autoescaping on:
  record text is untrusted;
- ``json``: the same content as data, keys sorted (``"schema": "threeno-report/1"``);
- ``csv``: one table: the report's top (the records behind it, the warnings, the
  settings), then every value (each unit and the total) and every breakdown category,
  one row each (:data:`CSV_COLUMNS`); the failing records and the rest of the
  data-quality section are in the other formats. A text cell that a spreadsheet would
  take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return) is written after an apostrophe (``'``), as OWASP advises against CSV
  injection.

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
from threeno.lang import check_lang
from threeno.lang import date as lang_date
from threeno.lang import number as lang_number
from threeno.reporting.view import LANGS, NO_VALUE, build_view

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.plan import Plan
    from threeno.reporting.view import Cell, ReportView, Setting

__all__ = ["CSV_COLUMNS", "FORMATS", "REPORT_SCHEMA", "render"]

#: The formats :func:`render` writes.
FORMATS: Final = ("md", "html", "json", "csv")
#: The ``schema`` key of the JSON report.
REPORT_SCHEMA: Final = "threeno-report/1"
#: The columns of the CSV report. ``section`` says what a row is: ``data_quality`` (a
#: count of the records behind the report: ``category`` ``read``, ``accepted``,
#: ``rejected``, ``left_out`` and its reasons, ``crosswalked``), ``warning`` (``category``
#: is the warning's code), ``setting`` (``category`` is the setting's key), ``result``
#: (a unit's or the whole area's value) or ``breakdown`` (a category of the whole area's).
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
    "status_label",
    "indicator_name",
    "section",
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


def _csv_row(  # noqa: PLR0913 - the columns of one row, all keyword-only
    *,
    section: str,
    cell: Cell | None = None,
    indicator: tuple[str, str] = ("", ""),
    unit: tuple[str, str] = ("", ""),
    category: tuple[str, str, str] = ("", "", ""),
    text: str = "",
    target: str = "",
    status: tuple[str, str] = ("", ""),
    value: object = "",
) -> list[object]:
    """One row of the CSV report, its columns in :data:`CSV_COLUMNS`' order.

    ``indicator`` is the id and name, ``unit`` the code and name, ``category`` the
    dimension, slug and label, ``status`` the slug and label; a cell gives the numbers
    and the text.
    """
    numerator: object = ""
    denominator: object = ""
    if cell is not None:
        numerator = "" if cell.numerator is None else cell.numerator
        denominator = "" if cell.denominator is None else cell.denominator
        value = "" if cell.value is None else cell.value
        text = cell.text
    texts = [_csv_text(t) for t in (indicator[0], *unit, *category)]
    tail = [_csv_text(t) for t in (text, target, *status, indicator[1], section)]
    return [*texts, numerator, denominator, value, *tail]


def _csv_value(setting: Setting) -> object:
    # A setting's value as a cell: true/false as JSON writes them, dates joined by ";".
    value = setting.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ";".join(value)
    return value


def _to_csv(view: ReportView) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_top(view))
    for ind in view.indicators:
        names = (ind.id, ind.name)
        for row in ind.rows:
            writer.writerow(
                _csv_row(
                    section="result",
                    cell=row.cell,
                    indicator=names,
                    unit=(row.unit_code or "", row.unit_name),
                    target=row.target,
                    status=(row.status, row.status_label),
                )
            )
        total = ind.rows[-1]
        for breakdown in ind.breakdowns:
            for cat in breakdown.rows:
                writer.writerow(
                    _csv_row(
                        section="breakdown",
                        cell=cat.cell,
                        indicator=names,
                        unit=("", total.unit_name),
                        category=(breakdown.dimension, cat.category, cat.label),
                    )
                )
    return out.getvalue()


def _csv_top(view: ReportView) -> list[list[object]]:
    """The rows of the report's top: the records behind it, the warnings, the settings."""
    w, o = view.words, view.overview
    counts: list[tuple[str, str, int | None]] = [
        ("read", w["read_n"], o.read),
        ("accepted", w["accepted_n"], o.accepted),
        ("rejected", w["rejected_n"], o.rejected),
        ("left_out", w["left_out_n"], o.left_out),
        *((reason, w[reason], n) for reason, n in o.left_out_by_reason.items()),
    ]
    if o.crosswalk_applied:
        counts.append(("crosswalked", w["crosswalked_n"], o.crosswalked))
    number = _numbers(view.lang)
    rows = [
        _csv_row(
            section="data_quality",
            category=("", key, label),
            value=n,
            text=number(n),
        )
        for key, label, n in counts
        if n is not None
    ]
    rows.extend(
        _csv_row(section="warning", category=("", warning.key, warning.label), text=warning.text)
        for warning in o.warnings
    )
    rows.extend(
        _csv_row(
            section="setting",
            category=("", setting.key, setting.label),
            value=_csv_value(setting),
            text=f"{setting.text} — {setting.note}" if setting.note else setting.text,
        )
        for setting in view.settings
    )
    return rows


def _numbers(lang: str) -> Callable[[int], str]:
    code = check_lang(lang)
    return lambda n: lang_number(n, code)


def render(  # noqa: PLR0913 - the report's options, all keyword-only
    evaluation: Evaluation,
    format: str,  # noqa: A002 - the public name of the argument since 0.1.0
    *,
    lang: str = "vi",
    plan: Plan | None = None,
    load_report: LoadReport | None = None,
    generated_on: dt.date | None = None,
    suppress_below: int | None = None,
) -> str:
    """Render the consolidated report of an evaluation.

    The report has a header (plan, period by name with its dates and cut-off convention,
    area and units); beside the period, before any indicator, the records behind it
    (read, accepted, rejected, left out for their unit code by reason) and the
    evaluation's warnings; the readings and settings used, with where each comes from; a
    table per indicator, by name, with the plan's clauses and the value, target and
    status of each unit and of the whole area (no data is never met, and a count with no
    data shows "—"); the disaggregations and extra figures; the failing records with
    their reasons (ids only, never personal data); a data-quality section from the load
    report and the evaluation's placement of records; and an annex of the codes.

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
        suppress_below: ``k`` for a report to publish: counts from 1 to ``k - 1``, and
            the counts that would let a reader narrow one of them to fewer than ``k``
            values, show as ``x``, and no record is listed
            (:func:`threeno.reporting.view.build_view`); the threshold of the Counter
            Trafficking Data Collaborative is 11, :data:`threeno.privacy.DEFAULT_THRESHOLD`
            (5) is the command's default.
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
    code = check_lang(lang)
    return template.render(
        report=view,
        w=view.words,
        h=view.header,
        o=view.overview,
        q=view.quality,
        day=lambda day: lang_date(day, code),
        number=lambda n: lang_number(n, code),
        no_value=NO_VALUE,
    )
