"""The service's OpenAPI 3.1 document, built from its endpoints and the library's schema.

The request body of every endpoint that reads records is the library's own JSON Schema
of a dataset document (:func:`threeno.json_schema`, draft 2020-12, the dialect of
OpenAPI 3.1), its ``$defs`` moved to ``components/schemas``: the document cannot drift
from what the loader reads. The parameters come from the same table the application
routes by (:data:`threeno.serve._endpoints.ENDPOINTS`); the answers' schemas are
written here, and the tests check every answer against them.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Final

import threeno
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.explanation import EXPLAIN_MODES
from threeno.io.schema import SCHEMA_NAMES
from threeno.lang import LANGS
from threeno.reporting.render import FORMATS
from threeno.serve._endpoints import ENDPOINTS, Endpoint
from threeno.serve._work import MEDIA_TYPES

if TYPE_CHECKING:
    from threeno.serve._config import ServeConfig

_REF: Final = "#/components/schemas/"
_DATE: Final = {"type": "string", "format": "date"}
_DATE_OR_NULL: Final = {"type": ["string", "null"], "format": "date"}
_STRING: Final = {"type": "string"}
_INT: Final = {"type": "integer"}
_BOOL: Final = {"type": "boolean"}
_OBJECT: Final = {"type": "object"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF + name}


def _object(required: dict[str, Any], *, closed: bool = True, **optional: Any) -> dict[str, Any]:  # noqa: ANN401
    """An object schema: ``required`` keys always there; closed unless the library may add keys."""
    return {
        "type": "object",
        "required": list(required),
        "properties": {**required, **optional},
        "additionalProperties": not closed,
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


# A plan's target as every JSON output writes it (Target.to_dict).
_TARGET: Final[dict[str, Any]] = {
    "comparator": _STRING,
    "value": {"type": "number"},
    "clause": _STRING,
    "set_by_plan": {
        "type": ["boolean", "null"],
        "description": "Whether the plan's words set it; false: a reading.",
    },
}


_PLAN_HEAD: Final = {
    "id": _STRING,
    "title_vi": _STRING,
    "title_en": _STRING,
    "number": {"type": ["string", "null"]},
    "year": _INT,
    "issued_on": _DATE_OR_NULL,
    "bundled": _BOOL,
    "default": _BOOL,
}

#: The shapes of the answers (the records' shapes are the library's schema).
ANSWERS: Final[dict[str, dict[str, Any]]] = {
    "Message": _object(
        {
            "code": {**_STRING, "description": "A stable code of threeno.messages.TEMPLATES."},
            "params": {**_OBJECT, "description": "The values its wording names."},
            "message": {**_STRING, "description": "The wording in the answer's language."},
        }
    ),
    "Error": _object(
        {
            "error": _object(
                {
                    "status": _INT,
                    "code": _STRING,
                    "params": _OBJECT,
                    "message": _STRING,
                }
            )
        },
        load_report=_ref("LoadReport"),
    ),
    "FieldProblem": _object(
        {
            "field": _STRING,
            "code": {"type": ["string", "null"]},
            "params": _OBJECT,
            "message": _STRING,
        }
    ),
    "Rejection": _object(
        {
            "record_type": _STRING,
            "index": _INT,
            "line": {"type": ["integer", "null"]},
            "record_id": {"type": ["string", "null"]},
            "location": _STRING,
            "problems": _array(_ref("FieldProblem")),
        }
    ),
    "Problem": _object(
        {
            "record_type": _STRING,
            "record_id": _STRING,
            "field": _STRING,
            "code": {"type": ["string", "null"]},
            "params": _OBJECT,
            "message": _STRING,
        }
    ),
    "TypeCounts": _object({"read": _INT, "accepted": _INT, "rejected": _INT}),
    "LoadReport": _object(
        {
            "source": _STRING,
            "ok": _BOOL,
            "read": _INT,
            "accepted": _INT,
            "rejected": _INT,
            "counts": {"type": "object", "additionalProperties": _ref("TypeCounts")},
            "rejections": _array(_ref("Rejection")),
            "problems": _array(_ref("Problem")),
            "notes": _array(_ref("Message")),
            "text": {**_STRING, "description": "The whole report in the answer's language."},
        }
    ),
    "Outcome": _object(
        {
            "complete": {
                **_BOOL,
                "description": "False where `threeno report` exits 1: records rejected, or"
                " left out for their unit unless allow_out_of_scope=true.",
            },
            "rejected": _INT,
            "left_out": _INT,
            "left_out_by_reason": _object(
                {"out_of_scope": _INT, "not_valid_on_date": _INT, "unknown_unit": _INT}
            ),
            "allow_out_of_scope": _BOOL,
            "notices": _array(_ref("Message")),
        }
    ),
    "IndicatorResult": _object(
        {
            "indicator": _STRING,
            "unit": {"type": ["string", "null"]},
            "numerator": _INT,
            "denominator": {"type": ["integer", "null"]},
            "value": {"type": ["number", "null"]},
            "status": _STRING,
            "records_considered": _INT,
            "has_data": _BOOL,
            "target": {"type": ["object", "null"]},
            "disaggregations": _OBJECT,
            "figures": _OBJECT,
            "explanation": _OBJECT,
        },
        closed=False,
    ),
    "IndicatorSet": _object(
        {
            "id": _STRING,
            "name_vi": _STRING,
            "name_en": _STRING,
            "kind": _STRING,
            "level": _STRING,
            "clauses": _array(_STRING),
            "offences": {"type": ["array", "null"], "items": _INT},
            "total": _ref("IndicatorResult"),
            "by_unit": {"type": "object", "additionalProperties": _ref("IndicatorResult")},
        },
        closed=False,
    ),
    "Evaluation": _object(
        {
            "schema": {"const": "threeno-evaluation/1"},
            "plan": _STRING,
            "period": _object(
                {
                    "text": _STRING,
                    "start": _DATE,
                    "end": _DATE,
                    "kind": _STRING,
                    "convention": _STRING,
                },
                closed=False,
            ),
            "units": _array(_object({"code": _STRING, "name": _STRING}, closed=False)),
            "settings": _object(
                {
                    "explain": _STRING,
                    "crosswalk": _BOOL,
                    "count_receipt_day": _BOOL,
                    "suspension_counts_as_resolved": _BOOL,
                    "assess_assumed_targets": _BOOL,
                },
                closed=False,
            ),
            "data_quality": _object({"left_out": _INT, "counts": _OBJECT}, closed=False),
            "warnings": _array(_object({"code": _STRING, "params": _OBJECT})),
            "indicators": {"type": "object", "additionalProperties": _ref("IndicatorSet")},
        },
        closed=False,
    ),
    "EvaluateResponse": _object(
        {
            "evaluation": _ref("Evaluation"),
            "load_report": _ref("LoadReport"),
            "outcome": _ref("Outcome"),
        }
    ),
    "ExplainResponse": _object(
        {
            "indicator": _STRING,
            "unit": {"type": ["string", "null"]},
            "period": _STRING,
            "text": {**_STRING, "description": "The explanation, as `threeno explain` prints it."},
            "result": _ref("IndicatorResult"),
            "load_report": _ref("LoadReport"),
            "outcome": _ref("Outcome"),
        }
    ),
    "SkippedDay": _object({"day": _DATE, "name": _STRING, "holiday": _BOOL}),
    "DeadlineStep": _object(
        {
            "kind": {
                "enum": ["receipt", "complex", "procuracy", "suspension", "resumption", "day_off"]
            },
            "label": _STRING,
            "event_on": _DATE,
            "result": _DATE_OR_NULL,
            "applied": _BOOL,
            "late": _BOOL,
            "passed": _DATE_OR_NULL,
            "reference": {**_STRING, "description": "The article of Bộ luật Tố tụng hình sự 2015."},
            "skipped": _array(_ref("SkippedDay")),
        }
    ),
    "Deadline": _object(
        {
            "report_id": _STRING,
            "received_on": _DATE,
            "date": {
                **_DATE_OR_NULL,
                "description": "The last day to decide; null while suspended.",
            },
            "suspended": _BOOL,
            "suspended_since": _DATE_OR_NULL,
            "missed_limit": _DATE_OR_NULL,
            "as_of": _DATE_OR_NULL,
            "count_receipt_day": _BOOL,
            "summary": _STRING,
            "explanation": _STRING,
            "steps": _array(_ref("DeadlineStep")),
        }
    ),
    "TimeLimitResponse": _object(
        {
            "plan": _STRING,
            "deadline": _ref("Deadline"),
            "status": {
                "oneOf": [_object({"code": _STRING, "label": _STRING}), {"type": "null"}],
                "description": "The report's status on as_of (null without as_of).",
            },
            "load_report": _ref("LoadReport"),
        }
    ),
    "PlanHead": _object(_PLAN_HEAD),
    "PlanList": _object({"plans": _array(_ref("PlanHead"))}),
    "PlanDetail": _object(
        {
            **_PLAN_HEAD,
            "reporting_year": _object({"text": _STRING, "start": _DATE, "end": _DATE}),
            "convention": _STRING,
            "units": _array(
                _object(
                    {
                        "code": _STRING,
                        "name": _STRING,
                        "valid_from": _DATE_OR_NULL,
                        "valid_to": _DATE_OR_NULL,
                    }
                )
            ),
            "agencies": _array(_object({"id": _STRING, "name_vi": _STRING, "name_en": _STRING})),
            "indicators": _array(_STRING),
            "targets": _array(_object({"indicator": _STRING, **_TARGET})),
            "settings": _object(
                {
                    "count_receipt_day": _BOOL,
                    "crosswalk": _BOOL,
                    "suspension_counts_as_resolved": _BOOL,
                    "assess_assumed_targets": _BOOL,
                    "days_allowed": _INT,
                    "days_allowed_set_by_plan": _BOOL,
                    "days_off": _array(_ref("NamedDay")),
                    "working_days": _array(_ref("NamedDay")),
                }
            ),
            "summary": {**_STRING, "description": "As `threeno plan show` prints it."},
        }
    ),
    "NamedDay": _object({"date": _DATE, "name_vi": _STRING, "name_en": _STRING}),
    "IndicatorRow": _object(
        {
            "id": _STRING,
            "kind": {"enum": ["count", "share"]},
            "level": _STRING,
            "name": _STRING,
            "name_vi": _STRING,
            "name_en": _STRING,
            "clauses": _array(_STRING),
            "target": {
                "oneOf": [
                    _object(_TARGET),
                    {"type": "null"},
                ]
            },
            "in_report": _BOOL,
        }
    ),
    "IndicatorList": _object({"plan": _STRING, "indicators": _array(_ref("IndicatorRow"))}),
    "Health": _object(
        {"status": {"const": "ok"}, "version": _STRING, "languages": _array({"enum": list(LANGS)})}
    ),
    "ReportJson": {
        "type": "object",
        "required": ["schema"],
        "properties": {"schema": {"const": "threeno-report/1"}},
        "description": 'The consolidated report as data (`render(..., "json")`).',
    },
    "JsonSchema": {**_OBJECT, "description": "A JSON Schema, draft 2020-12."},
    "OpenApiDocument": {**_OBJECT, "description": "An OpenAPI 3.1 document."},
}


def _moved(value: Any) -> Any:  # noqa: ANN401 - any part of a schema
    """A schema with its ``#/$defs/`` references pointing at ``components/schemas``."""
    if isinstance(value, dict):
        return {
            key: (_REF + item.removeprefix("#/$defs/"))
            if key == "$ref" and isinstance(item, str)
            else _moved(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_moved(item) for item in value]
    return value


def _record_schemas() -> dict[str, Any]:
    dataset = threeno.json_schema("dataset")
    defs = dataset.pop("$defs")
    dataset.pop("$schema")
    return {"Dataset": _moved(dataset), **{name: _moved(d) for name, d in defs.items()}}


_DESCRIPTIONS: Final[dict[str, tuple[dict[str, Any], str]]] = {
    "plan": (_STRING, "A plan's id (`GET /v1/plans`); the service's default plan if absent."),
    "period": (
        {
            **_STRING,
            "examples": ["2024", "2024-H1", "2024-Q2", "2024-05", "2024-01-01..2024-03-31"],
        },
        (
            "The period, in the plan's convention; the plan's latest complete report period"
            " if absent (as `threeno report`)."
        ),
    ),
    "unit": (_STRING, "A unit code of the plan (the whole area if absent)."),
    "indicator": (_STRING, "An indicator of the catalogue to add to those the plan lists."),
    "all_indicators": (_BOOL, "Evaluate every indicator of the catalogue."),
    "allow_out_of_scope": (
        _BOOL,
        "Records left out for their unit leave the outcome complete (`--allow-out-of-scope`).",
    ),
    "count_receipt_day": (_BOOL, "Override the plan: the day of receipt is day 1 of a time limit."),
    "crosswalk": (_BOOL, "Override the plan: count records of merged units in their successor."),
    "suspension_counts_as_resolved": (
        _BOOL,
        "Override the plan: a suspended report (tạm đình chỉ) counts as resolved.",
    ),
    "days_allowed": (
        {**_INT, "minimum": 0, "maximum": 366},
        "Override the plan: days after a period's end within which a report is due.",
    ),
    "day_off": (_DATE, "A local day off besides the plan's (repeat for several)."),
    "lang": (
        {"enum": list(LANGS)},
        "The answer's language; else `Accept-Language`; else Vietnamese.",
    ),
    "explain": ({"enum": list(EXPLAIN_MODES)}, "Which records to explain (default: none)."),
    "format": ({"enum": list(FORMATS)}, "The report's format (default: md)."),
    "publish": (
        _BOOL,
        (
            "A report fit to publish: small counts hidden, no record listed (default: the"
            " service's `--publish`)."
        ),
    ),
    "suppress_below": (
        {**_INT, "minimum": 2},
        "With publish=true, hide counts from 1 to k-1 (default: the service's, 5).",
    ),
    "report_id": (_STRING, "The crime report, when the document holds several."),
    "as_of": (_DATE, "Use only what was known on this day, and give the report's status then."),
}

_PATH_PARAMS: Final[dict[str, dict[str, Any]]] = {
    "plan": _STRING,
    "record_type": {"enum": list(SCHEMA_NAMES[1:])},
    "indicator": {"enum": [i.id for i in CATALOGUE]},
}

_OUTCOME_HEADERS: Final = {
    "Threeno-Complete": ({"enum": ["true", "false"]}, "The outcome's `complete`."),
    "Threeno-Rejected": ({"type": "string", "pattern": "^[0-9]+$"}, "Records rejected."),
    "Threeno-Left-Out": (
        {"type": "string", "pattern": "^[0-9]+$"},
        "Records left out for their unit.",
    ),
}


def _parameters(endpoint: Endpoint) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    name = endpoint.path_param
    if name is not None:
        found.append({"name": name, "in": "path", "required": True, "schema": _PATH_PARAMS[name]})
    for param in endpoint.params:
        schema, description = _DESCRIPTIONS[param]
        item: dict[str, Any] = {"name": param, "in": "query", "description": description}
        if param in endpoint.repeatable:
            item["schema"] = _array(schema)
            item["style"] = "form"
            item["explode"] = True
        else:
            item["schema"] = schema
        found.append(item)
    return found


def _success(endpoint: Endpoint) -> dict[str, Any]:
    if endpoint.response is None:  # a report: its text in the format asked
        content = {
            media: {"schema": _ref("ReportJson") if media == "application/json" else _STRING}
            for media in dict.fromkeys(MEDIA_TYPES.values())
        }
    else:
        media = {"JsonSchema": "application/schema+json"}.get(endpoint.response, "application/json")
        content = {media: {"schema": _ref(endpoint.response)}}
    answer: dict[str, Any] = {"description": endpoint.summary, "content": content}
    if endpoint.operation_id in {"evaluate", "explain", "report"}:
        answer["headers"] = {
            name: {"description": text, "schema": schema}
            for name, (schema, text) in _OUTCOME_HEADERS.items()
        }
    return answer


def _operation(endpoint: Endpoint, *, secured: bool) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": endpoint.operation_id,
        "summary": endpoint.summary,
        "parameters": _parameters(endpoint),
        "responses": {"200": _success(endpoint)},
    }
    if endpoint.description:
        operation["description"] = endpoint.description
    if endpoint.body:
        operation["requestBody"] = {
            "required": True,
            "description": 'A dataset document ("schema": "threeno/1"), as the data'
            " dictionary describes it.",
            "content": {"application/json": {"schema": _ref("Dataset")}},
        }
    statuses = list(endpoint.errors)
    if secured and endpoint.operation_id != "health":
        statuses.append(401)
    if endpoint.body:
        statuses.append(503)
    statuses.append(500)
    for status in sorted(set(statuses)):
        operation["responses"][str(status)] = {"$ref": f"#/components/responses/Error{status}"}
    if secured and endpoint.operation_id == "health":
        operation["security"] = []
    return operation


