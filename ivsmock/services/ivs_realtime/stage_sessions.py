"""Stage sessions and participants: GetStageSession, ListStageSessions, GetParticipant,
ListParticipants, ListParticipantEvents, DisconnectParticipant, RevokeConnectionToken.

Everything they report comes from the simulated stage activity (``activity``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from ivsmock.core.errors import ServiceError, invalid
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.services.ivs_realtime import activity
from ivsmock.services.ivs_realtime.sessions import session_store_key

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend

# ListParticipants filter -> the participants index it reads.
PARTICIPANT_FILTERS = {
    "filterByUserId": "user",
    "filterByPublished": "published",
    "filterByState": "state",
    "filterByRecordingState": "recording",
}


@operation("ivs-realtime", "GetStageSession")
def get_stage_session(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage = backend.get_stage(params["stageArn"])
    session = backend.sessions.get(session_store_key(stage.arn, params["sessionId"]))
    if session is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Stage session not found: {params['sessionId']} on stage {stage.arn}; "
            f"ListStageSessions shows the stage's sessions",
        )
    return {"stageSession": session.describe()}


@operation("ivs-realtime", "ListStageSessions")
def list_stage_sessions(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage_arn = params["stageArn"]
    if not backend.stage_exists(stage_arn):
        return {"stageSessions": []}  # no 404 is modelled; a deleted stage has no sessions
    return list_answer(
        call,
        backend.sessions,
        params,
        "stageSessions",
        default_size=50,
        index="stage",
        value=stage_arn,
    )


@operation("ivs-realtime", "GetParticipant")
def get_participant(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage = backend.get_stage(params["stageArn"])
    found = activity.participant(backend, stage.arn, params["sessionId"], params["participantId"])
    if found is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Participant not found: {params['participantId']} in session "
            f"{params['sessionId']} of stage {stage.arn}; ListParticipants shows who joined",
        )
    return {"participant": found.describe()}


@operation("ivs-realtime", "ListParticipants")
def list_participants(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    given = [name for name in PARTICIPANT_FILTERS if params.get(name) is not None]
    if len(given) > 1:
        raise invalid(
            given[1],
            f"only one filter can be used at a time; this request sets {', '.join(given)}",
        )
    session_key = (params["stageArn"], params["sessionId"])
    index = "session"
    value: Hashable = session_key
    if given:
        index = PARTICIPANT_FILTERS[given[0]]
        value = (session_key, params[given[0]])
    if not backend.stage_exists(params["stageArn"]):
        return {"participants": []}
    return list_answer(
        call,
        backend.participants,
        params,
        "participants",
        default_size=50,
        index=index,
        value=value,
    )


@operation("ivs-realtime", "ListParticipantEvents")
def list_participant_events(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    key = (params["stageArn"], params["sessionId"], params["participantId"])
    if not backend.stage_exists(params["stageArn"]):
        return {"events": []}
    return list_answer(
        call, backend.events, params, "events", default_size=50, index="participant", value=key
    )


@operation("ivs-realtime", "DisconnectParticipant")
def disconnect_participant(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage = backend.get_stage(params["stageArn"])
    participant_id = params["participantId"]
    if participant_id not in stage.known_participants:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Participant not found: {participant_id} was never issued a token for stage "
            f"{stage.arn} nor joined it; use the participantId of CreateParticipantToken "
            f"or of an ingest configuration",
        )
    activity.disconnect(backend, stage, participant_id, call.state.mock_state.clock.now())
    return {}


@operation("ivs-realtime", "RevokeConnectionToken")
def revoke_connection_token(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    # Connection tokens are self-signed; IVS may never have seen one, so any id is accepted.
    backend.revoked_connection_tokens.add(params["tokenId"])
    return {}
