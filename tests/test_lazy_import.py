"""``import threeno`` imports only what it must; every public name still resolves.

The public names are imported from their modules on first use (PEP 562), holidays when a
calendar first builds a year, Jinja2 when a report is first rendered. Each check runs in
a fresh interpreter, since this test session has imported everything already.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import threeno

INIT = Path(threeno.__file__)

#: What ``import threeno`` must leave out: the dependencies and every part of threeno.
HEAVY = (
    "attrs",
    "cattrs",
    "holidays",
    "importlib.metadata",
    "jinja2",
    "pendulum",
    "threeno.indicators",
    "threeno.io",
    "threeno.io.converter",
    "threeno.io.datasets",
    "threeno.model",
    "threeno.plans",
    "threeno.reporting",
    "threeno.rules",
)


def modules_after(code: str) -> set[str]:
    """The modules loaded in a fresh interpreter after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_import_threeno_is_bare() -> None:
    """``import threeno`` loads none of the heavy modules and no other part of threeno."""
    loaded = modules_after("import threeno")
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    assert sorted(m for m in loaded if m.startswith("threeno")) == ["threeno"]


def test_engine_without_holidays_or_jinja2() -> None:
    """Importing the engine and the loader builds no calendar and renders nothing."""
    loaded = modules_after("from threeno import evaluate, load_dataset, load_plan")
    assert loaded.isdisjoint({"holidays", "jinja2"}), sorted(loaded & {"holidays", "jinja2"})
    assert "threeno.reporting" not in loaded


def test_holidays_when_a_year_is_built() -> None:
    """The first question to a calendar imports holidays; a rendered report Jinja2."""
    asked = "import datetime as dt\nfrom threeno.rules.calendar import default_calendar\n"
    assert "holidays" not in modules_after(asked)
    assert "holidays" in modules_after(
        asked + "default_calendar().is_day_off(dt.date(2024, 2, 10))"
    )
    assert "jinja2" not in modules_after("import threeno.reporting")


def test_star_import() -> None:
    """``from threeno import *`` gives exactly ``__all__``, each the module's own object."""
    script = (
        "import json\nfrom threeno import *\n"
        "print(json.dumps(sorted(k for k in dir() if not k.startswith('_') or k == '__version__')))"
    )
    done = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    names = set(json.loads(done.stdout)) - {"json"}
    assert names == set(threeno.__all__)


def test_every_name_resolves_to_its_module() -> None:
    """Each lazy name is the object its module defines; ``dir()`` lists them all."""
    for name, module in threeno._LAZY.items():
        assert getattr(threeno, name) is getattr(sys.modules[module], name), name
    assert set(threeno.__all__) == {*threeno._LAZY, "__version__"}
    assert set(threeno.__all__) <= set(dir(threeno))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        threeno.nothing  # noqa: B018


def test_type_checkers_see_the_same_names() -> None:
    """The ``if TYPE_CHECKING:`` imports (what mypy reads) are the lazy names, same modules."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for stmt in node.body:
                if isinstance(stmt, ast.ImportFrom):
                    typed |= {alias.name: stmt.module or "" for alias in stmt.names}
    assert typed == threeno._LAZY


#: What reading a plan must leave out: the dataset readers and writers, the streaming
#: evaluation, the workbooks, the reports, and the holidays (no calendar year is built).
NOT_FOR_A_PLAN = (
    "holidays",
    "jinja2",
    "threeno.io._atomic",
    "threeno.io._record_files",
    "threeno.io._tally",
    "threeno.io._writing",
    "threeno.io.datasets",
    "threeno.io.schema",
    "threeno.io.stream",
    "threeno.io.xlsx",
    "threeno.reporting",
)


def test_load_plan_imports_no_dataset_reader() -> None:
    """``from threeno import load_plan`` and a plan read import none of the dataset's modules."""
    loaded = modules_after("from threeno import load_plan\nload_plan('lai-chau-2024')")
    assert loaded.isdisjoint(NOT_FOR_A_PLAN), sorted(loaded & set(NOT_FOR_A_PLAN))
    assert "threeno.io.plans" in loaded  # the check itself: the plan was read


def test_converters_made_on_first_use() -> None:
    """Importing the converter's module makes no converter; ``CONVERTER`` makes the shared one."""
    script = (
        "import json, threeno.io.converter as c\n"
        "before = 'CONVERTER' in vars(c)\n"
        "print(json.dumps([before, c.CONVERTER is c.shared_converter(), 'CONVERTER' in vars(c)]))"
    )
    done = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    assert json.loads(done.stdout) == [False, True, True]


def test_io_names_resolve_to_their_modules() -> None:
    """Each public name of ``threeno.io`` is its module's object; mypy reads the same names."""
    import threeno.io  # noqa: PLC0415 - the package under test

    for name, module in threeno.io._LAZY.items():
        assert getattr(threeno.io, name) is getattr(sys.modules[module], name), name
    assert set(threeno.io.__all__) == set(threeno.io._LAZY)
    assert set(threeno.io.__all__) <= set(dir(threeno.io))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        threeno.io.nothing  # noqa: B018
    assert typed_imports(Path(threeno.io.__file__)) == threeno.io._LAZY


def test_io_star_import() -> None:
    """``from threeno.io import *`` gives exactly its ``__all__`` in a fresh interpreter."""
    import threeno.io  # noqa: PLC0415 - the package under test

    script = (
        "import json\nfrom threeno.io import *\n"
        "print(json.dumps(sorted(k for k in dir() if not k.startswith('_'))))"
    )
    done = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    assert set(json.loads(done.stdout)) - {"json"} == set(threeno.io.__all__)


def test_a_calendar_year_imports_one_country() -> None:
    """Building a year imports Vietnam's holidays, not the holidays package's other countries."""
    asked = (
        "import datetime as dt\nfrom threeno.rules.calendar import default_calendar\n"
        "default_calendar().is_day_off(dt.date(2024, 2, 10))"
    )
    loaded = modules_after(asked)
    assert "holidays" in loaded
    assert "holidays.countries" not in loaded
    assert "holidays.countries.france" not in loaded
    # and a program that imports the package's countries afterwards gets them whole
    loaded = modules_after(f"{asked}\nimport holidays.countries.vietnam as vn\nvn.Vietnam")
    assert {"holidays.countries", "holidays.countries.vietnam"} <= loaded


def typed_imports(init: Path) -> dict[str, str]:
    """The names a module imports under ``if TYPE_CHECKING:``, each with its module."""
    tree = ast.parse(init.read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for stmt in node.body:
                if isinstance(stmt, ast.ImportFrom):
                    typed |= {alias.name: stmt.module or "" for alias in stmt.names}
    return typed
