"""The ``threeno`` command.

Subcommands: ``report`` (the consolidated report), ``compare`` (the plan and revisions
of it compared on the same records), ``validate`` (a dataset's load
report), ``indicators`` (the catalogue with a plan's targets), ``explain`` (one
indicator's records), ``schema`` (JSON Schema), ``docs`` (the generated documentation
pages), ``plan show`` (a plan's summary), ``sample`` (synthetic data) and ``serve`` (the
HTTP service, :mod:`threeno.serve`, with the ``serve`` extra).

Exit codes: 0 success, 1 problems in the data (a record rejected, a plan file with
mistakes, data that cannot be read), 2 usage errors (an unknown option, a period,
unit or indicator that does not exist). Errors are one line on standard error;
``--debug`` shows the traceback. A load or evaluation that takes more than a couple of
seconds shows its progress on standard error when that is a terminal, and nothing when
it is not.

Plan clauses: IV.2 (the standing body consolidates the reports).
"""

from __future__ import annotations

import argparse  # noqa: TC003 - Sphinx evaluates the annotations to link them
import contextlib
import datetime as dt  # noqa: TC003 - Sphinx evaluates the annotations to link them
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from threeno import plans
from threeno._cli_parser import DEFAULT_PLAN, build_parser
from threeno.errors import DatasetError, PeriodError, ThreenoError
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.definitions import IndicatorKind, Level
from threeno.indicators.engine import evaluate
from threeno.io._atomic import atomic_open, check_output, check_output_folder, write_atomic
from threeno.io.datasets import load_dataset
from threeno.io.schema import json_schema
from threeno.io.xlsx_template import write_workbook
from threeno.lang import Lang
from threeno.lang import date as lang_date
from threeno.lang import number as lang_number
from threeno.lang import percent as lang_percent
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES
from threeno.model.period import PeriodKind, ReportingPeriod
from threeno.model.plan import Plan, with_settings
from threeno.privacy import DEFAULT_THRESHOLD
from threeno.reporting.docs import PAGES, write_pages
from threeno.reporting.docx import Letterhead, load_letterhead, render_docx
from threeno.reporting.render import CSV_ENCODING, render
from threeno.reporting.xlsx import render_xlsx
from threeno.rules.calendar import plan_calendar, today
from threeno.testing import synthetic

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.dataset import Dataset

__all__ = ["DEFAULT_PLAN", "build_parser", "default_period", "main"]

EXIT_OK: Final = 0
EXIT_DATA: Final = 1
EXIT_USAGE: Final = 2

#: Seconds a load may take before its progress is shown (on a terminal only).
PROGRESS_DELAY: Final = 2.0


class UsageError(Exception):
    """A command line that names something that does not exist (exit code 2).

    Its wording is the :class:`~threeno.messages.Notice` of ``code`` and ``params``
    ("-- the command line --" in :data:`threeno.messages.TEMPLATES`), written in the
    command's ``--lang``.
    """

    def __init__(self, *, code: str, **params: object) -> None:
        """Keep the notice; ``str(error)`` is its English text."""
        self.notice = Notice(code, params)
        super().__init__(self.notice.text("en"))


# -- periods -------------------------------------------------------------------------


