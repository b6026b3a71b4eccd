"""Participant replication: StartParticipantReplication, StopParticipantReplication,
ListParticipantReplicas."""

from __future__ import annotations

from typing import Any

import pytest

from ivsmock import mock_ivs
from ivsmock.simulation.realtime import RealTimeSimulation
from tests.helpers import aws_error
from tests.realtime.conftest import MISSING_STAGE, joined, session_of


@pytest.fixture
def publisher(realtime: Any, sim: RealTimeSimulation, stage: str) -> str:
    pid = joined(realtime, sim, stage, userId="host", attributes={"a": "1", "b": "2"})
    sim.publish(stage, pid)
    return pid


@pytest.fixture
def destination(realtime: Any) -> str:
    return str(realtime.create_stage(name="copy")["stage"]["arn"])


def participant(realtime: Any, stage: str, pid: str) -> dict[str, Any]:
    session = session_of(realtime, stage)
    answer = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    return dict(answer["participant"])


def test_start_replicates_the_publisher(
    realtime: Any, stage: str, destination: str, publisher: str
) -> None:
    answer = realtime.start_participant_replication(
        sourceStageArn=stage,
        destinationStageArn=destination,
        participantId=publisher,
        attributes={"b": "override"},
    )
    assert answer["accessControlAllowOrigin"] == "*"  # header-only output, as modelled
    assert answer["xFrameOptions"] == "DENY"
    source = participant(realtime, stage, publisher)
    assert (source["replicationType"], source["replicationState"]) == ("SOURCE", "ACTIVE")
    replica = participant(realtime, destination, publisher)
    assert replica["replicationType"] == "REPLICA"
    assert replica["replicationState"] == "ACTIVE"
    assert replica["sourceStageArn"] == stage
    assert replica["sourceSessionId"] == session_of(realtime, stage)
    assert replica["attributes"] == {"a": "1", "b": "override"}
    assert replica["published"] is True
    source_events = realtime.list_participant_events(
        stageArn=stage, sessionId=session_of(realtime, stage), participantId=publisher
    )["events"]
    started = source_events[-1]
    assert started["name"] == "REPLICATION_STARTED"
    assert started["destinationStageArn"] == destination
    assert started["destinationSessionId"] == session_of(realtime, destination)
    replica_events = realtime.list_participant_events(
        stageArn=destination, sessionId=session_of(realtime, destination), participantId=publisher
    )["events"]
    assert [e["replica"] for e in replica_events] == [True, True]


def test_list_replicas_with_the_paginator_and_stop(
    realtime: Any, stage: str, destination: str, publisher: str
) -> None:
    other = realtime.create_stage()["stage"]["arn"]
    for target in (destination, other):
        realtime.start_participant_replication(
            sourceStageArn=stage, destinationStageArn=target, participantId=publisher
        )
    pages = list(
        realtime.get_paginator("list_participant_replicas").paginate(
            sourceStageArn=stage, participantId=publisher, PaginationConfig={"PageSize": 1}
        )
    )
    replicas = [r for page in pages for r in page["replicas"]]
    assert len(pages) == 2
    assert [r["destinationStageArn"] for r in replicas] == [destination, other]
    assert replicas[0] == {
        "sourceStageArn": stage,
        "participantId": publisher,
        "sourceSessionId": session_of(realtime, stage),
        "destinationStageArn": destination,
        "destinationSessionId": session_of(realtime, destination),
        "replicationState": "ACTIVE",
    }
    replica_session = session_of(realtime, destination)
    answer = realtime.stop_participant_replication(
        sourceStageArn=stage, destinationStageArn=destination, participantId=publisher
    )
    assert answer["cacheControl"] == "no-store, no-cache"
    states = [
        r["replicationState"]
        for r in realtime.list_participant_replicas(sourceStageArn=stage, participantId=publisher)[
            "replicas"
        ]
    ]
    assert states == ["STOPPED", "ACTIVE"]
    gone = realtime.get_participant(
        stageArn=destination, sessionId=replica_session, participantId=publisher
    )["participant"]
    assert (gone["state"], gone["replicationState"]) == ("DISCONNECTED", "STOPPED")
    assert participant(realtime, stage, publisher)["replicationState"] == "ACTIVE"  # other still on


def test_stop_publishing_ends_replication(
    realtime: Any, sim: RealTimeSimulation, stage: str, destination: str, publisher: str
) -> None:
    realtime.start_participant_replication(
        sourceStageArn=stage, destinationStageArn=destination, participantId=publisher
    )
    sim.stop_publishing(stage, publisher)
    (replica,) = realtime.list_participant_replicas(sourceStageArn=stage, participantId=publisher)[
        "replicas"
    ]
    assert replica["replicationState"] == "STOPPED"
    assert participant(realtime, stage, publisher)["replicationState"] == "STOPPED"
    assert "activeSessionId" not in realtime.get_stage(arn=destination)["stage"]


def test_start_errors(
    realtime: Any, sim: RealTimeSimulation, stage: str, destination: str, publisher: str
) -> None:
    def start(source: str = stage, target: str = destination, pid: str = publisher) -> None:
        realtime.start_participant_replication(
            sourceStageArn=source, destinationStageArn=target, participantId=pid
        )

    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        start(source=MISSING_STAGE)
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        start(target=MISSING_STAGE)
    with aws_error("ValidationException", 400, "^destinationStageArn: .*source stage"):
        start(target=stage)
    with aws_error("ResourceNotFoundException", 404, "not connected to stage"):
        start(pid="nobody")
    viewer = joined(realtime, sim, stage)
    with aws_error("ConflictException", 409, "not publishing"):
        start(pid=viewer)
    start()
    with aws_error("ConflictException", 409, "already replicated"):
        start()
    assert (
        len(
            realtime.list_participant_replicas(sourceStageArn=stage, participantId=publisher)[
                "replicas"
            ]
        )
        == 1
    )


def test_replication_quota_per_participant(
    realtime: Any, stage: str, destination: str, publisher: str
) -> None:
    other = realtime.create_stage()["stage"]["arn"]
    with mock_ivs(quotas={"participant-replication": 1}):
        realtime.start_participant_replication(
            sourceStageArn=stage, destinationStageArn=destination, participantId=publisher
        )
        with aws_error("ServiceQuotaExceededException", 402, "1 active replications"):
            realtime.start_participant_replication(
                sourceStageArn=stage, destinationStageArn=other, participantId=publisher
            )


def test_stop_404(realtime: Any, stage: str, destination: str, publisher: str) -> None:
    with aws_error("ResourceNotFoundException", 404, "No active replication"):
        realtime.stop_participant_replication(
            sourceStageArn=stage, destinationStageArn=destination, participantId=publisher
        )


def test_deleting_the_destination_stops_the_replication(
    realtime: Any, stage: str, destination: str, publisher: str
) -> None:
    realtime.start_participant_replication(
        sourceStageArn=stage, destinationStageArn=destination, participantId=publisher
    )
    realtime.delete_stage(arn=destination)
    (replica,) = realtime.list_participant_replicas(sourceStageArn=stage, participantId=publisher)[
        "replicas"
    ]
    assert replica["replicationState"] == "STOPPED"
