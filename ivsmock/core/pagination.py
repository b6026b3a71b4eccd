"""Opaque ``nextToken`` values bound to the request that issued them, and list pages."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from ivsmock.core.errors import ServiceError
from ivsmock.core.store import Resource, ResourceStore

if TYPE_CHECKING:
    from ivsmock.core.operations import Call

R = TypeVar("R", bound=Resource)

_VERSION = "v1"


def _scope(scope: str) -> str:
    return hashlib.blake2s(scope.encode(), digest_size=6).hexdigest()


def encode_token(scope: str, cursor: int) -> str:
    raw = f"{_VERSION}:{_scope(scope)}:{cursor}".encode()
    return base64.urlsafe_b64encode(raw).decode()


def decode_token(scope: str, token: str | None) -> int:
    """The cursor a token carries; 0 for no token. Malformed or foreign tokens are refused."""
    if not token:
        return 0
    try:
        version, owner, cursor = base64.urlsafe_b64decode(token.encode()).decode().split(":")
        position = int(cursor)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise _bad_token("it is not a token this service issued") from None
    if version != _VERSION or owner != _scope(scope):
        raise _bad_token("it was issued for another list request (operation, filter or region)")
    return position


def _bad_token(why: str) -> ServiceError:
    return ServiceError(
        "ValidationException",
        f"The nextToken is not valid: {why}. Repeat the request without nextToken "
        f"to start from the first page.",
        reason="FIELD_VALIDATION_FAILED",
        fieldList=[{"name": "nextToken", "message": why}],
    )


def list_page(
    store: ResourceStore[R],
    params: dict[str, Any],
    *,
    scope: str,
    default_size: int,
    index: str | None = None,
    value: Hashable = None,
    descending: bool = False,
) -> tuple[list[R], str | None]:
    """One page of ``store`` for a List request (``maxResults``/``nextToken`` of ``params``).

    ``scope`` names the request (account, region, operation and filter) so a token from
    another request is refused instead of silently paging the wrong list. ``descending`` pages
    newest first (most recently added or re-added).
    """
    after = decode_token(scope, params.get("nextToken"))
    size = params.get("maxResults") or default_size
    items, cursor = store.page(after, size, index, value, descending=descending)
    return items, (encode_token(scope, cursor) if cursor is not None else None)


def list_answer(
    call: Call,
    store: ResourceStore[Any],
    params: dict[str, Any],
    key: str,
    *,
    default_size: int,
    index: str | None = None,
    value: Hashable = None,
    descending: bool = False,
) -> dict[str, Any]:
    """A List operation's answer, ``{key: [summaries], "nextToken"?}``: one page of ``store``
    (or of one index value), its token bound to this account, region, operation and filter."""
    items, token = list_page(
        store,
        params,
        scope=f"{call.account}/{call.region}/{call.operation}/{index}={value}",
        default_size=default_size,
        index=index,
        value=value,
        descending=descending,
    )
    answer: dict[str, Any] = {key: [item.summary() for item in items]}
    if token:
        answer["nextToken"] = token
    return answer