def default_period(plan: Plan, on: dt.date) -> ReportingPeriod:
    """The period ``threeno report`` evaluates when given none: the plan's latest report.

    Among the periods the plan asks reports on (plan clause IV.2: every six months and
    every year) within the plan's own reporting year, the latest one complete on ``on``;
    of two ending the same day, the longer, so once the plan's year is over it is the
    whole year (the yearly report consolidates both halves). Before the first of them is
    complete, the first one, still in progress.

    For the bundled 2024 plan (year 2023-12-15..2024-12-14 under the cut-off): on
    2024-07-01 it is 2024-H1; from 2024-12-15 on (so today), the year 2024.

    >>> import datetime as dt
    >>> from threeno.cli import default_period
    >>> from threeno.plans import load_plan
    >>> plan = load_plan("lai-chau-2024")
    >>> (
    ...     str(default_period(plan, dt.date(2024, 7, 1))),
    ...     str(default_period(plan, dt.date(2026, 1, 5))),
    ... )
    ('2024-H1', '2024')

    Args:
        plan: the plan.
        on: the day asked about (today, in the plan's zone, for the command).

    Returns:
        The :class:`~threeno.model.period.ReportingPeriod`.

    Source: Nghị định 09/2019/NĐ-CP, Art. 12 (a period is complete after its last day).
    Plan clauses: IV.2.
    """
    year = plan.reporting_year
    kinds = [k.period_kind for k in plan.reporting.kinds if k.period_kind is not None]
    candidates = [p for kind in kinds or [PeriodKind.YEAR] for p in year.split(kind)]
    complete = [p for p in candidates if p.end < on]
    if not complete:
        return min(candidates, key=lambda p: (p.end, p.days))
    return max(complete, key=lambda p: (p.end, p.days))


# -- progress ------------------------------------------------------------------------


@contextlib.contextmanager
def _progress(what: str, stream: IO[str] | None = None) -> Iterator[None]:
    """Show ``what`` and the seconds elapsed on a terminal, once a load takes a while."""
    out = sys.stderr if stream is None else stream
    if not out.isatty():
        yield
        return
    done = threading.Event()
    start = time.monotonic()

    def tick() -> None:
        if done.wait(PROGRESS_DELAY):
            return
        while True:
            out.write(f"\rthreeno: {what}… {time.monotonic() - start:.0f} s")
            out.flush()
            if done.wait(1.0):
                out.write("\r\033[K")
                out.flush()
                return

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


# -- the commands --------------------------------------------------------------------


def _shown(text: object, limit: int = 40) -> str:
    """A command-line word as an error quotes it: repr'd, cut at ``limit`` characters."""
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _load_plan(id_or_path: str) -> Plan:
    """The plan a command names; an unknown bundled id is a usage error (exit 2).

    A text that looks like a path (ends in ``.toml`` or holds a separator) is read as a
    plan file: a file that is missing or has mistakes is a problem of the data (exit 1).
    """
    if not plans.looks_like_path(id_or_path) and id_or_path not in plans.available():
        raise UsageError(
            code="cli_unknown_plan", plan=_shown(id_or_path), known=", ".join(plans.available())
        )
    return plans.load_plan(id_or_path)


def _period(plan: Plan, text: str | None) -> ReportingPeriod:
    if text is None:
        return default_period(plan, today())
    try:
        return plan.period(text)
    except PeriodError as exc:
        raise UsageError(code="cli_unknown_period", text=_shown(text)) from exc


def _data_path(plan: Plan, data: str | None) -> Path:
    if data is not None:
        return Path(data)
    try:
        return synthetic.demo_path(plan.id)
    except DatasetError:
        raise UsageError(code="cli_no_demo_data", plan=plan.id) from None


def _load(plan: Plan, path: Path) -> tuple[Dataset, LoadReport]:
    with _progress(f"loading {path}"):
        return load_dataset(path, plan=plan)


def _check_units(plan: Plan, period: ReportingPeriod, units: Sequence[str]) -> None:
    in_scope = [u.code for u in plan.units_in_scope(period.end)]
    unknown = [code for code in units if code not in in_scope]
    if unknown:
        raise UsageError(
            code="cli_unit_not_in_plan",
            units=", ".join(_shown(code) for code in unknown),
            plan=plan.id,
            on=lang_date(period.end, "vi"),
            known=", ".join(in_scope),
        )


#: How the options that override a plan's settings name themselves in the plan's notes.
_SET_HERE_VI: Final = "Đặt khi chạy lệnh ({option}), không theo tệp kế hoạch."
_SET_HERE_EN: Final = "Set on the command line ({option}), not by the plan file."
# The options whose name is not the setting's (the plan file's key) with hyphens.
_OPTIONS: Final = {"suspension_counts_as_resolved": "--suspension-resolved"}


