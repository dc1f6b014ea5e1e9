"""The ASGI application: Starlette routes over the endpoints, behind one guard.

The guard (:class:`_Guard`, the outermost layer) gives every request an id, answers a
CORS preflight, checks the bearer token, adds the safety headers, catches whatever
escapes (a coded 500, never a traceback) and writes one log line per request: its id,
method, route *template*, status, code and duration. Never the query, the body, a
token or an exception's message: any of them could hold a person's data.

The endpoints that read records wait for one of :attr:`ServiceLimits.concurrent` slots
(at most :attr:`ServiceLimits.queue` of them wait), then work in a thread; the request
answers 503 when its time is up, and the work stops at its next records.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import time
import traceback
import uuid
from typing import TYPE_CHECKING, Any, Final

import anyio
import anyio.abc
import anyio.to_thread
import attrs
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response
from starlette.routing import Route

from threeno.errors import ThreenoError
from threeno.lang import LANGS, Lang
from threeno.messages import Notice
from threeno.serve import _openapi
from threeno.serve._config import ServeConfig, token_digest
from threeno.serve._endpoints import ENDPOINTS, Endpoint
from threeno.serve._http import Query, ServiceError, negotiate, shown
from threeno.serve._work import Call, Cancelled, Reply, error_json, json_reply, to_json

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from starlette.requests import Request
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["build"]

LOG: Final = logging.getLogger("threeno.serve")

#: Methods a log line names; any other is logged as OTHER (a method is the client's text).
_METHODS: Final = frozenset({"GET", "POST", "OPTIONS", "HEAD", "PUT", "DELETE", "PATCH"})
#: Headers on every answer: no sniffing, no caching (answers hold record ids), no framing,
#: no script or outside resource (the HTML report needs only inline styles).
_SAFETY: Final = (
    (b"x-content-type-options", b"nosniff"),
    (b"cache-control", b"no-store"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    ),
)
_EXPOSED: Final = (
    b"Threeno-Complete, Threeno-Rejected, Threeno-Left-Out, Threeno-Published,"
    b" Threeno-Request-Id, Content-Language"
)
_HEALTH: Final = "/v1/health"


def _state(scope: Scope) -> dict[str, Any]:
    state: dict[str, Any] = scope.setdefault("threeno", {"route": "-", "code": "ok"})
    return state


def _error_reply(error: ServiceError, lang: Lang) -> Reply:
    body = {**error_json(error.status, error.notice, lang), **error.extra}
    reply = json_reply(body, status=error.status, headers=error.headers)
    return attrs.evolve(reply, code=error.notice.code)


def _library_error(error: ThreenoError) -> ServiceError:
    """A library error as the service answers it: 422, with the library's code and params."""
    if error.code is None:
        return ServiceError(422, "service_uncoded_error", detail=str(error))
    return ServiceError.coded(422, error.code, error.params)


class _Limiter:
    """At most ``slots`` works at once, at most ``queue`` waiting; the rest are refused."""

    def __init__(self, slots: int, queue: int) -> None:
        self.slots = slots
        self.queue = queue
        self.running = 0
        self.waiting = 0
        self._free: anyio.Semaphore | None = None
        self._group: anyio.abc.TaskGroup | None = None

    @contextlib.asynccontextmanager
    async def opened(self) -> AsyncIterator[None]:
        """Run works in a task group that outlives their requests (a late work ends on its own)."""
        self._free = anyio.Semaphore(self.slots)
        async with anyio.create_task_group() as group:
            self._group = group
            yield

    def refuse_if_full(self) -> None:
        """Answer 503 ``service_busy`` now if every slot and every place in the queue is taken."""
        if self._free is not None and self._free.value == 0 and self.waiting >= self.queue:
            raise self._busy()

    def _busy(self) -> ServiceError:
        """The 503 ``service_busy`` answer, with the works running and waiting."""
        return ServiceError(
            503,
            "service_busy",
            headers={"Retry-After": "1"},
            running=self.running,
            waiting=self.waiting,
        )

    async def run(
        self, work: Callable[[], Reply], call: Call, deadline: float, seconds: float
    ) -> Reply:
        """``work()`` in a thread once a slot is free, or a 503 when busy or out of time."""
        if self._free is None or self._group is None:  # pragma: no cover - lifespan not run
            msg = "the service's lifespan did not start"
            raise RuntimeError(msg)
        free, group = self._free, self._group
        try:
            free.acquire_nowait()  # a free slot: no wait, and no await before it is taken
        except anyio.WouldBlock:
            if self.waiting >= self.queue:
                raise self._busy() from None
            self.waiting += 1
            try:
                with anyio.fail_after(max(deadline - anyio.current_time(), 0)):
                    await free.acquire()
            except TimeoutError:
                raise ServiceError(503, "service_timeout", seconds=seconds) from None
            finally:
                self.waiting -= 1
        self.running += 1
        done = anyio.Event()
        box: dict[str, Any] = {}

        async def in_thread() -> None:
            try:
                box["reply"] = await anyio.to_thread.run_sync(work)
            except Exception as exc:  # noqa: BLE001 - handed to the request, which answers it
                box["error"] = exc
            finally:
                self.running -= 1
                free.release()
                done.set()

        group.start_soon(in_thread)
        try:
            with anyio.fail_after(max(deadline - anyio.current_time(), 0)):
                await done.wait()
        except TimeoutError:
            call.cancelled.set()
            raise ServiceError(503, "service_timeout", seconds=seconds) from None
        if "error" in box:
            raise box["error"]
        reply: Reply = box["reply"]
        return reply


