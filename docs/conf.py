"""Sphinx configuration for threeno's documentation.

Built by ``.ci/run`` with ``-W -n`` (warnings are errors, every reference must resolve)
and with the doctest builder, so the examples in these pages run.
"""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path

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
]
