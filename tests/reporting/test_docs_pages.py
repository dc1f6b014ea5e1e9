"""``write_pages(plan, out_dir)``: documentation pages generated from a plan and the code."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from threeno.indicators.catalogue import get
from threeno.plans import load_plan
from threeno.reporting.docs import PAGES, write_pages

if TYPE_CHECKING:
    from pathlib import Path

PLAN = load_plan("lai-chau-2024")


class TestWritePages:
    """The five pages, their content, and stable output."""

    def test_pages_written(self, tmp_path: Path) -> None:
        """index.md and the four pages, index first."""
        paths = write_pages(PLAN, tmp_path / "generated")
        assert [p.name for p in paths] == ["index.md", *PAGES]
        index = paths[0].read_text(encoding="utf-8")
        assert (
            "```{toctree}\n:maxdepth: 1\n\nindicators\nduties\ndata-dictionary\nrules\n```" in index
        )

    def test_catalogue(self, tmp_path: Path) -> None:
        """Each indicator: names, clauses, the plan's target, the exact counting rule."""
        write_pages(PLAN, tmp_path)
        page = (tmp_path / "indicators.md").read_text(encoding="utf-8")
        assert "## `reports.on_time`" in page
        assert "- **Name (vi):** Tỷ lệ tố giác, tin báo về tội phạm" in page
        # The 2024 plan's I.3: "100%" of reports resolved: at least 100%.
        assert "- **Target (lai-chau-2024):** at least 100% (`>=`, I.3)" in page
        # The clauses are the plan's: lai-chau-2024.toml lists reports.on_time in I.3 only.
        assert "- **Plan clauses (lai-chau-2024):** I.3" in page
        rule = get("reports.on_time").rule
        assert rule
        assert f"```text\n{rule}\n```" in page

    def test_targets_written_as_the_report_writes_them(self, tmp_path: Path) -> None:
        """A share's target keeps its decimal and a count's is grouped, as in the report.

        The page writes a target with ``Indicator.target_text``, the report's formatter:
        90.5% stays 90.5% (not rounded to 90%, which would state a laxer target) and a
        count of 1000 is written 1,000.
        """
        values = {"reports.on_time": 0.905, "reports.overdue": 1000}
        # Any: the field's converter takes any iterable (mypy cannot solve its type).
        targets: Any = tuple(
            attrs.evolve(t, value=values[t.indicator]) if t.indicator in values else t
            for t in PLAN.targets
        )
        write_pages(attrs.evolve(PLAN, targets=targets), tmp_path)
        page = (tmp_path / "indicators.md").read_text(encoding="utf-8")
        assert "- **Target (lai-chau-2024):** at least 90.5% (`>=`, I.3)" in page
        assert "- **Target (lai-chau-2024):** equal to 1,000 (`==`, I.3)" in page

    def test_duty_matrix(self, tmp_path: Path) -> None:
        """Agencies by task area; the lead's clause ids in bold; the texts as written."""
        write_pages(PLAN, tmp_path)
        page = (tmp_path / "duties.md").read_text(encoding="utf-8")
        police = next(line for line in page.splitlines() if "(`cong-an-tp`)" in line)
        assert police.startswith("| Công an thành phố (`cong-an-tp`) |")
        # III.1 is the City Police's own section of duties (plan III.1.a-c).
        assert "**III.1.a**" in police
        duty = next(d for d in PLAN.duties if d.id == "III.1.a")
        assert f"> {duty.text_vi}" in page

    def test_data_dictionary_from_the_model(self, tmp_path: Path) -> None:
        """Every record type and field, with type, required or optional, and enum labels."""
        write_pages(PLAN, tmp_path)
        page = (tmp_path / "data-dictionary.md").read_text(encoding="utf-8")
        assert "## `crime_reports`" in page
        received = "| `received_on` | Ngày tiếp nhận | Received on | date (YYYY-MM-DD) | required |"
        assert received in page
        decided = "| `decided_on` | Ngày ra quyết định | Decided on | date (YYYY-MM-DD) or null |"
        assert f"{decided} optional |" in page
        assert (
            "| `source` | Nguồn tin | Source | [ReportSource](#reportsource) | required |" in page
        )
        # Personal data is flagged.
        assert (
            "| `full_name` | Họ và tên | Full name | text or null | optional | **Personal data**"
            in page
        )
        # Enumerations with both labels, from the model's enums.
        assert "| `to_giac` | Tố giác về tội phạm |" in page
        assert "### SuspensionReason" in page

    def test_data_dictionary_names_the_workbook_columns(self, tmp_path: Path) -> None:
        """Each record type's sheet titles, and each field's column headers in vi and en.

        So an office matches its workbook to the dictionary: the subjects' sheet is
        "Người thuộc diện quản lý" ("Monitored subjects"), whose column "Năm sinh"
        ("Year of birth") is the field ``birth_year``. A nested object (an extension of
        a crime report) has no column of its own: its table has no header columns.
        """
        write_pages(PLAN, tmp_path)
        page = (tmp_path / "data-dictionary.md").read_text(encoding="utf-8")
        sheet = "Sheet of a workbook: Người thuộc diện quản lý (English: Monitored subjects)."
        assert sheet in page
        assert "| `birth_year` | Năm sinh | Year of birth | integer | required |" in page
        extension = page.split("### Extension\n", 1)[1]
        assert extension.split("\n\n")[1].startswith("| field | type | required | description |")

    def test_rules_with_legal_sources(self, tmp_path: Path) -> None:
        """The rules and the articles they rest on."""
        write_pages(PLAN, tmp_path)
        page = (tmp_path / "rules.md").read_text(encoding="utf-8")
        # Art. 147(1): 20 days from receipt.
        assert "- `BASE_DAYS` = 20" in page
        assert "### `time_limit`" in page
        assert "Legal sources: Bộ luật Tố tụng hình sự 2015, Art. 147(1)" in page
        assert "### Luật Phòng, chống mua bán người 2024 (53/2024/QH15)" in page

    def test_stable(self, tmp_path: Path) -> None:
        """Writing again leaves unchanged pages untouched and gives the same bytes."""
        first = {p: p.read_bytes() for p in write_pages(PLAN, tmp_path)}
        times = {p: p.stat().st_mtime_ns for p in first}
        second = write_pages(PLAN, tmp_path)
        assert first == {p: p.read_bytes() for p in second}
        assert times == {p: p.stat().st_mtime_ns for p in second}
