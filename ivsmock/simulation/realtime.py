"""Simulation of real-time stages (``ivs-realtime``): participants and compositions.

No API call joins a stage: a participant's SDK does, with a participant token. These methods
play the SDKs and encoders, so the session, participant, event, replication and composition
operations have something to report. Every method takes the account and region from the ARN
it is given and holds that region's lock while it changes state, like an API call.
See docs/simulation-realtime.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ivsmock.core.errors import IvsmockError
from ivsmock.simulation.base import SimulationArea

if TYPE_CHECKING:
    import datetime

    from cryptography.hazmat.primitives.asymmetric import ec

    from ivsmock.services.ivs_realtime.backend import RealTimeBackend
    from ivsmock.services.ivs_realtime.compositions import Composition
    from ivsmock.services.ivs_realtime.sessions import Participant
    from ivsmock.services.ivs_realtime.stages import Stage

MAX_PUBLISHERS = 12  # per stage at once (not adjustable)
ERROR_EVENTS = ("PUBLISH_ERROR", "SUBSCRIBE_ERROR", "JOIN_ERROR")


class StageActivityError(IvsmockError, ValueError):
    """Something a real SDK or encoder would fail to do (bad token, not connected, ...)."""


class RealTimeSimulation(SimulationArea):
    service = "ivs-realtime"

    @staticmethod
    def token_public_key_pem() -> str:
        """PEM of the key that verifies the mock's participant tokens (ES384)."""
        from ivsmock.services.ivs_realtime.tokens import token_public_key_pem

        return token_public_key_pem()

    @contextmanager
    def _acting_on(self, arn: str) -> Iterator[tuple[RealTimeBackend, datetime.datetime]]:
        region_state = self._region_state(*self._region_of_arn(arn))
        with region_state.lock:
            yield region_state.backend(self.service), region_state.mock_state.clock.now()

    # -- participants -------------------------------------------------------------------------

    def join(self, stage_arn: str, token: str, *, client: dict[str, str] | None = None) -> str:
        """Join a stage with a participant token; the participant id (the token's ``jti``).

        The token must verify: one the mock issued, or a self-signed ES384 token whose ``kid``
        is the ARN of an imported public key. It must be for this stage, unexpired and not
        revoked by DisconnectParticipant. The first join of an idle stage starts a session.
        ``client`` sets what the SDK reports (``osName``, ``browserName``, ``sdkVersion``...).
        """
        from ivsmock.services.ivs_realtime import activity, tokens
        from ivsmock.services.ivs_realtime.sessions import CLIENT_ATTRIBUTES

        unknown = set(client or {}) - set(CLIENT_ATTRIBUTES)
        if unknown:
            raise ValueError(
                f"client keys must be among {', '.join(CLIENT_ATTRIBUTES)}; got {sorted(unknown)}"
            )
        with self._acting_on(stage_arn) as (backend, now):
            stage = _stage(backend, stage_arn)

            def resolve(kid: str) -> ec.EllipticCurvePublicKey | None:
                found = backend.public_keys.get(kid)
                return found.key() if found is not None else None

            try:
                claims = tokens.read(token, resolve, now)
            except tokens.TokenError as exc:
                raise StageActivityError(f"cannot join {stage_arn}: {exc}") from None
            if claims.get("resource") != stage_arn:
                raise StageActivityError(
                    f"the token is for stage {claims.get('resource')}, not {stage_arn}"
                )
            if tokens.is_self_signed(token):
                problem = tokens.self_signed_problem(claims, stage.resource_id, stage.endpoints)
                if problem is not None:
                    raise StageActivityError(f"cannot join {stage_arn}: {problem}")
            participant_id = str(claims["jti"])
            if participant_id in stage.revoked_participants:
                raise StageActivityError(
                    f"participant {participant_id} was disconnected by DisconnectParticipant; "
                    f"its token can never join again; issue a new token"
                )
            capabilities = claims.get("capabilities") or {}
            joined = activity.join(
                backend,
                stage,
                participant_id,
                now,
                user_id=str(claims.get("user_id", "")),
                attributes=dict(claims.get("attributes") or {}),
                can_publish=bool(capabilities.get("allow_publish", False)),
                can_subscribe=bool(capabilities.get("allow_subscribe", False)),
                client=client,
            )
            return joined.participant_id

    def publish(self, stage_arn: str, participant_id: str) -> None:
        """Start publishing. Without the PUBLISH capability, or with 12 publishers already on
        the stage, a PUBLISH_ERROR event is recorded and StageActivityError raised."""
        from ivsmock.services.ivs_realtime import activity

        with self._acting_on(stage_arn) as (backend, now):
            who = _connected(backend, stage_arn, participant_id)
            if who.publishing:
                return
            if not who.can_publish:
                activity.add_error_event(
                    backend, who, "PUBLISH_ERROR", "INSUFFICIENT_CAPABILITIES", now
                )
                raise StageActivityError(
                    f"participant {participant_id}'s token lacks the PUBLISH capability"
                )
            if backend.participants.count("publishing", (who.session_key, True)) >= (
                MAX_PUBLISHERS
            ):
                activity.add_error_event(backend, who, "PUBLISH_ERROR", "QUOTA_EXCEEDED", now)
                raise StageActivityError(
                    f"stage {stage_arn} already has {MAX_PUBLISHERS} publishers (the limit)"
                )
            activity.start_publishing(backend, who, now)

    def stop_publishing(self, stage_arn: str, participant_id: str) -> None:
        """Stop publishing (ends the participant's recording and its replications)."""
        from ivsmock.services.ivs_realtime import activity

        with self._acting_on(stage_arn) as (backend, now):
            activity.stop_publishing(backend, _connected(backend, stage_arn, participant_id), now)

    def subscribe(self, stage_arn: str, participant_id: str, publisher_id: str) -> None:
        """Subscribe to a publisher of the same stage. Without the SUBSCRIBE capability, or
        when ``publisher_id`` is not publishing, a SUBSCRIBE_ERROR event is recorded and
        StageActivityError raised."""
        from ivsmock.services.ivs_realtime import activity

        with self._acting_on(stage_arn) as (backend, now):
            who = _connected(backend, stage_arn, participant_id)
            if not who.can_subscribe:
                activity.add_error_event(
                    backend, who, "SUBSCRIBE_ERROR", "INSUFFICIENT_CAPABILITIES", now
                )
                raise StageActivityError(
                    f"participant {participant_id}'s token lacks the SUBSCRIBE capability"
                )
            publisher = activity.participant(backend, stage_arn, who.session_id, publisher_id)
            if publisher is None or not publisher.publishing:
                activity.add_error_event(
                    backend, who, "SUBSCRIBE_ERROR", "PUBLISHER_NOT_FOUND", now
                )
                raise StageActivityError(f"participant {publisher_id} is not publishing")
            activity.subscribe(backend, who, publisher_id, now)

    def unsubscribe(self, stage_arn: str, participant_id: str, publisher_id: str) -> None:
        from ivsmock.services.ivs_realtime import activity

        with self._acting_on(stage_arn) as (backend, now):
            who = _connected(backend, stage_arn, participant_id)
            activity.unsubscribe(backend, who, publisher_id, now)

    def leave(self, stage_arn: str, participant_id: str) -> None:
        """Leave the stage; the token may join again. The last one out ends the session."""
        from ivsmock.services.ivs_realtime import activity

        with self._acting_on(stage_arn) as (backend, now):
            activity.leave(backend, _connected(backend, stage_arn, participant_id), now)

    def report_error(
        self, stage_arn: str, participant_id: str, event_name: str, error_code: str
    ) -> None:
        """Record an error event (e.g. ``PUBLISH_ERROR``/``BITRATE_EXCEEDED``) for a
        participant of the stage's live session, as the SDK would report it."""
        from ivsmock.services.ivs_realtime import activity

        if event_name not in ERROR_EVENTS:
            raise ValueError(f"event_name must be one of {', '.join(ERROR_EVENTS)}")
        with self._acting_on(stage_arn) as (backend, now):
            who = _connected(backend, stage_arn, participant_id)
            activity.add_error_event(backend, who, event_name, error_code, now)

    # -- RTMP publishing through ingest configurations ----------------------------------------

    def publish_rtmp(self, ingest_configuration_arn: str) -> str:
        """An encoder streams with the configuration's stream key; the participant id.

        The configuration must be attached to an existing stage and not streaming already. It
        goes ACTIVE; its participant joins the stage (starting a session if idle) and
        publishes, with protocol RTMP or RTMPS.
        """
        from ivsmock.services.ivs_realtime import activity

        with self._acting_on(ingest_configuration_arn) as (backend, now):
            configuration = backend.ingest_configurations.get(ingest_configuration_arn)
            if configuration is None:
                raise KeyError(f"no ingest configuration {ingest_configuration_arn} in this mock")
            if configuration.state == "ACTIVE":
                raise StageActivityError(
                    f"ingest configuration {ingest_configuration_arn} is already streaming"
                )
            stage = backend.stages.get(configuration.stage_arn)
            if stage is None:
                raise StageActivityError(
                    f"ingest configuration {ingest_configuration_arn} is not attached to an "
                    f"existing stage (stageArn {configuration.stage_arn!r}); its stream key is "
                    f"unusable until UpdateIngestConfiguration sets one"
                )
            who = activity.join(
                backend,
                stage,
                configuration.participant_id,
                now,
                user_id=configuration.user_id,
                attributes=configuration.attributes,
                protocol=configuration.ingest_protocol,
                can_subscribe=False,
            )
            who.ingest_configuration_arn = configuration.arn
            who.redundant_ingest = configuration.redundant is not None
            activity.start_publishing(backend, who, now)
            configuration.state = "ACTIVE"
            backend.ingest_configurations.reindex(configuration)
            return who.participant_id

    def stop_rtmp(self, ingest_configuration_arn: str) -> None:
        """The encoder stops: the participant leaves and the configuration goes INACTIVE."""
        from ivsmock.services.ivs_realtime import activity

        with self._acting_on(ingest_configuration_arn) as (backend, now):
            configuration = backend.ingest_configurations.get(ingest_configuration_arn)
            if configuration is None or configuration.state != "ACTIVE":
                raise StageActivityError(
                    f"ingest configuration {ingest_configuration_arn} is not streaming"
                )
            stage = _stage(backend, configuration.stage_arn)
            who = activity.connected_participant(backend, stage, configuration.participant_id)
            if who is not None:
                activity.leave(backend, who, now)

    # -- compositions -------------------------------------------------------------------------

    def auto_advance_compositions(
        self, enabled: bool, *, account_id: str | None = None, region: str | None = None
    ) -> None:
        """With ``False``, compositions stay STARTING (and, once stopped, STOPPING) until
        ``advance_composition``; with ``True`` (the default) they move on by themselves."""
        region_state = self._region_state(account_id, region)
        with region_state.lock:
            region_state.backend(self.service).auto_advance_compositions = enabled

    def advance_composition(self, composition_arn: str) -> str:
        """STARTING -> ACTIVE or STOPPING -> STOPPED; the new state."""
        from ivsmock.services.ivs_realtime import compositions

        with self._acting_on(composition_arn) as (backend, now):
            composition = _composition(backend, composition_arn)
            if composition.state not in ("STARTING", "STOPPING"):
                raise StageActivityError(
                    f"composition {composition_arn} is {composition.state}; only STARTING and "
                    f"STOPPING compositions advance"
                )
            compositions.advance(backend, composition, now)
            return composition.state

    def fail_composition(self, composition_arn: str) -> None:
        """A pipeline failure: a STARTING, ACTIVE or STOPPING composition becomes FAILED."""
        from ivsmock.services.ivs_realtime import compositions

        with self._acting_on(composition_arn) as (backend, now):
            composition = _composition(backend, composition_arn)
            if not composition.live:
                raise StageActivityError(
                    f"composition {composition_arn} already ended ({composition.state})"
                )
            compositions.finish(backend, composition, "FAILED", now)

    def purge_compositions(
        self, *, account_id: str | None = None, region: str | None = None
    ) -> int:
        """Forget every STOPPED and FAILED composition, as AWS does about 5 minutes after
        they end; how many were forgotten."""
        from ivsmock.services.ivs_realtime import activity, compositions

        region_state = self._region_state(account_id, region)
        with region_state.lock:
            backend: RealTimeBackend = region_state.backend(self.service)
            ended = activity.matching(backend.compositions, "live", False)
            for composition in ended:
                compositions.purge(backend, composition)
            return len(ended)

    # -- connection tokens --------------------------------------------------------------------

    def connection_token_revoked(
        self, token_id: str, *, account_id: str | None = None, region: str | None = None
    ) -> bool:
        """Whether RevokeConnectionToken revoked this connection token id."""
        region_state = self._region_state(account_id, region)
        with region_state.lock:
            backend: RealTimeBackend = region_state.backend(self.service)
            return token_id in backend.revoked_connection_tokens


def _stage(backend: RealTimeBackend, stage_arn: str) -> Stage:
    stage = backend.stages.get(stage_arn)
    if stage is None:
        raise KeyError(f"no stage {stage_arn} in this mock")
    return stage


def _connected(backend: RealTimeBackend, stage_arn: str, participant_id: str) -> Participant:
    from ivsmock.services.ivs_realtime import activity

    who = activity.connected_participant(backend, _stage(backend, stage_arn), participant_id)
    if who is None:
        raise StageActivityError(
            f"participant {participant_id} is not connected to stage {stage_arn}; join first"
        )
    return who


def _composition(backend: RealTimeBackend, composition_arn: str) -> Composition:
    composition = backend.compositions.get(composition_arn)
    if composition is None:
        raise KeyError(f"no composition {composition_arn} in this mock")
    return composition