class _Service:
    """The endpoints' handlers over one configuration."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.limiter = _Limiter(config.limits.concurrent, config.limits.queue)
        self.openapi = to_json(_openapi.document(config))

    @contextlib.asynccontextmanager
    async def lifespan(self, _: Starlette) -> AsyncIterator[None]:
        """Open the works' task group for as long as the service runs."""
        async with self.limiter.opened():
            yield

    def handler(self, endpoint: Endpoint) -> Callable[[Request], Any]:
        """The handler of one endpoint."""

        async def handle(request: Request) -> Response:
            state = _state(request.scope)
            state["route"] = endpoint.path
            lang = negotiate(request.headers.get("accept-language"))
            try:
                query = Query(
                    request.query_params.multi_items(), endpoint.params, endpoint.repeatable
                )
                if "lang" in endpoint.params:
                    chosen = query.choice("lang", LANGS)
                    lang = "vi" if chosen == "vi" else "en" if chosen == "en" else lang
                reply = await self._answer(endpoint, request, query, lang)
            except ServiceError as exc:
                reply = _error_reply(exc, lang)
            except ThreenoError as exc:
                reply = _error_reply(_library_error(exc), lang)
            if reply.code is not None:
                state["code"] = reply.code
            headers = {**reply.headers, "Content-Language": lang}
            return Response(
                reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers
            )

        return handle

    async def _answer(
        self, endpoint: Endpoint, request: Request, query: Query, lang: Lang
    ) -> Reply:
        config = self.config
        seconds = config.limits.seconds
        deadline = anyio.current_time() + seconds
        path = request.path_params.get(endpoint.path_param) if endpoint.path_param else None
        if endpoint.operation_id == "openapi":
            return Reply(body=self.openapi)
        if not endpoint.body:
            return endpoint.work(Call(config=config, lang=lang, query=query, path=path))
        self.limiter.refuse_if_full()  # before reading a body that would wait in vain
        body = await self._body(request, deadline, seconds)
        call = Call(config=config, lang=lang, query=query, body=body, path=path)
        try:
            return await self.limiter.run(lambda: endpoint.work(call), call, deadline, seconds)
        except Cancelled:  # pragma: no cover - the request had already answered
            raise ServiceError(503, "service_timeout", seconds=seconds) from None

    async def _body(self, request: Request, deadline: float, seconds: float) -> bytes:
        """The body, JSON and within the size limit, arrived in time."""
        kind = request.headers.get("content-type", "")
        if kind.split(";", 1)[0].strip().lower() != "application/json":
            raise ServiceError(415, "service_not_json_type", type=shown(kind or "—"))
        limit = self.config.limits.body_bytes
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise ServiceError(413, "service_body_too_large", limit=limit)
        chunks = []
        size = 0
        try:
            with anyio.fail_after(max(deadline - anyio.current_time(), 0)):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise ServiceError(413, "service_body_too_large", limit=limit)
                    chunks.append(chunk)
        except TimeoutError:
            raise ServiceError(408, "service_body_timeout", seconds=seconds) from None
        except ClientDisconnect:  # the client is gone: the code is for the log line
            raise ServiceError(400, "service_body_incomplete") from None
        return b"".join(chunks)


def _coded_response(status: int, notice: Notice, lang: Lang, headers: dict[str, str]) -> Response:
    body = to_json(error_json(status, notice, lang))
    return Response(body, status_code=status, media_type="application/json", headers=headers)


async def _not_found(request: Request, _: Exception) -> Response:
    lang = negotiate(request.headers.get("accept-language"))
    _state(request.scope)["code"] = "service_no_route"
    return _coded_response(404, Notice("service_no_route"), lang, {"Content-Language": lang})


async def _not_allowed(request: Request, exc: Exception) -> Response:
    lang = negotiate(request.headers.get("accept-language"))
    allowed = ""
    if isinstance(exc, HTTPException) and exc.headers:
        allowed = exc.headers.get("Allow", "")
    method = request.method if request.method in _METHODS else "OTHER"
    _state(request.scope)["code"] = "service_method_not_allowed"
    notice = Notice("service_method_not_allowed", {"method": method, "allowed": allowed})
    return _coded_response(405, notice, lang, {"Allow": allowed, "Content-Language": lang})


