"""A loaded dataset holds each repeated value once: ids, codes, numbers, nested values.

What ``docs/performance.md`` ("Memory per record") promises of ``load_dataset``: a record's
id and every reference to it are one string; equal whole numbers, category spans and
tuples of codes read from different records are one object. Sharing is never seen
otherwise: the records equal those made directly from the same values.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import cattrs
import pytest

from threeno.io.converter import field_problems, shared_converter
from threeno.io.datasets import iter_records, load_dataset
from threeno.model import _sharing
from threeno.model.activities import OutreachEvent
from threeno.model.crime import CrimeReport
from threeno.model.enums import (
    Channel,
    Decision,
    Ethnicity,
    ReportSource,
    Sex,
    SloganItem,
    SubjectCategory,
)
from threeno.model.subjects import CategorySpan, Subject

if TYPE_CHECKING:
    from pathlib import Path


def _subject(number: int) -> dict[str, Any]:
    # Two subjects with the same birth year, registration day and category span.
    return {
        "id": f"S-{number:06d}",
        "sex": "female",
        "birth_year": 1994,
        "ethnicity": "01",
        "unit_code": "03386",
        "registered_on": "2023-07-15",
        "categories": [{"category": "unemployed", "since": "2023-07-15"}],
    }


def _event(number: int) -> dict[str, Any]:
    return {
        "id": f"OE-{number:06d}",
        "held_on": "2023-12-20",
        "unit_code": "03386",
        "agency": "cong-an-xa-phuong",
        "channel": "face_to_face",
        "participants": 382,
        "reached_subject_ids": ["S-000001", "S-000002"],
        "language": "vi",
        "topics": ["khong_2"],
    }


REPORT: dict[str, Any] = {
    "id": "CR-00001",
    "source": "tin_bao",
    "offence_article": 150,
    "unit_code": "03386",
    "received_on": "2024-06-24",
    "receiving_agency": "cong-an-tp",
    "decision": "khong_khoi_to",
    "decided_on": "2024-06-30",
    "victim_ids": ["S-000001"],
}


def _write(folder: Path, name: str, records: list[dict[str, Any]]) -> None:
    # Each record written by json.dumps: every text and number is a new object when read.
    lines = (json.dumps(r) + "\n" for r in records)
    (folder / f"{name}.jsonl").write_text("".join(lines), encoding="utf-8")


def test_repeated_values_are_one_object(tmp_path: Path) -> None:
    """Ids and references, numbers above 256, spans and tuples of codes are shared.

    Two subjects (S-000001, S-000002) born 1994, registered 2023-07-15, each with the
    span (unemployed since 2023-07-15); two events reaching both, 382 participants each,
    topics (khong_2,); one report naming S-000001 as its victim.
    """
    _write(tmp_path, "subjects", [_subject(1), _subject(2)])
    _write(tmp_path, "outreach_events", [_event(1), _event(2)])
    _write(tmp_path, "crime_reports", [REPORT])
    dataset, report = load_dataset(tmp_path)
    assert report.ok, report
    first, second = dataset.subjects
    one, two = dataset.outreach_events
    (crime,) = dataset.crime_reports
    # ids and references: one string each
    assert one.reached_subject_ids[0] is first.id
    assert two.reached_subject_ids[0] is first.id
    assert two.reached_subject_ids[1] is second.id
    assert crime.victim_ids[0] is first.id
    # whole numbers above 256 (Python shares the smaller itself), dates, codes
    assert first.birth_year is second.birth_year
    assert one.participants is two.participants
    assert first.registered_on is second.registered_on
    assert first.unit_code is second.unit_code is one.unit_code
    # nested values and tuples of them, tuples of codes
    assert first.categories is second.categories
    assert one.topics is two.topics


def test_a_reference_read_far_from_its_id_is_shared(tmp_path: Path) -> None:
    """A load shares a reference with its id however many ids are read in between.

    BOUND + 10 subjects (S-000001 ..), then an event reaching S-000001 and the last one:
    in a stream the table of texts would have been emptied since S-000001 was read
    (it holds BOUND entries), but a load keeps it whole, so the event's references are
    the subjects' own strings. After the load the tables are empty again.
    """
    count = _sharing.BOUND + 10
    _write(tmp_path, "subjects", [_subject(n) for n in range(1, count + 1)])
    _write(
        tmp_path,
        "outreach_events",
        [{**_event(1), "reached_subject_ids": ["S-000001", f"S-{count:06d}"]}],
    )
    dataset, report = load_dataset(tmp_path)
    assert report.ok, report
    (event,) = dataset.outreach_events
    assert event.reached_subject_ids[0] is dataset.subjects[0].id
    assert event.reached_subject_ids[1] is dataset.subjects[-1].id
    assert (len(_sharing.TEXTS), len(_sharing.DATES), len(_sharing.VALUES)) == (0, 0, 0)


def test_a_stream_shares_no_id(tmp_path: Path) -> None:
    """Streamed, 100 subjects and their ids leave no id in the table of texts.

    Ids are shared only while a load keeps its records (``keeping_all``): in a stream each
    is read once and dropped with its record. The table holds the codes read (the unit
    code "03386" and the ethnicity "01"), never one of the 100 ids; after a load the
    tables are empty.
    """
    _sharing.TEXTS.clear()
    _write(tmp_path, "subjects", [_subject(n) for n in range(1, 101)])
    with iter_records(tmp_path / "subjects.jsonl", "subjects") as records:
        ids = [subject.id for subject in records]
    assert len(ids) == 100
    assert not any(_sharing.TEXTS.get(one) for one in ids)


def test_a_stream_empties_a_full_table() -> None:
    """Outside a load, a table holds at most BOUND values: the next one empties it first.

    BOUND + 1 distinct texts shared one after the other: after the BOUND-th the table
    is full, so the last one finds it full, empties it and is its only entry.
    """
    _sharing.TEXTS.clear()
    for n in range(_sharing.BOUND + 1):
        _sharing.share_text(f"T-{n}")
    assert len(_sharing.TEXTS) == 1
    again = "".join(["T-", str(_sharing.BOUND)])  # equal, another object
    assert _sharing.share_text(again) is not again


def test_shared_values_equal_values_made_directly(tmp_path: Path) -> None:
    """Sharing changes no value: each record equals the one made from the same values."""
    _write(tmp_path, "subjects", [_subject(1), _subject(2)])
    _write(tmp_path, "outreach_events", [_event(1)])
    _write(tmp_path, "crime_reports", [REPORT])
    dataset, _ = load_dataset(tmp_path)
    span = CategorySpan(category=SubjectCategory.UNEMPLOYED, since=dt.date(2023, 7, 15))
    made = Subject(
        id="S-000002",
        sex=Sex.FEMALE,
        birth_year=1994,
        ethnicity=Ethnicity.KINH,
        unit_code="03386",
        registered_on=dt.date(2023, 7, 15),
        categories=(span,),
    )
    assert dataset.subjects[1] == made
    event = OutreachEvent(
        id="OE-000001",
        held_on=dt.date(2023, 12, 20),
        unit_code="03386",
        agency="cong-an-xa-phuong",
        channel=Channel.FACE_TO_FACE,
        participants=382,
        reached_subject_ids=("S-000001", "S-000002"),
        topics=(SloganItem.KHONG_2,),
    )
    assert dataset.outreach_events == (event,)
    crime = CrimeReport(
        id="CR-00001",
        source=ReportSource.TIN_BAO,
        offence_article=150,
        unit_code="03386",
        received_on=dt.date(2024, 6, 24),
        receiving_agency="cong-an-tp",
        decision=Decision.KHONG_KHOI_TO,
        decided_on=dt.date(2024, 6, 30),
        victim_ids=("S-000001",),
    )
    assert dataset.crime_reports == (crime,)


def test_a_bad_value_is_still_refused() -> None:
    """A shared number is still checked: one beyond 2^53 − 1 is refused, naming its field."""
    raw = {**_subject(1), "birth_year": 2**53}
    with pytest.raises(cattrs.ClassValidationError) as caught:
        shared_converter().structure(raw, Subject)
    assert [path for path, _ in field_problems(caught.value)] == ["birth_year"]
