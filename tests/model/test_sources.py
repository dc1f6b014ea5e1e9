"""threeno.model.sources: the instruments threeno cites, and citations written from them.

Worked by hand: Vietnamese cites the smallest part first and the instrument last
("điểm a khoản 1 Điều 32 Luật ..."), English the instrument first ("..., Art. 32(1)(a)").
Numbers and dates are those of the project's domain facts and the bundled plan files
(66/2011/QH12 in force 2012-01-01 to 2025-06-30, passed 2011-03-29; 53/2024/QH15 in force
2025-07-01, passed 2024-11-28; Thông tư 124/2021/TT-BCA of 2021-12-28, in force
2022-02-10; Nghị quyết 1670/NQ-UBTVQH15 of 2025-06-16, in force 2025-07-01).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest

from threeno.errors import LanguageError, ValidationError
from threeno.model import sources
from threeno.model.sources import (
    ANTI_TRAFFICKING_LAW_2011,
    ANTI_TRAFFICKING_LAW_2024,
    CIRCULAR_124_2021,
    CRIMINAL_PROCEDURE_CODE_2015,
    INSTRUMENTS,
    LABOUR_CODE_2019,
    RESOLUTION_1670_2025,
    Instrument,
    Reference,
    cite,
)

D = dt.date
CODE = CRIMINAL_PROCEDURE_CODE_2015


class TestReference:
    """Reference.pinpoint, Reference.cite and cite()."""

    @pytest.mark.parametrize(
        ("article", "clause", "point", "en", "vi"),
        [
            ("148", None, None, "Art. 148", "Điều 148"),
            ("147", "1", None, "Art. 147(1)", "khoản 1 Điều 147"),
            ("32", "1", "a", "Art. 32(1)(a)", "điểm a khoản 1 Điều 32"),
            ("37", "1", "đ", "Art. 37(1)(đ)", "điểm đ khoản 1 Điều 37"),
            (None, None, None, "", ""),
        ],
    )
    def test_pinpoint(
        self, article: str | None, clause: str | None, point: str | None, en: str, vi: str
    ) -> None:
        """Article, clause and point in each language's order."""
        ref = Reference(instrument=CODE, article=article, clause=clause, point=point)
        assert (en, vi) == (ref.pinpoint("en"), ref.pinpoint("vi"))

    def test_cite_one(self) -> None:
        """The instrument's Vietnamese name in both languages, after (en) or before (vi)."""
        ref = Reference(instrument=CODE, article="148")
        assert ref.cite("en") == "Bộ luật Tố tụng hình sự 2015, Art. 148"
        assert ref.cite("vi") == "Điều 148 Bộ luật Tố tụng hình sự 2015"
        assert Reference(instrument=CODE).cite("vi") == "Bộ luật Tố tụng hình sự 2015"

    def test_cite_runs(self) -> None:
        """One name per run of places in one instrument; runs joined by a semicolon."""
        refs = (
            Reference(instrument=CODE, article="147", clause="1"),
            Reference(instrument=CODE, article="134", clause="1"),
            Reference(instrument=LABOUR_CODE_2019, article="112"),
        )
        assert cite(refs, "en") == (
            "Bộ luật Tố tụng hình sự 2015, Art. 147(1), Art. 134(1); "
            "Bộ luật Lao động 2019, Art. 112"
        )
        assert cite(refs, "vi") == (
            "khoản 1 Điều 147, khoản 1 Điều 134 Bộ luật Tố tụng hình sự 2015; "
            "Điều 112 Bộ luật Lao động 2019"
        )
        assert cite((), "en") == ""

    @pytest.mark.parametrize("lang", ["fr", "", "VI", None])
    def test_unknown_language(self, lang: object) -> None:
        """Anything but vi or en is a LanguageError, as everywhere."""
        ref = Reference(instrument=CODE, article="148")
        with pytest.raises(LanguageError):
            ref.cite(lang)  # type: ignore[arg-type]
        with pytest.raises(LanguageError):
            ref.pinpoint(lang)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"article": "32", "point": "a"}, "point"),
            ({"clause": "1"}, "clause"),
            ({"article": "Art. 32"}, "article"),
            ({"article": "32", "clause": "(1)"}, "clause"),
        ],
    )
    def test_invalid(self, kwargs: dict[str, Any], field: str) -> None:
        """A point needs its clause, a clause its article; parts are numbers or letters."""
        with pytest.raises(ValidationError, match=rf"Reference\.{field}"):
            Reference(instrument=CODE, **kwargs)


