"""threeno's rules behind an HTTP API: ``threeno serve``.

Most provincial software is not written in Python; to count the same way, a police
register in Java, a Women's Union tracker in PHP or a dashboard in JavaScript send their
records to this service and get back what the library computes: the load report, the
evaluation, an indicator's explanation, the report in every format, a crime report's
time limit step by step. The guide page "The HTTP service" lists the endpoints; the
service describes itself in an OpenAPI 3.1 document (``GET /v1/openapi.json``) built
from the library's own JSON Schema.

Needs the ``serve`` extra (``pip install "threeno[serve]"``: Starlette and uvicorn).
This package imports neither until :func:`create_app` or :func:`run` is called, so that
``import threeno`` never imports the web stack; it sits beside :mod:`threeno.cli` in the
order of imports (it may import every part, and none imports it).

Plan clauses: IV.2 (the standing body consolidates the agencies' reports: every tool
must count the same way).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from threeno.serve._config import (
    DEFAULT_PLAN,
    MIN_TOKEN_LENGTH,
    ServeConfig,
    ServiceLimits,
    read_tokens,
)

if TYPE_CHECKING:
    from starlette.types import ASGIApp

__all__ = [
    "DEFAULT_PLAN",
    "LOG_CONFIG",
    "MIN_TOKEN_LENGTH",
    "ServeConfig",
    "ServiceLimits",
    "create_app",
    "read_tokens",
    "run",
]

#: The logging of :func:`run`: one line per request on standard error (``threeno.serve``)
#: and uvicorn's own lines (start, stop, malformed requests); uvicorn's access log is off,
#: since it would write the query of every request.
LOG_CONFIG: Final[dict[str, Any]] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "threeno.serve": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def create_app(config: ServeConfig | None = None) -> ASGIApp:
    """The ASGI application of the service, for uvicorn or any ASGI server.

    ``uvicorn.run(create_app(ServeConfig(publish=True)), port=8080)`` serves it as
    :func:`run` does, with other settings of uvicorn's.

    Args:
        config: the :class:`ServeConfig` (its defaults if ``None``).

    Returns:
        An ASGI application.

    Raises:
        ModuleNotFoundError: without the ``serve`` extra.

    .. versionadded:: 0.2.0
    """
    from threeno.serve._app import build  # noqa: PLC0415 - the web stack, only when asked

    return build(ServeConfig() if config is None else config)


def run(config: ServeConfig) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), on ``config.host`` and ``config.port``.

    uvicorn runs :func:`create_app`'s application with :data:`LOG_CONFIG`: no access
    log, no ``Server`` header, no proxy headers trusted, HTTP/1.1 only.

    Raises:
        ModuleNotFoundError: without the ``serve`` extra.

    .. versionadded:: 0.2.0
    """
    import uvicorn  # noqa: PLC0415 - the web stack, only when asked

    uvicorn.run(
        create_app(config),
        host=config.host,
        port=config.port,
        log_config=LOG_CONFIG,
        access_log=False,
        server_header=False,
        proxy_headers=False,
        http="h11",
        ws="none",
        lifespan="on",
        timeout_keep_alive=5,
        timeout_graceful_shutdown=int(config.limits.seconds) + 1,
    )
