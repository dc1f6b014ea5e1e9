"""Every bad request is answered with its status and the library's coded message.

Each case below is sent to a real server twice, with ``Accept-Language: en`` and
without (Vietnamese, the default): the answer's status and code are the ones expected,
its message is the wording of :data:`threeno.messages.TEMPLATES` for that code and those
params in that language, and it is never a 500 nor a traceback. Library errors keep the
library's codes (``unknown_schema``, ``document_not_object``...).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]  # no stubs

from tests.serve.serve_samples import EMPTY, ONE_REPORT, REPORT, TWO_REPORTS, check_error
from threeno.messages import TEMPLATES, Notice
from threeno.testing.synthetic import demo_path

if TYPE_CHECKING:
    from tests.serve.live_server import Answer, Server


@attrs.frozen(kw_only=True)
class Case:
    """A bad request and the answer expected."""

    name: str
    path: str
    status: int
    code: str
    method: str = "POST"
    body: bytes | None = None
    headers: dict[str, str] = attrs.field(factory=dict)

    @classmethod
    def post(cls, name: str, path: str, body: object, status: int, code: str) -> Case:
        """A POST of JSON."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        return cls(name=name, path=path, status=status, code=code, body=data, headers=headers)

    @classmethod
    def get(cls, name: str, path: str, status: int, code: str) -> Case:
        """A GET."""
        return cls(name=name, path=path, status=status, code=code, method="GET")


