"""Personal values masked however they are written (issue 17, point 6).

Before the change a woman's name typed into another field was masked only when
byte-identical: a trailing space, upper case, NFD against NFC, a phone number with
spaces, or the name given as a list went through and was quoted in a rejection message;
an id equal to her name was masked in the message and printed in its place; a CSV file
whose first row had any cell equal to a column name was read as a header, and every
other cell of that row was quoted as an "extra column". Each test says which of these it
reproduces. Values are worked by hand: "Lò Thị Ánh" folds to ``lothianh``; the phone
0912 345 678 is also +84 912 345 678 and 912345678.
"""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING, Any

import pytest

from threeno.errors import DatasetError
from threeno.io.datasets import load_dataset
from threeno.model._personal import REDACTED, fold, masker, scrub_params

if TYPE_CHECKING:
    from pathlib import Path

NAME = "Lò Thị Ánh"
PHONE = "0912 345 678"
SUBJECT: dict[str, Any] = {
    "id": "S-1",
    "sex": "female",
    "birth_year": 1998,
    "ethnicity": "08",
    "unit_code": "03386",
    "registered_on": "2024-01-10",
    "full_name": NAME,
    "phone": PHONE,
}


class TestFold:
    """fold: letters and digits only, no case, no accents, compatibility forms read."""

    @pytest.mark.parametrize(
        "written",
        [
            "Lò Thị Ánh",
            "LÒ THỊ ÁNH",
            "  lò   thị ánh ",
            unicodedata.normalize("NFD", "Lò Thị Ánh"),
            "Lo Thi Anh",
            "Lò-Thị-Ánh",
            "ＬＯ ＴＨＩ ＡＮＨ",  # full-width, which NFKC folds
        ],
    )
    def test_names(self, written: str) -> None:
        """Every way of writing the name folds to the same letters."""
        assert fold(written) == "lothianh"

    def test_vietnamese_d(self) -> None:
        """Đ has no decomposition; it is read as d."""
        assert fold("Đào Thị Đẹp") == "daothidep"