def _with_settings(plan: Plan, args: argparse.Namespace) -> Plan:
    """The plan with the settings the command line overrides (the report shows them).

    A plan's settings are its own (``[evaluation]``, ``[calendar]``, ``[reporting]``);
    ``--count-receipt-day``, ``--crosswalk``, ``--suspension-resolved``, ``--days-allowed``
    and ``--day-off`` replace
    or add to them for this run, noting where the value came from, so that the report
    never presents a command-line value as the plan's (:func:`threeno.model.plan.with_settings`).
    """

    def set_by(key: str, value: object) -> tuple[str, str]:
        option = _OPTIONS.get(key, "--" + key.replace("_", "-"))
        if value is False:
            option = "--no-" + option.removeprefix("--")
        if key == "day_off":  # the name of a day off: no final stop
            return (
                _SET_HERE_VI.format(option=option).removesuffix("."),
                _SET_HERE_EN.format(option=option).removesuffix("."),
            )
        return _SET_HERE_VI.format(option=option), _SET_HERE_EN.format(option=option)

    return with_settings(
        plan,
        count_receipt_day=args.count_receipt_day,
        crosswalk=args.crosswalk,
        suspension_counts_as_resolved=args.suspension_counts_as_resolved,
        days_allowed=args.days_allowed,
        days_off=args.day_off or (),
        set_by=set_by,
    )


def _report_indicators(plan: Plan, args: argparse.Namespace) -> tuple[str, ...] | None:
    """The indicators ``report`` evaluates: the plan's, with those the options add.

    ``None`` (the plan's own list, :attr:`Plan.report_indicators`) unless
    ``--all-indicators`` (the whole catalogue) or ``--indicator ID`` (added to the plan's
    list: after the plan's ``indicators`` in their order, or among those its clauses name
    in the catalogue's order).
    """
    if args.all_indicators:
        return tuple(i.id for i in CATALOGUE)
    if not args.indicator:
        return None
    known = [i.id for i in CATALOGUE]
    unknown = [given for given in args.indicator if given not in known]
    if unknown:
        raise UsageError(
            code="cli_unknown_indicator",
            indicator=", ".join(_shown(given) for given in unknown),
            known=", ".join(known),
        )
    extra = set(args.indicator)
    if plan.indicators is not None:  # the plan's order, then the others the catalogue's
        return (*plan.indicators, *(i for i in known if i in extra - set(plan.indicators)))
    wanted = set(plan.report_indicators or known) | extra
    return tuple(i for i in known if i in wanted)


def _evaluate(
    plan: Plan,
    args: argparse.Namespace,
    units: Sequence[str] | None,
    indicators: Sequence[str] | None,
    *,
    explain: ExplainMode,
) -> tuple[Evaluation, LoadReport]:
    if getattr(args, "dask", None) is not None or getattr(args, "workers", None) is not None:
        from threeno import _cli_dask  # noqa: PLC0415 - it imports this module; the dask extra

        return _cli_dask.evaluate(plan, args, units, indicators, explain=explain)
    period = _period(plan, args.period)
    if units:
        _check_units(plan, period, units)
    data, load_report = _load(plan, _data_path(plan, args.data))
    with _progress(f"evaluating {plan.id} {period}"):
        evaluation = evaluate(
            plan,
            data,
            period,
            units=units or None,
            indicators=indicators,
            explain=explain,
            crosswalk=plan.evaluation.crosswalk,
            count_receipt_day=plan.evaluation.count_receipt_day,
            suspension_counts_as_resolved=plan.evaluation.suspension_counts_as_resolved,
            calendar=plan_calendar(plan),
        )
    return evaluation, load_report


