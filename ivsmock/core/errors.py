"""Errors: the ones AWS would return (``ServiceError``) and the ones ivsmock raises to users."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MAX_VALUE_IN_MESSAGE = 64


class IvsmockError(Exception):
    """Base class of the exceptions ivsmock raises to its users (not AWS errors)."""


class NotImplementedOperationError(IvsmockError, NotImplementedError):
    """An operation of a mocked service that ivsmock does not implement yet.

    Raised in place of a network request, so nothing ever leaves the process.
    """


class MockNotActiveError(IvsmockError, RuntimeError):
    """A handle method that needs an active mock was called outside of one."""


class ServiceError(Exception):
    """An AWS error: serialised by the wire layer into the status, header and body AWS sends.

    ``members`` holds the error shape's extra body members (``resourceId``, ``limit``, ...);
    the wire layer keeps only those the service's error shape models.
    """

    def __init__(self, code: str, message: str, **members: Any) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.members = members
        # For errors the service does not model (injected throttling): the status to send.
        self.status: int | None = None
        # Injected by a test's fault rule, not produced by the operation's semantics.
        self.injected = False


def render_value(value: Any) -> str:
    """A value as AWS shows it in a validation message, cut short to keep hostile input small."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > MAX_VALUE_IN_MESSAGE:
        text = text[:MAX_VALUE_IN_MESSAGE] + "..."
    return text


def validation_error(fields: Sequence[tuple[str, str]]) -> ServiceError:
    """A ValidationException in the wording AWS uses, one ``(member path, rule)`` per field."""
    count = len(fields)
    noun = "error" if count == 1 else "errors"
    detail = "; ".join(rule for _, rule in fields)
    return ServiceError(
        "ValidationException",
        f"{count} validation {noun} detected: {detail}",
        reason="FIELD_VALIDATION_FAILED",
        fieldList=[{"name": name, "message": rule} for name, rule in fields],
    )


def invalid(member: str, rule: str) -> ServiceError:
    """A single-field ValidationException for rules beyond the model (cross-field, semantics)."""
    return ServiceError(
        "ValidationException",
        f"{member}: {rule}",
        reason="FIELD_VALIDATION_FAILED",
        fieldList=[{"name": member, "message": rule}],
    )


def conflict(message: str, **members: Any) -> ServiceError:
    """ConflictException; ``members`` are the service's own body members (ivschat's)."""
    return ServiceError("ConflictException", message, **members)


def quota_exceeded(resource: str, limit: int, **members: Any) -> ServiceError:
    """ServiceQuotaExceededException with the ``limit`` where the error shape models it."""
    return ServiceError(
        "ServiceQuotaExceededException",
        f"Quota of {limit} {resource} per account and region exceeded; "
        f"delete one before creating another",
        limit=limit,
        **members,
    )
