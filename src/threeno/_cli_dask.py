"""``threeno report --dask ADDRESS`` and ``--workers N``: the evaluation on a Dask cluster.

The options are :mod:`threeno._cli_parser`'s; the evaluation is
:func:`threeno.dask.evaluate_dask` (the ``dask`` extra), the same numbers as on one
machine. A command line that asks for a cluster is refused, before any work, when the
extra is missing, when it names both a running cluster and a local one, or when the
records are neither a folder of files nor a workbook (a JSON document is not split).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from threeno import cli
from threeno.rules.calendar import plan_calendar

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from threeno.indicators.explanation import ExplainMode
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.plan import Plan

__all__ = ["check", "evaluate"]

#: Seconds the command waits for a scheduler named by --dask to answer.
CONNECT_SECONDS = 20


def check(args: argparse.Namespace) -> None:
    """Refuse, before any work, a cluster the command line cannot have.

    Raises:
        cli.UsageError: both ``--dask`` and ``--workers``, or the extra missing.
    """
    if args.dask is not None and args.workers is not None:
        raise cli.UsageError(code="cli_dask_and_workers")
    option = "--dask" if args.dask is not None else "--workers"
    if any(importlib.util.find_spec(name) is None for name in ("dask", "distributed")):
        raise cli.UsageError(code="cli_dask_not_installed", option=option)


def evaluate(
    plan: Plan,
    args: argparse.Namespace,
    units: Sequence[str] | None,
    indicators: Sequence[str] | None,
    *,
    explain: ExplainMode,
) -> tuple[Evaluation, LoadReport]:
    """The evaluation ``report`` prints, made on a Dask cluster.

    The same settings as the command's evaluation on one machine (the plan's, with the
    command line's overrides already in ``plan``).

    Raises:
        cli.UsageError: see :func:`check`; the records not a folder; a scheduler that
            does not answer.
    """
    check(args)
    option = "--dask" if args.dask is not None else "--workers"
    period = cli._period(plan, args.period)  # noqa: SLF001 - the command's own helpers
    if units:
        cli._check_units(plan, period, units)  # noqa: SLF001
    data = cli._data_path(plan, args.data)  # noqa: SLF001
    if not data.is_dir() and data.suffix.lower() != ".xlsx":
        raise cli.UsageError(
            code="cli_dask_needs_folder",
            option=option,
            path=cli._shown(str(data), limit=80),  # noqa: SLF001
        )
    import distributed  # noqa: PLC0415 - the extra, only when asked

    from threeno.dask import evaluate_dask  # noqa: PLC0415 - the extra, only when asked

    calendar = plan_calendar(plan)
    evaluation = plan.evaluation

    def run(
        client: distributed.Client | None, workers: int | None
    ) -> tuple[Evaluation, LoadReport]:
        return evaluate_dask(
            plan,
            data,
            period,
            client=client,
            workers=workers,
            units=units or None,
            indicators=indicators,
            explain=explain,
            crosswalk=evaluation.crosswalk,
            count_receipt_day=evaluation.count_receipt_day,
            suspension_counts_as_resolved=evaluation.suspension_counts_as_resolved,
            calendar=calendar,
        )

    if args.workers is not None:
        with cli._progress(f"evaluating {plan.id} {period} on {args.workers} worker(s)"):  # noqa: SLF001
            return run(None, args.workers)
    try:
        client = distributed.Client(  # type: ignore[no-untyped-call]
            args.dask, timeout=CONNECT_SECONDS, set_as_default=False
        )
    except (OSError, ValueError) as exc:
        raise cli.UsageError(
            code="cli_dask_unreachable",
            address=cli._shown(args.dask, limit=80),  # noqa: SLF001
        ) from exc
    with client, cli._progress(f"evaluating {plan.id} {period} on {args.dask}"):  # noqa: SLF001
        return run(client, None)
