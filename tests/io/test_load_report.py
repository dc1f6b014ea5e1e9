"""The load report: counts that add up, rejections that say where and why, a summary."""

from __future__ import annotations

import pytest

from threeno.errors import DatasetError, ValidationError
from threeno.io.report import (
    SHOWN,
    FieldProblem,
    LoadReport,
    LoadReportError,
    Rejection,
    TypeCounts,
)
from threeno.messages import Notice
from threeno.model.dataset import RECORD_TYPES, Problem


def rejection(
    *,
    file: str | None = "crime_reports.jsonl",
    line: int | None = 18,
    record_id: str | None = "CR-0017",
    problems: tuple[FieldProblem, ...] = (
        FieldProblem(field="decided_on", message="2024-01-01 is before received_on 2024-01-05"),
    ),
) -> Rejection:
    """A rejection of the 18th crime report, on line 18 of its file unless told otherwise."""
    return Rejection(
        record_type="crime_reports",
        file=file,
        line=line,
        index=17,
        record_id=record_id,
        problems=problems,
    )


class TestFieldProblem:
    """A field's path and what is wrong with it."""

    def test_str_with_and_without_a_field(self) -> None:
        """``field: message``; the message alone for the record as a whole."""
        assert str(FieldProblem(field="sex", message="unknown")) == "sex: unknown"
        assert str(FieldProblem(field="", message="not valid JSON")) == "not valid JSON"


class TestRejection:
    """A rejected record: its place, its id, every problem."""

    def test_line_of_a_file(self) -> None:
        """A file of lines gives the file, the line and the id."""
        expected = (
            "crime_reports.jsonl, line 18, id 'CR-0017': decided_on: 2024-01-01 is before"
            " received_on 2024-01-05"
        )
        assert expected == str(rejection())

    def test_position_in_a_document(self) -> None:
        """A JSON document gives the file and the record's path; no id if none was read."""
        r = rejection(file="data.json", line=None, record_id=None)
        assert r.path == "crime_reports[17]"
        assert r.location == "data.json, crime_reports[17]"

    def test_in_memory(self) -> None:
        """Records given in memory have no file: the path alone."""
        assert rejection(file=None, line=None).location == "crime_reports[17], id 'CR-0017'"

    def test_one_line_per_problem(self) -> None:
        """Two problems give two lines, each with the location."""
        r = rejection(
            problems=(
                FieldProblem(field="sex", message="required key missing"),
                FieldProblem(field="nickname", message="unknown key"),
            )
        )
        assert str(r).splitlines() == [
            "crime_reports.jsonl, line 18, id 'CR-0017': sex: required key missing",
            "crime_reports.jsonl, line 18, id 'CR-0017': nickname: unknown key",
        ]


class TestTypeCounts:
    """Read = accepted + rejected, or the counts are refused."""

    def test_counts_that_add_up(self) -> None:
        """5 read, 4 accepted, 1 rejected is consistent."""
        counts = TypeCounts(read=5, accepted=4, rejected=1)
        assert (counts.read, counts.accepted, counts.rejected) == (5, 4, 1)

    def test_counts_that_do_not_add_up_are_refused(self) -> None:
        """4 + 0 is not 5: a record would be unaccounted for."""
        with pytest.raises(ValidationError) as excinfo:
            TypeCounts(read=5, accepted=4, rejected=0)
        assert str(excinfo.value) == "TypeCounts.read: 4 accepted + 0 rejected is not the 5 read"


