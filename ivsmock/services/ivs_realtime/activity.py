"""What happens on a stage: sessions start and end, participants join, publish, subscribe, leave.

The simulation and the operations (DisconnectParticipant, DeleteStage, replication) change
stage activity only through these functions, under the region's lock, so every Get and List
reports one consistent story. Nothing here validates requests; callers do that first.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from ivsmock.core.ids import random_id
from ivsmock.core.store import Resource, ResourceStore
from ivsmock.services.ivs_realtime import compositions
from ivsmock.services.ivs_realtime.sessions import (
    Participant,
    ParticipantEvent,
    Replica,
    StageSession,
    participant_store_key,
    replica_store_key,
    session_store_key,
)

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend
    from ivsmock.services.ivs_realtime.stages import Stage

R = TypeVar("R", bound=Resource)

SESSION_ID_LENGTH = 13  # after "st-": 16 characters in all


def matching(store: ResourceStore[R], index: str, value: Hashable) -> list[R]:
    """Every resource of one index value (bounded by that value, never a scan of the store)."""
    return store.page(0, max(len(store), 1), index, value)[0]


def active_session(backend: RealTimeBackend, stage: Stage) -> StageSession | None:
    if not stage.active_session_id:
        return None
    return backend.sessions.get(session_store_key(stage.arn, stage.active_session_id))


def participant(
    backend: RealTimeBackend, stage_arn: str, session_id: str, participant_id: str
) -> Participant | None:
    return backend.participants.get(participant_store_key(stage_arn, session_id, participant_id))


def connected_participant(
    backend: RealTimeBackend, stage: Stage, participant_id: str
) -> Participant | None:
    """The participant ``participant_id`` if it is in the stage's live session now."""
    if not stage.active_session_id:
        return None
    found = participant(backend, stage.arn, stage.active_session_id, participant_id)
    return found if found is not None and found.state == "CONNECTED" else None


def recording_active(backend: RealTimeBackend, stage: Stage) -> bool:
    if not stage.active_session_id:
        return False
    key = ((stage.arn, stage.active_session_id), "ACTIVE")
    return backend.participants.count("recording", key) > 0


def _ensure_session(backend: RealTimeBackend, stage: Stage, now: datetime.datetime) -> str:
    if not stage.active_session_id:
        session_id = "st-" + random_id(SESSION_ID_LENGTH)
        backend.sessions.add(
            StageSession(session_store_key(stage.arn, session_id), stage.arn, session_id, now)
        )
        stage.active_session_id = session_id
    return stage.active_session_id


def add_event(
    backend: RealTimeBackend,
    who: Participant,
    name: str,
    now: datetime.datetime,
    **fields: Any,
) -> None:
    key = f"{who.arn}/{next(backend.event_numbers)}"
    event = ParticipantEvent(
        key, who.key, name, now, replica=who.replication_type == "REPLICA", **fields
    )
    backend.events.add(event)


def join(
    backend: RealTimeBackend,
    stage: Stage,
    participant_id: str,
    now: datetime.datetime,
    *,
    user_id: str = "",
    attributes: dict[str, str] | None = None,
    protocol: str = "WHIP",
    can_publish: bool = True,
    can_subscribe: bool = True,
    client: dict[str, str] | None = None,
    replica_of: Participant | None = None,
) -> Participant:
    """Connect a participant; the first join of an idle stage starts a new session.

    A participant rejoining the same session keeps its record (``firstJoinTime``, ``published``).
    ``replica_of`` makes it the REPLICA of that publisher of another stage.
    """
    session_id = _ensure_session(backend, stage, now)
    stage.known_participants.add(participant_id)
    found = participant(backend, stage.arn, session_id, participant_id)
    if found is None:
        found = Participant(
            arn=participant_store_key(stage.arn, session_id, participant_id),
            stage_arn=stage.arn,
            session_id=session_id,
            participant_id=participant_id,
            user_id=user_id,
            attributes=dict(attributes or {}),
            first_join_time=now,
            protocol=protocol,
            can_publish=can_publish,
            can_subscribe=can_subscribe,
            client=dict(client or {}),
            recording_state="STOPPED" if stage.storage_configuration_arn else "DISABLED",
        )
        backend.participants.add(found)
    else:
        if found.state == "CONNECTED":
            _evict(backend, found, now)
        found.state = "CONNECTED"
        found.can_publish, found.can_subscribe = can_publish, can_subscribe
        backend.participants.reindex(found)
    if replica_of is not None:
        found.replication_type = "REPLICA"
        found.replication_state = "ACTIVE"
        found.source_stage_arn = replica_of.stage_arn
        found.source_session_id = replica_of.session_id
    add_event(backend, found, "JOINED", now)
    return found


