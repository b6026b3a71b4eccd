"""Stages: Create (with participant tokens), Get, List, Update, Delete."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import ServiceError, conflict, invalid, quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs_realtime import activity
from ivsmock.services.ivs_realtime.participant_tokens import check_token_request, issue_token
from ivsmock.services.ivs_realtime.quotas import quota
from ivsmock.services.ivs_realtime.tokens import EVENTS_URL

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend

RESOURCE_TYPE = "stage"
RECORDING = "autoParticipantRecordingConfiguration"


def default_recording() -> dict[str, Any]:
    """Individual participant recording as AWS returns it when it is off (every default filled)."""
    return {
        "storageConfigurationArn": "",
        "mediaTypes": ["AUDIO_VIDEO"],
        "thumbnailConfiguration": {
            "targetIntervalSeconds": 60,
            "storage": ["SEQUENTIAL"],
            "recordingMode": "DISABLED",
        },
        "recordingReconnectWindowSeconds": 0,
        "hlsConfiguration": {"targetSegmentDurationSeconds": 6},
        "recordParticipantReplicas": True,
    }


def recording_configuration(given: dict[str, Any] | None) -> dict[str, Any]:
    """The whole recording configuration from a request's: unset fields take their defaults.

    An empty ``storageConfigurationArn`` disables recording and resets every other field.
    """
    result = default_recording()
    if not given or not given.get("storageConfigurationArn"):
        return result
    result["storageConfigurationArn"] = given["storageConfigurationArn"]
    if given.get("mediaTypes"):
        result["mediaTypes"] = list(given["mediaTypes"])
    result["thumbnailConfiguration"].update(
        copy.deepcopy(given.get("thumbnailConfiguration") or {})
    )
    for name in ("recordingReconnectWindowSeconds", "recordParticipantReplicas"):
        if given.get(name) is not None:
            result[name] = given[name]
    result["hlsConfiguration"].update(given.get("hlsConfiguration") or {})
    return result


def endpoints(account: str, region: str) -> dict[str, str]:
    """Stage endpoints; the host label is stable per account and region (a 12-hex digest)."""
    label = hashlib.blake2s(f"{account}/{region}".encode(), digest_size=6).hexdigest()
    return {
        "events": EVENTS_URL,
        "whip": f"https://{label}.global-bm.whip.live-video.net",
        "rtmp": f"rtmp://{label}.global-contribute.live-video.net/app/",
        "rtmps": f"rtmps://{label}.global-contribute.live-video.net:443/app/",
    }


@dataclass(slots=True)
class Stage:
    arn: str
    name: str
    recording: dict[str, Any]
    endpoints: dict[str, str]
    active_session_id: str = ""
    tags: dict[str, str] = field(default_factory=dict)
    # Participant ids issued for or seen on this stage (DisconnectParticipant knows them).
    known_participants: set[str] = field(default_factory=set)
    # Participant ids revoked for good by DisconnectParticipant.
    revoked_participants: set[str] = field(default_factory=set)

    @property
    def resource_id(self) -> str:
        return self.arn.rsplit("/", 1)[1]

    @property
    def storage_configuration_arn(self) -> str:
        return str(self.recording["storageConfigurationArn"])

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {"arn": self.arn, "name": self.name, "tags": dict(self.tags)}
        # Idle stages carry no activeSessionId (the model's fixed length 16 rules out "").
        if self.active_session_id:
            result["activeSessionId"] = self.active_session_id
        return result

    def describe(self) -> dict[str, Any]:
        return {
            **self.summary(),
            RECORDING: self.recording,
            "endpoints": dict(self.endpoints),
        }


def _storage_exists(backend: RealTimeBackend, recording: dict[str, Any]) -> bool:
    target = recording["storageConfigurationArn"]
    return not target or target in backend.storage_configurations


@operation("ivs-realtime", "CreateStage")
def create_stage(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    recording = recording_configuration(params.get(RECORDING))
    if not _storage_exists(backend, recording):
        raise invalid(
            f"{RECORDING}.storageConfigurationArn",
            f"storage configuration {recording['storageConfigurationArn']} does not exist in "
            f"this account and region; create it with CreateStorageConfiguration first",
        )
    configurations = params.get("participantTokenConfigurations") or []
    for index, configuration in enumerate(configurations):
        check_token_request(configuration, f"participantTokenConfigurations.{index + 1}.member")
    tags = params.get("tags") or {}
    check_new_tags(tags)
    limit = quota(call, "stage")
    if len(backend.stages) >= limit:
        raise quota_exceeded("stages", limit)
    stage = Stage(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        recording=recording,
        endpoints=endpoints(call.account, call.region),
        tags=dict(tags),
    )
    now = call.state.mock_state.clock.now()
    tokens = [
        issue_token(stage, configuration, now, with_expiration=False)
        for configuration in configurations
    ]
    backend.stages.add(stage)
    return {"stage": stage.describe(), "participantTokens": tokens}


@operation("ivs-realtime", "GetStage")
def get_stage(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    return {"stage": backend.get_stage(params["arn"]).describe()}


@operation("ivs-realtime", "ListStages")
def list_stages(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    return list_answer(call, backend.stages, params, "stages", default_size=50)


@operation("ivs-realtime", "UpdateStage")
def update_stage(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage = backend.get_stage(params["arn"])
    recording = None
    if params.get(RECORDING) is not None:
        recording = recording_configuration(params[RECORDING])
        if not _storage_exists(backend, recording):
            raise ServiceError(
                "ResourceNotFoundException",
                f"Storage configuration not found: {recording['storageConfigurationArn']}; "
                f"create it with CreateStorageConfiguration or pass '' to turn recording off",
            )
        if activity.recording_active(backend, stage):
            raise conflict(
                f"Stage {stage.arn} is recording participants now; its "
                f"{RECORDING} can be updated once no participant is being recorded"
            )
    if "name" in params:
        stage.name = params["name"]
    if recording is not None:
        stage.recording = recording
        backend.stages.reindex(stage)
    return {"stage": stage.describe()}


@operation("ivs-realtime", "DeleteStage")
def delete_stage(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage = backend.get_stage(params["arn"])
    activity.shut_down_stage(backend, stage, call.state.mock_state.clock.now())
    backend.stages.remove(stage.arn)
    return {}
