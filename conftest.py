"""What pytest collects beyond tests/: the docstring examples of src/ (``--doctest-modules``).

The application of :mod:`threeno.serve` imports Starlette, which only the ``serve`` extra
installs: without it, that one module is left out, as ``tests/serve`` skips itself, so
that the test suite runs on an install without the extra (``.ci/run``'s other Pythons).
Likewise the Word report's modules without python-docx (the ``docx`` extra), as
``tests/reporting/word`` skips itself.
"""

from __future__ import annotations

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("starlette") else ["src/threeno/serve/_app.py"]
if importlib.util.find_spec("docx") is None:
    collect_ignore_glob += ["src/threeno/reporting/docx.py", "src/threeno/reporting/_docx_*.py"]
