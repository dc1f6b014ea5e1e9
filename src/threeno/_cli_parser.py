"""The ``threeno`` command's parser: its subcommands, their options and their help.

Declarative: what each command accepts and says about itself. What the options do is in
:mod:`threeno.cli` (the commands), which builds its parser here.

Plan clauses: IV.2 (the standing body consolidates the reports).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Final

import threeno
from threeno import plans
from threeno.indicators.catalogue import CATALOGUE
from threeno.io.schema import SCHEMA_NAMES
from threeno.lang import LANGS
from threeno.privacy import DEFAULT_THRESHOLD
from threeno.reporting.render import FORMATS
from threeno.testing import synthetic

__all__ = ["DEFAULT_PLAN", "build_parser"]

#: The plan every command uses when given none: the bundled 2024 plan.
DEFAULT_PLAN: Final = "lai-chau-2024"


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        msg = f"must be a number above 0, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 366:
        msg = f"must be a whole number of days from 0 to 366, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"must be a date written YYYY-MM-DD, not {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _count_of_workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"must be a whole number, 1 or more, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _threshold(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 2:  # k = 1 would hide nothing
        msg = f"must be a whole number, 2 or more, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _add_plan_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plan",
        default=DEFAULT_PLAN,
        metavar="ID|PATH",
        help=f"a bundled plan's id or a plan file's path (default: {DEFAULT_PLAN})",
    )


def _add_lang_option(parser: argparse.ArgumentParser, default: str = "vi") -> None:
    parser.add_argument(
        "--lang", choices=LANGS, default=default, help=f"language (default: {default})"
    )


def _add_evaluation_options(parser: argparse.ArgumentParser) -> None:
    _add_plan_option(parser)
    parser.add_argument(
        "--data",
        metavar="PATH",
        help=(
            "the records: a JSON document, a folder of JSON Lines or CSV files, one file, or"
            " an Excel workbook (.xlsx, the excel extra)"
            " (default: the bundled demo data of the plan)"
        ),
    )
    parser.add_argument(
        "--period",
        metavar="TEXT",
        help=(
            "2024, 2024-H1, 2024-Q2, 2024-05 or 2024-01-01..2024-03-31, in the plan's"
            " convention (default: the plan's latest complete report period within its year)"
        ),
    )
    parser.add_argument(
        "--allow-out-of-scope",
        action="store_true",
        help=(
            "exit 0 although records were left out (a unit unknown, not valid on the"
            " record's date, or not the plan's); they are still counted in the report"
        ),
    )
    settings = parser.add_argument_group(
        "the plan's settings",
        "Each is read from the plan file; these options override it for this run, and the"
        " report says so.",
    )
    settings.add_argument(
        "--count-receipt-day",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="count the day of receipt as day 1 of a time limit (the plan's [evaluation])",
    )
    settings.add_argument(
        "--suspension-resolved",
        dest="suspension_counts_as_resolved",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "count a report whose handling is suspended (tạm đình chỉ) as resolved in the"
            " period of the suspension (the plan's [evaluation])"
        ),
    )
    settings.add_argument(
        "--crosswalk",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "count records coded with a unit that was merged into one of the plan's units in"
            " that unit (the plan's [evaluation])"
        ),
    )
    settings.add_argument(
        "--days-allowed",
        type=_days,
        metavar="N",
        help="days after a period's end within which a report is due (the plan's [reporting])",
    )
    settings.add_argument(
        "--day-off",
        action="append",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="a local day off besides the plan's [calendar] (repeat for several)",
    )


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``threeno`` command."""
    parser = argparse.ArgumentParser(
        prog="threeno",
        description=(
            'Indicators of the "03 không, 03 có" plan against the trafficking of women, '
            "computed the same way in every tool."
        ),
    )
    parser.add_argument("--version", action="version", version=f"threeno {threeno.__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_report_command(commands)
    _add_compare_command(commands)
    _add_validate_command(commands)
    _add_indicators_command(commands)
    _add_explain_command(commands)
    _add_schema_command(commands)
    _add_docs_command(commands)
    _add_plan_command(commands)
    _add_sample_command(commands)
    _add_template_command(commands)
    _add_serve_command(commands)
    return parser


_Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names no public type for it


def _add_report_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="the consolidated report of a period (md, html, json, csv)",
        description=(
            "Evaluate the plan's indicators on the records over a period and write the "
            "consolidated report: header, a table per indicator by unit, disaggregations, "
            "failing records (ids only) and data quality. With no options: the bundled "
            "2024 plan on its demo data, for the plan's latest complete report period "
            "(the whole year 2024 once it is over). It evaluates the indicators the plan "
            "lists (or its clauses name); --indicator and --all-indicators add others. "
            "Exit 1 when records were rejected or left out (a unit code unknown, not "
            "valid on the record's date, or not the plan's; the report is still written "
            "and says how many and why at the top); --allow-out-of-scope accepts records "
            "left out. Exit 2 on a usage error (an unknown plan, period, unit or "
            "indicator). With --publish, a report fit to publish: "
            "every count from 1 to K-1, and every count that would let a reader narrow one "
            "of them to fewer than K values, is shown as x, and no record is listed. A "
            "file given with --out is written whole or not at all, and never over the "
            "data read."
        ),
    )
    _add_evaluation_options(report)
    report.add_argument(
        "--unit",
        action="append",
        metavar="CODE",
        help="a unit to report on (repeat for several; default: every unit)",
    )
    report.add_argument(
        "--indicator",
        action="append",
        metavar="ID",
        help=(
            "an indicator of the catalogue to add to those the plan lists (repeat for"
            " several; `threeno indicators` lists them)"
        ),
    )
    report.add_argument(
        "--all-indicators",
        action="store_true",
        help="evaluate every indicator of the catalogue, not only those the plan lists",
    )
    report.add_argument(
        "--format",
        choices=(*FORMATS, "docx", "xlsx"),
        default="md",
        help=(
            "format (default: md); docx: a Word file in the layout of Nghị định"
            " 30/2020/NĐ-CP; xlsx: the tables as an Excel workbook (the excel extra)"
        ),
    )
    _add_lang_option(report)
    _add_docx_options(report)
    report.add_argument(
        "--out", metavar="FILE", help="write the report to FILE (default: standard output)"
    )
    report.add_argument(
        "--publish",
        action="store_true",
        help=(
            "a report to publish: small counts suppressed, no record ids, no failing "
            f"records (default threshold K = {DEFAULT_THRESHOLD})"
        ),
    )
    report.add_argument(
        "--suppress-below",
        type=_threshold,
        metavar="K",
        help="with --publish, hide counts from 1 to K-1 (K at least 2; CTDC publishes at 11)",
    )
    _add_dask_options(report)