_STATUS_TEXTS: Final = {
    400: "A parameter or the body is not what the endpoint takes.",
    401: "No bearer token, or not one the service accepts.",
    404: "No such plan, indicator or schema.",
    408: "The body did not arrive within the time limit.",
    413: "The body is over the size limit, or holds too many records.",
    415: "The body is not JSON.",
    422: "The JSON is not a dataset document (the library's codes), or the record asked"
    " about cannot be used.",
    500: "An internal error (a bug): coded, without details; the log has the request id.",
    503: "Busy (Retry-After) or out of time.",
}


def document(config: ServeConfig) -> dict[str, Any]:
    """The OpenAPI 3.1 document of a service run with ``config``.

    Returns:
        A new JSON-ready dict (yours to change).
    """
    secured = bool(config.tokens)
    paths: dict[str, dict[str, Any]] = {}
    for endpoint in ENDPOINTS:
        paths.setdefault(endpoint.path, {})[endpoint.method.lower()] = _operation(
            endpoint, secured=secured
        )
    components: dict[str, Any] = {
        "schemas": {**_record_schemas(), **copy.deepcopy(ANSWERS)},
        "responses": {
            f"Error{status}": {
                "description": text,
                "content": {"application/json": {"schema": _ref("Error")}},
            }
            for status, text in _STATUS_TEXTS.items()
        },
        "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
    }
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "threeno",
            "version": threeno.__version__,
            "summary": 'The "03 không, 03 có" plan\'s rules and indicators, over HTTP.',
            "description": (
                "The same rules and indicators as the threeno library, for tools not written"
                " in Python. Every error is a coded message (`error.code`, `error.params`)"
                " with its wording in Vietnamese or English (`lang`, else Accept-Language)."
            ),
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": paths,
        "components": components,
    }
    if secured:
        doc["security"] = [{"bearerAuth": []}]
    return doc
