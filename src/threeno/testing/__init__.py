"""Test data for threeno and for the tools that embed it.

- :mod:`threeno.testing.synthetic`: a seeded generator of whole, consistent, realistic
  datasets for a plan (:func:`~threeno.testing.synthetic.generate`,
  :func:`~threeno.testing.synthetic.write_jsonl`), and the bundled demo dataset
  (:func:`~threeno.testing.synthetic.demo_path`,
  :func:`~threeno.testing.synthetic.load_demo`). Needs nothing beyond threeno.
- :mod:`threeno.testing.strategies`: Hypothesis strategies for every record type and for
  whole consistent datasets. Needs Hypothesis: ``pip install "threeno[testing]"``; it is
  not imported here, so this package works without it.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from threeno.testing.synthetic import (
    DEMO_PLAN,
    DEMO_SCALE,
    DEMO_SEED,
    ReportScenario,
    demo_path,
    generate,
    load_demo,
    stream,
    write_jsonl,
)

__all__ = [
    "DEMO_PLAN",
    "DEMO_SCALE",
    "DEMO_SEED",
    "ReportScenario",
    "demo_path",
    "generate",
    "load_demo",
    "stream",
    "write_jsonl",
]
