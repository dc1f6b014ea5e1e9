"""Draw the picture of the Excel template for the guide (docs/_static/excel-template.png).

``python scripts/picture_excel_template.py OUT.png`` writes the bundled plan's template,
types three made-up subjects into its first sheet of records (synthetic, no personal
data), prints that sheet with LibreOffice Calc run headless (landscape, one page wide,
with the grid and Excel's column letters and row numbers) and turns the top of the page
into a PNG with poppler's ``pdftoppm``. Then ``python scripts/shrink_png.py OUT.png
docs/_static/excel-template.png`` makes the docs' small grey copy. Needs the excel
extra, ``soffice`` (Debian: libreoffice-calc-nogui) and ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

from threeno.io.xlsx_template import write_workbook
from threeno.plans import load_plan

SHEET = "Người thuộc diện quản lý"
ROWS = (
    ("S-000001", "Nữ", 1990, "Thái", "03387", dt.date(2024, 3, 5), "poor:2023-01-01"),
    ("S-000002", "Nữ", 2001, "H'mông", "03403", dt.date(2024, 4, 12), None),
    ("S-000003", "Nữ", 1986, "Kinh", "03386", dt.date(2024, 5, 20), "returned_victim:2024-05-20"),
)


def main(out: Path) -> None:
    """Write the picture to ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        book_path = work / "so-lieu.xlsx"
        write_workbook(book_path, plan=load_plan("lai-chau-2024"))
        book = openpyxl.load_workbook(book_path)
        sheet = book[SHEET]
        for row in ROWS:
            sheet.append(row)
        for number in range(2, 2 + len(ROWS)):
            sheet[f"F{number}"].number_format = "DD/MM/YYYY"
        for name in book.sheetnames:
            if name != SHEET:
                book[name].sheet_state = "hidden"
        book.active = book.sheetnames.index(SHEET)
        sheet.page_setup.orientation = "landscape"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.print_options.gridLines = True
        sheet.print_options.headings = True
        sheet.print_area = "A1:G10"
        book.save(book_path)
        soffice = shutil.which("soffice") or "soffice"
        subprocess.run(  # noqa: S603 - a fixed command on a file written here
            [
                soffice,
                f"-env:UserInstallation=file://{work / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(book_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        subprocess.run(  # noqa: S603 - a fixed command on a file written here
            [
                shutil.which("pdftoppm") or "pdftoppm",
                *("-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile"),
                *("-x", "60", "-y", "85", "-W", "1000", "-H", "215"),
                str(work / "so-lieu.pdf"),
                str(out.with_suffix("")),
            ],
            check=True,
            timeout=60,
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
