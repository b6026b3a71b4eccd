"""ivschat errors that name the resource at fault.

ivschat error bodies carry ``resourceId`` (model pattern ``[a-zA-Z0-9]+``, so the ARN's id
part, not the ARN) and ``resourceType``, whose only modelled value is ``ROOM`` even for
logging configurations; the wire layer fills that one in from the model.
"""

from __future__ import annotations

from ivsmock.core.errors import ServiceError, conflict, quota_exceeded
from ivsmock.core.operations import Call


def resource_id(arn: str) -> str:
    """The id part of an ivschat ARN (``.../room/<id>`` -> ``<id>``)."""
    return arn.rsplit("/", 1)[-1]


def not_found(call: Call, kind: str, arn: str, member: str, create_with: str) -> ServiceError:
    """ResourceNotFoundException for the ``kind`` that ``member`` names."""
    return ServiceError(
        "ResourceNotFoundException",
        f"{kind} not found: {arn} (named by {member}); no {kind.lower()} with this ARN exists in "
        f"account {call.account}, region {call.region}. Check the ARN or create one with "
        f"{create_with}",
        resourceId=resource_id(arn),
    )


def room_not_found(call: Call, arn: str, member: str) -> ServiceError:
    return not_found(call, "Room", arn, member, "CreateRoom")


def logging_configuration_not_found(call: Call, arn: str, member: str) -> ServiceError:
    return not_found(call, "Logging configuration", arn, member, "CreateLoggingConfiguration")


def chat_conflict(message: str, arn: str) -> ServiceError:
    """ConflictException about the resource ``arn`` names."""
    return conflict(message, resourceId=resource_id(arn))


def chat_quota_exceeded(resource: str, limit: int) -> ServiceError:
    """ServiceQuotaExceededException of a Create: no resource exists yet, so no id."""
    return quota_exceeded(resource, limit, resourceId="")