def _write(text: str | bytes, out: str | None, fmt: str, inputs: Sequence[Path]) -> None:
    # CSV for a spreadsheet: with the byte-order mark, Excel reads Vietnamese as UTF-8;
    # a Word file is bytes.
    if isinstance(text, bytes) or fmt == "csv":
        data = text if isinstance(text, bytes) else text.encode(CSV_ENCODING)
        if out is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        # Latin-1 maps each byte to one character and back: the bytes are written as they
        # are, atomically.
        with atomic_open(out, inputs=inputs, encoding="latin-1", newline="") as handle:
            handle.write(data.decode("latin-1"))
        return
    if out is None:
        sys.stdout.write(text)
        return
    write_atomic(out, text, inputs=inputs)


def _plan_file(id_or_path: str) -> list[Path]:
    """The plan file a command reads, as an input its outputs must not replace."""
    return [Path(id_or_path)] if plans.looks_like_path(id_or_path) else []


def _is_demo(plan: Plan, data: Path) -> bool:
    """Whether the records are the bundled synthetic data of the plan (marked as such)."""
    try:
        demo = synthetic.demo_path(plan.id)
    except DatasetError:
        return False
    return data.resolve() == demo.resolve()


def _letterhead(args: argparse.Namespace) -> Letterhead:
    """The letterhead of the Word file: the file's, with the options given in its place."""
    base = Letterhead() if args.letterhead is None else load_letterhead(args.letterhead)
    given = Letterhead(
        number=args.number,
        issued_on=args.issued_on,
        place=args.place,
        recipients=tuple(args.recipient or ()),
        signer=args.signer,
    )
    return base.updated(given)


#: The formats that write the report as a document, with a letterhead and the office's
#: narrative (:mod:`threeno.reporting.document`); JSON and CSV are data.
DOCUMENT_FORMATS: Final = ("md", "html", "docx")


def _document_options(args: argparse.Namespace) -> bool:
    """Whether any option of the report as a document was given."""
    names = ("number", "issued_on", "place", "recipient", "signer", "letterhead", "narrative")
    return any(getattr(args, name) is not None for name in names)


def _report(args: argparse.Namespace) -> int:
    inputs = [*_plan_file(args.plan), *([Path(args.data)] if args.data is not None else [])]
    if args.out is not None:  # refuse before the work, not after (even reading the plan)
        check_output(args.out, inputs)
    plan = _load_plan(args.plan)
    threshold = args.suppress_below
    if threshold is not None and not args.publish:
        raise UsageError(code="cli_suppress_without_publish")
    if args.publish and threshold is None:
        threshold = DEFAULT_THRESHOLD
    if args.format not in DOCUMENT_FORMATS and _document_options(args):
        raise UsageError(code="cli_document_options", fmt=args.format)
    data = _data_path(plan, args.data)
    extra = (Path(f) for f in (args.letterhead, args.narrative) if f is not None)
    inputs = [*_plan_file(args.plan), data, *extra]
    if args.out is not None:  # the demo data, once the plan names it
        check_output(args.out, inputs)
    plan = _with_settings(plan, args)
    indicators = _report_indicators(plan, args)
    evaluation, load_report = _evaluate(plan, args, args.unit, indicators, explain="failures")
    simulated = _is_demo(plan, data)
    text: str | bytes
    narrative = None
    if args.narrative is not None:
        narrative = Path(args.narrative).read_text(encoding="utf-8-sig")
    document = args.format in DOCUMENT_FORMATS
    if args.format == "xlsx":
        text = render_xlsx(
            evaluation,
            lang=args.lang,
            plan=plan,
            load_report=load_report,
            suppress_below=threshold,
            simulated=simulated,
        )
    elif args.format == "docx":
        text = render_docx(
            evaluation,
            lang=args.lang,
            plan=plan,
            load_report=load_report,
            suppress_below=threshold,
            letterhead=_letterhead(args),
            narrative=narrative,
            simulated=simulated,
        )
    else:
        text = render(
            evaluation,
            args.format,
            lang=args.lang,
            plan=plan,
            load_report=load_report,
            suppress_below=threshold,
            simulated=simulated,
            letterhead=_letterhead(args) if document else None,
            narrative=narrative if document else None,
        )
    _write(text, args.out, args.format, inputs)
    return _exit_for(
        load_report,
        evaluation,
        listed_in_report=threshold is None,  # a published report lists no rejection
        allow_out_of_scope=args.allow_out_of_scope,
        lang=args.lang,
    )