def _evict(backend: RealTimeBackend, who: Participant, now: datetime.datetime) -> None:
    """A token holds one connection at a time: a second join drops the first (TOKEN_REUSED)."""
    for publisher_id in sorted(who.subscriptions):
        unsubscribe(backend, who, publisher_id, now)
    stop_publishing(backend, who, now)
    add_event(backend, who, "LEFT", now)


def start_publishing(backend: RealTimeBackend, who: Participant, now: datetime.datetime) -> None:
    stage = backend.stages.get(who.stage_arn)
    who.publishing = True
    who.published = True
    records = stage is not None and bool(stage.storage_configuration_arn)
    if records and who.replication_type == "REPLICA" and stage is not None:
        records = bool(stage.recording["recordParticipantReplicas"])
    if records and stage is not None:
        storage = backend.storage_configurations.get(stage.storage_configuration_arn)
        who.recording_bucket = storage.bucket_name if storage is not None else ""
        stamp = now.strftime("%Y-%m-%dT%H-%M-%SZ")
        who.recording_prefix = f"{stage.resource_id}/{who.session_id}/{who.participant_id}/{stamp}"
        who.recording_state = "ACTIVE"
    backend.participants.reindex(who)
    add_event(backend, who, "PUBLISH_STARTED", now)


def stop_publishing(backend: RealTimeBackend, who: Participant, now: datetime.datetime) -> None:
    if not who.publishing:
        return
    who.publishing = False
    if who.recording_state == "ACTIVE":
        who.recording_state = "STOPPED"
    backend.participants.reindex(who)
    add_event(backend, who, "PUBLISH_STOPPED", now)
    # Replication needs a publisher: it ends when the source stops publishing.
    for replica in matching(backend.replicas, "source", (who.stage_arn, who.participant_id)):
        if replica.replication_state == "ACTIVE":
            stop_replication(backend, replica, now)


def subscribe(
    backend: RealTimeBackend, who: Participant, publisher_id: str, now: datetime.datetime
) -> None:
    who.subscriptions.add(publisher_id)
    add_event(backend, who, "SUBSCRIBE_STARTED", now, remote_participant_id=publisher_id)


def unsubscribe(
    backend: RealTimeBackend, who: Participant, publisher_id: str, now: datetime.datetime
) -> None:
    if publisher_id in who.subscriptions:
        who.subscriptions.discard(publisher_id)
        add_event(backend, who, "SUBSCRIBE_STOPPED", now, remote_participant_id=publisher_id)


def add_error_event(
    backend: RealTimeBackend, who: Participant, name: str, code: str, now: datetime.datetime
) -> None:
    add_event(backend, who, name, now, error_code=code)


def leave(
    backend: RealTimeBackend, who: Participant, now: datetime.datetime, *, detach: bool = False
) -> None:
    """Disconnect a participant; the last one out ends the session.

    ``detach`` (DisconnectParticipant, DeleteStage) also sets an RTMP publisher's ingest
    configuration's ``stageArn`` to "".
    """
    if who.state != "CONNECTED":
        return
    for publisher_id in sorted(who.subscriptions):
        unsubscribe(backend, who, publisher_id, now)
    stop_publishing(backend, who, now)
    who.state = "DISCONNECTED"
    backend.participants.reindex(who)
    add_event(backend, who, "LEFT", now)
    if who.replication_state == "ACTIVE" and who.source_stage_arn is not None:
        # A replica leaving its destination stage ends the replication.
        key = replica_store_key(who.source_stage_arn, who.participant_id, who.stage_arn)
        replica = backend.replicas.get(key)
        if replica is not None:
            stop_replication(backend, replica, now)
    if who.ingest_configuration_arn is not None:
        configuration = backend.ingest_configurations.get(who.ingest_configuration_arn)
        if configuration is not None and configuration.state == "ACTIVE":
            configuration.state = "INACTIVE"
            if detach:
                configuration.stage_arn = ""
            backend.ingest_configurations.reindex(configuration)
    _end_session_if_empty(backend, who.stage_arn, who.session_id, now)


