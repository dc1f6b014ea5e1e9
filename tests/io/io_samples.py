"""Hand-written synthetic records in their JSON form, and writers of files to load.

Shared by the tests of ``threeno.io`` (``from tests.io.io_samples import ...``); a test that
changes the records works on a deep copy (the ``records`` fixture of ``conftest.py``).

Every value is made up: pseudonymous ids, the unit codes of Lai Châu city, a fake name.
The records are consistent with each other (the report names the case, the case lists
the report, every subject id is a subject), so a load of them all has no problem.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

#: Records in JSON form, by record type.
Records = dict[str, list[dict[str, Any]]]

#: One valid record of every type, in JSON form.
RECORDS: Records = {
    "subjects": [
        {
            "id": "S-1",
            "sex": "female",
            "birth_year": 1998,
            "ethnicity": "08",
            "unit_code": "03386",
            "registered_on": "2024-01-10",
            "categories": [{"category": "returned_victim", "since": "2024-01-10"}],
            "full_name": "Giàng Thị Thử",
        }
    ],
    "crime_reports": [
        {
            "id": "CR-1",
            "source": "to_giac",
            "offence_article": 150,
            "unit_code": "03386",
            "received_on": "2024-01-25",
            "receiving_agency": "cong-an-tp",
            "decision": "khoi_to",
            "decided_on": "2024-02-05",
            "case_id": "CC-1",
            "victim_ids": ["S-1"],
        }
    ],
    "criminal_cases": [
        {
            "id": "CC-1",
            "offence_article": 150,
            "unit_code": "03386",
            "opened_on": "2024-02-05",
            "report_ids": ["CR-1"],
            "defendants": 2,
            "victim_ids": ["S-1"],
        }
    ],
    "support_actions": [
        {
            "id": "SA-1",
            "subject_id": "S-1",
            "kind": "psychological",
            "provider_agency": "hoi-phu-nu-tp",
            "unit_code": "03386",
            "delivered_on": "2024-02-01",
        }
    ],
    "outreach_events": [
        {
            "id": "OE-1",
            "held_on": "2024-03-08",
            "unit_code": "03387",
            "agency": "hoi-phu-nu-tp",
            "channel": "face_to_face",
            "participants": 40,
            "reached_subject_ids": ["S-1"],
            "language": "hmn",
            "topics": ["khong_1", "co_2"],
        }
    ],
    "model_reviews": [
        {
            "id": "MR-1",
            "unit_code": "03386",
            "held_on": "2024-06-20",
            "kind": "so_ket",
            "maintained": True,
        }
    ],
    "report_submissions": [
        {"id": "RS-1", "agency": "hoi-phu-nu-tp", "period": "2024-H1", "submitted_on": "2024-06-16"}
    ],
    "safety_assessments": [
        {
            "id": "SF-1",
            "unit_code": "03386",
            "scope": "xa_phuong",
            "year": 2024,
            "assessed_on": "2024-12-01",
            "meets_standard": False,
            "criteria_failed": ["2"],
        }
    ],
}


def write_jsonl(folder: Path, name: str, lines: Sequence[object]) -> Path:
    """Write ``lines`` (records, or raw text lines) as ``folder/name.jsonl``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jsonl"
    text = "".join(
        (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
        for line in lines
    )
    path.write_text(text, encoding="utf-8")
    return path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` exactly (no newline translation), making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path
