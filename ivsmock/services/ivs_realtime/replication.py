"""Participant replication: StartParticipantReplication, StopParticipantReplication,
ListParticipantReplicas. The outputs are headers only (as modelled), so both return nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ivsmock.core.errors import ServiceError, conflict, invalid
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.services.ivs_realtime import activity
from ivsmock.services.ivs_realtime.participant_tokens import check_token_request
from ivsmock.services.ivs_realtime.quotas import quota
from ivsmock.services.ivs_realtime.sessions import replica_store_key

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend


@operation("ivs-realtime", "StartParticipantReplication")
def start_participant_replication(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    source_arn, destination_arn = params["sourceStageArn"], params["destinationStageArn"]
    participant_id = params["participantId"]
    source_stage = backend.get_stage(source_arn)
    destination = backend.get_stage(destination_arn)
    if source_arn == destination_arn:
        raise invalid(
            "destinationStageArn",
            "the destination stage is the source stage; replicate into another stage",
        )
    check_token_request(params)
    source = activity.connected_participant(backend, source_stage, participant_id)
    if source is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Participant {participant_id} is not connected to stage {source_arn}; only a "
            f"participant in the stage's live session can be replicated",
        )
    if not source.publishing:
        raise conflict(
            f"Participant {participant_id} is not publishing on stage {source_arn}; only a "
            f"publishing participant can be replicated"
        )
    existing = backend.replicas.get(replica_store_key(source_arn, participant_id, destination_arn))
    if existing is not None and existing.replication_state == "ACTIVE":
        raise conflict(
            f"Participant {participant_id} is already replicated from {source_arn} to "
            f"{destination_arn}; stop that replication before starting it again"
        )
    limit = quota(call, "participant-replication")
    if backend.replicas.count("active", (participant_id, "ACTIVE")) >= limit:
        raise ServiceError(
            "ServiceQuotaExceededException",
            f"Participant {participant_id} already has {limit} active replications (the quota "
            f"per participant); stop one before starting another",
        )
    activity.start_replication(
        backend,
        source,
        destination,
        call.state.mock_state.clock.now(),
        reconnect_window_seconds=params.get("reconnectWindowSeconds", 0),
        attributes=params.get("attributes"),
    )
    return {}


@operation("ivs-realtime", "StopParticipantReplication")
def stop_participant_replication(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    source_arn, destination_arn = params["sourceStageArn"], params["destinationStageArn"]
    participant_id = params["participantId"]
    replica = backend.replicas.get(replica_store_key(source_arn, participant_id, destination_arn))
    if replica is None or replica.replication_state != "ACTIVE":
        raise ServiceError(
            "ResourceNotFoundException",
            f"No active replication of participant {participant_id} from {source_arn} to "
            f"{destination_arn}; ListParticipantReplicas shows the participant's replications",
        )
    activity.stop_replication(backend, replica, call.state.mock_state.clock.now())
    return {}


@operation("ivs-realtime", "ListParticipantReplicas")
def list_participant_replicas(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    value = (params["sourceStageArn"], params["participantId"])
    return list_answer(
        call, backend.replicas, params, "replicas", default_size=50, index="source", value=value
    )
