"""What each endpoint does, as plain functions of a :class:`Call`: no web framework here.

Each function reads its parameters as the command line reads its options (the same
names in snake case: ``count_receipt_day`` for ``--count-receipt-day``), calls the
library's public functions exactly as the command does, and returns a :class:`Reply`.
A request that cannot be answered raises :class:`~threeno.serve._http.ServiceError`
(its parameters, its body) or lets the library's :class:`~threeno.errors.ThreenoError`
through (a document that is not a dataset): both are coded.

The functions that read records run in a worker thread; :attr:`Call.cancelled` is set
when the request ran out of time, and the load stops at the next records it reads.

Plan clauses: IV.2 (the standing body consolidates the reports); the rules and
indicators are the library's, with their own sources.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

import threeno
from threeno.cli import default_period
from threeno.errors import PeriodError
from threeno.indicators.catalogue import CATALOGUE
from threeno.indicators.definitions import Level
from threeno.indicators.explanation import EXPLAIN_MODES
from threeno.io.datasets import SCHEMA
from threeno.lang import Lang
from threeno.lang import date as lang_date
from threeno.messages import Notice
from threeno.model.plan import Plan
from threeno.model.plan import with_settings as plan_with_settings
from threeno.reporting.render import FORMATS
from threeno.rules.calendar import plan_calendar, today
from threeno.rules.time_limits import status_on, time_limit
from threeno.serve._http import Query, ServiceError, count_records, parse_json, shown

if TYPE_CHECKING:
    from threeno.indicators.results import Evaluation
    from threeno.io.report import LoadReport
    from threeno.model.crime import CrimeReport
    from threeno.model.dataset import Dataset
    from threeno.model.period import ReportingPeriod
    from threeno.rules.time_limits import Deadline
    from threeno.serve._config import ServeConfig

#: The media type of each report format.
MEDIA_TYPES: Final = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}
JSON: Final = "application/json"


class Cancelled(Exception):  # noqa: N818 - a state, not an error of the request
    """The request ran out of time: the work stops, its answer was already sent."""


@attrs.frozen(kw_only=True)
class Call:
    """One request as the work sees it.

    Args:
        config: the service's settings.
        lang: the language of the answer.
        query: the request's parameters.
        body: the request body (empty for a request without one).
        path: the endpoint's path parameter (a plan id, an indicator id), if any.
        cancelled: set when the request ran out of time.
    """

    config: ServeConfig
    lang: Lang
    query: Query
    body: bytes = b""
    path: str | None = None
    cancelled: threading.Event = attrs.field(factory=threading.Event)

    def check(self) -> None:
        """Stop here if the request ran out of time."""
        if self.cancelled.is_set():
            raise Cancelled


@attrs.frozen(kw_only=True)
class Reply:
    """An answer: status, media type, body and headers."""

    body: bytes
    media_type: str = JSON
    status: int = 200
    headers: Mapping[str, str] = attrs.field(factory=dict)
    code: str | None = None  # an error's code, for the log line


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Notice):
        return value.to_dict()
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


def to_json(data: object) -> bytes:
    """JSON text as UTF-8, keys sorted (as the library's ``to_json``): dates ISO, notices coded."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=_plain).encode("utf-8")


def json_reply(
    data: object, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> Reply:
    """A JSON answer."""
    return Reply(body=to_json(data), status=status, headers=dict(headers or {}))


def notice_json(notice: Notice, lang: Lang) -> dict[str, object]:
    """A notice for a tool and a person: ``code``, ``params`` and ``message`` in ``lang``."""
    return {**notice.to_dict(), "message": notice.text(lang)}


def error_json(status: int, notice: Notice, lang: Lang) -> dict[str, object]:
    """The body of an error answer: ``{"error": {status, code, params, message}}``."""
    return {"error": {"status": status, **notice_json(notice, lang)}}


# -- plans, periods, settings -------------------------------------------------------------


def plan_of(call: Call) -> Plan:
    plan_id = call.query.one("plan") or call.config.default_plan
    plan = call.config.plans.get(plan_id)
    if plan is None:
        known = ", ".join(call.config.plans)
        raise ServiceError(400, "service_unknown_plan", plan=shown(plan_id), known=known)
    return plan


def _period(plan: Plan, query: Query) -> ReportingPeriod:
    text = query.one("period")
    if text is None:
        return default_period(plan, today())
    try:
        return plan.period(text)
    except PeriodError:
        raise ServiceError(400, "service_unknown_period", text=shown(text)) from None


#: How a setting given by a request is noted in the report, never as the plan's.
SET_HERE_VI: Final = "Đặt trong yêu cầu gửi dịch vụ ({option}), không theo tệp kế hoạch."
SET_HERE_EN: Final = "Set by the request to the service ({option}), not by the plan file."


def with_settings(plan: Plan, query: Query) -> Plan:
    """The plan with the settings a request overrides, as the command line's options do.

    ``count_receipt_day``, ``crosswalk``, ``suspension_counts_as_resolved`` and
    ``days_allowed`` replace the plan's, and
    ``day_off`` adds local days off, each noted as set by the request (the report shows
    where every setting came from); a value equal to the plan's changes nothing
    (:func:`threeno.model.plan.with_settings`).
    """

    def set_by(key: str, value: object) -> tuple[str, str]:
        if key == "day_off":  # the name of a day off: no final stop
            return (
                SET_HERE_VI.format(option=key).removesuffix("."),
                SET_HERE_EN.format(option=key).removesuffix("."),
            )
        shown = {True: "true", False: "false"}.get(value, value)  # type: ignore[call-overload]
        option = f"{key}={shown}"
        return SET_HERE_VI.format(option=option), SET_HERE_EN.format(option=option)

    return plan_with_settings(
        plan,
        count_receipt_day=query.boolean("count_receipt_day"),
        crosswalk=query.boolean("crosswalk"),
        suspension_counts_as_resolved=query.boolean("suspension_counts_as_resolved"),
        days_allowed=query.days("days_allowed"),
        days_off=query.dates("day_off"),
        set_by=set_by,
    )


def _check_units(plan: Plan, period: ReportingPeriod, units: Sequence[str]) -> None:
    in_scope = [u.code for u in plan.units_in_scope(period.end)]
    unknown = [code for code in units if code not in in_scope]
    if unknown:
        raise ServiceError(
            400,
            "service_unit_not_in_plan",
            units=", ".join(shown(code) for code in unknown),
            plan=plan.id,
            on=lang_date(period.end, "vi"),
            known=", ".join(in_scope),
        )


def _indicators(plan: Plan, query: Query) -> tuple[str, ...] | None:
    """The indicators a report evaluates: the plan's, with those the request adds.

    As ``threeno report``: ``None`` (the plan's own list) unless ``all_indicators=true``
    (the whole catalogue) or ``indicator=ID`` (added after the plan's, or among those its
    clauses name in the catalogue's order).
    """
    given = query.many("indicator")
    if query.boolean("all_indicators"):
        return tuple(i.id for i in CATALOGUE)
    if not given:
        return None
    known = [i.id for i in CATALOGUE]
    unknown = [i for i in given if i not in known]
    if unknown:
        raise ServiceError(
            400,
            "service_unknown_indicator",
            indicator=", ".join(shown(i) for i in unknown),
            known=", ".join(known),
        )
    extra = set(given)
    if plan.indicators is not None:
        return (*plan.indicators, *(i for i in known if i in extra - set(plan.indicators)))
    wanted = set(plan.report_indicators or known) | extra
    return tuple(i for i in known if i in wanted)


# -- records ------------------------------------------------------------------------------


class _Watched:
    """A document's list of records, read by the loader one by one until time runs out."""

    def __init__(self, items: list[object], call: Call) -> None:
        self.items = items
        self.call = call

    def __iter__(self) -> Iterator[object]:
        for i, item in enumerate(self.items):
            if i % 256 == 0:
                self.call.check()
            yield item


def _load(call: Call, plan: Plan) -> tuple[Dataset, LoadReport]:
    """The request body read as a dataset, exactly as ``load_dataset`` reads a document.

    Raises:
        ServiceError: for a body that is not JSON (400) or holds too many records (413).
        DatasetError: for a JSON value that is not a dataset document (the library's).
    """
    document = parse_json(call.body, schema=SCHEMA)
    count = count_records(document)
    if count > call.config.limits.records:
        raise ServiceError(
            413, "service_too_many_records", count=count, limit=call.config.limits.records
        )
    call.check()
    if not isinstance(document, dict):
        # Never handed to load_dataset: a string is a path to it, a list rows of records.
        kinds = {list: "list", str: "text", int: "int", float: "float", bool: "bool"}
        raise ServiceError(
            422,
            "document_not_object",
            where=Notice("the_document"),
            schema=SCHEMA,
            type=kinds.get(type(document), "NoneType"),
        )
    source = {
        key: _Watched(value, call) if isinstance(value, list) else value
        for key, value in document.items()
    }
    data, report = threeno.load_dataset(source, plan=plan)
    call.check()
    return data, report


def load_report_json(report: LoadReport, lang: Lang) -> dict[str, object]:
    """A load report as JSON: counts, every rejection, problem and note, coded and worded."""

    def coded(code: str | None, params: Mapping[str, object]) -> dict[str, object]:
        if code is None:
            return {"code": None, "params": {}}
        return Notice(code, params).to_dict()

    return {
        "source": report.source,
        "ok": report.ok,
        "read": report.read,
        "accepted": report.accepted,
        "rejected": report.rejected,
        "counts": {
            name: {"read": c.read, "accepted": c.accepted, "rejected": c.rejected}
            for name, c in report.counts.items()
        },
        "rejections": [
            {
                "record_type": r.record_type,
                "index": r.index,
                "line": r.line,
                "record_id": r.record_id,
                "location": r.location_text(lang),
                "problems": [
                    {"field": p.field, **coded(p.code, p.params), "message": p.text(lang)}
                    for p in r.problems
                ],
            }
            for r in report.rejections
        ],
        "problems": [
            {
                "record_type": p.record_type,
                "record_id": p.record_id,
                "field": p.field,
                **coded(p.code, p.params),
                "message": p.text(lang),
            }
            for p in report.problems
        ],
        "notes": [notice_json(n, lang) for n in report.notes],
        "text": report.text(lang),
    }


def outcome_json(
    report: LoadReport, evaluation: Evaluation, *, allow_out_of_scope: bool, lang: Lang
) -> dict[str, object]:
    """Whether every record read is in the numbers, as the command's exit code says.

    ``complete`` is false (the command would exit 1) when records were rejected, or left
    out for their unit unless ``allow_out_of_scope=true``; ``notices`` say how many and
    why, in ``lang``.
    """
    notices = []
    complete = True
    if report.rejected:
        notices.append(Notice("service_records_rejected", {"count": report.rejected}))
        complete = False
    quality = evaluation.data_quality
    if quality.left_out:
        what = (
            "service_records_left_out_allowed" if allow_out_of_scope else "service_records_left_out"
        )
        notices.append(Notice(what, {"count": quality.left_out, **quality.left_out_by_reason}))
        complete = complete and allow_out_of_scope
    return {
        "complete": complete,
        "rejected": report.rejected,
        "left_out": quality.left_out,
        "left_out_by_reason": quality.left_out_by_reason,
        "allow_out_of_scope": allow_out_of_scope,
        "notices": [notice_json(n, lang) for n in notices],
    }


def _outcome_headers(outcome: Mapping[str, object]) -> dict[str, str]:
    return {
        "Threeno-Complete": "true" if outcome["complete"] else "false",
        "Threeno-Rejected": str(outcome["rejected"]),
        "Threeno-Left-Out": str(outcome["left_out"]),
    }


@attrs.frozen(kw_only=True)
class _Evaluated:
    plan: Plan
    evaluation: Evaluation
    report: LoadReport
    outcome: dict[str, object]


def _evaluate(
    call: Call,
    *,
    units: Sequence[str],
    indicators: Sequence[str] | None,
    explain: str,
    before: Callable[[Plan, ReportingPeriod], None] | None = None,
) -> _Evaluated:
    """Load the body and evaluate, as ``threeno report`` and ``explain`` do."""
    query = call.query
    plan = with_settings(plan_of(call), query)
    period = _period(plan, query)
    allow = bool(query.boolean("allow_out_of_scope"))
    if units:
        _check_units(plan, period, units)
    if before is not None:
        before(plan, period)
    data, report = _load(call, plan)
    evaluation = threeno.evaluate(
        plan,
        data,
        period,
        units=list(units) or None,
        indicators=indicators,
        explain=explain,  # type: ignore[arg-type]  # one of EXPLAIN_MODES, checked
        crosswalk=plan.evaluation.crosswalk,
        count_receipt_day=plan.evaluation.count_receipt_day,
        suspension_counts_as_resolved=plan.evaluation.suspension_counts_as_resolved,
        calendar=plan_calendar(plan),
    )
    call.check()
    outcome = outcome_json(report, evaluation, allow_out_of_scope=allow, lang=call.lang)
    return _Evaluated(plan=plan, evaluation=evaluation, report=report, outcome=outcome)


# -- the endpoints that read records ----------------------------------------------------------


def validate(call: Call) -> Reply:
    """``POST /v1/validate``: the load report of a dataset, unit codes checked against the plan."""
    plan = plan_of(call)
    _, report = _load(call, plan)
    return json_reply(load_report_json(report, call.lang))


def evaluate(call: Call) -> Reply:
    """``POST /v1/evaluate``: the evaluation (``Evaluation.to_dict``), load report and outcome."""
    query = call.query
    explain = query.choice("explain", EXPLAIN_MODES) or "none"
    units = query.many("unit")
    done = _evaluate(
        call, units=units, indicators=_indicators(plan_of(call), query), explain=explain
    )
    body = {
        "evaluation": done.evaluation.to_dict(),
        "load_report": load_report_json(done.report, call.lang),
        "outcome": done.outcome,
    }
    return json_reply(body, headers=_outcome_headers(done.outcome))


def explain(call: Call) -> Reply:
    """``POST /v1/explain/{indicator}``: one indicator's result and every record behind it."""
    ids = {i.id: i for i in CATALOGUE}
    indicator = ids.get(call.path or "")
    if indicator is None:
        raise ServiceError(
            404, "service_unknown_indicator", indicator=shown(call.path), known=", ".join(ids)
        )
    unit = call.query.one("unit")
    if unit is not None and indicator.level is Level.AGENCY:
        raise ServiceError(400, "service_indicator_by_agency", indicator=indicator.id)
    done = _evaluate(
        call, units=[] if unit is None else [unit], indicators=[indicator.id], explain="all"
    )
    results = done.evaluation[indicator.id]
    result = results.total if unit is None else results.by_unit[unit]
    body = {
        "indicator": indicator.id,
        "unit": unit,
        "period": str(done.evaluation.period),
        "text": result.explain(call.lang),
        "result": result.to_dict(),
        "load_report": load_report_json(done.report, call.lang),
        "outcome": done.outcome,
    }
    return json_reply(body, headers=_outcome_headers(done.outcome))


def report(call: Call) -> Reply:
    """``POST /v1/report``: the consolidated report in a format, as ``threeno report`` writes it.

    Published (``publish=true``, or by the service's ``--publish`` unless the request says
    ``publish=false``): counts from 1 to *k* - 1 hidden, and no record listed.
    """
    query = call.query
    fmt = query.choice("format", FORMATS) or "md"
    publish = query.boolean("publish")
    if publish is None:
        publish = call.config.publish
    threshold = query.threshold("suppress_below")
    if threshold is not None and not publish:
        raise ServiceError(400, "service_suppress_without_publish")
    if publish and threshold is None:
        threshold = call.config.suppress_below
    done = _evaluate(
        call,
        units=query.many("unit"),
        indicators=_indicators(plan_of(call), query),
        explain="failures",
    )
    text = threeno.render(
        done.evaluation,
        fmt,
        lang=call.lang,
        plan=done.plan,
        load_report=done.report,
        suppress_below=threshold,
    )
    headers = {**_outcome_headers(done.outcome), "Threeno-Published": str(publish).lower()}
    return Reply(body=text.encode("utf-8"), media_type=MEDIA_TYPES[fmt], headers=headers)


def _crime_report(call: Call, data: Dataset, report: LoadReport) -> CrimeReport:
    """The one crime report a time-limit request asks about (``report_id`` among several)."""
    wanted = call.query.one("report_id")
    total = report.counts["crime_reports"].read
    rejected = {r.record_id for r in report.rejections if r.record_type == "crime_reports"}
    if total == 0:
        raise ServiceError(422, "service_no_crime_report")
    if wanted is None:
        if total > 1:
            raise ServiceError(422, "service_several_crime_reports", count=total)
        if data.crime_reports:
            return data.crime_reports[0]
    else:
        found = [r for r in data.crime_reports if r.id == wanted]
        if found:
            return found[0]
        if wanted not in rejected:
            raise ServiceError(422, "service_crime_report_not_found", report_id=shown(wanted))
    raise ServiceError(
        422,
        "service_crime_report_rejected",
        extra={"load_report": load_report_json(report, call.lang)},
    )


def deadline_json(deadline: Deadline, lang: Lang) -> dict[str, object]:
    """A time limit as JSON: its date, every step with its article, and the text of both."""
    return {
        "report_id": deadline.report_id,
        "received_on": deadline.received_on,
        "date": deadline.date,
        "suspended": deadline.is_suspended,
        "suspended_since": deadline.suspended_since,
        "missed_limit": deadline.missed_limit,
        "as_of": deadline.as_of,
        "count_receipt_day": deadline.count_receipt_day,
        "summary": deadline.summary(lang),
        "explanation": deadline.explain(lang),
        "steps": [
            {
                "kind": step.kind.value,
                "label": step.kind.label(lang),
                "event_on": step.event_on,
                "result": step.result,
                "applied": step.applied,
                "late": step.late,
                "passed": step.passed,
                "reference": step.reference_in(lang),
                "skipped": [
                    {"day": s.day, "name": s.name(lang), "holiday": s.holiday} for s in step.skipped
                ],
            }
            for step in deadline.steps
        ],
    }


def time_limit_of(call: Call) -> Reply:
    """``POST /v1/time-limit``: one crime report's time limit, step by step, with its articles.

    The body is a dataset document holding the report (``report_id`` picks one of
    several); the plan gives the days off and whether the day of receipt counts, which
    ``count_receipt_day`` and ``day_off`` override. With ``as_of``, only what was known
    that day, and the report's status on it.
    """
    query = call.query
    plan = with_settings(plan_of(call), query)
    as_of = query.date("as_of")
    query.one("report_id")  # refused here when repeated, before the body is read
    data, report = _load(call, plan)
    crime_report = _crime_report(call, data, report)
    if as_of is not None and as_of < crime_report.received_on:
        raise ServiceError(
            422,
            "service_as_of_before_receipt",
            as_of=as_of.isoformat(),
            received_on=crime_report.received_on.isoformat(),
        )
    calendar = plan_calendar(plan)
    count_receipt_day = plan.evaluation.count_receipt_day
    deadline = time_limit(crime_report, calendar, as_of=as_of, count_receipt_day=count_receipt_day)
    status = None
    if as_of is not None:
        found = status_on(crime_report, as_of, calendar, count_receipt_day=count_receipt_day)
        status = {"code": found.value, "label": found.label(call.lang)}
    body = {
        "plan": plan.id,
        "deadline": deadline_json(deadline, call.lang),
        "status": status,
        "load_report": load_report_json(report, call.lang),
    }
    return json_reply(body)