class TestInstruments:
    """The instruments' numbers and dates, as the project's sources give them."""

    @pytest.mark.parametrize(
        ("instrument", "number", "issued", "start", "end"),
        [
            (
                ANTI_TRAFFICKING_LAW_2011,
                "66/2011/QH12",
                D(2011, 3, 29),
                D(2012, 1, 1),
                D(2025, 6, 30),
            ),
            (ANTI_TRAFFICKING_LAW_2024, "53/2024/QH15", D(2024, 11, 28), D(2025, 7, 1), None),
            (CIRCULAR_124_2021, "124/2021/TT-BCA", D(2021, 12, 28), D(2022, 2, 10), None),
            (RESOLUTION_1670_2025, "1670/NQ-UBTVQH15", D(2025, 6, 16), D(2025, 7, 1), None),
            (CRIMINAL_PROCEDURE_CODE_2015, "101/2015/QH13", D(2015, 11, 27), D(2018, 1, 1), None),
        ],
        ids=lambda v: v.id if isinstance(v, Instrument) else None,
    )
    def test_numbers_and_dates(
        self,
        instrument: Instrument,
        number: str,
        issued: dt.date,
        start: dt.date,
        end: dt.date | None,
    ) -> None:
        """Each number and date, by hand."""
        assert (number, issued, start, end) == (
            instrument.number,
            instrument.issued_on,
            instrument.in_force_from,
            instrument.in_force_to,
        )

    def test_two_laws_meet(self) -> None:
        """The 2011 law governs 2025-06-30, the 2024 law 2025-07-01: no gap, no overlap."""
        last, first = D(2025, 6, 30), D(2025, 7, 1)
        assert ANTI_TRAFFICKING_LAW_2011.in_force_on(last)
        assert not ANTI_TRAFFICKING_LAW_2011.in_force_on(first)
        assert not ANTI_TRAFFICKING_LAW_2024.in_force_on(last)
        assert ANTI_TRAFFICKING_LAW_2024.in_force_on(first)

    def test_unverified_say_why(self) -> None:
        """Numbers or dates not in the project's sources are marked, with a note."""
        unverified = {i.id for i in INSTRUMENTS.values() if not i.verified}
        assert unverified == {"bltths-2015", "blhs-2015", "blld-2019", "nd-09-2019", "qd-188-1999"}
        assert all(INSTRUMENTS[i].note for i in unverified)

    def test_registry(self) -> None:
        """Every instrument constant is in INSTRUMENTS under its id; names in NFC."""
        constants = [v for v in vars(sources).values() if isinstance(v, Instrument)]
        assert sorted(i.id for i in constants) == sorted(INSTRUMENTS)
        for instrument in constants:
            assert INSTRUMENTS[instrument.id] is instrument
            assert unicodedata.is_normalized("NFC", instrument.name_vi)

    def test_invalid(self) -> None:
        """An end before the start, or an id that is not a slug, is refused."""
        with pytest.raises(ValidationError, match=r"Instrument\.in_force_to"):
            Instrument(
                id="x-1",
                name_vi="X",
                name_en="X",
                number="1/X",
                in_force_from=D(2020, 1, 1),
                in_force_to=D(2019, 1, 1),
            )
        with pytest.raises(ValidationError, match=r"Instrument\.id"):
            Instrument(id="Bộ luật", name_vi="X", name_en="X", number="1/X")
