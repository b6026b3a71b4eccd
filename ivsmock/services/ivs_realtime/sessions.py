"""Stage activity records: stage sessions, participants and their events.

None of them has an ARN; each is stored under a composite key (kept in the store's ``arn``
attribute) so the stores can page them like any resource.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

SessionKey = tuple[str, str]  # (stage ARN, session id)
ParticipantKey = tuple[str, str, str]  # (stage ARN, session id, participant id)

# Client details a participant's SDK reports; GetParticipant returns them.
CLIENT_ATTRIBUTES = (
    "ispName",
    "osName",
    "osVersion",
    "browserName",
    "browserVersion",
    "sdkVersion",
)


def session_store_key(stage_arn: str, session_id: str) -> str:
    return f"{stage_arn}/{session_id}"


def participant_store_key(stage_arn: str, session_id: str, participant_id: str) -> str:
    return f"{stage_arn}/{session_id}/{participant_id}"


@dataclass(slots=True)
class StageSession:
    arn: str  # store key, not an AWS ARN
    stage_arn: str
    session_id: str
    start_time: datetime.datetime
    end_time: datetime.datetime | None = None

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {"sessionId": self.session_id, "startTime": self.start_time}
        if self.end_time is not None:
            result["endTime"] = self.end_time
        return result

    def describe(self) -> dict[str, Any]:
        return self.summary()


@dataclass(slots=True)
class Participant:
    arn: str  # store key, not an AWS ARN
    stage_arn: str
    session_id: str
    participant_id: str
    user_id: str
    attributes: dict[str, str]
    first_join_time: datetime.datetime
    protocol: str  # WHIP for token joins, RTMP/RTMPS through an ingest configuration
    can_publish: bool = True
    can_subscribe: bool = True
    state: str = "CONNECTED"
    published: bool = False  # latches: true once the participant published in this session
    publishing: bool = False
    recording_state: str = "DISABLED"
    recording_bucket: str = ""
    recording_prefix: str = ""
    client: dict[str, str] = field(default_factory=dict)
    subscriptions: set[str] = field(default_factory=set)
    replication_type: str = "NONE"
    replication_state: str | None = None
    source_stage_arn: str | None = None
    source_session_id: str | None = None
    ingest_configuration_arn: str | None = None
    redundant_ingest: bool | None = None

    @property
    def session_key(self) -> SessionKey:
        return (self.stage_arn, self.session_id)

    @property
    def key(self) -> ParticipantKey:
        return (self.stage_arn, self.session_id, self.participant_id)

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "participantId": self.participant_id,
            "userId": self.user_id,
            "state": self.state,
            "firstJoinTime": self.first_join_time,
            "published": self.published,
            "recordingState": self.recording_state,
            "replicationType": self.replication_type,
        }
        optional = {
            "replicationState": self.replication_state,
            "sourceStageArn": self.source_stage_arn,
            "sourceSessionId": self.source_session_id,
            "redundantIngest": self.redundant_ingest,
            "ingestConfigurationArn": self.ingest_configuration_arn,
        }
        result.update({k: v for k, v in optional.items() if v is not None})
        return result

    def describe(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "attributes": dict(self.attributes),
            "sdkVersion": "",
            **self.client,
            "recordingS3BucketName": self.recording_bucket,
            "recordingS3Prefix": self.recording_prefix,
            "protocol": self.protocol,
        }


@dataclass(slots=True)
class ParticipantEvent:
    arn: str  # store key, not an AWS ARN
    participant_key: ParticipantKey
    name: str
    event_time: datetime.datetime
    remote_participant_id: str | None = None
    error_code: str | None = None
    destination_stage_arn: str | None = None
    destination_session_id: str | None = None
    replica: bool = False

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "name": self.name,
            "participantId": self.participant_key[2],
            "eventTime": self.event_time,
            "replica": self.replica,
        }
        optional = {
            "remoteParticipantId": self.remote_participant_id,
            "errorCode": self.error_code,
            "destinationStageArn": self.destination_stage_arn,
            "destinationSessionId": self.destination_session_id,
        }
        result.update({k: v for k, v in optional.items() if v is not None})
        return result

    def describe(self) -> dict[str, Any]:
        return self.summary()


def replica_store_key(
    source_stage_arn: str, participant_id: str, destination_stage_arn: str
) -> str:
    return f"{source_stage_arn}/{participant_id}/{destination_stage_arn}"


@dataclass(slots=True)
class Replica:
    """One participant replication: a publisher of one stage copied into another."""

    arn: str  # store key, not an AWS ARN
    source_stage_arn: str
    participant_id: str
    source_session_id: str
    destination_stage_arn: str
    destination_session_id: str
    reconnect_window_seconds: int = 0
    replication_state: str = "ACTIVE"

    def summary(self) -> dict[str, Any]:
        return {
            "sourceStageArn": self.source_stage_arn,
            "participantId": self.participant_id,
            "sourceSessionId": self.source_session_id,
            "destinationStageArn": self.destination_stage_arn,
            "destinationSessionId": self.destination_session_id,
            "replicationState": self.replication_state,
        }

    def describe(self) -> dict[str, Any]:
        return self.summary()
