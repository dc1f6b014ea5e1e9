"""``threeno compare``: the plan and revisions of it compared on the same records.

The command of :func:`threeno.indicators.compare.compare_all`, rendered by
:func:`threeno.reporting.compare_view.render_comparisons`. Its parser is in
:mod:`threeno._cli_parser`; the helpers it shares with ``threeno report`` (loading the
plan and the records, the period, writing the output, the exit code) are
:mod:`threeno.cli`'s.

Plan clauses: the whole plan (its targets, reporting rules of IV.2, calendar and
readings, as a revision replaces them).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from threeno import cli, plans
from threeno.indicators.compare import compare_all
from threeno.io._atomic import check_output
from threeno.messages import Notice
from threeno.reporting.compare_view import render_comparisons

if TYPE_CHECKING:
    import argparse

    from threeno.model.revision import Revision

__all__ = ["run"]


def _revision(given: str) -> Revision:
    """A revision the command names: a file's path, or a bundled sample's id (exit 2 if not)."""
    if not plans.looks_like_path(given) and given not in plans.revisions():
        raise cli.UsageError(
            code="cli_unknown_revision",
            revision=cli._shown(given),  # noqa: SLF001 - the command's own helper
            known=", ".join(plans.revisions()),
        )
    return plans.load_revision(given)


def run(args: argparse.Namespace) -> int:
    """Run ``threeno compare``; return its exit code (0, 1 for data, 2 for usage).

    Raises:
        UsageError: for ``--publish``, an unknown plan, revision or period.
        ThreenoError: for a plan, revision or data that cannot be read.
    """
    if args.publish:
        raise cli.UsageError(code="cli_compare_no_publish")
    files = [args.plan, *args.revision]
    inputs = [Path(f) for f in files if plans.looks_like_path(f)]
    inputs += [Path(args.data)] if args.data is not None else []
    if args.out is not None:
        check_output(args.out, inputs)
    baseline = cli._load_plan(args.plan)  # noqa: SLF001 - the command's own helper
    revisions = [_revision(given) for given in args.revision]
    period = cli._period(baseline, args.period)  # noqa: SLF001
    data_path = cli._data_path(baseline, args.data)  # noqa: SLF001
    if args.out is not None:
        check_output(args.out, [*inputs, data_path])
    data, load_report = cli._load(baseline, data_path)  # noqa: SLF001
    comparisons = compare_all(baseline, revisions, data, period)
    simulated = cli._is_demo(baseline, data_path)  # noqa: SLF001
    text = render_comparisons(comparisons, args.format, lang=args.lang, simulated=simulated)
    cli._write(text, args.out, args.format, [*inputs, data_path])  # noqa: SLF001
    code = cli._exit_for(  # noqa: SLF001
        load_report,
        comparisons[0].baseline_evaluation,
        listed_in_report=False,
        allow_out_of_scope=args.allow_out_of_scope,
        lang=args.lang,
    )
    base_left_out = comparisons[0].baseline_evaluation.data_quality.left_out
    for comparison in comparisons:  # a revision may leave out records the plan counts
        quality = comparison.alternative_evaluation.data_quality
        if quality.left_out and quality.left_out != base_left_out:
            what = "cli_left_out_allowed" if args.allow_out_of_scope else "cli_left_out"
            notice = Notice(what, {"count": quality.left_out, **quality.left_out_by_reason})
            sys.stderr.write(f"threeno: {comparison.alternative.id}: {notice.text(args.lang)}\n")
            if not args.allow_out_of_scope:
                code = cli.EXIT_DATA
    return code
