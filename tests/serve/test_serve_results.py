"""The service answers what the library computes, on the demo data, over HTTP.

The spec of every endpoint is the library's own output on the same input: the server's
answer is compared with the library called in this process on the same document (the
demo data as a JSON document), the way ``threeno`` calls it. Every JSON answer is also
checked against its schema in the service's OpenAPI document.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]  # no stubs
from openapi_spec_validator import validate as validate_openapi

import threeno
from threeno import plans
from threeno.cli import default_period
from threeno.indicators.catalogue import CATALOGUE
from threeno.io.schema import SCHEMA_NAMES
from threeno.model.plan import LocalCalendar, NamedDay
from threeno.reporting.render import FORMATS
from threeno.rules.calendar import plan_calendar, today
from threeno.rules.time_limits import status_on, time_limit

if TYPE_CHECKING:
    from tests.serve.conftest import Demo
    from tests.serve.live_server import Answer, Server
    from threeno.indicators.results import Evaluation
    from threeno.lang import Lang
    from threeno.model.dataset import Dataset
    from threeno.model.plan import Plan

PERIOD = "2024-H1"
LANGS: tuple[Lang, ...] = ("vi", "en")
#: Two crime reports whose time limits the settings change (hand-worked below).
TWO_REPORTS: dict[str, Any] = {
    "schema": "threeno/1",
    "crime_reports": [
        {
            "id": f"CR-{name}",
            "source": "to_giac",
            "offence_article": 150,
            "unit_code": "03386",
            "received_on": received,
            "receiving_agency": "cong-an-tp",
            "classified_on": classified,
            "decision": "khong_khoi_to",
            "decided_on": decided,
        }
        for name, received, classified, decided in (
            ("A", "2024-03-05", "2024-03-06", "2024-03-26"),
            ("B", "2024-04-03", "2024-04-04", "2024-04-23"),
        )
    ],
}


@pytest.fixture(scope="module")
def openapi(server: Server) -> dict[str, Any]:
    """The server's OpenAPI document, valid OpenAPI 3.1."""
    answer = server.get("/v1/openapi.json")
    assert answer.status == 200
    document: dict[str, Any] = answer.json()
    validate_openapi(document)
    assert document["openapi"] == "3.1.0"
    return document


