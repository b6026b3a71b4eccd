"""Live streams and stream sessions: what a broadcast leaves behind (no API call creates them).

A ``Stream`` exists while its channel is live and is keyed by the channel's ARN. A
``StreamSession`` is kept for every broadcast, with snapshots of the channel, recording and
failover slate configurations taken when it went live, and its events.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

MAX_TRUNCATED_EVENTS = 500
STATE_EVENT = "IVS Stream State Change"
RECORDING_EVENT = "IVS Recording State Change"


@dataclass(slots=True)
class Stream:
    arn: str  # the channel's ARN: a channel has at most one live stream
    stream_id: str
    playback_url: str
    start_time: datetime.datetime
    health: str
    viewer_count: int
    metadata: list[str] = field(default_factory=list)
    ad_breaks: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "channelArn": self.arn,
            "streamId": self.stream_id,
            "state": "LIVE",
            "health": self.health,
            "viewerCount": self.viewer_count,
            "startTime": self.start_time,
        }

    def describe(self) -> dict[str, Any]:
        return {**self.summary(), "playbackUrl": self.playback_url}


@dataclass(slots=True)
class StreamSession:
    arn: str  # "<channel ARN>/<stream id>": the store key, not an AWS ARN
    channel_arn: str
    stream_id: str
    start_time: datetime.datetime
    channel: dict[str, Any]
    ingest: dict[str, Any]
    recording_configuration: dict[str, Any] | None = None
    failover_slate_configuration: dict[str, Any] | None = None
    end_time: datetime.datetime | None = None
    has_error_event: bool = False
    events: list[dict[str, Any]] = field(default_factory=list)

    def add_event(self, name: str, moment: datetime.datetime, kind: str = STATE_EVENT) -> None:
        self.events.append({"name": name, "type": kind, "eventTime": moment})

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "streamId": self.stream_id,
            "startTime": self.start_time,
            "hasErrorEvent": self.has_error_event,
        }
        if self.end_time is not None:
            result["endTime"] = self.end_time
        return result

    def describe(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "streamId": self.stream_id,
            "startTime": self.start_time,
            "channel": self.channel,
            # The deprecated single configuration is Track0's (facts §7).
            "ingestConfiguration": self.ingest,
            "ingestConfigurations": {
                "videoConfigurations": [self.ingest["video"]],
                "audioConfigurations": [self.ingest["audio"]],
            },
            # Newest first, at most 500.
            "truncatedEvents": self.events[-MAX_TRUNCATED_EVENTS:][::-1],
        }
        if self.end_time is not None:
            result["endTime"] = self.end_time
        if self.recording_configuration is not None:
            result["recordingConfiguration"] = self.recording_configuration
        if self.failover_slate_configuration is not None:
            result["failoverSlateConfiguration"] = self.failover_slate_configuration
        return result