def _add_dask_options(report: argparse.ArgumentParser) -> None:
    """Where the evaluation runs: on this process by default, or on a Dask cluster."""
    cluster = report.add_argument_group(
        "on a Dask cluster (the dask extra)",
        (
            "Read the folder of records (--data, one .jsonl or .csv file per record type) in"
            " parts on a Dask cluster, with the same numbers as on one machine; problems"
            " between records are not looked for, as in a streamed evaluation."
        ),
    )
    cluster.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="the scheduler of a running cluster (tcp://host:8786)",
    )
    cluster.add_argument(
        "--workers",
        type=_count_of_workers,
        metavar="N",
        help="start a cluster of N worker processes on this machine for the report",
    )


def _add_compare_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    compare = commands.add_parser(
        "compare",
        help="what if: the plan and revisions of it compared on the same records",
        description=(
            "Evaluate the plan (the baseline) and each revision on the same records, read"
            " once, and write what differs: what each revision changes, every indicator's"
            " result on both sides with the difference and the status each way, the units"
            " and breakdown categories that changed, and the records classified"
            " differently, by id only, with the reason each way. A revision is a small"
            " TOML file naming a base plan and the parts it replaces (targets, indicators,"
            " [reporting], [calendar], [evaluation]), or a whole plan file, or the id of a"
            f" bundled sample ({', '.join(plans.revisions())}). A comparison lists records:"
            " it has no published form, and --publish is refused. Exit 1 when records were"
            " rejected or left out on either side, as for report."
        ),
    )
    _add_plan_option(compare)
    compare.add_argument(
        "--revision",
        action="append",
        required=True,
        metavar="ID|PATH",
        help="a revision file, a whole plan file, or a bundled sample's id (repeat for several)",
    )
    compare.add_argument(
        "--data",
        metavar="PATH",
        help="the records (default: the bundled demo data of the plan)",
    )
    compare.add_argument(
        "--period",
        metavar="TEXT",
        help="the period, in the plan's convention (default: as for report)",
    )
    compare.add_argument(
        "--allow-out-of-scope",
        action="store_true",
        help="exit 0 although records were left out for their unit code",
    )
    compare.add_argument(
        "--format",
        choices=(*FORMATS, "docx", "xlsx"),
        default="md",
        help=(
            "format (default: md); docx: a Word file in the report's layout; xlsx: an Excel"
            " workbook (the excel extra); both written as bytes, to --out or standard output"
        ),
    )
    _add_lang_option(compare)
    compare.add_argument(
        "--out", metavar="FILE", help="write the comparison to FILE (default: standard output)"
    )
    compare.add_argument(
        "--publish",
        action="store_true",
        help="refused: a comparison lists records and has no published form",
    )


