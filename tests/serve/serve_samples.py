"""Requests and checks shared by the service's tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from threeno.messages import TEMPLATES, Notice

if TYPE_CHECKING:
    from tests.serve.live_server import Answer

REPORT = {
    "id": "CR-0017",
    "source": "to_giac",
    "offence_article": 150,
    "unit_code": "03386",
    "received_on": "2024-01-25",
    "receiving_agency": "cong-an-tp",
}
ONE_REPORT = {"schema": "threeno/1", "crime_reports": [REPORT]}
TWO_REPORTS = {"schema": "threeno/1", "crime_reports": [REPORT, {**REPORT, "id": "CR-0018"}]}
EMPTY = {"schema": "threeno/1"}


def check_error(answer: Answer, status: int, code: str, lang: str) -> dict[str, Any]:
    """A coded error: status, code, its wording in ``lang``, the Error schema, the language."""
    assert answer.status == status, answer.body[:500]
    assert answer.headers["content-type"] == "application/json"
    error: dict[str, Any] = answer.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert code in TEMPLATES
    params = {
        key: tuple(Notice(v["code"], v["params"]) for v in value)
        if isinstance(value, list)
        else Notice(value["code"], value["params"])
        if isinstance(value, dict)
        else value
        for key, value in error["params"].items()
    }
    assert error["message"] == Notice(code, params).text(lang)  # type: ignore[arg-type]
    assert answer.headers["content-language"] == lang
    assert "Traceback" not in answer.text
    return error
