"""Start-up cost of ``import threeno`` against its dependencies, in fresh interpreters.

Each command runs in a fresh interpreter ``--runs`` times, the commands interleaved so
that other work on the machine hits all alike; bytecode is cached first, as after
``pip install``. Two measures per command, each the best of the runs:

* the wall time of the process minus that of ``python -c pass``;
* the sum of the top-level imports' cumulative times under ``python -X importtime``.

The commands: the dependencies ``import attrs, cattrs, pendulum`` (the yardstick), ``import
threeno``, ``from threeno import load_plan, evaluate_stream``, and the same with a first
``evaluate_stream`` over the demo data for the plan's year 2024. The ratios to the
yardstick are printed (the targets of issue 19: 1.3 for ``import threeno``, 2 for the
first call).

    python scripts/import_speed.py [--runs 10]

A measure, not a test: the figures depend on the machine and on other work on it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from typing import TYPE_CHECKING

from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from collections.abc import Sequence

_FIRST_CALL = (
    "from threeno import load_plan, evaluate_stream\n"
    "plan = load_plan('lai-chau-2024')\n"
    "evaluate_stream(plan, {folder!r}, plan.period('2024'))\n"
)
COMMANDS = {
    "pass": "pass",
    "import attrs, cattrs, pendulum": "import attrs, cattrs, pendulum",
    "import threeno": "import threeno",
    "from threeno import load_plan, evaluate_stream": (
        "from threeno import load_plan, evaluate_stream"
    ),
    "... + load_plan + first evaluate_stream": _FIRST_CALL,
}
_TOP = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$")


def _run(code: str, env: dict[str, str], *, importtime: bool) -> float:
    """Seconds of wall time, or with ``importtime`` the top-level imports' sum."""
    flags = ["-X", "importtime"] if importtime else []
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, *flags, "-c", code], check=True, env=env, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if not importtime:
        return wall
    tops = (_TOP.match(line) for line in done.stderr.splitlines())
    return sum(int(m.group(1)) for m in tops if m) / 1e6


def main(argv: Sequence[str] | None = None) -> None:
    """Print each command's best times and its ratio to the dependencies'."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    codes = {name: code.format(folder=str(demo_path())) for name, code in COMMANDS.items()}
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in codes.values():
            _run(code, env, importtime=False)  # compile and cache the bytecode
        walls: dict[str, list[float]] = {name: [] for name in codes}
        tops: dict[str, list[float]] = {name: [] for name in codes}
        for _ in range(args.runs):
            for name, code in codes.items():
                walls[name].append(_run(code, env, importtime=False))
                tops[name].append(_run(code, env, importtime=True))
    base = min(walls["pass"])
    yard_wall = min(walls["import attrs, cattrs, pendulum"]) - base
    yard_top = min(tops["import attrs, cattrs, pendulum"])
    print(f"best of {args.runs} runs, interleaved; python -c pass: {base * 1e3:.0f} ms")
    print(f"{'command':48} {'wall - pass':>12} {'ratio':>6} {'importtime':>11} {'ratio':>6}")
    for name in codes:
        if name == "pass":
            continue
        wall, top = min(walls[name]) - base, min(tops[name])
        print(
            f"{name:48} {wall * 1e3:9.0f} ms {wall / yard_wall:6.2f} "
            f"{top * 1e3:8.0f} ms {top / yard_top:6.2f}"
        )


if __name__ == "__main__":
    main()