class TestLoadReport:
    """Totals, ``ok``, and the summary a clerk reads."""

    def test_every_type_has_counts(self) -> None:
        """A report names every record type, with zeros where nothing was read."""
        report = LoadReport(source="x", counts={"subjects": TypeCounts(read=2, accepted=2)})
        assert list(RECORD_TYPES) == list(report.counts)
        assert TypeCounts() == report.counts["crime_reports"]
        assert (report.read, report.accepted, report.rejected) == (2, 2, 0)

    def test_ok_only_without_rejections_and_problems(self) -> None:
        """Notes do not make a report not ok; a rejection or a problem does."""
        problem = Problem(
            record_type="support_actions", record_id="SA-1", field="subject_id", message="x"
        )
        assert LoadReport(source="x", notes=("no file",)).ok
        assert not LoadReport(source="x", rejections=(rejection(),)).ok
        assert not LoadReport(source="x", problems=(problem,)).ok

    def test_summary(self) -> None:
        """Totals, the table of the types read, then rejections, problems and notes."""
        report = LoadReport(
            source="records",
            counts={
                "subjects": TypeCounts(read=3, accepted=3),
                "crime_reports": TypeCounts(read=18, accepted=17, rejected=1),
            },
            rejections=(rejection(),),
            problems=(
                Problem(
                    record_type="support_actions",
                    record_id="SA-1",
                    field="subject_id",
                    message="unknown subject 'S-9'",
                ),
            ),
            notes=("no file model_reviews.jsonl: no model_reviews",),
        )
        # 3 + 18 = 21 read; 3 + 17 = 20 accepted; 1 rejected.
        expected = (
            "records: 21 records read, 20 accepted, 1 rejected; 1 problem between records\n"
            "  record type    read  accepted  rejected\n"
            "  subjects          3         3         0\n"
            "  crime_reports    18        17         1\n"
            "rejected:\n"
            "  crime_reports.jsonl, line 18, id 'CR-0017': decided_on: 2024-01-01 is before"
            " received_on 2024-01-05\n"
            "problems between records:\n"
            "  support_actions[SA-1].subject_id: unknown subject 'S-9'\n"
            "notes:\n"
            "  no file model_reviews.jsonl: no model_reviews"
        )
        assert expected == str(report)

    def test_summary_of_nothing(self) -> None:
        """An empty load says so in one line."""
        expected = "x: 0 records read, 0 accepted, 0 rejected; 0 problems between records"
        assert expected == str(LoadReport(source="x"))

    def test_long_lists_are_cut(self) -> None:
        """Past :data:`SHOWN` lines, the summary says how many more there are."""
        notes = tuple(f"note {i}" for i in range(SHOWN + 3))
        lines = str(LoadReport(source="x", notes=notes)).splitlines()
        assert lines[-1] == "  ... and 3 more"
        assert len(lines) == 1 + 1 + SHOWN + 1


class TestPickle:
    """A load report travels between processes with its evaluation."""

    def test_round_trip(self) -> None:
        """Counts, a rejection, 3 unlisted rejections and a note, pickled and read back.

        2 crime reports read, 1 accepted and 1 rejected (listed), and 3 rejections of
        subjects counted but not listed (``not_listed`` = 3): the copy equals the report
        and says the same in both languages.
        """
        import pickle  # noqa: PLC0415 - this test only

        report = LoadReport(
            source="du-lieu",
            counts={
                "crime_reports": TypeCounts(read=2, accepted=1, rejected=1),
                "subjects": TypeCounts(read=3, accepted=0, rejected=3),
            },
            rejections=(rejection(),),
            unlisted={"missing_field": 3},
            notes=(Notice("units_not_checked", {}),),
        )
        copy = pickle.loads(pickle.dumps(report))  # noqa: S301 - our own bytes
        assert copy == report
        assert copy.not_listed == 3
        assert [copy.text(lang) for lang in ("vi", "en")] == [
            report.text(lang) for lang in ("vi", "en")
        ]


class TestLoadReportError:
    """A strict load's error carries the whole report."""

    def test_is_a_dataset_error_with_the_report(self) -> None:
        """It is a DatasetError; its message is the summary; ``report`` is the report."""
        report = LoadReport(source="x", rejections=(rejection(),))
        error = LoadReportError(report)
        assert isinstance(error, DatasetError)
        assert error.report is report
        assert str(report) == str(error)
