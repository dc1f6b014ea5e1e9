"""Sphinx configuration for threeno's documentation.

Built by ``.ci/run`` with ``-W -n`` (warnings are errors, every reference must resolve)
and with the doctest builder, so the examples in these pages run.
"""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

project = "threeno"
author = "the threeno developers"
copyright = "2026, the threeno developers"
release = _version("threeno")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]

#: The plan whose generated pages (catalogue, duties, data dictionary, rules) the site shows.
GENERATED_PLAN = "lai-chau-2024"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"threeno {release}"

# The machines that build these docs reach no documentation site, so each inventory is
# read from a file: Debian's python3-doc, python-attr-doc and python-cattrs-doc packages
# (which .ci/run installs) put them here. Links still point at the public sites.
# pendulum publishes no Sphinx inventory; its names are left unlinked.
_DEBIAN_DOCS = Path("/usr/share/doc")
intersphinx_mapping = {
    "python": (
        "https://docs.python.org/3",
        str(_DEBIAN_DOCS / "python3.11" / "html" / "objects.inv"),
    ),
    "attrs": (
        "https://www.attrs.org/en/stable",
        str(_DEBIAN_DOCS / "python-attr-doc" / "html" / "objects.inv"),
    ),
    "cattrs": (
        "https://catt.rs/en/stable",
        str(_DEBIAN_DOCS / "python-cattrs-doc" / "html" / "objects.inv"),
    ),
}

# Names from type hints that have no documentation page of their own.
nitpick_ignore_regex = [
    (r"py:class", r"pendulum\..*"),
    (r"py:class", r"holidays\..*"),
    (r"py:class", r"hypothesis\..*"),
    # The dask extra's client and cluster (threeno.dask): Dask's own documentation.
    (r"py:class", r"distributed\..*"),
    # Where a signature names a type imported only for type checking, autodoc shows the
    # annotation as written; these two are the standard library's date and Path.
    (r"py:class", r"dt\.date"),
    (r"py:class", r"Path"),
    (r"py:class", r"_Pathish"),
    # Starlette's type of an ASGI application (threeno.serve.create_app); Starlette
    # publishes no Sphinx inventory.
    (r"py:class", r"ASGIApp"),
    # The data-quality counts an EvaluatorState carries (threeno.indicators.state): a
    # private class of the engine's, documented by the state's fields.
    (r"py:class", r"Quality"),
]


def _write_generated_pages(app: Sphinx) -> None:
    """Write docs/generated/ from the plan and the code before Sphinx reads the sources.

    The pages are never committed (docs/generated/ is ignored by git): every build
    writes them from the code being documented, so they cannot drift from it.
    """
    from threeno.plans import load_plan  # noqa: PLC0415 - imported when the build starts
    from threeno.reporting.docs import write_pages  # noqa: PLC0415

    write_pages(load_plan(GENERATED_PLAN), Path(app.srcdir) / "generated")


def setup(app: Sphinx) -> dict[str, bool]:
    """Hook the generated pages into the build."""
    app.connect("builder-inited", _write_generated_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# Docstring examples are written for the module they sit in (``pytest --doctest-modules``
# runs them with its globals); the Sphinx doctest builder gives each its own namespace,
# so the names those examples use without importing are provided here.
doctest_global_setup = """
from threeno.io._atomic import atomic_open
from threeno.privacy import pseudonymise, redact, suppress_cells
"""