class TestMasker:
    """A record's personal values found and masked in any message."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("unknown Sex 'Lò Thị Ánh'", f"unknown Sex '{REDACTED}'"),
            ("unknown Sex 'lò thị ánh  '", f"unknown Sex '{REDACTED}  '"),
            ("unknown Sex 'LÒ THỊ ÁNH'", f"unknown Sex '{REDACTED}'"),
            (
                "unknown Sex '" + unicodedata.normalize("NFD", "Lò Thị Ánh") + "'",
                f"unknown Sex '{REDACTED}'",
            ),
            ("'+84 912.345.678' is not a valid unit", f"'+{REDACTED}' is not a valid unit"),
            ("'(0912) 345-678' is not a valid unit", f"'({REDACTED}' is not a valid unit"),
            ("'912345678' is not a valid unit", f"'{REDACTED}' is not a valid unit"),
            # Written otherwise and run into another word, it is another value: left as
            # it is (written exactly, it is masked wherever it is).
            ("unknown Sex 'LO THI ANHX'", "unknown Sex 'LO THI ANHX'"),
            ("unknown Sex 'Lò Thị Ánhx'", f"unknown Sex '{REDACTED}x'"),
        ],
    )
    def test_mask(self, text: str, expected: str) -> None:
        """The name and the phone however written, as whole words."""
        assert masker([NAME, None, PHONE]).mask(text) == expected

    def test_containers(self) -> None:
        """A name given as a list, or as a key of an object, is still her name."""
        as_list = masker([[NAME]])
        as_key = masker([{NAME: True}])
        for found in (as_list, as_key):
            assert found.mask("unknown Sex 'LO THI ANH'") == f"unknown Sex '{REDACTED}'"

    def test_params(self) -> None:
        """Params: a text masked inside; a number that is her phone replaced whole."""
        params = {"value": "lò thị ánh", "number": 912345678, "count": 3}
        assert scrub_params(params, masker([NAME, PHONE])) == {
            "value": REDACTED,
            "number": REDACTED,
            "count": 3,
        }

    def test_short_values(self) -> None:
        """A value folding to fewer than 3 letters is only found written exactly."""
        found = masker(["An"])
        assert found.mask("'An' and 'an'") == f"'{REDACTED}' and 'an'"


def _load(tmp_path: Path, *records: dict[str, Any]) -> Any:  # noqa: ANN401 - a load's result
    path = tmp_path / "subjects.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return load_dataset(path)


class TestRejections:
    """Rejection messages of a record holding its own personal data elsewhere."""

    @pytest.mark.parametrize(
        "sex",
        [
            "lò thị ánh ",
            unicodedata.normalize("NFD", NAME),
            "LÒ THỊ ÁNH",
            "+84 912-345-678",
        ],
    )
    def test_value_written_otherwise(self, tmp_path: Path, sex: str) -> None:
        """Reproduces the name (or phone) in ``sex`` written otherwise: it was quoted."""
        _, report = _load(tmp_path, {**SUBJECT, "sex": sex})
        (rejection,) = report.rejections
        for lang in ("vi", "en"):
            text = rejection.text(lang)
            assert REDACTED in text
            assert "lothianh" not in fold(text)
            assert "912345678" not in fold(text)

    def test_name_as_a_list(self, tmp_path: Path) -> None:
        """Reproduces ``full_name: [name]`` with the name in ``sex``: the name was quoted."""
        _, report = _load(tmp_path, {**SUBJECT, "full_name": [NAME], "sex": NAME})
        (rejection,) = report.rejections
        assert [p.field for p in rejection.problems] == ["sex", "full_name"]
        assert "lothianh" not in fold(rejection.text("en"))

    def test_id_equal_to_her_name(self, tmp_path: Path) -> None:
        """Reproduces an id equal to her name, rejected for another reason too.

        Before: the birth year's message, then the id printed in the rejection's place
        (``id 'Lò Thị Ánh'``). After: rejected for the id as well, and the id masked
        in its place.
        """
        _, report = _load(tmp_path, {**SUBJECT, "id": "LÒ THỊ ÁNH", "birth_year": 1000})
        (rejection,) = report.rejections
        assert rejection.record_id == REDACTED
        # The model checks the id first, and stops at the first problem of the record.
        assert [(p.field, p.code) for p in rejection.problems] == [("id", "personal_data_in_field")]
        text = rejection.text("en")
        assert text.startswith(f"{tmp_path / 'subjects.jsonl'}, line 1, id '{REDACTED}': ")
        assert "lothianh" not in fold(text)

    @pytest.mark.parametrize("written", ["lò thị ánh", "S-912345678", "S-LO-THI-ANH-1"])
    def test_id_holding_her_data(self, tmp_path: Path, written: str) -> None:
        """An id holding her name or phone is refused: ids are quoted in every report."""
        _, report = _load(tmp_path, {**SUBJECT, "id": written}, SUBJECT)
        (rejection,) = report.rejections
        assert [(p.field, p.code) for p in rejection.problems] == [("id", "personal_data_in_field")]
        assert rejection.problems[0].text("vi") == (
            "trường id: chứa dữ liệu cá nhân của chính người này (họ tên, số định danh hoặc"
            " số điện thoại); dữ liệu cá nhân chỉ ghi ở full_name, national_id và phone,"
            " còn mã phải là bí danh"
        )
        assert rejection.record_id == REDACTED
        assert report.accepted == 1


class TestCsvHeader:
    """The first row is the header only if every cell is a column of the record type."""

    def test_data_row_with_a_column_name(self, tmp_path: Path) -> None:
        """Reproduces a first (data) row with one cell equal to a column name.

        Before: read as a header, its other cells quoted as "extra column" names (her
        name, her phone). After: refused, the cells named by position only.
        """
        row = f"S-1,female,1998,08,03386,2024-01-10,categories,{NAME},,{PHONE}"
        (tmp_path / "subjects.csv").write_text(row + "\n", encoding="utf-8")
        with pytest.raises(DatasetError) as info:
            load_dataset(tmp_path)
        for lang in ("vi", "en"):
            text = info.value.text(lang)
            assert "lothianh" not in fold(text)
            assert "0912345678" not in fold(text)
        assert "cell 8 of the first row is not a column name" in str(info.value)
        assert "cell 7 " not in str(info.value)  # 'categories' is a column
