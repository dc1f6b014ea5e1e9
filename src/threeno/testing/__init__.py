"""Test data for threeno and for the tools that embed it.

- :mod:`threeno.testing.synthetic`: a seeded generator of whole, consistent, realistic
  datasets for a plan (:func:`~threeno.testing.synthetic.generate`,
  :func:`~threeno.testing.synthetic.write_jsonl`), and the bundled demo dataset
  (:func:`~threeno.testing.synthetic.demo_path`,
  :func:`~threeno.testing.synthetic.load_demo`); its proportions are
  :mod:`threeno.testing.proportions`. Needs nothing beyond threeno.
- :mod:`threeno.testing.strategies`: Hypothesis strategies for every record type and for
  whole consistent datasets. Needs Hypothesis: ``pip install "threeno[testing]"``; it is
  not imported here, so this package works without it.
- :mod:`threeno.testing.scenarios`: scenario tests as data (the file format is
  :mod:`threeno.testing.scenario_files`), run by :func:`~threeno.testing.scenarios.run_scenario`
  or by the pytest plugin :mod:`threeno.testing.pytest_plugin`.

The generator and the strategies share one set of record builders (the private
``threeno.testing._builders``), which import only the model and the rules. The kit as a
whole sits higher (the architecture page): it loads the bundled plans
(:mod:`threeno.plans`), reads and writes dataset files (``threeno.io``) and evaluates
scenarios (:mod:`threeno.indicators`), as a user's test does. Only the command line,
whose ``threeno demo`` writes the generator's records, stands above it; nothing else in
the library imports it.

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