def conforms(openapi: dict[str, Any], path: str, method: str, answer: Answer) -> None:
    """``answer`` is what the OpenAPI document says the operation answers with its status."""
    operation = openapi["paths"][path][method]
    response = operation["responses"][str(answer.status)]
    if "$ref" in response:
        response = openapi["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    media = answer.headers["content-type"].split(";")[0]
    content = {k.split(";")[0]: v for k, v in response["content"].items()}
    assert media in content, (path, media)
    schema = {**content[media]["schema"], "components": openapi["components"]}
    if media in {"application/json", "application/schema+json"}:
        Draft202012Validator(schema).validate(answer.json())


def _library(plan: Plan, data: Dataset, period: str, **options: Any) -> Evaluation:  # noqa: ANN401
    """The evaluation as ``threeno report`` makes it (the plan's settings, its calendar)."""
    return threeno.evaluate(
        plan,
        data,
        plan.period(period),
        crosswalk=plan.evaluation.crosswalk,
        count_receipt_day=plan.evaluation.count_receipt_day,
        calendar=plan_calendar(plan),
        **options,
    )


class TestDocument:
    """The OpenAPI document: valid, and built from the library's schema."""

    def test_valid_openapi_31(self, openapi: dict[str, Any]) -> None:
        """openapi-spec-validator accepts it (OpenAPI 3.1, JSON Schema 2020-12)."""
        assert openapi["jsonSchemaDialect"] == "https://json-schema.org/draft/2020-12/schema"

    def test_body_is_the_librarys_dataset_schema(self, openapi: dict[str, Any]) -> None:
        """The request body's schema is ``json_schema("dataset")``, its $defs moved."""
        schemas = openapi["components"]["schemas"]
        library = threeno.json_schema("dataset")
        moved = json.loads(
            json.dumps(schemas["Dataset"]).replace("#/components/schemas/", "#/$defs/")
        )
        assert moved == {k: v for k, v in library.items() if k not in {"$schema", "$defs"}}
        for name, definition in library["$defs"].items():
            text = json.dumps(schemas[name]).replace("#/components/schemas/", "#/$defs/")
            assert json.loads(text) == definition, name
        body = openapi["paths"]["/v1/evaluate"]["post"]["requestBody"]
        assert body["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Dataset"
        }

    def test_every_route_is_documented(self, server: Server, openapi: dict[str, Any]) -> None:
        """Each path of the document answers its method (not 404 or 405)."""
        for path, operations in openapi["paths"].items():
            concrete = (
                path.replace("{plan}", "lai-chau-2024")
                .replace("{record_type}", "subjects")
                .replace("{indicator}", "reports.on_time")
            )
            for method in operations:
                answer = server.request(
                    method.upper(), concrete, b"{}" if method == "post" else None
                )
                assert answer.status not in {404, 405}, (path, answer.body[:200])


class TestNoRecords:
    """The endpoints that read no records."""

    def test_health(self, server: Server, openapi: dict[str, Any]) -> None:
        """The version of the library serving."""
        answer = server.get("/v1/health")
        assert answer.json() == {
            "status": "ok",
            "version": threeno.__version__,
            "languages": ["vi", "en"],
        }
        conforms(openapi, "/v1/health", "get", answer)

    def test_plans(self, server: Server, openapi: dict[str, Any]) -> None:
        """Every bundled plan, the default marked."""
        answer = server.get("/v1/plans")
        conforms(openapi, "/v1/plans", "get", answer)
        listed = answer.json()["plans"]
        assert [p["id"] for p in listed] == list(plans.available())
        assert [p["id"] for p in listed if p["default"]] == ["lai-chau-2024"]
        for item in listed:
            plan = plans.load_plan(item["id"])
            assert (item["title_vi"], item["year"]) == (plan.title_vi, plan.year)

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("plan_id", plans.available())
    def test_plan(self, server: Server, openapi: dict[str, Any], plan_id: str, lang: Lang) -> None:
        """A plan's summary is ``threeno plan show``'s; its units and targets the plan's."""
        answer = server.get(f"/v1/plans/{plan_id}?lang={lang}")
        conforms(openapi, "/v1/plans/{plan}", "get", answer)
        plan = plans.load_plan(plan_id)
        shown = answer.json()
        assert shown["summary"] == plans.summary(plan, lang=lang)
        assert [u["code"] for u in shown["units"]] == [u.code for u in plan.units]
        assert [t["indicator"] for t in shown["targets"]] == [t.indicator for t in plan.targets]
        assert shown["indicators"] == list(plan.report_indicators)
        assert shown["settings"]["days_allowed"] == plan.reporting.days_allowed
        assert answer.headers["content-language"] == lang

    @pytest.mark.parametrize("plan_id", plans.available())
    def test_indicators(self, server: Server, openapi: dict[str, Any], plan_id: str) -> None:
        """The catalogue in its order, with the plan's clauses, targets and report list."""
        answer = server.get(f"/v1/indicators?plan={plan_id}&lang=en")
        conforms(openapi, "/v1/indicators", "get", answer)
        plan = plans.load_plan(plan_id)
        rows = answer.json()["indicators"]
        assert [r["id"] for r in rows] == [i.id for i in CATALOGUE]
        reported = set(plan.report_indicators)
        for row, ind in zip(rows, CATALOGUE, strict=True):
            assert row["name"] == ind.name("en")
            assert row["clauses"] == list(plan.clauses_for(ind.id))
            assert row["in_report"] == (ind.id in reported)
            target = plan.target(ind.id)
            assert row["target"] == (
                None
                if target is None
                else {
                    "comparator": target.comparator.value,
                    "value": target.value,
                    "clause": target.clause,
                    "set_by_plan": target.set_by_plan,
                }
            )

    @pytest.mark.parametrize("name", SCHEMA_NAMES)
    def test_schema(self, server: Server, openapi: dict[str, Any], name: str) -> None:
        """``threeno schema``'s JSON Schema, for the document and every record type."""
        path = "/v1/schema" if name == "dataset" else f"/v1/schema/{name}"
        answer = server.get(path)
        assert answer.headers["content-type"] == "application/schema+json"
        assert answer.json() == threeno.json_schema(name)
        conforms(
            openapi,
            "/v1/schema" if name == "dataset" else "/v1/schema/{record_type}",
            "get",
            answer,
        )


class TestRecords:
    """The endpoints that read records, on the demo data."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_validate(
        self,
        server: Server,
        openapi: dict[str, Any],
        demo: Demo,
        lang: Lang,
    ) -> None:
        """The load report of the document, as ``load_dataset`` makes it."""
        answer = server.post(f"/v1/validate?lang={lang}", demo.document)
        conforms(openapi, "/v1/validate", "post", answer)
        _, report = threeno.load_dataset(demo.document, plan=demo.plan)
        shown = answer.json()
        assert shown["text"] == report.text(lang)
        assert (shown["read"], shown["accepted"], shown["rejected"]) == (888, 888, 0)
        assert shown["ok"] is True
        assert shown["counts"]["crime_reports"] == {"read": 38, "accepted": 38, "rejected": 0}

    def test_validate_rejections(self, server: Server, openapi: dict[str, Any], demo: Demo) -> None:
        """A document with bad records: every rejection, with the library's codes and words."""
        document = json.loads(json.dumps(demo.document))
        reports = document["crime_reports"]
        reports[0]["decided_on"] = "2000-01-01"  # before its receipt
        reports[1]["received_on"] = "25/01/2024"
        reports[2]["unit_code"] = "99999"  # a unit of no register: a problem, not a rejection
        answer = server.post("/v1/validate?lang=vi", document)
        conforms(openapi, "/v1/validate", "post", answer)
        _, report = threeno.load_dataset(document, plan=demo.plan)
        shown = answer.json()
        assert shown["text"] == report.text("vi")
        assert shown["rejected"] == report.rejected == 2
        assert [
            (r["record_id"], [(p["field"], p["code"], p["message"]) for p in r["problems"]])
            for r in shown["rejections"]
        ] == [
            (r.record_id, [(p.field, p.code, p.text("vi")) for p in r.problems])
            for r in report.rejections
        ]
        assert [(p["code"], p["message"]) for p in shown["problems"]] == [
            (p.code, p.text("vi")) for p in report.problems
        ]

    @pytest.mark.parametrize("explain", ["none", "failures", "all"])
    def test_evaluate(
        self,
        server: Server,
        openapi: dict[str, Any],
        demo: Demo,
        explain: str,
    ) -> None:
        """The evaluation's JSON is ``Evaluation.to_json()``'s; explanations on request."""
        query = "" if explain == "none" else f"&explain={explain}"
        answer = server.post(f"/v1/evaluate?period={PERIOD}{query}", demo.document)
        conforms(openapi, "/v1/evaluate", "post", answer)
        expected = _library(demo.plan, demo.data, PERIOD, explain=explain)
        shown = answer.json()
        assert shown["evaluation"] == json.loads(expected.to_json())
        assert shown["outcome"]["complete"] is True
        assert answer.headers["threeno-complete"] == "true"

    def test_evaluate_default_period(self, server: Server, demo: Demo) -> None:
        """No period: the plan's latest complete report period, as ``threeno report``."""
        answer = server.post("/v1/evaluate", demo.document)
        period = default_period(demo.plan, today())
        expected = _library(demo.plan, demo.data, str(period), explain="none")
        assert answer.json()["evaluation"] == json.loads(expected.to_json())

    def test_evaluate_units_and_all_indicators(self, server: Server, demo: Demo) -> None:
        """``unit`` selects units; ``all_indicators`` evaluates the whole catalogue."""
        answer = server.post(
            f"/v1/evaluate?period={PERIOD}&unit=03386&unit=03387&all_indicators=true",
            demo.document,
        )
        expected = _library(
            demo.plan,
            demo.data,
            PERIOD,
            explain="none",
            units=["03386", "03387"],
            indicators=threeno.ALL_INDICATORS,
        )
        shown = answer.json()["evaluation"]
        assert shown == json.loads(expected.to_json())
        assert [u["code"] for u in shown["units"]] == ["03386", "03387"]
        assert shown["data_quality"]["counts"]["crime_reports"]["not_selected"] > 0

    @pytest.mark.parametrize(
        ("query", "on_time", "count_receipt_day"),
        [
            # CR-A's 20 days end on Monday 2024-03-25, decided on the 26th: late. CR-B's
            # end on Tuesday 2024-04-23, decided that day: on time (Art. 147(1)).
            ("", 1, False),
            # The 25th a local day off: CR-A's limit moves to the 26th (Art. 134(1)).
            ("&day_off=2024-03-25", 2, False),
            # The day of receipt as day 1: CR-B's limit is the 22nd, decided the 23rd:
            # late; CR-A's is Sunday the 24th, moved to the 25th: still late.
            ("&count_receipt_day=true", 0, True),
            ("&count_receipt_day=false&day_off=2024-03-25&day_off=2024-03-25", 2, False),
        ],
    )
    def test_settings_overridden(
        self, server: Server, demo: Demo, query: str, on_time: int, count_receipt_day: bool
    ) -> None:
        """``day_off`` and ``count_receipt_day`` move the limits as hand-worked, as the library."""
        answer = server.post(f"/v1/evaluate?period={PERIOD}{query}", TWO_REPORTS)
        shown = answer.json()["evaluation"]
        total = shown["indicators"]["reports.on_time"]["total"]
        assert (total["numerator"], total["denominator"]) == (on_time, 2)
        assert shown["settings"]["count_receipt_day"] is count_receipt_day
        days = (NamedDay(date=dt.date(2024, 3, 25), name_vi="x", name_en="x"),)
        local = LocalCalendar(
            days_off=demo.plan.calendar.days_off + (days if "day_off" in query else ()),  # type: ignore[arg-type]
            working_days=demo.plan.calendar.working_days,  # type: ignore[arg-type]
        )
        data, _ = threeno.load_dataset(TWO_REPORTS, plan=demo.plan)
        expected = threeno.evaluate(
            demo.plan,
            data,
            demo.plan.period(PERIOD),
            explain="none",
            count_receipt_day=count_receipt_day,
            calendar=plan_calendar(attrs.evolve(demo.plan, calendar=local)),
        )
        assert shown == json.loads(expected.to_json())

    def test_settings_named_as_the_requests(self, server: Server) -> None:
        """A setting a request overrides is the request's in the report, never the plan's."""
        query = "days_allowed=7&crosswalk=true&day_off=2024-03-25&lang=en&format=md"
        report = server.post(f"/v1/report?period={PERIOD}&{query}", TWO_REPORTS).text
        # Markdown escapes the underscores of the parameters' names.
        assert (
            "Set by the request to the service (days\\_allowed=7), not by the plan file." in report
        )
        assert "Set by the request to the service (crosswalk=true), not by the plan file." in report
        assert "Set by the request to the service (day\\_off), not by the plan file" in report
        vi = server.post(f"/v1/report?period={PERIOD}&crosswalk=true", TWO_REPORTS).text
        assert "Đặt trong yêu cầu gửi dịch vụ (crosswalk=true), không theo tệp kế hoạch." in vi

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_report(
        self,
        server: Server,
        openapi: dict[str, Any],
        demo: Demo,
        fmt: str,
        lang: Lang,
    ) -> None:
        """Each format and language: ``render``'s text, byte for byte; published too."""
        _, report = threeno.load_dataset(demo.document, plan=demo.plan)
        evaluation = _library(demo.plan, demo.data, PERIOD, explain="failures")
        answer = server.post(f"/v1/report?period={PERIOD}&format={fmt}&lang={lang}", demo.document)
        conforms(openapi, "/v1/report", "post", answer)
        expected = threeno.render(evaluation, fmt, lang=lang, plan=demo.plan, load_report=report)
        assert answer.text == expected
        assert answer.headers["threeno-published"] == "false"
        published = server.post(
            f"/v1/report?period={PERIOD}&format={fmt}&lang={lang}&publish=true", demo.document
        )
        expected = threeno.render(
            evaluation, fmt, lang=lang, plan=demo.plan, load_report=report, suppress_below=5
        )
        assert published.text == expected
        eleven = server.post(
            f"/v1/report?period={PERIOD}&format={fmt}&lang={lang}&publish=true&suppress_below=11",
            demo.document,
        )
        expected = threeno.render(
            evaluation, fmt, lang=lang, plan=demo.plan, load_report=report, suppress_below=11
        )
        assert eleven.text == expected

    @pytest.mark.parametrize("lang", LANGS)
    def test_explain(
        self,
        server: Server,
        openapi: dict[str, Any],
        demo: Demo,
        lang: Lang,
    ) -> None:
        """Every indicator's explanation is ``threeno explain``'s, for the area and a unit."""
        for ind in CATALOGUE:
            answer = server.post(f"/v1/explain/{ind.id}?period={PERIOD}&lang={lang}", demo.document)
            conforms(openapi, "/v1/explain/{indicator}", "post", answer)
            evaluation = _library(demo.plan, demo.data, PERIOD, explain="all", indicators=[ind.id])
            total = evaluation[ind.id].total
            shown = answer.json()
            assert shown["text"] == total.explain(lang)
            assert shown["result"] == json.loads(json.dumps(total.to_dict()))
        unit = server.post(f"/v1/explain/reports.on_time?period={PERIOD}&unit=03386", demo.document)
        evaluation = _library(
            demo.plan,
            demo.data,
            PERIOD,
            explain="all",
            indicators=["reports.on_time"],
            units=["03386"],
        )
        assert unit.json()["text"] == evaluation["reports.on_time"].by_unit["03386"].explain("vi")

    def test_time_limits(
        self,
        server: Server,
        openapi: dict[str, Any],
        demo: Demo,
    ) -> None:
        """Every demo crime report's limit: ``time_limit``'s date, steps and explanation."""
        calendar = plan_calendar(demo.plan)
        for report in demo.data.crime_reports:
            lang: Lang = "en" if report.id.endswith(("1", "3", "5", "7", "9")) else "vi"
            answer = server.post(f"/v1/time-limit?report_id={report.id}&lang={lang}", demo.document)
            conforms(openapi, "/v1/time-limit", "post", answer)
            deadline = time_limit(report, calendar)
            shown = answer.json()["deadline"]
            assert shown["explanation"] == deadline.explain(lang)
            assert shown["summary"] == deadline.summary(lang)
            assert shown["date"] == (None if deadline.date is None else deadline.date.isoformat())
            assert [s["kind"] for s in shown["steps"]] == [s.kind.value for s in deadline.steps]
            assert [s["reference"] for s in shown["steps"]] == [
                s.reference_in(lang) for s in deadline.steps
            ]
            as_of = report.received_on + dt.timedelta(days=30)
            dated = server.post(
                f"/v1/time-limit?report_id={report.id}&as_of={as_of}&count_receipt_day=true",
                demo.document,
            )
            deadline = time_limit(report, calendar, as_of=as_of, count_receipt_day=True)
            status = status_on(report, as_of, calendar, count_receipt_day=True)
            assert dated.json()["deadline"]["explanation"] == deadline.explain("vi")
            assert dated.json()["status"] == {"code": status.value, "label": status.label("vi")}

    def test_time_limit_one_report(self, server: Server) -> None:
        """A document with one crime report needs no ``report_id`` (hand-worked: Tết)."""
        document = {
            "schema": "threeno/1",
            "crime_reports": [
                {
                    "id": "CR-0017",
                    "source": "to_giac",
                    "offence_article": 150,
                    "unit_code": "03386",
                    "received_on": "2024-01-25",
                    "receiving_agency": "cong-an-tp",
                }
            ],
        }
        answer = server.post("/v1/time-limit?lang=en", document)
        # 20 days from 2024-01-25 end on 2024-02-14, a day off of Tết: the limit moves to
        # the first working day after it, 2024-02-15 (Art. 147(1), Art. 134(1)).
        shown = answer.json()["deadline"]
        assert (shown["date"], shown["summary"]) == ("2024-02-15", "20 days, moved past Tết")
        assert answer.json()["status"] is None
