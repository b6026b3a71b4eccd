"""GetStream, ListStreams, StopStream, PutMetadata, InsertAdBreak, GetStreamSession and
ListStreamSessions: the API over live streams (started by ``mock.simulation.ivs``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import ServiceError, conflict, invalid
from ivsmock.core.ids import random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.services.ivs.broadcast import go_offline
from ivsmock.services.ivs.common import fetch, not_found
from ivsmock.services.ivs.streams import Stream

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

MAX_METADATA_BYTES = 1024
AD_BREAK_ID_LENGTH = 12


def live_stream(call: Call, channel_arn: str) -> Stream:
    """The live stream of an existing channel; ChannelNotBroadcasting (404) when offline."""
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, channel_arn, "Channel", call)
    stream = backend.streams.get(channel.arn)
    if stream is None:
        raise ServiceError(
            "ChannelNotBroadcasting",
            f"Channel {channel.arn} is not live; start a broadcast first "
            f"(in tests: mock.simulation.ivs.start_broadcast)",
        )
    return stream


@operation("ivs", "GetStream")
def get_stream(call: Call, params: Params) -> Result:
    return {"stream": live_stream(call, params["channelArn"]).describe()}


@operation("ivs", "ListStreams")
def list_streams(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    health = (params.get("filterBy") or {}).get("health")
    index = "health" if health else None
    return list_answer(
        call, backend.streams, params, "streams", default_size=100, index=index, value=health
    )


@operation("ivs", "StopStream")
def stop_stream(call: Call, params: Params) -> Result:
    stream = live_stream(call, params["channelArn"])
    go_offline(call.backend(), stream.arn, call.state.mock_state.clock.now())
    return {}


@operation("ivs", "PutMetadata")
def put_metadata(call: Call, params: Params) -> Result:
    stream = live_stream(call, params["channelArn"])
    size = len(params["metadata"].encode())
    if size > MAX_METADATA_BYTES:
        raise invalid(
            "metadata",
            f"the payload is {size} bytes; PutMetadata takes at most {MAX_METADATA_BYTES} bytes "
            f"(UTF-8)",
        )
    stream.metadata.append(params["metadata"])
    return None


@operation("ivs", "InsertAdBreak")
def insert_ad_break(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    stream = live_stream(call, params["channelArn"])
    channel = backend.channels.get(stream.arn)
    assert channel is not None  # a live stream's channel exists
    if not channel.ad_configuration_arn:
        raise conflict(
            f"Channel {channel.arn} has no ad configuration; set adConfigurationArn with "
            f"UpdateChannel while the channel is offline, then go live again"
        )
    ad_break_id = params.get("adBreakId") or random_id(AD_BREAK_ID_LENGTH)
    if any(item["adBreakId"] == ad_break_id for item in stream.ad_breaks):
        raise conflict(
            f"Ad break {ad_break_id} was already inserted into stream {stream.stream_id}; "
            f"use a new adBreakId or omit it"
        )
    ad_break: dict[str, Any] = {
        "adBreakId": ad_break_id,
        "targetStartAt": _moment(params.get("targetStartAt")) or call.state.mock_state.clock.now(),
        "durationSeconds": params["durationSeconds"],
    }
    stream.ad_breaks.append(ad_break)
    return {"adBreakId": ad_break_id, "targetStartAt": ad_break["targetStartAt"]}


def _moment(value: Any) -> datetime.datetime | None:
    """A request timestamp (ISO-8601 text or epoch seconds, as SDKs send it) as a datetime."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    try:
        if isinstance(value, (int, float)):
            return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
        moment = datetime.datetime.fromisoformat(value)
    except (ValueError, OverflowError, OSError):
        raise invalid(
            "targetStartAt",
            f"{value!r} is not a timestamp; send ISO-8601 such as 2025-01-01T12:00:00Z",
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)


@operation("ivs", "GetStreamSession")
def get_stream_session(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, params["channelArn"], "Channel", call)
    stream_id = params.get("streamId")
    if stream_id:
        session = backend.stream_sessions.get(f"{channel.arn}/{stream_id}")
        if session is None:
            raise not_found(f"Stream session {stream_id} of channel", channel.arn, call)
    else:
        found = backend.latest_sessions.get(channel.arn)
        if found is None:
            raise ServiceError(
                "ResourceNotFoundException",
                f"Channel {channel.arn} has never been live, so it has no stream session",
            )
        session = found
    return {"streamSession": session.describe()}


@operation("ivs", "ListStreamSessions")
def list_stream_sessions(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, params["channelArn"], "Channel", call)
    return list_answer(
        call,
        backend.stream_sessions,
        params,
        "streamSessions",
        default_size=100,
        index="channel",
        value=channel.arn,
        descending=True,  # newest first, like GetStreamSession's default (see docs/ivs.md)
    )