def _add_docx_options(report: argparse.ArgumentParser) -> None:
    """The letterhead and the office's own paragraphs of the report as a document."""
    docx = report.add_argument_group(
        "the report as a document (--format md, html or docx)",
        "What the plan does not say: left out, each is a space to fill in by hand. An option"
        " given here replaces the same key of --letterhead.",
    )
    docx.add_argument("--number", metavar="N", help='the report\'s number ("5", or "05/BC-BCĐ")')
    docx.add_argument("--issued-on", type=_iso_date, metavar="YYYY-MM-DD", help="the date of issue")
    docx.add_argument("--place", metavar="NAME", help="the place of the date line (Lai Châu)")
    docx.add_argument(
        "--recipient",
        action="append",
        metavar="NAME",
        help='a body the report is sent to, "Kính gửi" (repeat for several)',
    )
    docx.add_argument("--signer", metavar="NAME", help="the signer's name, under the signature")
    docx.add_argument(
        "--letterhead",
        metavar="FILE",
        help=(
            "a TOML file of number, issued_on, place, recipients, copies, signer and"
            " parent_body (the body above the issuer)"
        ),
    )
    docx.add_argument(
        "--narrative",
        metavar="FILE",
        help=(
            "the office's own paragraphs: a Markdown file whose headings name the report's"
            ' sections ("# I. Đặc điểm tình hình"), merged in order'
        ),
    )


def _add_validate_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate",
        help="load a dataset and print its load report",
        description=(
            "Load a dataset, check it against the plan's units, and print the load report: "
            "records read, accepted and rejected per type, every rejection with its place "
            "and reason, every problem between records. Exit 1 when a record was rejected "
            "or a problem found."
        ),
    )
    validate.add_argument("data", metavar="DATA", help="a JSON document, a folder or a file")
    _add_plan_option(validate)
    _add_lang_option(validate)


def _add_indicators_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    indicators = commands.add_parser(
        "indicators",
        help="list the indicators, with the plan's clauses and targets",
        description=(
            "List the indicator catalogue: id, kind, the plan's clauses and target, whether "
            "the plan's report evaluates it, name."
        ),
    )
    _add_plan_option(indicators)
    _add_lang_option(indicators)


def _add_explain_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    explain = commands.add_parser(
        "explain",
        help="one indicator's result and every record behind it",
        description=(
            "Evaluate one indicator (any of the catalogue) and print its result for the "
            "whole area (or one unit) with every record counted or failing and why. Exit 1 "
            "when records were rejected or left out, as for report."
        ),
    )
    explain.add_argument(
        "indicator",
        metavar="INDICATOR",
        help=f"an indicator id: {', '.join(i.id for i in CATALOGUE)}",
    )
    explain.add_argument("--unit", metavar="CODE", help="one unit (default: the whole area)")
    _add_evaluation_options(explain)
    _add_lang_option(explain)


def _add_schema_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the dataset document or of a record type",
        description=(
            "Print the JSON Schema (draft 2020-12) of the dataset document, or of one "
            "record type, as generated from the model. Another tool validates its "
            "exports with it before sending them."
        ),
    )
    schema.add_argument(
        "type",
        nargs="?",
        default="dataset",
        choices=SCHEMA_NAMES,
        metavar="TYPE",
        help=f"dataset (the default) or a record type: {', '.join(SCHEMA_NAMES[1:])}",
    )


def _add_docs_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    docs = commands.add_parser(
        "docs",
        help="write the documentation pages generated from a plan and the code",
        description=(
            "Write Markdown pages: the indicator catalogue, the duty matrix, the data "
            "dictionary and the rules with their legal references."
        ),
    )
    docs.add_argument(
        "plan",
        nargs="?",
        default=DEFAULT_PLAN,
        metavar="ID|PATH",
        help=f"a bundled plan's id or a plan file's path (default: {DEFAULT_PLAN})",
    )
    docs.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")


