"""Published reports: small counts suppressed, no record listed (issues 11 and 17).

Every expected value below is worked out by hand from the rule of
:func:`threeno.privacy.suppress_table` (k = 5 unless said otherwise):

1. a count from 1 to k - 1 is hidden;
2. while a reader who knows the counts shown and how they relate (the units add up to
   the whole area, a breakdown's categories too, a numerator is at most its
   denominator; a hidden count is 1 or more) can narrow a hidden count to fewer than k
   values, the smallest shown non-zero count of a relation that limits it (a whole-area
   count last) is hidden too;
3. every hidden count shows ``x``.

The datasets (the 2024 plan, period 2024-H1 = 2023-12-15 .. 2024-06-14):

*Women* (``subjects.monitored``: women with a category active on 2024-06-14, each in
her ward of residence; all of them poor): 7 in Quyết Thắng (03386), 2 in Tân Phong
(03387), 6 in Quyết Tiến (03388); total 15. Ethnicity: the 7 of 03386 are Kinh (01), the
2 of 03387 Thái (03), 3 of 03388 Kinh and 3 Mường (04): Kinh 10, Thái 2, Mường 3.

- units: 2 is small; 15 - 7 - 6 = 2 gives it away, so the smallest other non-zero
  count, 6 (03388), is hidden too: a + b = 15 - 7 = 8, each 1 to 7 (seven values).
  Total 15 shown.
- ethnicity: 2 and 3 are small; a + b = 15 - 10 = 5 leaves each 1 to 4, four values:
  too few, so Kinh 10 goes too: a + b + c = 15, each 1 to 13.

*Crime reports* (``reports.on_time``, Art. 150 denunciations, received Monday
2024-03-04: the 20-day limit of Bộ luật Tố tụng hình sự 2015, Art. 147(1), ends on
Sunday 24 March and moves to Monday 25 March, Art. 134): 6 in 03386, all decided on
2024-03-20 (on time); 3 in 03387, two decided 2024-03-20 (on time), one 2024-04-30
(late). Numerators 6, 2; denominators 6, 3; totals 8/9.

- numerators: 2 is small; 8 - 6 = 2 gives it away, so 6 goes too (a + b = 8, each 1
  to 7). Denominators: 3 is small; 9 - 6 = 3, so 6 goes too (each 1 to 8). 03386
  shows ``x/x``, 03387 ``x/x``, the total ``8/9 = 88.9%``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from threeno import cli
from threeno.errors import ValidationError
from threeno.indicators.engine import evaluate
from threeno.io.datasets import dump_dataset, load_dataset
from threeno.model.crime import CrimeReport
from threeno.model.dataset import Dataset
from threeno.model.enums import Decision, Ethnicity, ReportSource, Sex, SubjectCategory
from threeno.model.subjects import CategorySpan, Subject
from threeno.plans import load_plan
from threeno.reporting.publication import NOT_ABOUT_PEOPLE
from threeno.reporting.render import render
from threeno.reporting.view import build_view, make_cell
from threeno.testing.strategies import datasets

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from threeno.indicators.results import Evaluation
    from threeno.reporting.view import Cell, IndicatorView, ReportView

PLAN = load_plan("lai-chau-2024")
PERIOD = PLAN.period("2024-H1")
UNITS = ("03386", "03387", "03388", "03389", "03403", "03408", "03409")


def _woman(i: int, unit: str, ethnicity: str) -> Subject:
    return Subject(
        id=f"S-{i:02d}",
        sex=Sex.FEMALE,
        birth_year=1990,
        ethnicity=Ethnicity.from_slug(ethnicity),
        unit_code=unit,
        registered_on=dt.date(2023, 6, 1),
        categories=[CategorySpan(category=SubjectCategory.POOR, since=dt.date(2023, 6, 1))],
    )


def _women() -> list[Subject]:
    people = [("03386", "01")] * 7 + [("03387", "03")] * 2
    people += [("03388", "01")] * 3 + [("03388", "04")] * 3
    return [_woman(i, unit, eth) for i, (unit, eth) in enumerate(people)]


def _report(i: int, unit: str, decided: dt.date) -> CrimeReport:
    return CrimeReport(
        id=f"CR-{i:02d}",
        source=ReportSource.TO_GIAC,
        offence_article=150,
        unit_code=unit,
        received_on=dt.date(2024, 3, 4),
        receiving_agency="cong-an-tp",
        classified_on=dt.date(2024, 3, 5),
        decision=Decision.KHONG_KHOI_TO,
        decided_on=decided,
    )


def _reports() -> list[CrimeReport]:
    on_time, late = dt.date(2024, 3, 20), dt.date(2024, 4, 30)
    reports = [_report(i, "03386", on_time) for i in range(6)]
    reports += [_report(6, "03387", on_time), _report(7, "03387", on_time)]
    reports.append(_report(8, "03387", late))
    return reports


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    """The women and the reports above, every indicator, failures kept."""
    data = Dataset(subjects=_women(), crime_reports=_reports())
    return evaluate(PLAN, data, PERIOD, explain="failures")


def _indicator(view: ReportView, indicator_id: str) -> IndicatorView:
    return next(i for i in view.indicators if i.id == indicator_id)


def _texts(view: ReportView, indicator_id: str) -> dict[str | None, str]:
    return {r.unit_code: r.cell.text for r in _indicator(view, indicator_id).rows}


class TestMakeCell:
    """A hidden numerator or denominator, written by the one cell formatter."""

    def test_count(self) -> None:
        """A hidden count shows its mark, and no number is kept."""
        cell = make_cell(3, None, "vi", hidden=("x", None))
        assert (cell.text, cell.numerator, cell.value, cell.suppressed) == ("x", None, None, True)

    def test_share_parts(self) -> None:
        """Each hidden part shows its mark; the percentage is left out."""
        assert make_cell(3, 35, "vi", hidden=("x", None)).text == "x/35"
        cell = make_cell(2, 3, "en", hidden=("x", "x"))
        assert (cell.text, cell.numerator, cell.denominator, cell.value) == (
            "x/x",
            None,
            None,
            None,
        )
        cell = make_cell(0, 3, "en", hidden=(None, "x"))
        assert (cell.text, cell.numerator, cell.denominator) == ("0/x", 0, None)

    def test_shown_unchanged(self) -> None:
        """Nothing hidden: the cell of an internal report."""
        assert make_cell(33, 35, "en") == make_cell(33, 35, "en", hidden=(None, None))
        assert not make_cell(33, 35, "en").suppressed


class TestSuppression:
    """The counts of a published report, worked out by hand (module docstring)."""

    def test_internal_report_hides_nothing(self, evaluation: Evaluation) -> None:
        """Without a threshold every count is shown."""
        view = build_view(evaluation, lang="en", plan=PLAN)
        texts = _texts(view, "subjects.monitored")
        assert [texts[u] for u in UNITS[:3]] == ["7 women", "2 women", "6 women"]
        assert view.suppress_below is None

    def test_units_and_total(self, evaluation: Evaluation) -> None:
        """2 is small; 6 is hidden so the total cannot give the 2 away.

        The four wards with no woman have no data: their count shows "—", not 0.
        """
        view = build_view(evaluation, lang="en", plan=PLAN, suppress_below=5)
        assert _texts(view, "subjects.monitored") == {
            "03386": "7 women",
            "03387": "x women",
            "03388": "x women",
            "03389": "—",
            "03403": "—",
            "03408": "—",
            "03409": "—",
            None: "15 women",
        }
        assert view.suppress_below == 5

    def test_breakdown(self, evaluation: Evaluation) -> None:
        """Thái 2 and Mường 3 are small; 15 - 10 = 5 leaves each 1 to 4: Kinh 10 goes."""
        view = build_view(evaluation, lang="en", plan=PLAN, suppress_below=5)
        (ethnicity,) = [
            b
            for b in _indicator(view, "subjects.monitored").breakdowns
            if b.dimension == "ethnicity"
        ]
        assert {r.category: r.cell.text for r in ethnicity.rows} == {
            "01": "x women",
            "03": "x women",
            "04": "x women",
        }

    def test_shares(self, evaluation: Evaluation) -> None:
        """Numerators and denominators are suppressed apart; a hidden part drops the %."""
        view = build_view(evaluation, lang="en", plan=PLAN, suppress_below=5)
        texts = _texts(view, "reports.on_time")
        assert (texts["03386"], texts["03387"], texts[None]) == (
            "x/x reports",
            "x/x reports",
            "8/9 reports, 88.9%",
        )
        assert texts["03388"] == "0/0 reports: no data"
        row = next(r for r in _indicator(view, "reports.on_time").rows if r.unit_code == "03387")
        assert (row.cell.numerator, row.cell.denominator, row.cell.value) == (None, None, None)
        # The status is still the plan's assessment: 2 of 3 on time is not 100%.
        assert row.status == "not_met"

    def test_higher_threshold(self, evaluation: Evaluation) -> None:
        """With k = 11, 7, 2 and 6 are all small: a + b + c = 15 leaves each 1 to 13.

        Thirteen values, 11 or more: the total 15 is shown.
        """
        view = build_view(evaluation, lang="en", plan=PLAN, suppress_below=11)
        texts = _texts(view, "subjects.monitored")
        assert [texts[u] for u in UNITS[:3]] == ["x women"] * 3
        assert texts[None] == "15 women"

    def test_small_total(self) -> None:
        """Three women in all: every non-zero count, the total too, is small: all x.

        03386 has no woman: no data, shown "—".
        """
        data = Dataset(subjects=_women()[7:10])  # 2 in 03387, 1 in 03388
        view = build_view(evaluate(PLAN, data, PERIOD), lang="en", suppress_below=5)
        texts = _texts(view, "subjects.monitored")
        assert (texts["03387"], texts["03388"], texts["03386"], texts[None]) == (
            "x women",
            "x women",
            "—",
            "x women",
        )

    def test_communes_and_agencies_reports_are_shown(self, evaluation: Evaluation) -> None:
        """``units.*`` and ``reporting.*`` count communes and reports, not people: shown.

        No model review in the data: each of the seven wards in scope is a denominator
        of 1 and a numerator of 0, shown "0/1: no data" (no review to look at), although
        1 is below k = 5; the whole area is 0/7.
        """
        view = build_view(evaluation, lang="en", plan=PLAN, suppress_below=5)
        texts = _texts(view, "units.model_maintained")
        assert [texts[u] for u in UNITS] == ["0/1 communes and wards: no data"] * 7
        assert texts[None] == "0/7 communes and wards: no data"

    def test_no_record_listed(self, evaluation: Evaluation) -> None:
        """The internal report lists the late report; the published one lists nothing."""
        internal = _indicator(build_view(evaluation, lang="en"), "reports.on_time")
        assert [f.record_id for f in internal.failing] == ["CR-08"]
        for indicator in build_view(evaluation, lang="en", suppress_below=5).indicators:
            assert (indicator.failing, indicator.failing_omitted) == ((), 0)

    def test_chart_shows_the_mark(self, evaluation: Evaluation) -> None:
        """A hidden share draws no bar and is labelled with its mark."""
        view = build_view(evaluation, lang="en", plan=PLAN, suppress_below=5)
        chart = _indicator(view, "reports.on_time").chart
        assert chart is not None
        bar = next(b for b in chart.bars if b.label == "Phường Tân Phong")
        assert (bar.text, bar.width, bar.has_data) == ("x/x reports", 0.0, False)

    @pytest.mark.parametrize("k", [1, 0, -5, True, 5.0, "5"])
    def test_bad_threshold(self, evaluation: Evaluation, k: object) -> None:
        """A threshold that is not a whole number 2 or more is refused, naming the field."""
        with pytest.raises(ValidationError, match="suppress_below"):
            render(evaluation, "md", suppress_below=k)  # type: ignore[arg-type]


class TestFormats:
    """Each format says the report is published, and carries no hidden number."""

    def test_markdown_and_html_say_so(self, evaluation: Evaluation) -> None:
        """The legend gives the threshold; the rows show the marks."""
        md = render(evaluation, "md", lang="en", plan=PLAN, suppress_below=5)
        assert (
            "> **Published report:** counts from 1 to 4, and the counts that could be used"
            " to work them out, are shown as “x”." in md
        )
        assert "| Phường Tân Phong | x women | — |" in md
        assert "<5" not in md
        assert "CR-08" not in md
        vi = render(evaluation, "html", lang="vi", plan=PLAN, suppress_below=5)
        assert (
            "<strong>Bản công bố:</strong> các số từ 1 đến 4, và các số có thể dùng để suy"
            " ra chúng, được ghi là “x”." in vi
        )
        assert "CR-08" not in vi
        assert "Bản công bố" not in render(evaluation, "html", lang="vi", plan=PLAN)

    def test_json(self, evaluation: Evaluation) -> None:
        """A hidden number is null, the cell marked suppressed; the threshold is given."""
        data = json.loads(render(evaluation, "json", lang="en", plan=PLAN, suppress_below=5))
        assert data["suppress_below"] == 5
        ind = next(i for i in data["indicators"] if i["id"] == "subjects.monitored")
        row = next(r for r in ind["rows"] if r["unit_code"] == "03387")
        assert row["cell"] == {
            "numerator": None,
            "denominator": None,
            "value": None,
            "text": "x women",
            "suppressed": True,
        }

    def test_csv(self, evaluation: Evaluation) -> None:
        """The numbers' columns are empty for a hidden part; the text holds the mark."""
        text = render(evaluation, "csv", lang="en", plan=PLAN, suppress_below=5)
        rows = list(csv.DictReader(io.StringIO(text)))
        row = next(r for r in rows if r["indicator"] == "reports.on_time" and r["unit"] == "03387")
        assert (row["numerator"], row["denominator"], row["value"], row["text"]) == (
            "",
            "",
            "",
            "x/x reports",
        )

    def test_quality_totals_only(self, tmp_path: Path) -> None:
        """A rejected record is counted, not described; the source is named, not its path.

        Nine reports and a rejected line are read; the totals stay, the counts by record
        type (which can be small: one rejected crime report) and the lines go.
        """
        folder = tmp_path / "nguoi-nhap-lieu" / "data"
        dump_dataset(Dataset(crime_reports=_reports()), folder, "jsonl")
        with (folder / "crime_reports.jsonl").open("a", encoding="utf-8") as lines:
            lines.write('{"id": "CR-BAD", "source": "nowhere"}\n')
        data, load_report = load_dataset(folder, plan=PLAN)
        result = evaluate(PLAN, data, PERIOD)
        internal = render(result, "md", lang="en", plan=PLAN, load_report=load_report)
        assert "CR-BAD" in internal
        published = render(
            result, "md", lang="en", plan=PLAN, load_report=load_report, suppress_below=5
        )
        assert "CR-BAD" not in published
        assert "nguoi-nhap-lieu" not in published
        assert "**Source:** `data` — Read 10, Accepted 9, Rejected 1" in published
        assert "A published report gives the totals only" in published
        assert "| Crime reports |" in internal
        assert "| Crime reports |" not in published
        data_json = json.loads(
            render(result, "json", plan=PLAN, load_report=load_report, suppress_below=5)
        )
        quality = data_json["quality"]
        assert (quality["load_rows"], quality["placements"], quality["withheld"]) == ([], [], True)
        assert quality["load_totals"] == [10, 9, 1]


