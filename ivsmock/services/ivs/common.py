"""What every ``ivs`` resource module shares: lookups, list pages, in-use guards, batch errors."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from ivsmock.core.errors import ServiceError, conflict
from ivsmock.core.operations import Call
from ivsmock.core.store import Resource, ResourceStore

R = TypeVar("R", bound=Resource)


class Listable(Resource, Protocol):
    def summary(self) -> dict[str, Any]: ...


L = TypeVar("L", bound=Listable)

# Batch operations report per-item failures with HTTP-status-like codes, as the AWS CLI
# example of BatchStartViewerSessionRevocation shows ("403", "not authorized").
BATCH_NOT_FOUND = "404"
BATCH_INVALID = "400"


def not_found(label: str, arn: str, call: Call) -> ServiceError:
    return ServiceError(
        "ResourceNotFoundException",
        f"{label} not found: {arn} (no such resource in account {call.account}, "
        f"region {call.region}); check the ARN",
    )


def fetch(store: ResourceStore[R], arn: str, label: str, call: Call) -> R:
    """The resource ``arn`` names, or ResourceNotFoundException naming it."""
    found = store.get(arn)
    if found is None:
        raise not_found(label, arn, call)
    return found


def refuse_if_used(users: list[str], label: str, arn: str, member: str) -> None:
    """ConflictException when channels still reference ``arn`` through ``member``."""
    if users:
        shown = ", ".join(users[:5]) + (", ..." if len(users) > 5 else "")
        raise conflict(
            f"{label} {arn} is used by {len(users)} channel(s) ({shown}); "
            f"set their {member} to '' with UpdateChannel first"
        )


def unique(arns: list[str]) -> list[str]:
    """ARNs in request order without repeats (a batch answers each resource once)."""
    return list(dict.fromkeys(arns))