def _add_plan_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    plan = commands.add_parser("plan", help="show a plan: bundled, or a plan file")
    actions = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show",
        help="print a plan's summary: units, agencies, duties per agency, targets",
        description=(
            "Print a plan's summary: units, agencies, duties per agency, targets and "
            "reporting. Problems in a plan file are listed with their paths in the file."
        ),
        epilog=f"bundled plans: {', '.join(plans.available())}",
    )
    show.add_argument(
        "plan",
        nargs="?",
        default=DEFAULT_PLAN,
        metavar="ID|PATH",
        help=f"a bundled plan's id or a plan file's path (default: {DEFAULT_PLAN})",
    )
    _add_lang_option(show, default="en")


def _add_sample_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    sample = commands.add_parser(
        "sample",
        help="write a synthetic dataset (one JSON Lines file per record type)",
        description=(
            "Write made-up, consistent records for the plan's year, one JSON Lines file per "
            "record type; the same plan, seed and scale give byte-identical files."
        ),
    )
    _add_plan_option(sample)
    sample.add_argument(
        "--seed",
        type=int,
        default=synthetic.DEMO_SEED,
        help=f"the random seed (default: {synthetic.DEMO_SEED}, the demo data's)",
    )
    sample.add_argument(
        "--scale",
        type=_positive,
        default=synthetic.DEMO_SCALE,
        help="multiplies the population and the records about it (default: 1)",
    )
    sample.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")


def _add_template_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    template = commands.add_parser(
        "template",
        help="write the Excel workbook offices fill in (needs the excel extra)",
        description=(
            "Write the plan's Excel template: a sheet per record type, headers in"
            " Vietnamese (--lang en: English), drop-down lists of the plan's units and"
            " agencies and of each list of values, dates as dd/mm/yyyy, an instructions"
            " sheet. No column of personal data unless --personal-data. Read the filled"
            " workbook back with `threeno validate --data FILE.xlsx` or `threeno report"
            ' --data FILE.xlsx`. Needs the excel extra: pip install "threeno[excel]".'
        ),
    )
    _add_plan_option(template)
    template.add_argument("--out", required=True, metavar="FILE", help="the .xlsx file to write")
    _add_lang_option(template)
    template.add_argument(
        "--personal-data",
        action="store_true",
        help="add the columns of personal data (full name, national id, phone)",
    )


def _add_serve_command(commands: _Commands[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the rules over HTTP (needs the serve extra)",
        description=(
            "Serve the plans, the indicators, the dataset's JSON Schema, loads,"
            " evaluations, explanations, reports and crime reports' time limits over HTTP,"
            ' with an OpenAPI 3.1 document at /v1/openapi.json (see the guide page "The'
            ' HTTP service"). Listens on 127.0.0.1 unless told otherwise. With a token'
            " (the THREENO_TOKEN environment variable, or --token-file), every request but"
            " /v1/health must send `Authorization: Bearer TOKEN`. Needs the serve extra:"
            ' pip install "threeno[serve]".'
        ),
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--plan-file",
        action="append",
        metavar="PATH",
        help="a plan file to serve besides the bundled plans, by its id (repeat for several)",
    )
    serve.add_argument(
        "--default-plan",
        default=DEFAULT_PLAN,
        metavar="ID",
        help=f"the plan of a request that names none (default: {DEFAULT_PLAN})",
    )
    serve.add_argument(
        "--token-file",
        metavar="PATH",
        help="accept the bearer tokens of this file, one a line (besides THREENO_TOKEN)",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="let pages of this origin call the service (repeat; default: none)",
    )
    serve.add_argument(
        "--publish",
        action="store_true",
        help="/v1/report renders reports fit to publish unless a request says publish=false",
    )
    serve.add_argument(
        "--suppress-below",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="K",
        help=f"the threshold of a published report (default: {DEFAULT_THRESHOLD})",
    )
    limits = serve.add_argument_group("limits", "What one request may ask, and how many at once.")
    limits.add_argument(
        "--max-body-bytes", type=int, default=32 << 20, metavar="N", help="default: 32 MiB"
    )
    limits.add_argument(
        "--max-records", type=int, default=100_000, metavar="N", help="default: 100000"
    )
    limits.add_argument(
        "--timeout",
        type=_positive,
        default=30.0,
        metavar="SECONDS",
        help="per request (default: 30)",
    )
    limits.add_argument(
        "--max-concurrent",
        type=int,
        default=2,
        metavar="N",
        help="evaluations at once (default: 2)",
    )
    limits.add_argument(
        "--max-queue", type=int, default=32, metavar="N", help="requests waiting (default: 32)"
    )
