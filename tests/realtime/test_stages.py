"""Stages: CreateStage (with tokens), GetStage, ListStages, UpdateStage, DeleteStage."""

from __future__ import annotations

import re
from typing import Any

import jwt

from ivsmock import IvsMock, mock_ivs
from ivsmock.simulation.realtime import RealTimeSimulation
from tests.helpers import aws_error
from tests.realtime.conftest import (
    MISSING_STAGE,
    MISSING_STORAGE,
    joined,
    s3_destination,
    session_of,
)

STAGE_ARN = re.compile(r"^arn:aws:ivs:us-east-1:123456789012:stage/([A-Za-z0-9]{12})$")
DEFAULT_RECORDING = {
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


def test_create_fills_every_default_and_endpoints(realtime: Any) -> None:
    stage = realtime.create_stage()["stage"]
    assert STAGE_ARN.match(stage["arn"])
    assert stage["name"] == ""
    assert stage["tags"] == {}
    assert "activeSessionId" not in stage  # idle
    assert stage["autoParticipantRecordingConfiguration"] == DEFAULT_RECORDING
    endpoints = stage["endpoints"]
    assert endpoints["events"] == "wss://global.events.live-video.net"
    label = re.fullmatch(
        r"https://([0-9a-f]{12})\.global-bm\.whip\.live-video\.net", endpoints["whip"]
    )
    assert label
    assert endpoints["rtmp"] == f"rtmp://{label.group(1)}.global-contribute.live-video.net/app/"
    assert endpoints["rtmps"] == (
        f"rtmps://{label.group(1)}.global-contribute.live-video.net:443/app/"
    )


def test_endpoint_label_is_stable_per_account_and_region(make_client: Any) -> None:
    here = make_client("ivs-realtime")
    first = here.create_stage()["stage"]["endpoints"]["whip"]
    assert here.create_stage()["stage"]["endpoints"]["whip"] == first
    other_region = make_client("ivs-realtime", region="eu-west-1").create_stage()["stage"]
    assert other_region["endpoints"]["whip"] != first
    other_account = make_client("ivs-realtime", access_key="210987654321").create_stage()
    assert other_account["stage"]["endpoints"]["whip"] != first


def test_create_issues_tokens_in_request_order_without_expiration(
    realtime: Any, ivs_mock: IvsMock
) -> None:
    answer = realtime.create_stage(
        participantTokenConfigurations=[
            {"userId": "alice", "duration": 30, "capabilities": ["SUBSCRIBE"]},
            {"attributes": {"role": "host"}},
        ]
    )
    first, second = answer["participantTokens"]
    assert first["userId"] == "alice" and first["duration"] == 30
    assert first["capabilities"] == ["SUBSCRIBE"]
    assert "expirationTime" not in first and "expirationTime" not in second
    assert "duration" not in second and "capabilities" not in second
    assert second["attributes"] == {"role": "host"}
    key = ivs_mock.simulation.realtime.token_public_key_pem()
    claims = jwt.decode(first["token"], key, algorithms=["ES384"])
    assert claims["resource"] == answer["stage"]["arn"]
    assert claims["jti"] == first["participantId"]
    assert claims["user_id"] == "alice"
    assert claims["capabilities"] == {"allow_publish": False, "allow_subscribe": True}
    assert claims["exp"] - claims["iat"] == 30 * 60
    assert jwt.decode(second["token"], key, algorithms=["ES384"])["attributes"] == {"role": "host"}


def test_create_token_attributes_over_1kb_are_refused(realtime: Any) -> None:
    with aws_error("ValidationException", 400, r"participantTokenConfigurations\.2\.member"):
        realtime.create_stage(
            participantTokenConfigurations=[{}, {"attributes": {"a": "x" * 1100}}]
        )
    assert realtime.list_stages()["stages"] == []


def test_create_partial_recording_configuration_is_completed(realtime: Any, storage: str) -> None:
    stage = realtime.create_stage(
        autoParticipantRecordingConfiguration={
            "storageConfigurationArn": storage,
            "mediaTypes": ["AUDIO_ONLY"],
            "recordingReconnectWindowSeconds": 100,
            "hlsConfiguration": {"targetSegmentDurationSeconds": 5},
        }
    )["stage"]
    assert stage["autoParticipantRecordingConfiguration"] == {
        **DEFAULT_RECORDING,
        "storageConfigurationArn": storage,
        "mediaTypes": ["AUDIO_ONLY"],
        "recordingReconnectWindowSeconds": 100,
        "hlsConfiguration": {"targetSegmentDurationSeconds": 5},
    }


def test_create_with_unknown_storage_configuration_is_a_validation_error(realtime: Any) -> None:
    missing = MISSING_STORAGE
    with aws_error("ValidationException", 400, "storageConfigurationArn.*does not exist"):
        realtime.create_stage(
            autoParticipantRecordingConfiguration={"storageConfigurationArn": missing}
        )


def test_create_refuses_reserved_tag_keys(realtime: Any) -> None:
    with aws_error("ValidationException", 400, "aws:"):
        realtime.create_stage(tags={"aws:owner": "me"})


def test_stage_quota_is_402(realtime: Any) -> None:
    with mock_ivs(quotas={"stage": 1}):
        realtime.create_stage()
        with aws_error("ServiceQuotaExceededException", 402, "Quota of 1 stages"):
            realtime.create_stage()
    assert len(realtime.list_stages()["stages"]) == 1


def test_get_and_its_404(realtime: Any, stage: str) -> None:
    assert realtime.get_stage(arn=stage)["stage"]["name"] == "main"
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.get_stage(arn=MISSING_STAGE)


def test_list_summaries_and_pages(realtime: Any) -> None:
    arns = [
        realtime.create_stage(name=f"s{i}", tags={"n": str(i)})["stage"]["arn"] for i in range(3)
    ]
    first = realtime.list_stages(maxResults=2)
    assert [s["arn"] for s in first["stages"]] == arns[:2]
    assert first["stages"][0] == {"arn": arns[0], "name": "s0", "tags": {"n": "0"}}
    second = realtime.list_stages(maxResults=2, nextToken=first["nextToken"])
    assert [s["arn"] for s in second["stages"]] == arns[2:]
    assert "nextToken" not in second


def test_list_shows_the_active_session(realtime: Any, sim: RealTimeSimulation, stage: str) -> None:
    joined(realtime, sim, stage)
    listed = realtime.list_stages()["stages"][0]
    assert listed["activeSessionId"] == session_of(realtime, stage)


def test_foreign_page_token_is_refused(realtime: Any) -> None:
    realtime.create_stage()
    realtime.create_stage()
    token = realtime.list_stages(maxResults=1)["nextToken"]
    with aws_error("ValidationException", 400, "nextToken"):
        realtime.list_public_keys(nextToken=token)


def test_update_name_keeps_recording(realtime: Any, storage: str) -> None:
    arn = realtime.create_stage(
        name="a", autoParticipantRecordingConfiguration={"storageConfigurationArn": storage}
    )["stage"]["arn"]
    updated = realtime.update_stage(arn=arn, name="b")["stage"]
    assert updated["name"] == "b"
    assert updated["autoParticipantRecordingConfiguration"]["storageConfigurationArn"] == storage


def test_update_recording_replaces_the_whole_object_and_empty_arn_resets(
    realtime: Any, storage: str, stage: str
) -> None:
    updated = realtime.update_stage(
        arn=stage,
        autoParticipantRecordingConfiguration={
            "storageConfigurationArn": storage,
            "thumbnailConfiguration": {"recordingMode": "INTERVAL", "targetIntervalSeconds": 10},
        },
    )["stage"]
    recording = updated["autoParticipantRecordingConfiguration"]
    assert recording["thumbnailConfiguration"] == {
        "targetIntervalSeconds": 10,
        "storage": ["SEQUENTIAL"],
        "recordingMode": "INTERVAL",
    }
    reset = realtime.update_stage(
        arn=stage,
        autoParticipantRecordingConfiguration={
            "storageConfigurationArn": "",
            "mediaTypes": ["AUDIO_ONLY"],
        },
    )["stage"]
    assert reset["autoParticipantRecordingConfiguration"] == DEFAULT_RECORDING


def test_update_errors(realtime: Any, stage: str) -> None:
    missing_storage = MISSING_STORAGE
    with aws_error("ResourceNotFoundException", 404, "Storage configuration not found"):
        realtime.update_stage(
            arn=stage,
            autoParticipantRecordingConfiguration={"storageConfigurationArn": missing_storage},
        )
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.update_stage(arn=MISSING_STAGE, name="x")
    assert realtime.get_stage(arn=stage)["stage"]["name"] == "main"


def test_update_recording_while_recording_is_a_conflict(
    realtime: Any, sim: RealTimeSimulation, storage: str
) -> None:
    arn = realtime.create_stage(
        autoParticipantRecordingConfiguration={"storageConfigurationArn": storage}
    )["stage"]["arn"]
    pid = joined(realtime, sim, arn)
    sim.publish(arn, pid)
    with aws_error("ConflictException", 409, "recording participants now"):
        realtime.update_stage(
            arn=arn, autoParticipantRecordingConfiguration={"storageConfigurationArn": ""}
        )
    realtime.update_stage(arn=arn, name="renaming-is-fine")
    sim.stop_publishing(arn, pid)
    updated = realtime.update_stage(
        arn=arn, autoParticipantRecordingConfiguration={"storageConfigurationArn": ""}
    )["stage"]
    assert updated["autoParticipantRecordingConfiguration"] == DEFAULT_RECORDING


def test_delete_and_its_404(realtime: Any, stage: str) -> None:
    realtime.delete_stage(arn=stage)
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.get_stage(arn=stage)
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.delete_stage(arn=stage)


def test_delete_disconnects_everyone_and_stops_compositions(
    realtime: Any, sim: RealTimeSimulation, stage: str, storage: str, encoder: str
) -> None:
    pid = joined(realtime, sim, stage)
    sim.publish(stage, pid)
    session = session_of(realtime, stage)
    composition = realtime.start_composition(
        stageArn=stage, destinations=[s3_destination(storage, encoder)]
    )["composition"]["arn"]
    realtime.delete_stage(arn=stage)
    stopped = realtime.get_composition(arn=composition)["composition"]
    assert stopped["state"] == "STOPPED" and "endTime" in stopped
    # The storage and encoder configurations are free again.
    realtime.delete_encoder_configuration(arn=encoder)
    realtime.delete_storage_configuration(arn=storage)
    # A recreated stage ARN would be a new stage; the old session's records stay unreachable.
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    assert realtime.list_stage_sessions(stageArn=stage)["stageSessions"] == []


def test_delete_detaches_only_actively_publishing_ingest_configurations(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    busy = realtime.create_ingest_configuration(ingestProtocol="RTMPS", stageArn=stage)
    idle = realtime.create_ingest_configuration(ingestProtocol="RTMPS", stageArn=stage)
    busy_arn = busy["ingestConfiguration"]["arn"]
    sim.publish_rtmp(busy_arn)
    realtime.delete_stage(arn=stage)
    after_busy = realtime.get_ingest_configuration(arn=busy_arn)["ingestConfiguration"]
    assert (after_busy["stageArn"], after_busy["state"]) == ("", "INACTIVE")
    after_idle = realtime.get_ingest_configuration(arn=idle["ingestConfiguration"]["arn"])
    assert after_idle["ingestConfiguration"]["stageArn"] == stage
