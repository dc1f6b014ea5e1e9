"""Imports run one way: errors, languages and messages; model; rules; indicators; io; ...

The architecture page (docs/architecture.md) orders threeno's parts; a part imports only
parts below it, so that the model never depends on how it is read or shown, and the rules
never on the indicators. Imports under ``if TYPE_CHECKING:`` are for annotations only and
are not counted; imports inside a function are.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "threeno"

#: Each part's rank: a part may import only parts of a lower rank (or itself).
RANKS = {
    "errors": 0,
    "lang": 0,
    "messages": 0,
    "model": 1,
    "rules": 2,
    "privacy": 2,
    "indicators": 3,
    "io": 4,
    "plans": 5,
    "reporting": 6,
    "dask": 6,  # the evaluation on a Dask cluster: files read and merged, beside reporting
    "testing": 7,
    "cli": 8,
    "_cli_parser": 8,
    "_cli_compare": 8,
    "_cli_serve": 8,
    "_cli_dask": 8,
    "serve": 8,  # the HTTP service: beside the command, which starts it
    "__init__": 9,
    "__main__": 10,
}


def _part(module: str) -> str:
    """The part of a dotted module name: ``threeno.io.plans`` is ``io``."""
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def _runtime_imports(path: Path) -> set[str]:
    """The threeno modules ``path`` imports, outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            typing_only |= {id(n) for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("threeno")}
        elif isinstance(node, ast.ImportFrom) and node.module == "threeno":
            found |= {f"threeno.{a.name}" for a in node.names}  # from threeno import plans
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("threeno"):
            found.add(node.module or "")
    return found


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_every_part_is_ranked() -> None:
    """A new part of the package must be given its place in the order."""
    parts = {path.relative_to(SRC).parts[0].removesuffix(".py") for path in _modules()}
    assert parts - {"py.typed"} <= set(RANKS), parts - set(RANKS)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_run_downward(path: Path) -> None:
    """Every threeno module ``path`` imports at run time is in its part or a lower one.

    ``import threeno`` itself (the command reads the package's version) is not counted.
    """
    here = path.relative_to(SRC).parts[0].removesuffix(".py")
    upward = sorted(
        module
        for module in _runtime_imports(path)
        if module != "threeno" and RANKS[_part(module)] > RANKS[here]
    )
    assert upward == [], f"{path.relative_to(SRC)} imports upward: {upward}"
