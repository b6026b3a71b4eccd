"""One tagging mechanism for every taggable resource of every service.

A resource joins by living in a ``ResourceStore(..., taggable=True)`` and having a ``tags``
dict; the three tag operations of a service find it by the type named in its ARN.
"""

from __future__ import annotations

from typing import Any

from ivsmock.core.errors import ServiceError, invalid
from ivsmock.core.ids import parse_arn
from ivsmock.core.operations import Call, Params, Result, operation

MAX_TAGS = 50
RESERVED_PREFIX = "aws:"


def check_new_tags(tags: dict[str, str] | None, existing: dict[str, str] | None = None) -> None:
    """Refuse reserved keys and more than 50 tags in all (ValidationException)."""
    if not tags:
        return
    for key in tags:
        if key.lower().startswith(RESERVED_PREFIX):
            raise invalid(
                "tags",
                f"tag key {key!r} uses the reserved prefix 'aws:'; choose a key without it",
            )
    total = len({**(existing or {}), **tags})
    if total > MAX_TAGS:
        raise invalid(
            "tags",
            f"a resource can have at most {MAX_TAGS} tags; this request would leave {total}",
        )


def find_taggable(call: Call, resource_arn: str) -> Any:
    """The resource an ARN names in the caller's account and region, or ResourceNotFound."""
    parsed = parse_arn(resource_arn)
    if parsed is not None and parsed.account == call.account and parsed.region == call.region:
        store = call.backend().taggable_store(parsed.resource_type)
        if store is not None:
            resource = store.get(resource_arn)
            if resource is not None:
                return resource
    raise ServiceError(
        "ResourceNotFoundException",
        f"Resource not found: {resource_arn} (no taggable {call.service} resource with this ARN "
        f"in account {call.account}, region {call.region})",
        # ivschat's resourceId is the ARN's id part (its shape allows no ARN).
        resourceId=parsed.resource_id if parsed is not None else resource_arn,
    )


def register_tag_operations(service: str) -> None:
    """TagResource, UntagResource and ListTagsForResource for ``service``."""

    @operation(service, "TagResource")
    def tag_resource(call: Call, params: Params) -> Result:
        resource = find_taggable(call, params["resourceArn"])
        check_new_tags(params["tags"], resource.tags)
        resource.tags.update(params["tags"])
        return {}

    @operation(service, "UntagResource")
    def untag_resource(call: Call, params: Params) -> Result:
        resource = find_taggable(call, params["resourceArn"])
        for key in params["tagKeys"]:
            resource.tags.pop(key, None)
        return {}

    @operation(service, "ListTagsForResource")
    def list_tags_for_resource(call: Call, params: Params) -> Result:
        resource = find_taggable(call, params["resourceArn"])
        return {"tags": dict(resource.tags)}
