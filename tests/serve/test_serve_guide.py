"""The guide page's examples run against a real server: the JavaScript client and curl.

docs/guides/service.md shows a client in JavaScript (``fetch``) and curl commands. The
client is taken from the page as it is, run with Node (when ``node`` is on PATH), and what
it prints is compared with the library's numbers on the same records; each curl command
is run too (when ``curl`` is), with the server's port in place of 8000.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pytest

import threeno
from threeno.messages import Notice
from threeno.rules.calendar import plan_calendar

if TYPE_CHECKING:
    from tests.serve.conftest import Demo
    from tests.serve.live_server import Server

GUIDE: Final = Path(__file__).parents[2] / "docs" / "guides" / "service.md"
_MARK: Final = "<!-- the client run by tests/serve/test_serve_guide.py -->"


def _client() -> str:
    """The JavaScript block that follows the mark on the guide page."""
    text = GUIDE.read_text(encoding="utf-8")
    assert _MARK in text
    after = text.split(_MARK, 1)[1]
    match = re.match(r"\s*```javascript\n(.*?)```", after, re.DOTALL)
    assert match is not None
    return match[1]


def _curls() -> list[str]:
    """The curl commands of the page's console blocks, without their prompt."""
    text = GUIDE.read_text(encoding="utf-8")
    return re.findall(r"^\$ (curl .*)$", text, re.MULTILINE)


def test_the_page_has_them() -> None:
    """The page holds the client and eight curl commands, all to the local default address."""
    assert "fetch(" in _client()
    commands = _curls()
    assert len(commands) == 8
    assert all("http://127.0.0.1:8000/" in c for c in commands)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")
def test_javascript_client(server: Server, demo: Demo, demo_body: bytes, tmp_path: Path) -> None:
    """The client prints the library's share of reports on time, then a coded error."""
    (tmp_path / "client.mjs").write_text(_client(), encoding="utf-8")
    (tmp_path / "data.json").write_bytes(demo_body)
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run(  # noqa: S603 - node, on our own file
        [node, "client.mjs", "data.json"],
        cwd=tmp_path,
        env={**os.environ, "THREENO_URL": server.base},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    plan = demo.plan
    evaluation = threeno.evaluate(
        plan, demo.data, plan.period("2024-H1"), explain="none", calendar=plan_calendar(plan)
    )
    total = evaluation["reports.on_time"].total
    error = Notice("service_unknown_period", {"text": "'2024-H3'"})
    assert done.stdout.splitlines() == [
        f"reports.on_time: {total.numerator}/{total.denominator} ({total.status.value})",
        "every record counted: true",
        f"service_unknown_period: {error.text('en')}",
    ]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not on PATH")
def test_curl_examples(server: Server, demo_body: bytes, tmp_path: Path) -> None:
    """Each curl command runs, and gets the answer its endpoint gives."""
    (tmp_path / "data.json").write_bytes(demo_body)
    curl = shutil.which("curl")
    assert curl is not None
    statuses = []
    for command in _curls():
        words = shlex.split(command.replace("127.0.0.1:8000", f"127.0.0.1:{server.port}"))
        done = subprocess.run(  # noqa: S603 - curl, to our own server
            [curl, "-w", "\n%{http_code}", *words[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, (command, done.stderr)
        statuses.append(int(done.stdout.rsplit("\n", 1)[1]))
    assert statuses == [200] * 7 + [400]  # the last shows an error
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report.startswith('<!DOCTYPE html>\n<html lang="en">')
