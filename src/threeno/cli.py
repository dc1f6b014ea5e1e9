"""The ``threeno`` command.

Exit codes: 0 success, 1 problems in the data, 2 usage errors. Errors are one line on
standard error; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

import threeno
from threeno import plans
from threeno.errors import ThreenoError
from threeno.io.schema import SCHEMA_NAMES, json_schema

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2

#: The plan ``threeno plan show`` shows when given none: the bundled 2024 plan.
DEFAULT_PLAN = "lai-chau-2024"


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
    _add_plan_command(commands)
    _add_schema_command(commands)
    return parser


def _add_plan_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    show.add_argument(
        "--lang",
        choices=("en", "vi"),
        default="en",
        help="language of names and titles (default: en)",
    )


def _add_schema_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(args.type), indent=2, ensure_ascii=False))
    return EXIT_OK


def _plan_show(args: argparse.Namespace) -> int:
    print(plans.summary(plans.load_plan(args.plan), lang=args.lang))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``threeno`` command and return its exit code.

    Args:
        argv: the arguments, without the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        0 on success, 1 when the data has problems, 2 on a usage error.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        if args.command == "plan":
            return _plan_show(args)
        if args.command == "schema":
            return _schema(args)
    except ThreenoError as exc:
        if args.debug:
            raise
        print(f"threeno: error: {exc}", file=sys.stderr)
        return EXIT_DATA
    return EXIT_OK  # pragma: no cover - every subcommand returns above


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