CASES = [
    # The route and the method.
    Case.get("no route", "/v1/nothing", 404, "service_no_route"),
    Case.get("no version", "/evaluate", 404, "service_no_route"),
    Case(
        name="wrong method",
        method="DELETE",
        path="/v1/plans",
        status=405,
        code="service_method_not_allowed",
    ),
    Case.get("GET on a POST endpoint", "/v1/evaluate", 405, "service_method_not_allowed"),
    Case(
        name="OPTIONS, no preflight",
        method="OPTIONS",
        path="/v1/plans",
        status=405,
        code="service_method_not_allowed",
    ),
    # Parameters.
    Case.get("unknown parameter", "/v1/plans?plna=x", 400, "service_parameter_unknown"),
    Case.post(
        "a misspelt setting",
        "/v1/evaluate?count_reciept_day=true",
        EMPTY,
        400,
        "service_parameter_unknown",
    ),
    Case.post(
        "repeated",
        "/v1/evaluate?period=2024&period=2024-H1",
        EMPTY,
        400,
        "service_parameter_repeated",
    ),
    Case.post(
        "not a boolean", "/v1/evaluate?crosswalk=yes", EMPTY, 400, "service_parameter_not_boolean"
    ),
    Case.post(
        "days over 366", "/v1/evaluate?days_allowed=400", EMPTY, 400, "service_parameter_not_days"
    ),
    Case.post(
        "days negative", "/v1/evaluate?days_allowed=-1", EMPTY, 400, "service_parameter_not_days"
    ),
    Case.post(
        "day off not a date",
        "/v1/evaluate?day_off=25/03/2024",
        EMPTY,
        400,
        "service_parameter_not_date",
    ),
    Case.post(
        "day off that does not exist",
        "/v1/evaluate?day_off=2024-02-30",
        EMPTY,
        400,
        "service_parameter_not_date",
    ),
    Case.post(
        "as_of not a date",
        "/v1/time-limit?as_of=tomorrow",
        ONE_REPORT,
        400,
        "service_parameter_not_date",
    ),
    Case.post(
        "threshold 1",
        "/v1/report?publish=true&suppress_below=1",
        EMPTY,
        400,
        "service_parameter_not_threshold",
    ),
    Case.post(
        "unknown format", "/v1/report?format=pdf", EMPTY, 400, "service_parameter_not_choice"
    ),
    Case.post(
        "unknown explain", "/v1/evaluate?explain=some", EMPTY, 400, "service_parameter_not_choice"
    ),
    Case.get("unknown language", "/v1/plans?lang=fr", 400, "service_parameter_not_choice"),
    Case.post("unknown plan", "/v1/evaluate?plan=ha-noi", EMPTY, 400, "service_unknown_plan"),
    Case.post(
        "a plan's path", "/v1/evaluate?plan=/etc/passwd.toml", EMPTY, 400, "service_unknown_plan"
    ),
    Case.get("unknown plan by path", "/v1/plans/ha-noi", 404, "service_unknown_plan"),
    Case.post(
        "unknown period", "/v1/evaluate?period=2024-H3", EMPTY, 400, "service_unknown_period"
    ),
    Case.post(
        "unknown indicator",
        "/v1/evaluate?indicator=women.reached",
        EMPTY,
        400,
        "service_unknown_indicator",
    ),
    Case.post(
        "unknown indicator by path",
        "/v1/explain/women.reached",
        EMPTY,
        404,
        "service_unknown_indicator",
    ),
    Case.post(
        "unit not the plan's",
        "/v1/evaluate?period=2024&unit=03388&unit=99999",
        EMPTY,
        400,
        "service_unit_not_in_plan",
    ),
    Case.post(
        "unit of a plan",
        "/v1/explain/reports.on_time?plan=doan-ket-tan-phong-2026&period=2026&unit=03386",
        EMPTY,
        400,
        "service_unit_not_in_plan",
    ),
    Case.post(
        "by agency, with a unit",
        "/v1/explain/reporting.timeliness?unit=03386",
        EMPTY,
        400,
        "service_indicator_by_agency",
    ),
    Case.post(
        "threshold without publish",
        "/v1/report?suppress_below=11",
        EMPTY,
        400,
        "service_suppress_without_publish",
    ),
    Case.post(
        "threshold, publish false",
        "/v1/report?suppress_below=11&publish=false",
        EMPTY,
        400,
        "service_suppress_without_publish",
    ),
    Case.get("unknown schema", "/v1/schema/crime_report", 404, "service_unknown_schema"),
    # The body, as bytes.
    Case(
        name="no content type",
        path="/v1/validate",
        status=415,
        code="service_not_json_type",
        body=b"{}",
    ),
    Case(
        name="a form",
        path="/v1/validate",
        status=415,
        code="service_not_json_type",
        body=b"a=1",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ),
    Case.post("empty", "/v1/validate", b"", 400, "service_body_empty"),
    Case.post("blank", "/v1/validate", b" \r\n\t", 400, "service_body_empty"),
    Case.post(
        "not UTF-8",
        "/v1/validate",
        b'{"schema": "threeno/1", "x": "\xe9"}',
        400,
        "service_body_not_utf8",
    ),
    Case.post("not JSON", "/v1/validate", b'{"schema": "threeno/1",', 400, "service_body_not_json"),
    Case.post(
        "JSON with a comment",
        "/v1/validate",
        b'{"schema": "threeno/1"} // x',
        400,
        "service_body_not_json",
    ),
    Case.post(
        "a key twice",
        "/v1/validate",
        b'{"schema": "threeno/1", "schema": "threeno/1"}',
        400,
        "service_body_duplicate_key",
    ),
    Case.post(
        "NaN",
        "/v1/validate",
        b'{"schema": "threeno/1", "x": NaN}',
        400,
        "service_body_json_constant",
    ),
    Case.post(
        "a number of 5,000 digits",
        "/v1/validate",
        b'{"schema": "threeno/1", "x": ' + b"9" * 5000 + b"}",
        400,
        "service_body_number_too_long",
    ),
    Case.post("too deep", "/v1/validate", b"[" * 40 + b"]" * 40, 400, "service_body_too_deep"),
    Case.post(
        "far too deep",
        "/v1/validate",
        b"[" * 100_000 + b"]" * 100_000,
        400,
        "service_body_too_deep",
    ),
    # The body is JSON, not a dataset: the library's codes.
    Case.post("an array", "/v1/validate", [REPORT], 422, "document_not_object"),
    # A string is a path to load_dataset: never handed to it, the server's files unread.
    Case.post("a path", "/v1/validate", str(demo_path()), 422, "document_not_object"),
    Case.post("a string", "/v1/evaluate", "threeno/1", 422, "document_not_object"),
    Case.post("no schema", "/v1/validate", {"crime_reports": []}, 422, "no_schema"),
    Case.post("another schema", "/v1/report", {"schema": "threeno/2"}, 422, "unknown_schema"),
    Case.post(
        "an unknown key",
        "/v1/evaluate",
        {"schema": "threeno/1", "crime_report": []},
        422,
        "unknown_document_keys",
    ),
    Case.post(
        "records by id",
        "/v1/explain/reports.on_time",
        {"schema": "threeno/1", "crime_reports": {"CR-1": REPORT}},
        422,
        "records_not_list",
    ),
    # A time limit asked of a document without the one report.
    Case.post("no crime report", "/v1/time-limit", EMPTY, 422, "service_no_crime_report"),
    Case.post(
        "two crime reports", "/v1/time-limit", TWO_REPORTS, 422, "service_several_crime_reports"
    ),
    Case.post(
        "no such report",
        "/v1/time-limit?report_id=CR-9",
        TWO_REPORTS,
        422,
        "service_crime_report_not_found",
    ),
    Case.post(
        "the report rejected",
        "/v1/time-limit",
        {"schema": "threeno/1", "crime_reports": [{**REPORT, "received_on": "25/01/2024"}]},
        422,
        "service_crime_report_rejected",
    ),
    Case.post(
        "the report asked, rejected",
        "/v1/time-limit?report_id=CR-0018",
        {
            "schema": "threeno/1",
            "crime_reports": [REPORT, {**REPORT, "id": "CR-0018", "source": "x"}],
        },
        422,
        "service_crime_report_rejected",
    ),
    Case.post(
        "as_of before receipt",
        "/v1/time-limit?as_of=2024-01-24",
        ONE_REPORT,
        422,
        "service_as_of_before_receipt",
    ),
]


