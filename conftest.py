"""What pytest collects beyond tests/: the docstring examples of src/ (``--doctest-modules``).

The application of :mod:`threeno.serve` imports Starlette, which only the ``serve`` extra
installs: without it, that one module is left out, as ``tests/serve`` skips itself, so
that the test suite runs on an install without the extra (``.ci/run``'s other Pythons).
"""

from __future__ import annotations

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("starlette") else ["src/threeno/serve/_app.py"]