def _exit_for(
    load_report: LoadReport,
    evaluation: Evaluation,
    *,
    listed_in_report: bool,
    allow_out_of_scope: bool,
    lang: Lang,
) -> int:
    """Exit 1, saying why on standard error, when the evaluation went on without records.

    Records are missing from the numbers when the load rejected them, or when the
    evaluation left them out (a unit unknown, not valid on the record's date, or not one
    of the plan's). ``--allow-out-of-scope`` accepts the second knowingly (the report still
    counts them by reason); nothing accepts the first.
    """
    code = EXIT_OK
    if load_report.rejected:
        where = "cli_rejected_in_report" if listed_in_report else "cli_rejected_see_validate"
        print(_notice(Notice(where, {"count": load_report.rejected}), lang), file=sys.stderr)
        code = EXIT_DATA
    left_out = evaluation.data_quality.left_out
    if left_out:
        reasons = evaluation.data_quality.left_out_by_reason
        what = "cli_left_out_allowed" if allow_out_of_scope else "cli_left_out"
        notice = Notice(what, {"count": left_out, **reasons})
        print(_notice(notice, lang), file=sys.stderr)
        if not allow_out_of_scope:
            code = EXIT_DATA
    return code


def _notice(notice: Notice, lang: Lang) -> str:
    return f"threeno: {notice.text(lang)}"


def _validate(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    _, load_report = _load(plan, Path(args.data))
    print(load_report.text(args.lang))
    return EXIT_OK if load_report.ok else EXIT_DATA


#: The columns of ``threeno indicators``, in each language.
_INDICATOR_COLUMNS: Final = {
    "vi": ("Mã chỉ tiêu", "Loại", "Mục của Kế hoạch", "Chỉ tiêu Kế hoạch", "Báo cáo", "Tên"),
    "en": ("Indicator id", "Kind", "Plan clauses", "Plan target", "Report", "Name"),
}
#: Whether ``threeno report`` evaluates an indicator by default, in each language.
_IN_REPORT: Final = {"vi": ("có", "thêm khi chọn"), "en": ("yes", "on request")}


def _indicators(args: argparse.Namespace) -> int:
    """List the catalogue: id, kind, the plan's clauses and target, whether it is reported.

    "Report" says whether ``threeno report`` evaluates it with no option (the plan's
    ``indicators``, else those its clauses and targets name); the others are evaluated on
    request (``--indicator ID`` or ``--all-indicators``).
    """
    plan = _load_plan(args.plan)
    lang: Lang = args.lang
    reported = set(plan.report_indicators or (i.id for i in CATALOGUE))
    rows = [_INDICATOR_COLUMNS[lang]]
    for ind in CATALOGUE:
        target = plan.target(ind.id)
        if target is None:
            shown = "—"
        elif ind.kind is IndicatorKind.SHARE:
            shown = lang_percent(target.value, lang, digits=0)
        else:
            shown = lang_number(int(target.value), lang)
        if target is not None:
            shown = f"{target.comparator.label(lang)} {shown}"
        clauses = ", ".join(plan.clauses_for(ind.id)) or "—"
        yes, on_request = _IN_REPORT[lang]
        in_report = yes if ind.id in reported else on_request
        rows.append((ind.id, ind.kind.label(lang), clauses, shown, in_report, ind.name(lang)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]))
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    ids = {i.id: i for i in CATALOGUE}
    indicator = ids.get(args.indicator)
    if indicator is None:
        raise UsageError(
            code="cli_unknown_indicator", indicator=_shown(args.indicator), known=", ".join(ids)
        )
    if args.unit is not None and indicator.level is Level.AGENCY:
        raise UsageError(code="cli_indicator_by_agency", indicator=indicator.id)
    plan = _load_plan(args.plan)
    plan = _with_settings(plan, args)
    units = None if args.unit is None else [args.unit]
    evaluation, load_report = _evaluate(plan, args, units, [indicator.id], explain="all")
    results = evaluation[indicator.id]
    result = results.total if args.unit is None else results.by_unit[args.unit]
    print(result.explain(args.lang))
    return _exit_for(
        load_report,
        evaluation,
        listed_in_report=False,
        allow_out_of_scope=args.allow_out_of_scope,
        lang=args.lang,
    )


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(args.type), indent=2, ensure_ascii=False))
    return EXIT_OK


