"""Ingest configurations against real stages, and RTMP publishing through them."""

from __future__ import annotations

from typing import Any

import pytest

from ivsmock.simulation.realtime import RealTimeSimulation, StageActivityError
from tests.helpers import aws_error
from tests.realtime.conftest import MISSING_STAGE, session_of


def configuration(realtime: Any, stage: str, **kwargs: Any) -> str:
    kwargs.setdefault("ingestProtocol", "RTMPS")
    answer = realtime.create_ingest_configuration(stageArn=stage, **kwargs)
    return str(answer["ingestConfiguration"]["arn"])


def get(realtime: Any, arn: str) -> dict[str, Any]:
    return dict(realtime.get_ingest_configuration(arn=arn)["ingestConfiguration"])


def test_stage_must_exist(realtime: Any) -> None:
    with aws_error("ValidationException", 400, "^stageArn: .*does not exist"):
        realtime.create_ingest_configuration(ingestProtocol="RTMPS", stageArn=MISSING_STAGE)
    arn = configuration(realtime, "")
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.update_ingest_configuration(arn=arn, stageArn=MISSING_STAGE)


def test_publishing_makes_it_active_and_a_participant(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    arn = configuration(realtime, stage, userId="encoder", attributes={"k": "v"})
    pid = sim.publish_rtmp(arn)
    assert pid == get(realtime, arn)["participantId"]
    assert get(realtime, arn)["state"] == "ACTIVE"
    active = realtime.list_ingest_configurations(filterByState="ACTIVE")["ingestConfigurations"]
    assert [c["arn"] for c in active] == [arn]
    session = session_of(realtime, stage)
    participant = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)[
        "participant"
    ]
    assert participant["protocol"] == "RTMPS"
    assert participant["ingestConfigurationArn"] == arn
    assert participant["redundantIngest"] is False
    assert (participant["userId"], participant["attributes"]) == ("encoder", {"k": "v"})
    assert participant["published"] is True
    with pytest.raises(StageActivityError, match="already streaming"):
        sim.publish_rtmp(arn)
    sim.stop_rtmp(arn)
    assert get(realtime, arn)["state"] == "INACTIVE"
    assert get(realtime, arn)["stageArn"] == stage  # an encoder stopping does not detach


def test_unattached_configuration_cannot_publish(realtime: Any, sim: RealTimeSimulation) -> None:
    arn = configuration(realtime, "")
    with pytest.raises(StageActivityError, match="not attached"):
        sim.publish_rtmp(arn)


def test_active_configuration_cannot_be_updated(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    arn = configuration(realtime, stage)
    sim.publish_rtmp(arn)
    with aws_error("ConflictException", 409, "is ACTIVE"):
        realtime.update_ingest_configuration(arn=arn, stageArn="")


def test_delete_needs_force_and_force_disconnects_the_publisher(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    arn = configuration(realtime, stage)
    pid = sim.publish_rtmp(arn)
    session = session_of(realtime, stage)
    with aws_error("ConflictException", 409, "pass force=true"):
        realtime.delete_ingest_configuration(arn=arn)
    realtime.delete_ingest_configuration(arn=arn, force=True)
    gone = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    assert gone["participant"]["state"] == "DISCONNECTED"
    assert "activeSessionId" not in realtime.get_stage(arn=stage)["stage"]
    with aws_error("ResourceNotFoundException", 404, "Ingest configuration not found"):
        get(realtime, arn)


def test_disconnect_participant_detaches_the_configuration(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    arn = configuration(realtime, stage)
    pid = sim.publish_rtmp(arn)
    realtime.disconnect_participant(stageArn=stage, participantId=pid)
    detached = get(realtime, arn)
    assert (detached["stageArn"], detached["state"]) == ("", "INACTIVE")
    by_stage = realtime.list_ingest_configurations(filterByStageArn=stage)
    assert by_stage["ingestConfigurations"] == []
    # Attached again, the same configuration can publish again (it is not revoked).
    realtime.update_ingest_configuration(arn=arn, stageArn=stage)
    assert sim.publish_rtmp(arn) == pid
