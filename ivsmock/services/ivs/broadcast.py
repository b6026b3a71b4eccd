"""A channel going on and off air: the state changes behind the simulation and StopStream.

Callers hold the region's lock and have checked their inputs; these functions only apply.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ivsmock.core.ids import random_id
from ivsmock.services.ivs.streams import RECORDING_EVENT, Stream, StreamSession

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend
    from ivsmock.services.ivs.channels import Channel

STREAM_ID_LENGTH = 23  # after "st-": 26 characters in all
DEFAULT_VIDEO: dict[str, Any] = {
    "avcProfile": "Main",
    "avcLevel": "4.1",
    "codec": "avc1.4D4029",
    "encoder": "obs-output module (libobs version 30.0.0)",
    "targetBitrate": 6000000,
    "targetFramerate": 30,
    "videoHeight": 1080,
    "videoWidth": 1920,
    "level": "4.1",
    "track": "Track0",
    "profile": "Main",
}
DEFAULT_AUDIO: dict[str, Any] = {
    "codec": "mp4a.40.2",
    "targetBitrate": 160000,
    "sampleRate": 48000,
    "channels": 2,
    "track": "Track0",
}


def ingest_configuration(given: dict[str, Any] | None) -> dict[str, Any]:
    """The session's ingest configuration: ``given['video']``/``['audio']`` over defaults."""
    given = given or {}
    return {
        "video": {**DEFAULT_VIDEO, **(given.get("video") or {})},
        "audio": {**DEFAULT_AUDIO, **(given.get("audio") or {})},
    }


def go_live(
    backend: IvsBackend,
    channel: Channel,
    *,
    health: str,
    viewer_count: int,
    ingest: dict[str, Any] | None,
    now: datetime.datetime,
) -> Stream:
    stream_id = "st-" + random_id(STREAM_ID_LENGTH)
    stream = Stream(
        arn=channel.arn,
        stream_id=stream_id,
        playback_url=channel.playback_url,
        start_time=now,
        health=health,
        viewer_count=viewer_count,
    )
    session = StreamSession(
        arn=f"{channel.arn}/{stream_id}",
        channel_arn=channel.arn,
        stream_id=stream_id,
        start_time=now,
        channel=channel.describe(),
        ingest=ingest_configuration(ingest),
    )
    recording = backend.recording_configurations.get(channel.recording_configuration_arn)
    if recording is not None:
        session.recording_configuration = recording.describe()
    slate = backend.failover_slate_configurations.get(channel.failover_slate_configuration_arn)
    if slate is not None:
        session.failover_slate_configuration = slate.describe()
    session.add_event("Session Created", now)
    session.add_event("Stream Start", now)
    if recording is not None:
        session.add_event("Recording Start", now, RECORDING_EVENT)
    backend.streams.add(stream)
    backend.stream_sessions.add(session)
    backend.latest_sessions[channel.arn] = session
    return stream


def go_offline(
    backend: IvsBackend, channel_arn: str, now: datetime.datetime, *, failure: bool = False
) -> StreamSession:
    """End the live stream of ``channel_arn`` (which must be live) and close its session."""
    stream = backend.streams.remove(channel_arn)
    assert stream is not None, "go_offline needs a live channel"
    session = backend.latest_sessions[channel_arn]
    if failure:
        session.add_event("Stream Failure", now)
        session.has_error_event = True
    if session.recording_configuration is not None:
        session.add_event("Recording End", now, RECORDING_EVENT)
    session.add_event("Stream End", now)
    session.add_event("Session Ended", now)
    session.end_time = now
    return session
