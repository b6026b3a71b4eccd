"""Simulation of the low-latency service (``ivs``): broadcasts going on and off air.

No API call starts a broadcast: an encoder does. ``mock.simulation.ivs.start_broadcast`` plays
the encoder, so GetStream, ListStreams, StopStream, PutMetadata, InsertAdBreak,
GetStreamSession and ListStreamSessions have something to act on. Every method takes the
account and region from the ARN it is given and holds that region's lock while it changes
state, like an API call. See docs/simulation-ivs.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ivsmock.simulation.base import SimulationArea

if TYPE_CHECKING:
    from ivsmock.core.registry import RegionState
    from ivsmock.services.ivs.backend import IvsBackend
    from ivsmock.services.ivs.channels import Channel
    from ivsmock.services.ivs.streams import Stream

RECORDING_CONFIGURATION_STATES = ("CREATING", "ACTIVE", "CREATE_FAILED")
HEALTHS = ("HEALTHY", "STARVING", "UNKNOWN")


class IvsSimulation(SimulationArea):
    service = "ivs"

    # -- recording configurations -------------------------------------------------------------

    def settle_recording_configuration(self, arn: str, state: str = "ACTIVE") -> None:
        """Move a recording configuration to ``state`` (ACTIVE or CREATE_FAILED).

        With ``mock_ivs(settle_recording_configurations=False)`` new configurations stay
        CREATING until this is called.
        """
        if state not in RECORDING_CONFIGURATION_STATES:
            raise ValueError(
                f"state must be one of {', '.join(RECORDING_CONFIGURATION_STATES)}; got {state!r}"
            )
        region_state = self._region_state(*self._region_of_arn(arn))
        with region_state.lock:
            configuration = region_state.backend("ivs").recording_configurations.get(arn)
            if configuration is None:
                raise KeyError(f"no recording configuration {arn} in this mock")
            configuration.state = state

    # -- broadcasts ---------------------------------------------------------------------------

    def start_broadcast(
        self,
        channel_arn: str,
        *,
        stream_key_arn: str | None = None,
        health: str = "HEALTHY",
        viewer_count: int = 0,
        ingest_configuration: dict[str, Any] | None = None,
    ) -> str:
        """Put a channel on air, as an encoder streaming with its key would; the stream id.

        ``stream_key_arn`` defaults to the channel's key and must belong to the channel.
        ``ingest_configuration`` (``{"video": {...}, "audio": {...}}``, the members of the
        model's VideoConfiguration/AudioConfiguration) overrides the session's defaults.
        Creates the stream and a stream session with its Session Created and Stream Start
        events (and Recording Start when the channel records).
        """
        _check_health(health)
        if viewer_count < -1:
            raise ValueError(f"viewer_count must be -1 (timed out) or more; got {viewer_count}")
        from ivsmock.services.ivs.broadcast import go_live
        from ivsmock.services.ivs.stream_keys import keys_of

        region_state = self._region_state(*self._region_of_arn(channel_arn))
        with region_state.lock:
            backend: IvsBackend = region_state.backend("ivs")
            channel = _channel(backend, channel_arn)
            live = backend.streams.get(channel_arn)
            if live is not None:
                raise ValueError(
                    f"channel {channel_arn} is already live (stream {live.stream_id}); "
                    f"call end_broadcast first"
                )
            keys = [key.arn for key in keys_of(backend, channel_arn)]
            if stream_key_arn is None and not keys:
                raise ValueError(
                    f"channel {channel_arn} has no stream key to stream with; "
                    f"create one with CreateStreamKey"
                )
            if stream_key_arn is not None and stream_key_arn not in keys:
                raise ValueError(
                    f"stream key {stream_key_arn} is not a key of channel {channel_arn}; "
                    f"its keys: {', '.join(keys) or 'none'}"
                )
            stream = go_live(
                backend,
                channel,
                health=health,
                viewer_count=viewer_count,
                ingest=ingest_configuration,
                now=region_state.mock_state.clock.now(),
            )
            return stream.stream_id

    def end_broadcast(self, channel_arn: str, *, failure: bool = False) -> str:
        """Take a live channel off air, as its encoder disconnecting would; the stream id.

        Ends the stream session (Stream End, Session Ended, and Recording End when it
        records). ``failure=True`` adds a Stream Failure event and marks the session's
        ``hasErrorEvent``.
        """
        from ivsmock.services.ivs.broadcast import go_offline

        region_state = self._region_state(*self._region_of_arn(channel_arn))
        with region_state.lock:
            backend: IvsBackend = region_state.backend("ivs")
            _live(backend, channel_arn)
            now = region_state.mock_state.clock.now()
            return go_offline(backend, channel_arn, now, failure=failure).stream_id

    def set_stream_health(self, channel_arn: str, health: str) -> None:
        """Change a live stream's health (HEALTHY, STARVING or UNKNOWN)."""
        _check_health(health)
        region_state = self._region_state(*self._region_of_arn(channel_arn))
        with region_state.lock:
            backend: IvsBackend = region_state.backend("ivs")
            stream = _live(backend, channel_arn)
            stream.health = health
            backend.streams.reindex(stream)

    def set_viewer_count(self, channel_arn: str, viewer_count: int) -> None:
        """Change a live stream's viewer count (-1 is what AWS answers when counting timed out)."""
        if viewer_count < -1:
            raise ValueError(f"viewer_count must be -1 (timed out) or more; got {viewer_count}")
        with self._live_stream(channel_arn) as stream:
            stream.viewer_count = viewer_count

    def is_live(self, channel_arn: str) -> bool:
        """Whether the channel is on air."""
        region_state = self._region_state(*self._region_of_arn(channel_arn))
        with region_state.lock:
            return channel_arn in region_state.backend("ivs").streams

    # -- what the API recorded ----------------------------------------------------------------

    def metadata(self, channel_arn: str) -> list[str]:
        """The PutMetadata payloads of the channel's live stream, oldest first."""
        with self._live_stream(channel_arn) as stream:
            return list(stream.metadata)

    def ad_breaks(self, channel_arn: str) -> list[dict[str, Any]]:
        """The InsertAdBreak calls of the live stream: adBreakId, targetStartAt, durationSeconds."""
        with self._live_stream(channel_arn) as stream:
            return [dict(item) for item in stream.ad_breaks]

    def viewer_session_revocations(self, channel_arn: str) -> dict[str, int]:
        """Viewer id -> the highest viewer session version revoked on the channel."""
        region_state = self._region_state(*self._region_of_arn(channel_arn))
        with region_state.lock:
            backend: IvsBackend = region_state.backend("ivs")
            return dict(backend.revocations.get(channel_arn, {}))

    # -- helpers ------------------------------------------------------------------------------

    def _live_stream(self, channel_arn: str) -> _LockedStream:
        return _LockedStream(self._region_state(*self._region_of_arn(channel_arn)), channel_arn)


class _LockedStream:
    """``with``: the live stream of a channel, under its region's lock."""

    def __init__(self, region_state: RegionState, channel_arn: str) -> None:
        self._region_state = region_state
        self._channel_arn = channel_arn

    def __enter__(self) -> Stream:
        self._region_state.lock.acquire()
        try:
            return _live(self._region_state.backend("ivs"), self._channel_arn)
        except BaseException:
            self._region_state.lock.release()
            raise

    def __exit__(self, *exc: object) -> None:
        self._region_state.lock.release()


def _check_health(health: str) -> None:
    if health not in HEALTHS:
        raise ValueError(f"health must be one of {', '.join(HEALTHS)}; got {health!r}")


def _channel(backend: IvsBackend, channel_arn: str) -> Channel:
    channel = backend.channels.get(channel_arn)
    if channel is None:
        raise KeyError(f"no channel {channel_arn} in this mock; create it with CreateChannel")
    return channel


def _live(backend: IvsBackend, channel_arn: str) -> Stream:
    _channel(backend, channel_arn)
    stream = backend.streams.get(channel_arn)
    if stream is None:
        raise ValueError(f"channel {channel_arn} is not live; call start_broadcast first")
    return stream