def conforms_to_error(openapi: dict[str, Any], answer: Answer) -> None:
    """The answer is the OpenAPI document's Error."""
    schema = {"$ref": "#/components/schemas/Error", "components": openapi["components"]}
    Draft202012Validator(schema).validate(answer.json())


@pytest.fixture(scope="module")
def openapi(server: Server) -> dict[str, Any]:
    """The server's OpenAPI document."""
    document: dict[str, Any] = server.get("/v1/openapi.json").json()
    return document


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_request(server: Server, openapi: dict[str, Any], case: Case) -> None:
    """The status and code expected, the message in Vietnamese by default and in English."""
    for lang, extra in (("vi", {}), ("en", {"Accept-Language": "en-GB,en;q=0.9"})):
        answer = server.request(case.method, case.path, case.body, {**case.headers, **extra})
        check_error(answer, case.status, case.code, lang)
        conforms_to_error(openapi, answer)
        documented = openapi["paths"].get(case.path.split("?")[0], {}).get(case.method.lower())
        if documented is not None:  # a route that exists documents its errors' statuses
            assert str(case.status) in documented["responses"], case.path


def test_the_cases_cover_every_service_code() -> None:
    """Every code of "the service" that a request can cause is among the cases (or elsewhere)."""
    tested = {c.code for c in CASES}
    elsewhere = {  # tests/serve/test_serve_limits.py, test_serve_security.py, the command
        "service_body_too_large",
        "service_too_many_records",
        "service_body_timeout",
        "service_body_incomplete",
        "service_timeout",
        "service_busy",
        "service_token_missing",
        "service_token_invalid",
        "service_cors_not_allowed",
        "service_internal_error",
        "service_uncoded_error",
        "service_records_rejected",
        "service_records_left_out",
        "service_records_left_out_allowed",
        "service_not_installed",
        "service_token_file_unreadable",
        "service_token_file_empty",
        "service_token_file_line",
        "service_token_too_short",
        "service_seconds_not_positive",
        "service_plan_id_taken",
    }
    service = {code for code in TEMPLATES if code.startswith("service_")}
    assert service - tested - elsewhere == set()


def test_language_negotiated(server: Server) -> None:
    """``lang`` first, then ``Accept-Language`` by weight, then Vietnamese."""
    for header, lang in [
        ("en-US,en;q=0.9,vi;q=0.8", "en"),
        ("vi-VN, en;q=0.5", "vi"),
        ("fr, en;q=0.1", "en"),
        ("fr", "vi"),
        ("en;q=0, *", "vi"),
        ("vi;q=0, *", "en"),
        ("garbage;;q==,", "vi"),
    ]:
        answer = server.get("/v1/plans/nothing", {"Accept-Language": header})
        check_error(answer, 404, "service_unknown_plan", lang)
    answer = server.get("/v1/plans/nothing?lang=en", {"Accept-Language": "vi"})
    check_error(answer, 404, "service_unknown_plan", "en")


def test_outcome_of_records_not_counted(server: Server) -> None:
    """Rejected and left-out records: 200, the outcome not complete, said in both languages."""
    bad = {**REPORT, "id": "CR-0018", "received_on": "25/01/2024"}
    far = {**REPORT, "id": "CR-0019", "unit_code": "01001"}  # Hà Nội's code: not the plan's
    document = {"schema": "threeno/1", "crime_reports": [REPORT, bad, far]}
    answer = server.post("/v1/evaluate?period=2024&lang=en", document)
    assert answer.status == 200
    outcome = answer.json()["outcome"]
    assert (outcome["complete"], outcome["rejected"], outcome["left_out"]) == (False, 1, 1)
    assert answer.headers["threeno-complete"] == "false"
    reasons = outcome["left_out_by_reason"]
    assert sum(reasons.values()) == 1
    codes = [n["code"] for n in outcome["notices"]]
    assert codes == ["service_records_rejected", "service_records_left_out"]
    for notice in outcome["notices"]:
        assert notice["message"] == Notice(notice["code"], notice["params"]).text("en")
    allowed = server.post("/v1/evaluate?period=2024&allow_out_of_scope=true", document)
    outcome = allowed.json()["outcome"]
    assert [n["code"] for n in outcome["notices"]] == [
        "service_records_rejected",
        "service_records_left_out_allowed",
    ]
    assert outcome["complete"] is False  # a rejection is never accepted
    only_far = {"schema": "threeno/1", "crime_reports": [REPORT, far]}
    accepted = server.post("/v1/report?period=2024&allow_out_of_scope=true", only_far)
    assert accepted.headers["threeno-complete"] == "true"
    assert accepted.headers["threeno-left-out"] == "1"
    refused = server.post("/v1/report?period=2024", only_far)
    assert refused.headers["threeno-complete"] == "false"


def test_never_a_500(server: Server) -> None:
    """After every case above, the server's log holds no internal error (checked at its end)."""
    assert server.get("/v1/health").status == 200
    assert "service_internal_error" not in server.log
