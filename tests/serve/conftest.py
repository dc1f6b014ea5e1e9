"""Fixtures of the service's tests: the demo data as a request body, and a running server."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from tests.serve.live_server import Server
from threeno.io.datasets import dump_dataset, load_dataset
from threeno.plans import load_plan
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from collections.abc import Iterator

    from threeno.model.dataset import Dataset
    from threeno.model.plan import Plan

#: Whether the serve extra is installed: without it, every test here is skipped, saying so.
EXTRA: bool = all(importlib.util.find_spec(name) for name in ("starlette", "uvicorn"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the service's tests, with the reason, on an install without the serve extra."""
    if EXTRA:
        return
    skip = pytest.mark.skip(reason='the service needs the serve extra: "threeno[serve]"')
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The bundled 2024 plan."""
    return load_plan("lai-chau-2024")


@pytest.fixture(scope="session")
def demo_body(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The demo data as a JSON document (``"schema": "threeno/1"``), as a tool would send it."""
    data, report = load_dataset(demo_path())
    assert report.ok
    path = tmp_path_factory.mktemp("demo") / "demo.json"
    dump_dataset(data, path, "json")
    body = path.read_bytes()
    assert json.loads(body)["schema"] == "threeno/1"
    return body


@attrs.frozen(kw_only=True)
class Demo:
    """The demo data: the plan, the document a tool sends, and the library's dataset of it."""

    plan: Plan
    document: dict[str, Any]
    data: Dataset


@pytest.fixture(scope="session")
def demo(demo_body: bytes, plan: Plan) -> Demo:
    """The demo document as a mapping, and as the library loads it."""
    document: dict[str, Any] = json.loads(demo_body)
    data, _ = load_dataset(document, plan=plan)
    return Demo(plan=plan, document=document, data=data)


def _checked(server: Server) -> None:
    """A server's log never holds a traceback or an internal error."""
    code = server.stop()
    log = server.log
    assert "Traceback" not in log, log[-3000:]
    assert "service_internal_error" not in log, log[-3000:]
    assert code == 0, log[-3000:]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """``threeno serve`` with its defaults, for a module's tests."""
    running = Server()
    try:
        yield running
    finally:
        _checked(running)