def _docs(args: argparse.Namespace) -> int:
    check_output_folder(args.out, ["index.md", *PAGES], _plan_file(args.plan))
    for path in write_pages(_load_plan(args.plan), args.out):
        print(path)
    return EXIT_OK


def _plan_show(args: argparse.Namespace) -> int:
    print(plans.summary(_load_plan(args.plan), lang=args.lang))
    return EXIT_OK


def _sample(args: argparse.Namespace) -> int:
    names = [f"{name}.jsonl" for name in RECORD_TYPES]
    check_output_folder(args.out, names, _plan_file(args.plan))
    plan = _load_plan(args.plan)
    with _progress(f"writing {args.out}"):
        counts = synthetic.write_jsonl(plan, args.out, seed=args.seed, scale=args.scale)
    for name, n in counts.items():
        print(f"{name}.jsonl  {n}")
    print(f"{sum(counts.values())} records written to {args.out}")
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    """``threeno compare`` (:mod:`threeno._cli_compare`), which uses this module's helpers."""
    from threeno import _cli_compare  # noqa: PLC0415 - it imports this module

    return _cli_compare.run(args)


def _template(args: argparse.Namespace) -> int:
    """Write the plan's Excel template (:func:`threeno.io.xlsx_template.write_workbook`)."""
    inputs = _plan_file(args.plan)
    check_output(args.out, inputs)
    plan = _load_plan(args.plan)
    path = write_workbook(
        args.out, plan=plan, lang=args.lang, personal_data=args.personal_data, inputs=inputs
    )
    print(path)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    """``threeno serve`` (:mod:`threeno._cli_serve`): the HTTP service until interrupted."""
    from threeno import _cli_serve  # noqa: PLC0415 - it imports this module

    return _cli_serve.run(args)


_RUN: Final = {
    "report": _report,
    "compare": _compare,
    "validate": _validate,
    "indicators": _indicators,
    "explain": _explain,
    "schema": _schema,
    "docs": _docs,
    "plan": _plan_show,
    "sample": _sample,
    "template": _template,
    "serve": _serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``threeno`` command and return its exit code.

    Args:
        argv: the arguments, without the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        0 on success, 1 when the data has problems, 2 on a usage error.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    # Errors are written in the command's language (English where it has no --lang).
    lang: Lang = getattr(args, "lang", "en")
    try:
        return _RUN[args.command](args)
    except BrokenPipeError:
        # The reader stopped early (``threeno report | head``): not an error of ours.
        # As the Python docs advise: point standard output at devnull so that the
        # interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except UsageError as exc:
        if args.debug:
            raise
        _error(exc.notice.text(lang), lang)
        return EXIT_USAGE
    except ThreenoError as exc:
        if args.debug:
            raise
        _error(exc.text(lang), lang)
        return EXIT_DATA
    except OSError as exc:
        if args.debug:
            raise
        _error(str(exc), lang)
        return EXIT_DATA


def _error(text: str, lang: Lang) -> None:
    """One line on standard error: ``threeno: error: ...`` (``threeno: lỗi: ...`` in vi)."""
    label = "lỗi" if lang == "vi" else "error"
    print(f"threeno: {label}: {text}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
