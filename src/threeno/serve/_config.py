"""The service's settings: where it listens, its plans, tokens, origins and limits.

No web framework is imported here, so that ``threeno serve --help`` and the checks of a
configuration work without the ``serve`` extra.
"""

from __future__ import annotations

import hashlib
import math
import os  # noqa: TC003 - Sphinx resolves the annotations
from collections.abc import Iterable, Mapping  # noqa: TC003 - Sphinx resolves the annotations
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs

from threeno import plans
from threeno.errors import ValidationError
from threeno.messages import Notice
from threeno.model.plan import Plan  # noqa: TC001 - Sphinx resolves the annotations
from threeno.privacy import DEFAULT_THRESHOLD

#: The plan a request evaluates when it names none (the command line's default too).
DEFAULT_PLAN: Final = "lai-chau-2024"
#: The shortest token accepted: 16 characters (128 bits of a hex-encoded random token).
MIN_TOKEN_LENGTH: Final = 16
_MIB: Final = 1 << 20


def _invalid(*, code: str, field: str, **params: object) -> ValidationError:
    notice = Notice(code, params)
    return ValidationError(
        notice.text("en"), cls_name="ServeConfig", field=field, code=code, params=params
    )


def _positive_int(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        shown = value if isinstance(value, int) else type(value).__name__
        raise _invalid(code="limit_not_positive", field=attribute.name, value=shown)


def _positive_seconds(_: object, attribute: attrs.Attribute[float], value: object) -> None:
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is None or not math.isfinite(number) or number <= 0:
        shown = value if isinstance(value, int | float) else type(value).__name__
        raise _invalid(code="service_seconds_not_positive", field=attribute.name, value=shown)


@attrs.frozen(kw_only=True)
class ServiceLimits:
    """What one request may ask of the service, and how many it works on at once.

    Every limit is answered with a coded error, never a crash: a body over
    ``body_bytes`` or with more than ``records`` records is refused with 413
    (``service_body_too_large``, ``service_too_many_records``); a request that takes more
    than ``seconds`` is answered with 503 (``service_timeout``), or 408 while its body is
    still arriving (``service_body_timeout``); at most ``concurrent`` requests work on
    records at once, ``queue`` more wait their turn, and any beyond them are answered with
    503 (``service_busy``, with ``Retry-After``).

    Args:
        body_bytes: the largest request body, in bytes (32 MiB).
        records: the most records one request may hold, of all types together (100,000).
        seconds: the longest a request may take, waiting included (30).
        concurrent: how many requests work on records at once (2: this machine's cores;
            the work holds Python's GIL, so more would only share them).
        queue: how many more requests may wait for their turn (32).

    .. versionadded:: 0.2.0
    """

    body_bytes: int = attrs.field(default=32 * _MIB, validator=_positive_int)
    records: int = attrs.field(default=100_000, validator=_positive_int)
    seconds: float = attrs.field(default=30.0, validator=_positive_seconds)
    concurrent: int = attrs.field(default=2, validator=_positive_int)
    queue: int = attrs.field(default=32, validator=_positive_int)


def token_digest(token: str) -> bytes:
    """The SHA-256 of a token: what the service keeps, and compares, instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).digest()


def _digests(tokens: Iterable[str]) -> frozenset[bytes]:
    found = []
    for i, token in enumerate(tokens):
        if not isinstance(token, str) or len(token) < MIN_TOKEN_LENGTH:
            raise _invalid(
                code="service_token_too_short",
                field="tokens",
                where=f"tokens[{i}]",
                minimum=MIN_TOKEN_LENGTH,
            )
        found.append(token_digest(token))
    return frozenset(found)


def _plans(value: Mapping[str, Plan]) -> Mapping[str, Plan]:
    return MappingProxyType(dict(value))


def bundled_plans() -> dict[str, Plan]:
    """Every bundled plan by id (:func:`threeno.plans.available`), loaded once."""
    return {plan_id: plans.load_plan(plan_id) for plan_id in plans.available()}


@attrs.frozen(kw_only=True)
class ServeConfig:
    """How ``threeno serve`` runs: address, plans, tokens, origins, publication and limits.

    Args:
        host: the address to listen on; ``127.0.0.1`` (this machine only) unless told
            otherwise.
        port: the port (8000).
        plans: the plans requests may name, by id: the bundled plans by default; plan
            files given to ``threeno serve --plan`` are added. A request never names a
            path: the service reads no file a client chooses.
        default_plan: the plan of a request that names none.
        tokens: the bearer tokens accepted; none (the default) lets every request in.
            Only their SHA-256 digests are kept, and never shown (``repr`` leaves them out).
        cors_origins: the origins whose pages may call the service from a browser
            (``https://tracker.example.vn``); none by default, so no cross-origin call.
        publish: whether ``/v1/report`` renders a report fit to publish unless the
            request says ``publish=false``: small counts suppressed, no record listed.
        suppress_below: the threshold *k* of a published report when the request gives
            none (:data:`threeno.privacy.DEFAULT_THRESHOLD`, 5).
        limits: the :class:`ServiceLimits`.

    Raises:
        ValidationError: for a token shorter than ``MIN_TOKEN_LENGTH`` characters, or
            a limit that is not positive.

    .. versionadded:: 0.2.0
    """

    host: str = "127.0.0.1"
    port: int = 8000
    plans: Mapping[str, Plan] = attrs.field(factory=bundled_plans, converter=_plans)
    default_plan: str = DEFAULT_PLAN
    tokens: frozenset[bytes] = attrs.field(default=(), converter=_digests, repr=False)
    cors_origins: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    publish: bool = False
    suppress_below: int = DEFAULT_THRESHOLD
    limits: ServiceLimits = attrs.field(factory=ServiceLimits)


def read_tokens(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The tokens of a token file: one a line; blank lines and lines starting ``#`` skipped.

    Args:
        path: the file (keep it readable by the service's user only).

    Returns:
        The tokens, in the file's order.

    Raises:
        ValidationError: when the file cannot be read, holds no token, or holds one
            shorter than ``MIN_TOKEN_LENGTH`` characters (the message names the file
            and the line, never a token).

    .. versionadded:: 0.2.0
    """
    name = Path(path).name
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise _invalid(code="service_token_file_unreadable", field="tokens", file=name) from None
    tokens = []
    for number, line in enumerate(text.splitlines(), start=1):
        token = line.strip()
        if not token or token.startswith("#"):
            continue
        if len(token) < MIN_TOKEN_LENGTH:
            where = Notice("service_token_file_line", {"file": name, "line": number})
            raise _invalid(
                code="service_token_too_short",
                field="tokens",
                where=where,
                minimum=MIN_TOKEN_LENGTH,
            )
        tokens.append(token)
    if not tokens:
        raise _invalid(code="service_token_file_empty", field="tokens", file=name)
    return tuple(tokens)