class TestCsvInjection:
    """A text a spreadsheet would run as a formula is written after an apostrophe."""

    def test_formula_in_an_agency_name(self) -> None:
        """An agency named like a formula (a plan file is input too) cannot run."""
        agencies = tuple(
            attrs.evolve(a, name_en="=HYPERLINK(1)") if a.name_en == "City Police" else a
            for a in PLAN.agencies
        )
        plan = attrs.evolve(PLAN, agencies=agencies)  # type: ignore[arg-type] # attrs' stub
        result = evaluate(plan, Dataset(), PERIOD, indicators=["reporting.completeness"])
        rows = list(csv.DictReader(io.StringIO(render(result, "csv", lang="en", plan=plan))))
        labels = [r["category_label"] for r in rows if r["dimension"] == "agency"]
        assert "'=HYPERLINK(1)" in labels
        assert not any(label.startswith(("=", "+", "-", "@")) for r in rows for label in r.values())


class TestCommand:
    """``threeno report --publish``."""

    @pytest.fixture
    def data(self, tmp_path: Path) -> Path:
        """The women and reports above as a folder of JSON Lines."""
        folder = tmp_path / "data"
        dump_dataset(Dataset(subjects=_women(), crime_reports=_reports()), folder, "jsonl")
        return folder

    def test_publish(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--publish uses k = 5; --suppress-below sets another."""
        argv = ["report", "--data", str(data), "--period", "2024-H1", "--lang", "en"]
        assert cli.main([*argv, "--publish"]) == cli.EXIT_OK
        out = capsys.readouterr().out
        assert "| Phường Tân Phong | x women | — |" in out
        assert "| Phường Quyết Tiến | x women | — |" in out
        assert "| Phường Quyết Thắng | 7 women | — |" in out
        assert cli.main([*argv, "--publish", "--suppress-below", "11"]) == cli.EXIT_OK
        assert "| Phường Quyết Thắng | x women | — |" in capsys.readouterr().out

    def test_usage_errors(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A threshold without --publish, or below 2, is a usage error (exit 2)."""
        argv = ["report", "--data", str(data)]
        assert cli.main([*argv, "--suppress-below", "11", "--lang", "en"]) == cli.EXIT_USAGE
        assert "add --publish" in capsys.readouterr().err
        assert cli.main([*argv, "--suppress-below", "11"]) == cli.EXIT_USAGE
        assert "thêm --publish" in capsys.readouterr().err
        with pytest.raises(SystemExit) as exit_:  # argparse refuses it itself
            cli.main([*argv, "--publish", "--suppress-below", "1"])
        assert exit_.value.code == cli.EXIT_USAGE
        assert "2 or more, not '1'" in capsys.readouterr().err

    def test_out_never_over_the_data(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--out naming a file of the data is refused before anything is written."""
        target = data / "subjects.jsonl"
        before = target.read_bytes()
        argv = ["report", "--data", str(data), "--out", str(target)]
        assert cli.main(argv) == cli.EXIT_DATA  # in the report's language (vi by default)
        assert "nằm trong thư mục đầu vào" in capsys.readouterr().err
        assert cli.main([*argv, "--lang", "en"]) == cli.EXIT_DATA
        assert "is inside the input folder" in capsys.readouterr().err
        assert target.read_bytes() == before


def _cells(view: ReportView) -> Iterator[tuple[str, Cell]]:
    """Every cell of every table, named by where it is (the same order in any view).

    Those of the indicators that count communes and agencies' reports, not people, are
    left out: a published report shows them as they are (``NOT_ABOUT_PEOPLE``).
    """
    for ind in view.indicators:
        if ind.id in NOT_ABOUT_PEOPLE:
            continue
        for row in ind.rows:
            yield f"{ind.id} {row.unit_code}", row.cell
        for label, cell in ind.figures:
            yield f"{ind.id} {label}", cell
        for breakdown in ind.breakdowns:
            for cat in breakdown.rows:
                yield f"{ind.id} {breakdown.dimension}={cat.category}", cat.cell
                for label, cell in cat.figures:
                    yield f"{ind.id} {breakdown.dimension}={cat.category} {label}", cell


class TestProperties:
    """On any consistent dataset, a published report shows no small count."""

    @given(data=datasets(PLAN, PERIOD, max_size=25), k=st.integers(min_value=2, max_value=11))
    def test_no_small_count_shown(self, data: Dataset, k: int) -> None:
        """Every number a published report shows is 0 or k or more; a hidden one is not there.

        And the hidden part of a group cannot be worked out from its total: where the
        whole area's count is shown, the m units hidden beside it hold s together, and a
        reader can put any one of them anywhere from 1 to s - (m - 1): that is k values
        or more, s - m >= k - 1. (tests/privacy/test_attack.py checks every relation.)
        """
        result = evaluate(PLAN, data, PERIOD)
        internal = build_view(result, lang="en")
        published = build_view(result, lang="en", suppress_below=k)
        for (where, full), (same, shown) in zip(_cells(internal), _cells(published), strict=True):
            assert where == same
            for number in (shown.numerator, shown.denominator):
                assert number is None or not 0 < number < k, (where, shown)
            if shown.suppressed:
                # Each hidden part is written as its mark, never as its number.
                assert shown.value is None
                parts = shown.text.split(" ")[0].split("/")  # without the unit
                hidden_parts = (shown.numerator is None, shown.denominator is None)
                for part, is_hidden in zip(parts, hidden_parts, strict=False):
                    assert not is_hidden or part == "x", (where, shown)
                assert any(hidden_parts), (where, shown)
            else:
                assert shown == full
        for ind_full, ind_shown in zip(internal.indicators, published.indicators, strict=True):
            assert ind_shown.failing == ()
            if ind_full.id in NOT_ABOUT_PEOPLE:
                continue
            *units_full, _ = ind_full.rows
            *units_shown, total_shown = ind_shown.rows
            if not units_full or total_shown.cell.numerator is None:
                continue
            hidden = [
                full.cell.numerator or 0
                for full, shown in zip(units_full, units_shown, strict=True)
                if shown.cell.numerator is None
            ]
            assert not hidden or sum(hidden) - len(hidden) >= k - 1, (ind_full.id, hidden)
