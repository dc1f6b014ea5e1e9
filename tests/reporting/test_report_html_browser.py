"""The HTML report of the demo data, opened in headless Chromium.

Skipped when Chromium is not installed, unless ``CI`` is set: CI installs Debian's
``chromium`` package and must run it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from threeno.indicators.engine import evaluate
from threeno.io.datasets import load_dataset
from threeno.plans import load_plan
from threeno.reporting.render import render
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="headless Chromium not installed (Debian: apt-get install chromium); CI runs this",
)


def _dump_dom(chromium: str, page: Path, profile: Path) -> str:
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)  # noqa: S603 - a fixed command on a file we wrote
    return done.stdout


class TestHtmlInChromium:
    """The page loads without errors and its charts are there."""

    @pytest.mark.parametrize("suppress_below", [None, 5])
    def test_demo_report_loads_with_charts(
        self, tmp_path: Path, suppress_below: int | None
    ) -> None:
        """The inline script ran (no error), and there is a chart per share by unit.

        The published report (``suppress_below=5``) too: a hidden share draws no bar but
        keeps its chart, and the page carries the note that says it is published.
        """
        assert CHROMIUM is not None, "CI is set but chromium is not installed"
        plan = load_plan("lai-chau-2024")
        data, load_report = load_dataset(demo_path(), plan=plan)
        evaluation = evaluate(plan, data, plan.period("2024"), explain="failures")
        page = tmp_path / "report.html"
        html = render(
            evaluation, "html", plan=plan, load_report=load_report, suppress_below=suppress_below
        )
        page.write_text(html, "utf-8")

        dom = _dump_dom(CHROMIUM, page, tmp_path / "profile")

        root = re.search(r"<html[^>]*>", dom)
        assert root is not None
        assert 'data-report-ready="yes"' in root[0]
        assert "data-report-error" not in root[0]
        # The shares counted by unit in the catalogue: reports.classified, .resolved,
        # .on_time, units.model_maintained, outreach.coverage, support.coverage,
        # women.vocational, units.safe (reporting.* are by agency): 8 charts.
        assert 'data-report-charts="8"' in root[0]
        assert dom.count('<svg class="chart"') == 8
        assert dom.count('<rect class="bar"') > 0
        assert ('id="published"' in dom) is (suppress_below is not None)
