"""``threeno serve``: the rules over HTTP (:mod:`threeno.serve`), until interrupted.

Its parser is in :mod:`threeno._cli_parser`; the errors it raises are :mod:`threeno.cli`'s
(a usage error exits 2). The service itself, and its options, are described in the
service guide.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from threeno import cli, plans

if TYPE_CHECKING:
    import argparse

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Run the HTTP service (:mod:`threeno.serve`) until interrupted."""
    import importlib.util  # noqa: PLC0415 - only this command needs it

    if any(importlib.util.find_spec(name) is None for name in ("starlette", "uvicorn")):
        raise cli.UsageError(code="service_not_installed")
    from threeno import serve  # noqa: PLC0415 - the service, only when asked

    served = serve.ServeConfig().plans
    found = dict(served)
    for path in args.plan_file or ():
        plan = plans.load_plan(Path(path))
        if plan.id in found:
            raise cli.UsageError(code="service_plan_id_taken", file=Path(path).name, plan=plan.id)
        found[plan.id] = plan
    if args.default_plan not in found:
        raise cli.UsageError(
            code="service_unknown_plan",
            plan=cli._shown(args.default_plan),  # noqa: SLF001 - the command's own helper
            known=", ".join(found),
        )
    tokens = list(serve.read_tokens(args.token_file)) if args.token_file else []
    if os.environ.get("THREENO_TOKEN"):
        tokens.append(os.environ["THREENO_TOKEN"])
    config = serve.ServeConfig(
        host=args.host,
        port=args.port,
        plans=found,
        default_plan=args.default_plan,
        tokens=tokens,
        cors_origins=tuple(args.cors_origin or ()),
        publish=args.publish,
        suppress_below=args.suppress_below,
        limits=serve.ServiceLimits(
            body_bytes=args.max_body_bytes,
            records=args.max_records,
            seconds=args.timeout,
            concurrent=args.max_concurrent,
            queue=args.max_queue,
        ),
    )
    serve.run(config)
    return cli.EXIT_OK
