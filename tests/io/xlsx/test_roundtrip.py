"""Records written into the template read back equal, and so does LibreOffice's copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pytest
from hypothesis import HealthCheck, given, settings

from tests.io.test_dump_dataset import any_records
from tests.io.xlsx.xlsx_samples import plan
from threeno.io import load_dataset
from threeno.io.xlsx_template import write_workbook
from threeno.privacy import redact
from threeno.testing.synthetic import generate

if TYPE_CHECKING:
    from threeno.model.dataset import Dataset

SOFFICE: Final = shutil.which("soffice") or shutil.which("libreoffice")


def _write_and_load(data: Dataset, *, personal_data: bool, lang: str = "vi") -> Dataset:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "so-lieu.xlsx"
        write_workbook(path, plan=plan(), dataset=data, personal_data=personal_data, lang=lang)  # type: ignore[arg-type]
        back, report = load_dataset(path)
    assert report.rejected == 0, report.text("en")
    return back


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=any_records)
def test_round_trip_of_any_records(data: Dataset) -> None:
    """Any valid records, personal data included, read back equal (vi and en headers)."""
    assert _write_and_load(data, personal_data=True) == data
    assert _write_and_load(data, personal_data=True, lang="en") == data


def test_round_trip_without_personal_data() -> None:
    """Without the personal columns, the records read back redacted."""
    data = generate(plan(), seed=3, scale=0.1)
    assert _write_and_load(data, personal_data=False) == redact(data)


def _soffice_copy(path: Path, out: Path) -> Path:
    """``path`` converted by LibreOffice headless to .xlsx in ``out`` (a private profile)."""
    assert SOFFICE is not None
    profile = out / "profile"
    subprocess.run(  # noqa: S603 - a fixed command on files the test wrote
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out / "converted"),
            str(path),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return out / "converted" / path.name


@pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice not installed (Debian: libreoffice-calc-nogui); CI runs this",
)
class TestLibreOffice:
    """The workbook as LibreOffice saves it again: read the same, drop-downs and formats kept."""

    def test_template_keeps_its_drop_downs_and_formats(self, tmp_path: Path) -> None:
        """The empty template as LibreOffice saves it: every list, date and number rule.

        Subjects: B sex, D ethnicity and E unit are lists, C (birth year) a whole number,
        F (registered on) a date; columns formatted text (@), 0 and dd/mm/yyyy; the
        header's comment and the sheet's protection kept. (LibreOffice run headless
        has no view to keep the frozen row in; opened on screen, it shows it.)
        """
        import openpyxl  # noqa: PLC0415

        path = tmp_path / "so-lieu.xlsx"
        write_workbook(path, plan=plan())
        copy = _soffice_copy(path, tmp_path)
        book = openpyxl.load_workbook(copy)
        sheet = book["Người thuộc diện quản lý"]
        rules = {str(r.sqref): r.type for r in sheet.data_validations.dataValidation}
        assert rules == {
            "B2:B1001": "list",
            "C2:C1001": "whole",
            "D2:D1001": "list",
            "E2:E1001": "list",
            "F2:F1001": "date",
        }
        formats = {k: d.number_format for k, d in sheet.column_dimensions.items()}
        assert (formats["C"], formats["E"], formats["F"].upper()) == ("0", "@", "DD/MM/YYYY")
        assert sheet.protection.sheet is True
        assert sheet["C1"].comment.text.startswith("birth_year")
        for title in book.sheetnames[1:-1]:  # every sheet of records has its rules
            assert book[title].data_validations.dataValidation, title

    def test_filled_template_reads_the_same(self, tmp_path: Path) -> None:
        """A filled template converted by LibreOffice loads to the same records."""
        import openpyxl  # noqa: PLC0415

        data = generate(plan(), seed=5, scale=0.05)
        path = tmp_path / "so-lieu.xlsx"
        write_workbook(path, plan=plan(), dataset=data, personal_data=True)
        copy = _soffice_copy(path, tmp_path)
        back, report = load_dataset(copy, plan=plan())
        assert report.rejected == 0, report.text("en")
        assert back == data
        # The drop-downs and formats survive: the unit list on E, dd/mm/yyyy on F.
        sheet = openpyxl.load_workbook(copy)["Người thuộc diện quản lý"]
        rules = {str(r.sqref).split(":")[0]: r for r in sheet.data_validations.dataValidation}
        assert rules["E2"].type == "list"
        assert "Danh mục" in rules["E2"].formula1
        assert rules["F2"].type == "date"
        assert sheet["F2"].number_format.upper().startswith("DD/MM/YYYY")
