"""The consolidated report and the generated documentation pages.

:func:`~threeno.reporting.render.render` writes the report of an evaluation in Markdown,
HTML, JSON or CSV (plan clause IV.2: the standing body consolidates the six-monthly and
yearly reports); :func:`~threeno.reporting.docs.write_pages` writes the documentation of
a plan (indicator catalogue, duty matrix, data dictionary, rules) from the plan and the
code, so it cannot drift from them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from threeno.reporting.docs import write_pages
from threeno.reporting.render import FORMATS, render

__all__ = ["FORMATS", "render", "write_pages"]
