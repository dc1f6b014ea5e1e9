"""The endpoints: one table that both the application and its OpenAPI document are built from.

Each :class:`Endpoint` names its method and path, the work it does, the parameters it
takes (any other is refused), whether it reads a body of records, and what it answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from threeno.serve import _lookups, _work

if TYPE_CHECKING:
    from collections.abc import Callable

    from threeno.serve._work import Call, Reply

#: The settings of a plan a request may override, as the command line's options do.
SETTINGS: Final = (
    "count_receipt_day",
    "crosswalk",
    "suspension_counts_as_resolved",
    "days_allowed",
    "day_off",
)
#: What an evaluation takes: plan, period, units, settings, and whether records left out
#: for their unit are accepted.
EVALUATION: Final = ("plan", "period", "unit", "allow_out_of_scope", *SETTINGS, "lang")


@attrs.frozen(kw_only=True)
class Endpoint:
    """One endpoint of the service.

    Args:
        method: ``GET`` or ``POST``.
        path: the path, with ``{name}`` for its path parameter.
        operation_id: the OpenAPI operation id.
        work: what it does (:mod:`threeno.serve._work`).
        summary: one line for the OpenAPI document.
        description: more, for the OpenAPI document.
        params: the query parameters it takes.
        repeatable: those that may be given several times.
        body: whether it reads a dataset document (and so counts against the limits).
        response: the OpenAPI schema name of its answer (``None``: a report's text).
        errors: the HTTP statuses of its coded errors besides 401, 503 and 500.
    """

    method: str
    path: str
    operation_id: str
    work: Callable[[Call], Reply]
    summary: str
    description: str = ""
    params: tuple[str, ...] = ("lang",)
    repeatable: tuple[str, ...] = ()
    body: bool = False
    response: str | None = None
    errors: tuple[int, ...] = (400,)

    @property
    def path_param(self) -> str | None:
        """The name of its path parameter, if it has one."""
        if "{" not in self.path:
            return None
        return self.path.split("{", 1)[1].split("}", 1)[0]


_BODY_ERRORS: Final = (400, 413, 415, 408, 422)

ENDPOINTS: Final = (
    Endpoint(
        method="GET",
        path="/v1/health",
        operation_id="health",
        work=_lookups.health,
        summary="Whether the service answers (no token needed)",
        params=(),
        response="Health",
        errors=(),
    ),
    Endpoint(
        method="GET",
        path="/v1/openapi.json",
        operation_id="openapi",
        work=_lookups.health,  # replaced by the application: the document of its own settings
        summary="This OpenAPI 3.1 document",
        params=(),
        response="OpenApiDocument",
        errors=(),
    ),
    Endpoint(
        method="GET",
        path="/v1/plans",
        operation_id="listPlans",
        work=_lookups.plan_list,
        summary="The plans a request may name",
        response="PlanList",
    ),
    Endpoint(
        method="GET",
        path="/v1/plans/{plan}",
        operation_id="showPlan",
        work=_lookups.plan_detail,
        summary="A plan: units, agencies, indicators, targets, settings and its summary",
        description="As `threeno plan show`; `summary` is its text in the answer's language.",
        response="PlanDetail",
        errors=(400, 404),
    ),
    Endpoint(
        method="GET",
        path="/v1/indicators",
        operation_id="listIndicators",
        work=_lookups.indicator_list,
        summary="The indicator catalogue with a plan's clauses and targets",
        description="As `threeno indicators`: `in_report` says whether a report evaluates it.",
        params=("plan", "lang"),
        response="IndicatorList",
    ),
    Endpoint(
        method="GET",
        path="/v1/schema",
        operation_id="datasetSchema",
        work=_lookups.schema,
        summary="The JSON Schema (draft 2020-12) of a dataset document",
        description="As `threeno schema`; generated from the model, as this document's schemas.",
        params=(),
        response="JsonSchema",
        errors=(),
    ),
    Endpoint(
        method="GET",
        path="/v1/schema/{record_type}",
        operation_id="recordSchema",
        work=_lookups.schema,
        summary="The JSON Schema of one record type",
        params=(),
        response="JsonSchema",
        errors=(404,),
    ),
    Endpoint(
        method="POST",
        path="/v1/validate",
        operation_id="validate",
        work=_work.validate,
        summary="Load a dataset and return its load report",
        description=(
            "As `threeno validate`: records read, accepted and rejected per type, every"
            " rejection with its place and coded reasons, every problem between records."
            " `ok` is false when a record was rejected or a problem found."
        ),
        params=("plan", "lang"),
        body=True,
        response="LoadReport",
        errors=_BODY_ERRORS,
    ),
    Endpoint(
        method="POST",
        path="/v1/evaluate",
        operation_id="evaluate",
        work=_work.evaluate,
        summary="Evaluate a plan's indicators on a dataset over a period",
        description=(
            "The evaluation's JSON as `Evaluation.to_dict()` gives it, the load report, and"
            " the outcome (`complete` is false where `threeno report` would exit 1)."
            " Explanations on request: `explain=failures` or `all` (default `none`)."
        ),
        params=(*EVALUATION, "indicator", "all_indicators", "explain"),
        repeatable=("unit", "indicator", "day_off"),
        body=True,
        response="EvaluateResponse",
        errors=_BODY_ERRORS,
    ),
    Endpoint(
        method="POST",
        path="/v1/explain/{indicator}",
        operation_id="explain",
        work=_work.explain,
        summary="One indicator's result and every record behind it",
        description="As `threeno explain`: `text` is the explanation in the answer's language.",
        params=EVALUATION,
        repeatable=("day_off",),
        body=True,
        response="ExplainResponse",
        errors=(*_BODY_ERRORS, 404),
    ),
    Endpoint(
        method="POST",
        path="/v1/report",
        operation_id="report",
        work=_work.report,
        summary="The consolidated report in a format (md, html, json, csv)",
        description=(
            "As `threeno report`. `publish=true` (or the service's `--publish`) renders a"
            " report fit to publish: counts from 1 to k-1 hidden, no record listed. The"
            " headers `Threeno-Complete`, `Threeno-Rejected` and `Threeno-Left-Out` say"
            " what the outcome of an evaluation says."
        ),
        params=(
            *EVALUATION,
            "indicator",
            "all_indicators",
            "format",
            "publish",
            "suppress_below",
        ),
        repeatable=("unit", "indicator", "day_off"),
        body=True,
        response=None,
        errors=_BODY_ERRORS,
    ),
    Endpoint(
        method="POST",
        path="/v1/time-limit",
        operation_id="timeLimit",
        work=_work.time_limit_of,
        summary="One crime report's time limit, step by step, with its articles",
        description=(
            "The body is a dataset document holding the report (`report_id` picks one of"
            " several). The plan's days off and reading of the day of receipt apply unless"
            " overridden; with `as_of`, only what was known that day, and the status then."
        ),
        params=("plan", "report_id", "as_of", "count_receipt_day", "day_off", "lang"),
        repeatable=("day_off",),
        body=True,
        response="TimeLimitResponse",
        errors=_BODY_ERRORS,
    ),
)
