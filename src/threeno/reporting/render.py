"""Rendering the consolidated report: Markdown, HTML, JSON and CSV.

:func:`render` writes the report of an evaluation (:mod:`threeno.reporting.view` builds
what it shows) in one of :data:`FORMATS`:

- ``md``: Markdown, the report as a document (:mod:`threeno.reporting.document`: the
  frame, the body's sections with the results in sentences, the annexes); record text
  is escaped, so an id cannot inject markup;
- ``html``: the same document as one self-contained, printable page (inline CSS, an
  inline SVG bar chart per share across units, no external resource), rendered by
  Jinja2 with autoescaping on: record text is untrusted;
- ``json``: the same content as data, keys sorted (``"schema": "threeno-report/1"``);
- ``csv``: one table for a spreadsheet: the report's top (the records behind it, the
  warnings, the settings), then every value (each unit and the total) and every
  breakdown category, one row each (:data:`CSV_COLUMNS`); the failing records and the
  rest of the data-quality section are in the other formats. The columns a person reads
  come first, the codes for tools last; the headers are in the report's language
  (:data:`CSV_HEADERS`), statuses in words, shares as percentages with
  :data:`CSV_PERCENT_DECIMALS` decimals, and the file is written in UTF-8 with a
  byte-order mark (:data:`CSV_ENCODING`), so that Excel reads Vietnamese. A text cell
  that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return) is written after an apostrophe (``'``), as OWASP
  advises against CSV injection.

The Word file (``docx``) is written by :func:`threeno.reporting.docx.render_docx`, as
bytes. Every format says so when its data are the bundled synthetic data
(``simulated=True``): "SỐ LIỆU MÔ PHỎNG – KHÔNG DÙNG ĐỂ BÁO CÁO"
(:data:`SIMULATED_MARK`) at its top.

A published report (``suppress_below=k``) hides the counts from 1 to ``k - 1`` and those
that would reveal them, and lists no record (:func:`threeno.reporting.view.build_view`).

The output depends only on its inputs: the same evaluation renders byte-identical text
(no date is printed unless ``generated_on`` is given).

Plan clauses: IV.2 (the standing body consolidates the six-monthly and yearly reports).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from threeno.errors import ValidationError
from threeno.lang import Lang, check_lang
from threeno.lang import date as lang_date
from threeno.lang import number as lang_number
from threeno.reporting._document_words import WORDS
from threeno.reporting.document import build_document
from threeno.reporting.view import NO_VALUE, build_view

if TYPE_CHECKING:
    import jinja2
    import markupsafe

    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.plan import Plan
    from threeno.reporting.letterhead import Letterhead
    from threeno.reporting.narrative import Run
    from threeno.reporting.view import Cell, ReportView

__all__ = [
    "CSV_COLUMNS",
    "CSV_ENCODING",
    "CSV_HEADERS",
    "CSV_PERCENT_DECIMALS",
    "CSV_SECTIONS",
    "FORMATS",
    "REPORT_SCHEMA",
    "SIMULATED_MARK",
    "render",
]

#: The formats :func:`render` writes (as text; the Word file is
#: :func:`threeno.reporting.docx.render_docx`'s).
FORMATS: Final = ("md", "html", "json", "csv")
#: The ``schema`` key of the JSON report.
REPORT_SCHEMA: Final = "threeno-report/1"
#: The mark every output computed from the bundled synthetic data carries, by language
#: (demo data must never be taken for a locality's figures).
SIMULATED_MARK: Final = {
    "vi": "SỐ LIỆU MÔ PHỎNG – KHÔNG DÙNG ĐỂ BÁO CÁO",
    "en": "SIMULATED DATA – NOT FOR REPORTING",
}
#: The columns of the CSV report by key, first what a person reads, then the codes for
#: tools. ``section`` says what a row is: the records behind the report (``category``
#: ``read``, ``accepted``, ``rejected``, ``left_out`` and its reasons, ``crosswalked``), a
#: warning (``category`` is its code; ``simulated_data`` for data that are the bundled
#: synthetic data), a setting (``category`` is its key), a result (a unit's or the whole
#: area's value) or a breakdown (a category of the whole area's): in Vietnamese in words
#: (:data:`CSV_SECTIONS`), in English as the codes ``data_quality``, ``warning``,
#: ``setting``, ``result``, ``breakdown``. ``value`` is a count, a share as a percentage
#: (:data:`CSV_PERCENT_DECIMALS` decimals, the language's decimal sign: ``94,3`` /
#: ``94.3``) or a setting's value; ``text`` the value as the report writes it;
#: ``status`` the status in words.
CSV_COLUMNS: Final = (
    "section",
    "indicator_name",
    "unit_name",
    "category_label",
    "numerator",
    "denominator",
    "value",
    "text",
    "target",
    "status",
    "indicator",
    "unit",
    "dimension",
    "category",
)
#: The header row of the CSV report in each language, Vietnamese by default; in English
#: the column keys, which tools read.
CSV_HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "vi": (
        "Phần",
        "Nội dung",
        "Đơn vị",
        "Nhóm",
        "Tử số",
        "Mẫu số",
        "Giá trị (tỷ lệ tính theo %)",
        "Kết quả",
        "Chỉ tiêu Kế hoạch",
        "Đánh giá",
        "Mã chỉ tiêu",
        "Mã đơn vị",
        "Mã phân tổ",
        "Mã nhóm",
    ),
    "en": CSV_COLUMNS,
}
#: What the ``section`` column says of each kind of row, in Vietnamese (the words of the
#: report's own headings).
CSV_SECTIONS: Final = {
    "data_quality": "records",
    "warning": "warning",
    "setting": "settings",
    "result": "value",
    "breakdown": "breakdowns",
}
#: The decimals of a share's percentage in the CSV report (``66,7``): the report's own.
CSV_PERCENT_DECIMALS: Final = 1
#: The CSV report's encoding, UTF-8 with a byte-order mark, without which Excel reads a
#: file as the computer's legacy code page and garbles Vietnamese.
CSV_ENCODING: Final = "utf-8-sig"

# What starts a formula in a spreadsheet (OWASP, "CSV Injection").
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
# Characters that mean something in Markdown (and "<", so that no HTML gets through).
_MD_SPECIAL: Final = frozenset("\\`*_{}[]<>#+!|~")


def _md(value: object) -> str:
    """Escape text for a Markdown table cell or list item: one line, no markup."""
    text = " ".join(str(value).split())
    return "".join(f"\\{ch}" if ch in _MD_SPECIAL else ch for ch in text)


def _md_text(value: object) -> str:
    """Escape a sentence of the document for Markdown: one line, spaces kept as they are."""
    text = re.sub(r"[ \t\r\n]+", " ", str(value))
    return "".join(f"\\{ch}" if ch in _MD_SPECIAL else ch for ch in text)


def _md_runs(runs: tuple[Run, ...], *, plain: bool = False) -> str:
    """A paragraph of the office's narrative in Markdown: its bold and italic runs kept."""
    out = []
    for text, bold, italic in runs:
        shown = _md_text(text)
        core = shown.strip()
        if plain or not core or not (bold or italic):
            out.append(shown)
            continue
        mark = "**" if bold else "*"
        lead, trail = shown[: len(shown) - len(shown.lstrip())], shown[len(shown.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(out)


def _html_runs(runs: tuple[Run, ...], *, plain: bool = False) -> markupsafe.Markup:
    """A paragraph of the office's narrative in HTML: every text escaped, bold and italic kept."""
    import markupsafe  # noqa: PLC0415 - with Jinja2, imported when a report is rendered

    out = markupsafe.Markup("")
    for text, bold, italic in runs:
        shown = markupsafe.escape(text)
        if not plain and bold:
            shown = markupsafe.Markup("<strong>%s</strong>") % shown
        elif not plain and italic:
            shown = markupsafe.Markup("<em>%s</em>") % shown
        out += shown
    return out


def _md_code(value: object) -> str:
    """Text for a Markdown code span: one line, no backtick (nothing in it is markup)."""
    return " ".join(str(value).split()).replace("`", "'")


@cache
def _environment() -> jinja2.Environment:
    # Jinja2 is imported when the first report is rendered, not with the package.
    import jinja2  # noqa: PLC0415

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("threeno.reporting", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md
    env.filters["mdtext"] = _md_text
    env.filters["mdcode"] = _md_code
    env.filters["mdruns"] = _md_runs
    env.filters["htmlruns"] = _html_runs
    return env


def _check(evaluation: object, fmt: object, lang: object) -> None:
    from threeno.indicators.results import Evaluation  # noqa: PLC0415 - only to check the type

    if not isinstance(evaluation, Evaluation):
        msg = f"must be an Evaluation, not {type(evaluation).__name__}"
        raise ValidationError(msg, cls_name="render", field="evaluation")
    if fmt not in FORMATS:
        msg = f"must be one of {', '.join(FORMATS)}, not {fmt!r}"
        raise ValidationError(msg, cls_name="render", field="format")
    check_lang(lang)


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


def _to_json(view: ReportView, *, simulated: bool) -> str:
    data = _json_value(view)
    data.pop("words")
    for indicator in data["indicators"]:
        indicator.pop("chart")  # a drawing, not data: the rows hold the same numbers
    data["schema"] = REPORT_SCHEMA
    data["simulated"] = simulated
    if simulated:
        data["simulated_note"] = SIMULATED_MARK["vi" if view.lang == "vi" else "en"]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _marked(text: str, fmt: str, lang: Lang) -> str:
    """The Markdown or HTML report with the mark of simulated data at its top.

    Markdown: a quoted line before the title. HTML: the page's title starts with the
    mark, and a paragraph of its own (a note, styled in place: the template is shared)
    opens the body, so that a printed page shows it too.
    """
    mark = SIMULATED_MARK[lang]
    if fmt == "md":
        return f"> **{mark}**\n\n{text}"
    style = (
        "border:2px solid #b00020;color:#b00020;font-weight:bold;text-align:center;"
        "padding:.4rem;margin:0 0 1rem"
    )
    note = f'<p class="simulated" role="note" style="{style}">{mark}</p>'
    text = text.replace("<title>", f"<title>{mark} — ", 1)
    return text.replace("<body>\n", f"<body>\n{note}\n", 1)


def _csv_text(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


class _CsvWriter:
    """The rows of the CSV report, in one language (:data:`CSV_COLUMNS`)."""

    def __init__(self, view: ReportView) -> None:
        self.view = view
        self.lang: Lang = "vi" if view.lang == "vi" else "en"

    def section(self, key: str) -> str:
        """A row's kind: words in Vietnamese, the code in English."""
        if self.lang == "en":
            return key
        return self.view.words[CSV_SECTIONS[key]]

    def value(self, value: object) -> object:  # noqa: PLR0911 - one return per kind
        """A number as a spreadsheet reads it: a share as a percentage, fixed decimals.

        Counts are whole numbers without a thousands separator (a spreadsheet reads
        ``19353`` as a number in any locale); a share (a fraction) is a percentage with
        :data:`CSV_PERCENT_DECIMALS` decimals and the language's decimal sign; a yes or
        no is a word (``có``/``không``; ``true``/``false`` in English, as JSON writes
        them); dates are ``dd/mm/yyyy`` in Vietnamese, ISO in English, joined by ``;``.
        """
        if value is None:
            return ""
        if isinstance(value, bool):
            if self.lang == "vi":
                return self.view.words["yes" if value else "no"]
            return "true" if value else "false"
        if isinstance(value, float):
            shown = f"{value * 100:.{CSV_PERCENT_DECIMALS}f}"
            return shown.replace(".", ",") if self.lang == "vi" else shown
        if isinstance(value, tuple):
            if self.lang == "vi":
                return ";".join(lang_date(dt.date.fromisoformat(day), "vi") for day in value)
            return ";".join(value)
        return value

    def row(  # noqa: PLR0913 - the columns of one row, all keyword-only
        self,
        *,
        section: str,
        cell: Cell | None = None,
        indicator: tuple[str, str] = ("", ""),
        unit: tuple[str, str] = ("", ""),
        category: tuple[str, str, str] = ("", "", ""),
        text: str = "",
        target: str = "",
        status: str = "",
        value: object = "",
    ) -> list[object]:
        """One row, its columns in :data:`CSV_COLUMNS`' order.

        ``indicator`` is the id and name, ``unit`` the code and name, ``category`` the
        dimension, slug and label; a cell gives the numbers and the text.
        """
        numerator: object = ""
        denominator: object = ""
        if cell is not None:
            numerator = "" if cell.numerator is None else cell.numerator
            denominator = "" if cell.denominator is None else cell.denominator
            value = cell.value
            text = cell.text
        code, name = indicator
        unit_code, unit_name = unit
        dimension, slug, label = category
        people = [_csv_text(t) for t in (self.section(section), name, unit_name, label)]
        words = [_csv_text(t) for t in (text, target, status)]
        codes = [_csv_text(t) for t in (code, unit_code, dimension, slug)]
        return [*people, numerator, denominator, self.value(value), *words, *codes]

    def rows(self, *, simulated: bool) -> list[list[object]]:
        """Every row: the mark of simulated data, the top, each value and category."""
        view = self.view
        rows = []
        if simulated:
            mark = SIMULATED_MARK[self.lang]
            warning = view.words["warning"]
            rows.append(
                self.row(section="warning", category=("", "simulated_data", warning), text=mark)
            )
        rows += self.top()
        for ind in view.indicators:
            names = (ind.id, ind.name)
            for result in ind.rows:
                rows.append(
                    self.row(
                        section="result",
                        cell=result.cell,
                        indicator=names,
                        unit=(result.unit_code or "", result.unit_name),
                        target=result.target,
                        status=result.status_label,
                    )
                )
            total = ind.rows[-1]
            rows.extend(
                self.row(
                    section="breakdown",
                    cell=cat.cell,
                    indicator=names,
                    unit=("", total.unit_name),
                    category=(breakdown.dimension, cat.category, cat.label),
                )
                for breakdown in ind.breakdowns
                for cat in breakdown.rows
            )
        return rows

    def top(self) -> list[list[object]]:
        """The rows of the report's top: the records behind it, the warnings, the settings."""
        view = self.view
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
        rows = [
            self.row(
                section="data_quality",
                category=("", key, label),
                value=n,
                text=lang_number(n, self.lang),
            )
            for key, label, n in counts
            if n is not None
        ]
        rows.extend(
            self.row(
                section="warning", category=("", warning.key, warning.label), text=warning.text
            )
            for warning in o.warnings
        )
        rows.extend(
            self.row(
                section="setting",
                category=("", setting.key, setting.label),
                value=setting.value,
                text=f"{setting.text} — {setting.note}" if setting.note else setting.text,
            )
            for setting in view.settings
        )
        return rows


def _to_csv(view: ReportView, *, simulated: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS["vi" if view.lang == "vi" else "en"])
    writer.writerows(_CsvWriter(view).rows(simulated=simulated))
    return out.getvalue()


def render(  # noqa: PLR0913 - the report's options, all keyword-only
    evaluation: Evaluation,
    format: str,  # noqa: A002 - the public name of the argument since 0.1.0
    *,
    lang: Lang = "vi",
    plan: Plan | None = None,
    load_report: LoadReport | None = None,
    generated_on: dt.date | None = None,
    suppress_below: int | None = None,
    simulated: bool = False,
    letterhead: Letterhead | None = None,
    narrative: str | None = None,
) -> str:
    """Render the consolidated report of an evaluation.

    Markdown and HTML write the report as a document
    (:func:`threeno.reporting.document.build_document`), in the order the Word file has:
    the frame (the issuing body, the number, the place and date when given, "BÁO CÁO"
    and the summary, "Kính gửi" when given), an opening sentence, the published note and
    the evaluation's warnings; the body's sections in order (situation; results, the
    numbers woven into sentences by the plan's tasks and by each agency's duties;
    assessment, with the table of the indicators, their targets and statuses;
    shortcomings; next period; proposals), each with the office's paragraphs or a line
    saying they are to be written; the closing sentence, "Nơi nhận" and the signature
    block; then the annexes: the indicators by unit (the plan's clauses, what they count,
    a row per unit and the whole area; no data is never met, and a count with no data
    shows "—"), their breakdowns, the failing records with their reasons (ids only,
    never personal data), the data's sources and quality (the plan, the period by name
    with its dates and cut-off convention, the area and units, the records behind the
    report, the readings and settings used and where each comes from, the load report
    and the placement of records), and the codes for tools. JSON and CSV hold the same
    numbers as data.

    >>> from threeno.indicators.engine import evaluate
    >>> from threeno.model.dataset import Dataset
    >>> from threeno.plans import load_plan
    >>> from threeno.reporting.render import render
    >>> plan = load_plan("lai-chau-2024")
    >>> result = evaluate(plan, Dataset(), plan.period("2024-H2"), indicators=["reports.resolved"])
    >>> print(render(result, "md", lang="en", plan=plan).splitlines()[0])
    **STEERING COMMITTEE FOR MAINTAINING THE “03 KHÔNG, 03 CÓ” MODEL**

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
        simulated: whether the data are the bundled synthetic data
            (:func:`threeno.testing.synthetic.demo_path`): the report then says so at
            its top (:data:`SIMULATED_MARK`): a quoted line before the Markdown's title,
            the page's title and first paragraph in HTML, ``"simulated": true`` and
            ``"simulated_note"`` in JSON, a first row in CSV (a warning,
            ``simulated_data``).
        letterhead: for ``md`` and ``html``, the number, date, place, recipients, signer
            and the body above the issuer, given at run time
            (:class:`~threeno.reporting.letterhead.Letterhead`), as the Word file takes
            them (:func:`threeno.reporting.docx.render_docx`).
        narrative: for ``md`` and ``html``, the office's paragraphs, a Markdown text of
            sections by heading (:func:`~threeno.reporting.narrative.parse_narrative`),
            merged into the body's sections.

    Returns:
        The report as text (CSV rows end in CRLF, as RFC 4180 says; written to a file,
        a CSV report is encoded as :data:`CSV_ENCODING`).

    Raises:
        ValidationError: for something other than an evaluation, an unknown format, a
            plan other than the one evaluated, a threshold that is not a whole number 2 or
            more, a letterhead or narrative for ``json`` or ``csv`` (they are data, not a
            document), or a narrative with text before its first section.
        LanguageError: for a language other than ``"vi"`` or ``"en"``.

    Plan clauses: IV.2.

    .. versionadded:: 0.1.0
    """
    _check(evaluation, format, lang)
    if format in {"json", "csv"} and (letterhead is not None or narrative is not None):
        field = "narrative" if narrative is not None else "letterhead"
        msg = f"a {format} report is data, not a document: no letterhead or narrative"
        raise ValidationError(msg, cls_name="render", field=field)
    view = build_view(
        evaluation,
        lang=lang,
        plan=plan,
        load_report=load_report,
        generated_on=generated_on,
        suppress_below=suppress_below,
    )
    if format == "json":
        return _to_json(view, simulated=simulated)
    if format == "csv":
        return _to_csv(view, simulated=simulated)
    template = _environment().get_template(f"report.{format}")
    code = check_lang(lang)
    doc = build_document(view, plan, letterhead=letterhead, narrative=narrative)
    text = template.render(
        report=view,
        doc=doc,
        dw=WORDS[code],
        w=view.words,
        h=view.header,
        o=view.overview,
        q=view.quality,
        day=lambda day: lang_date(day, code),
        number=lambda n: lang_number(n, code),
        no_value=NO_VALUE,
    )
    return _marked(text, format, code) if simulated else text
