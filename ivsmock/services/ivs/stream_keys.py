"""Stream keys: Create, Get, BatchGet, List (by channel), Delete.

A channel has at most one key; CreateChannel makes it, so a second one is refused (402) until
the first is deleted. The value is ``sk_<region>_<keyId>_<30 alphanumerics>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import ServiceError
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs.common import BATCH_NOT_FOUND, fetch, unique

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

KEYS_PER_CHANNEL = 1
RESOURCE_TYPE = "stream-key"
LABEL = "Stream key"
SECRET_LENGTH = 30


@dataclass(slots=True)
class StreamKey:
    arn: str
    value: str
    channel_arn: str
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "value": self.value,
            "channelArn": self.channel_arn,
            "tags": dict(self.tags),
        }

    def summary(self) -> dict[str, Any]:
        return {"arn": self.arn, "channelArn": self.channel_arn, "tags": dict(self.tags)}


def new_stream_key(call: Call, channel_arn: str, tags: dict[str, str]) -> StreamKey:
    """A key for ``channel_arn`` (not stored); the value embeds the key's own id."""
    key_id = random_id()
    return StreamKey(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, key_id),
        value=f"sk_{call.region}_{key_id}_{random_id(SECRET_LENGTH)}",
        channel_arn=channel_arn,
        tags=dict(tags),
    )


def keys_of(backend: IvsBackend, channel_arn: str) -> list[StreamKey]:
    items, _ = backend.stream_keys.page(0, KEYS_PER_CHANNEL, "channel", channel_arn)
    return items


@operation("ivs", "CreateStreamKey")
def create_stream_key(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, params["channelArn"], "Channel", call)
    tags = params.get("tags") or {}
    check_new_tags(tags)
    if backend.stream_keys.count("channel", channel.arn) >= KEYS_PER_CHANNEL:
        existing = keys_of(backend, channel.arn)[0].arn
        raise ServiceError(
            "ServiceQuotaExceededException",
            f"Channel {channel.arn} already has its one stream key ({existing}); "
            f"delete it with DeleteStreamKey before creating another",
        )
    key = new_stream_key(call, channel.arn, tags)
    backend.stream_keys.add(key)
    return {"streamKey": key.describe()}


@operation("ivs", "GetStreamKey")
def get_stream_key(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    return {"streamKey": fetch(backend.stream_keys, params["arn"], LABEL, call).describe()}


@operation("ivs", "BatchGetStreamKey")
def batch_get_stream_key(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    found: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for target in unique(params["arns"]):
        key = backend.stream_keys.get(target)
        if key is None:
            errors.append(
                {
                    "arn": target,
                    "code": BATCH_NOT_FOUND,
                    "message": f"Stream key not found in account {call.account}, "
                    f"region {call.region}",
                }
            )
        else:
            found.append(key.describe())
    return {"streamKeys": found, "errors": errors}


@operation("ivs", "ListStreamKeys")
def list_stream_keys(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, params["channelArn"], "Channel", call)
    # The documented default page size is 1 (facts §0.4).
    return list_answer(
        call,
        backend.stream_keys,
        params,
        "streamKeys",
        default_size=1,
        index="channel",
        value=channel.arn,
    )


@operation("ivs", "DeleteStreamKey")
def delete_stream_key(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    key = fetch(backend.stream_keys, params["arn"], LABEL, call)
    # A live stream keeps running (StopStream ends it); the key just cannot start another.
    backend.stream_keys.remove(key.arn)
    return None