def _end_session_if_empty(
    backend: RealTimeBackend, stage_arn: str, session_id: str, now: datetime.datetime
) -> None:
    if backend.participants.count("state", ((stage_arn, session_id), "CONNECTED")):
        return
    session = backend.sessions.get(session_store_key(stage_arn, session_id))
    if session is not None and session.end_time is None:
        session.end_time = now
    stage = backend.stages.get(stage_arn)
    if stage is not None and stage.active_session_id == session_id:
        stage.active_session_id = ""


def disconnect(
    backend: RealTimeBackend, stage: Stage, participant_id: str, now: datetime.datetime
) -> None:
    """DisconnectParticipant: leave now and never rejoin with the same token.

    An RTMP publisher is not revoked (its ingest configuration can be attached again); its
    configuration is detached from the stage instead.
    """
    who = connected_participant(backend, stage, participant_id)
    if who is not None:
        leave(backend, who, now, detach=True)
        if who.ingest_configuration_arn is not None:
            return
    stage.revoked_participants.add(participant_id)


def shut_down_stage(backend: RealTimeBackend, stage: Stage, now: datetime.datetime) -> None:
    """DeleteStage: everyone leaves, compositions stop, publishing ingest configurations detach."""
    if stage.active_session_id:
        key = ((stage.arn, stage.active_session_id), "CONNECTED")
        for who in matching(backend.participants, "state", key):
            leave(backend, who, now, detach=True)
    for composition in matching(backend.compositions, "stage_live", (stage.arn, True)):
        compositions.finish(backend, composition, "STOPPED", now)


def start_replication(
    backend: RealTimeBackend,
    source: Participant,
    destination: Stage,
    now: datetime.datetime,
    *,
    reconnect_window_seconds: int = 0,
    attributes: dict[str, str] | None = None,
) -> Replica:
    """The publisher ``source`` appears in ``destination`` as a REPLICA participant."""
    replica_participant = join(
        backend,
        destination,
        source.participant_id,
        now,
        user_id=source.user_id,
        attributes={**source.attributes, **(attributes or {})},
        protocol=source.protocol,
        can_subscribe=False,
        replica_of=source,
    )
    start_publishing(backend, replica_participant, now)
    source.replication_type = "SOURCE"
    source.replication_state = "ACTIVE"
    key = replica_store_key(source.stage_arn, source.participant_id, destination.arn)
    backend.replicas.remove(key)  # a stopped replication to the same stage is replaced
    replica = Replica(
        arn=key,
        source_stage_arn=source.stage_arn,
        participant_id=source.participant_id,
        source_session_id=source.session_id,
        destination_stage_arn=destination.arn,
        destination_session_id=replica_participant.session_id,
        reconnect_window_seconds=reconnect_window_seconds,
    )
    backend.replicas.add(replica)
    add_event(
        backend,
        source,
        "REPLICATION_STARTED",
        now,
        destination_stage_arn=destination.arn,
        destination_session_id=replica_participant.session_id,
    )
    return replica


def stop_replication(backend: RealTimeBackend, replica: Replica, now: datetime.datetime) -> None:
    replica.replication_state = "STOPPED"
    backend.replicas.reindex(replica)
    copy = participant(
        backend,
        replica.destination_stage_arn,
        replica.destination_session_id,
        replica.participant_id,
    )
    if copy is not None:
        copy.replication_state = "STOPPED"
        leave(backend, copy, now)
    source = participant(
        backend, replica.source_stage_arn, replica.source_session_id, replica.participant_id
    )
    if source is None:
        return
    add_event(
        backend,
        source,
        "REPLICATION_STOPPED",
        now,
        destination_stage_arn=replica.destination_stage_arn,
        destination_session_id=replica.destination_session_id,
    )
    still = [
        r
        for r in matching(backend.replicas, "source", (source.stage_arn, source.participant_id))
        if r.replication_state == "ACTIVE"
    ]
    if not still:
        source.replication_state = "STOPPED"