class _Guard:
    """The outermost layer: request ids, CORS, tokens, safety headers, the catch-all, the log."""

    def __init__(self, app: ASGIApp, config: ServeConfig) -> None:
        self.app = app
        self.config = config
        self.origins = frozenset(config.cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Guard one HTTP request; pass the lifespan through."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = _state(scope)
        request_id = state["id"] = uuid.uuid4().hex[:16]
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        allowed_origin = origin if origin is not None and origin in self.origins else None
        started = False
        status = 0
        begin = time.perf_counter()

        async def guarded(message: Message) -> None:
            nonlocal started, status
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
                extra = [*_SAFETY, (b"threeno-request-id", request_id.encode())]
                if allowed_origin is not None:
                    extra += [
                        (b"access-control-allow-origin", allowed_origin.encode("latin-1")),
                        (b"access-control-expose-headers", _EXPOSED),
                        (b"vary", b"Origin"),
                    ]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            refusal = self._refusal(scope, headers, allowed_origin)
            if refusal is not None:
                await refusal(scope, receive, guarded)
            else:
                await self.app(scope, receive, guarded)
        except Exception as exc:  # noqa: BLE001 - the catch-all: a coded answer, a coded log
            # Starlette answers an error of a route itself (_internal_error) and raises it
            # again: it is logged once, and answered once.
            if state["code"] != "service_internal_error":
                _log_internal_error(scope, exc)
            if not started:
                response = _internal_error(scope, headers)
                await response(scope, receive, guarded)
        finally:
            method = scope.get("method", "")
            LOG.info(
                "request %s: %s %s %d %s %.1f ms",
                request_id,
                method if method in _METHODS else "OTHER",
                state["route"],
                status,
                state["code"],
                (time.perf_counter() - begin) * 1000,
            )

    def _refusal(self, scope: Scope, headers: Headers, origin: str | None) -> ASGIApp | None:
        """The answer to a preflight, or to a request without a good token; else ``None``."""
        state = _state(scope)
        lang = negotiate(headers.get("accept-language"))
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            state["route"] = "(preflight)"
            wanted = headers["access-control-request-method"]
            if origin is None or wanted not in {"GET", "POST"}:
                state["code"] = "service_cors_not_allowed"
                notice = Notice("service_cors_not_allowed")
                return _coded_response(403, notice, lang, {"Content-Language": lang})
            return Response(
                status_code=204,
                headers={
                    "Access-Control-Allow-Methods": "GET, POST",
                    "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept-Language",
                    "Access-Control-Max-Age": "600",
                },
            )
        if not self.config.tokens or scope["path"] == _HEALTH:
            return None
        given = headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            code, challenge = "service_token_missing", 'Bearer realm="threeno"'
        elif _accepted(token.strip(), self.config.tokens):
            return None
        else:
            code, challenge = (
                "service_token_invalid",
                'Bearer realm="threeno", error="invalid_token"',
            )
        state["code"] = code
        extra = {"WWW-Authenticate": challenge, "Content-Language": lang}
        return _coded_response(401, Notice(code), lang, extra)


def _log_internal_error(scope: Scope, exc: BaseException) -> None:
    """One log line for a bug: the request's id, the exception's class and place, no message."""
    state = _state(scope)
    state["code"] = "service_internal_error"
    LOG.error(
        "request %s: service_internal_error: %s at %s",
        state.get("id", "-"),
        type(exc).__name__,
        _where(exc),
    )


def _internal_error(scope: Scope, headers: Headers) -> Response:
    """The answer to a bug: 500, coded, with the request's id and nothing of the error."""
    lang = negotiate(headers.get("accept-language"))
    notice = Notice("service_internal_error", {"request_id": _state(scope).get("id", "-")})
    return _coded_response(500, notice, lang, {"Content-Language": lang})


async def _route_failed(request: Request, exc: Exception) -> Response:
    """Starlette's answer to an exception of a route: the coded 500, logged once."""
    _log_internal_error(request.scope, exc)
    return _internal_error(request.scope, request.headers)


def _accepted(token: str, digests: frozenset[bytes]) -> bool:
    """Whether ``token`` is one of the service's, compared in constant time.

    The token's SHA-256 is compared with every digest kept (:func:`hmac.compare_digest`,
    no early exit), so the time taken says nothing about which token, or how much of it,
    matched.
    """
    digest = token_digest(token)
    found = False
    for kept in digests:
        found |= hmac.compare_digest(digest, kept)
    return found


def _where(exc: BaseException) -> str:
    """Where an exception was raised, as ``file:line in function`` (no message, no values)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    name = last.filename.rsplit("/", 2)
    return f"{'/'.join(name[-2:])}:{last.lineno} in {last.name}"


def build(config: ServeConfig) -> ASGIApp:
    """The application of :func:`threeno.serve.create_app`: the guard over Starlette's routes."""
    service = _Service(config)
    routes = [
        Route(endpoint.path, service.handler(endpoint), methods=[endpoint.method])
        for endpoint in ENDPOINTS
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: _not_found, 405: _not_allowed, Exception: _route_failed},
        lifespan=service.lifespan,
    )
    return _Guard(app, config)
