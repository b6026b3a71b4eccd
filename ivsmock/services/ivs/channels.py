"""Channels: Create (with its stream key), Get, BatchGet, List (one filter), Update, Delete.

A live channel can be neither updated nor deleted (409); Delete takes the channel's stream
keys and stream sessions with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import conflict, quota_exceeded
from ivsmock.core.ids import ALPHANUMERIC, arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs.channel_rules import settle
from ivsmock.services.ivs.common import BATCH_NOT_FOUND, fetch, unique
from ivsmock.services.ivs.stream_keys import keys_of, new_stream_key

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

QUOTA = 5000  # per account and region, adjustable: mock_ivs(quotas={"channel": n})
RESOURCE_TYPE = "channel"
LABEL = "Channel"
SRT_PASSPHRASE_LENGTH = 79  # the length of the one real passphrase seen (facts §1.1)
SUMMARY_MEMBERS = (
    "name",
    "latencyMode",
    "authorized",
    "recordingConfigurationArn",
    "insecureIngest",
    "type",
    "preset",
    "playbackRestrictionPolicyArn",
    "adConfigurationArn",
    "failoverSlateConfigurationArn",
)
# ListChannels filter -> the channels store index it reads.
FILTERS = {
    "filterByName": "name",
    "filterByRecordingConfigurationArn": "recording",
    "filterByPlaybackRestrictionPolicyArn": "policy",
    "filterByAdConfigurationArn": "ad",
    "filterByFailoverSlateConfigurationArn": "slate",
}


@dataclass(slots=True)
class Channel:
    arn: str
    settings: dict[str, Any]  # the members of the Create/Update request, all filled in
    ingest_endpoint: str
    playback_url: str
    srt: dict[str, str]
    tags: dict[str, str] = field(default_factory=dict)
    # The List shape, built once: pages of 100 are the hot path (see summary()).
    _summary: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def configure(self, settings: dict[str, Any]) -> None:
        """Replace the settings (callers reindex the store afterwards)."""
        self.settings = settings
        self._summary = None

    @property
    def name(self) -> str:
        return str(self.settings["name"])

    @property
    def recording_configuration_arn(self) -> str:
        return str(self.settings["recordingConfigurationArn"])

    @property
    def playback_restriction_policy_arn(self) -> str:
        return str(self.settings["playbackRestrictionPolicyArn"])

    @property
    def ad_configuration_arn(self) -> str:
        return str(self.settings["adConfigurationArn"])

    @property
    def failover_slate_configuration_arn(self) -> str:
        return str(self.settings["failoverSlateConfigurationArn"])

    def describe(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            **self.settings,
            "multitrackInputConfiguration": dict(self.settings["multitrackInputConfiguration"]),
            "ingestEndpoint": self.ingest_endpoint,
            "playbackUrl": self.playback_url,
            "srt": dict(self.srt),
            "tags": dict(self.tags),
        }

    def summary(self) -> dict[str, Any]:
        # Shared, never mutated: rebuilt when the settings are replaced or the tags differ.
        cached = self._summary
        if cached is None or cached["tags"] != self.tags:
            settings = self.settings
            cached = {name: settings[name] for name in SUMMARY_MEMBERS}
            cached["arn"] = self.arn
            cached["tags"] = dict(self.tags)
            self._summary = cached
        return cached


def _new_channel(
    call: Call, backend: IvsBackend, settings: dict[str, Any], tags: dict[str, str]
) -> Channel:
    channel_id = random_id()
    prefix = backend.endpoint_prefix
    region = call.region
    return Channel(
        arn=arn("ivs", region, call.account, RESOURCE_TYPE, channel_id),
        settings=settings,
        ingest_endpoint=f"{prefix}.global-contribute.live-video.net",
        playback_url=(
            f"https://{prefix}.{region}.playback.live-video.net/api/video/v1/"
            f"{region}.{call.account}.channel.{channel_id}.m3u8"
        ),
        srt={
            "endpoint": f"{prefix}.srt.live-video.net",
            "passphrase": random_id(SRT_PASSPHRASE_LENGTH, ALPHANUMERIC),
        },
        tags=dict(tags),
    )


def refuse_if_live(backend: IvsBackend, channel: Channel, action: str) -> None:
    stream = backend.streams.get(channel.arn)
    if stream is not None:
        raise conflict(
            f"Channel {channel.arn} is live (stream {stream.stream_id}) and cannot be {action}; "
            f"stop the stream with StopStream first"
        )


@operation("ivs", "CreateChannel")
def create_channel(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    settings = settle(call, params, None)
    tags = params.get("tags") or {}
    check_new_tags(tags)
    quota = call.options.quota(RESOURCE_TYPE, QUOTA)
    if len(backend.channels) >= quota:
        raise quota_exceeded("channels", quota)
    channel = _new_channel(call, backend, settings, tags)
    key = new_stream_key(call, channel.arn, {})
    backend.channels.add(channel)
    backend.stream_keys.add(key)
    return {"channel": channel.describe(), "streamKey": key.describe()}


@operation("ivs", "GetChannel")
def get_channel(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    return {"channel": fetch(backend.channels, params["arn"], LABEL, call).describe()}


@operation("ivs", "BatchGetChannel")
def batch_get_channel(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    found: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for target in unique(params["arns"]):
        channel = backend.channels.get(target)
        if channel is None:
            errors.append(
                {
                    "arn": target,
                    "code": BATCH_NOT_FOUND,
                    "message": f"Channel not found in account {call.account}, region {call.region}",
                }
            )
        else:
            found.append(channel.describe())
    return {"channels": found, "errors": errors}


@operation("ivs", "ListChannels")
def list_channels(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    # An empty filter value is no filter (SDKs send "" for unset strings).
    given = [(member, params[member]) for member in FILTERS if params.get(member)]
    if len(given) > 1:
        raise conflict(
            f"ListChannels takes one filter at a time, got {len(given)} "
            f"({', '.join(member for member, _ in given)}); keep one and filter the rest yourself"
        )
    index, value = (FILTERS[given[0][0]], given[0][1]) if given else (None, None)
    return list_answer(
        call, backend.channels, params, "channels", default_size=100, index=index, value=value
    )


@operation("ivs", "UpdateChannel")
def update_channel(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, params["arn"], LABEL, call)
    refuse_if_live(backend, channel, "updated")
    channel.configure(settle(call, params, channel.settings))
    backend.channels.reindex(channel)
    return {"channel": channel.describe()}


@operation("ivs", "DeleteChannel")
def delete_channel(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, params["arn"], LABEL, call)
    refuse_if_live(backend, channel, "deleted")
    for key in keys_of(backend, channel.arn):
        backend.stream_keys.remove(key.arn)
    _forget_sessions(backend, channel.arn)
    backend.revocations.pop(channel.arn, None)
    backend.channels.remove(channel.arn)
    return None


def _forget_sessions(backend: IvsBackend, channel_arn: str) -> None:
    count = backend.stream_sessions.count("channel", channel_arn)
    if count:
        sessions, _ = backend.stream_sessions.page(0, count, "channel", channel_arn)
        for session in sessions:
            backend.stream_sessions.remove(session.arn)
    backend.latest_sessions.pop(channel_arn, None)
