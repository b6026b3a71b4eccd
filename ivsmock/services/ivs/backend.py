"""The ``ivs`` backend of one account and region."""

from __future__ import annotations

import datetime
import secrets
from typing import TYPE_CHECKING

from ivsmock.core.registry import RegionState, ServiceBackend
from ivsmock.core.store import ResourceStore
from ivsmock.services.ivs.recording_configurations import RecordingConfiguration

if TYPE_CHECKING:
    from ivsmock.services.ivs.ad_configurations import AdConfiguration
    from ivsmock.services.ivs.channels import Channel
    from ivsmock.services.ivs.failover_slates import FailoverSlateConfiguration
    from ivsmock.services.ivs.playback_key_pairs import PlaybackKeyPair
    from ivsmock.services.ivs.playback_restriction_policies import PlaybackRestrictionPolicy
    from ivsmock.services.ivs.stream_keys import StreamKey
    from ivsmock.services.ivs.streams import Stream, StreamSession


class IvsBackend(ServiceBackend):
    def __init__(self, region: RegionState) -> None:
        super().__init__(region)
        # One host prefix per account and region, shared by every channel's endpoints (facts §1.1).
        self.endpoint_prefix = secrets.token_hex(6)
        self.recording_configurations: ResourceStore[RecordingConfiguration] = ResourceStore(
            "recording-configuration", taggable=True
        )
        self.channels: ResourceStore[Channel] = ResourceStore(
            "channel",
            taggable=True,
            # Unset ("") is never filtered for (an empty filter is no filter): not filed.
            indexes={
                "name": lambda c: c.name or None,
                "recording": lambda c: c.recording_configuration_arn or None,
                "policy": lambda c: c.playback_restriction_policy_arn or None,
                "ad": lambda c: c.ad_configuration_arn or None,
                "slate": lambda c: c.failover_slate_configuration_arn or None,
            },
        )
        self.stream_keys: ResourceStore[StreamKey] = ResourceStore(
            "stream-key", taggable=True, indexes={"channel": lambda k: k.channel_arn}
        )
        self.playback_key_pairs: ResourceStore[PlaybackKeyPair] = ResourceStore(
            "playback-key", taggable=True, indexes={"fingerprint": lambda k: k.fingerprint}
        )
        self.playback_restriction_policies: ResourceStore[PlaybackRestrictionPolicy] = (
            ResourceStore("playback-restriction-policy", taggable=True)
        )
        self.ad_configurations: ResourceStore[AdConfiguration] = ResourceStore(
            "ad-configuration", taggable=True
        )
        self.failover_slate_configurations: ResourceStore[FailoverSlateConfiguration] = (
            ResourceStore("failover-slate-configuration", taggable=True)
        )
        # Live streams, keyed by their channel's ARN: a channel has at most one.
        self.streams: ResourceStore[Stream] = ResourceStore(
            "stream", indexes={"health": lambda s: s.health}
        )
        self.stream_sessions: ResourceStore[StreamSession] = ResourceStore(
            "stream-session", indexes={"channel": lambda s: s.channel_arn}
        )
        self.latest_sessions: dict[str, StreamSession] = {}
        # channel ARN -> viewer id -> the highest viewer session version revoked.
        self.revocations: dict[str, dict[str, int]] = {}

    def channels_using(self, index: str, arn: str) -> list[str]:
        """ARNs of the channels whose ``index`` attribute (see ``channels``) is ``arn``."""
        count = self.channels.count(index, arn)
        if not count:
            return []
        items, _ = self.channels.page(0, count, index, arn)
        return [channel.arn for channel in items]

    def channels_using_recording_configuration(self, arn: str) -> list[str]:
        """ARNs of the channels that record with ``arn``."""
        return self.channels_using("recording", arn)

    def timer_settle_recording_configuration(self, arn: str, now: datetime.datetime) -> None:
        """AWS finishes creating a recording configuration (CREATING -> ACTIVE)."""
        configuration = self.recording_configurations.get(arn)
        if configuration is not None and configuration.state == "CREATING":
            configuration.state = "ACTIVE"
