"""Snapshots: the whole state to JSON and back, exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ivsmock import IvsMock, mock_ivs
from ivsmock.snapshots import SnapshotError

S3 = {"s3": {"bucketName": "my-recordings"}}


def populate(mock: IvsMock) -> dict[str, Any]:
    """Resources and live activity of all three services, in two accounts and regions."""
    ivs = mock.client("ivs")
    realtime = mock.client("ivs-realtime", region="eu-west-1", account_id="210987654321")
    chat = mock.client("ivschat")
    recording = ivs.create_recording_configuration(
        name="rec", destinationConfiguration=S3, tags={"a": "b"}
    )["recordingConfiguration"]["arn"]
    channel = ivs.create_channel(name="live", recordingConfigurationArn=recording)["channel"]["arn"]
    mock.simulation.ivs.start_broadcast(channel, viewer_count=12)
    ingest = realtime.create_ingest_configuration(
        ingestProtocol="RTMPS", redundantIngest=True, attributes={"k": "v"}
    )["ingestConfiguration"]["arn"]
    made = realtime.create_stage(name="studio", participantTokenConfigurations=[{"userId": "u1"}])
    stage = made["stage"]["arn"]
    mock.simulation.realtime.join(stage, made["participantTokens"][0]["token"])
    logging = chat.create_logging_configuration(
        destinationConfiguration={"s3": {"bucketName": "chat-logs"}}
    )["arn"]
    room = chat.create_room(name="lobby", loggingConfigurationIdentifiers=[logging])["arn"]
    token = chat.create_chat_token(roomIdentifier=room, userId="u1", capabilities=["SEND_MESSAGE"])
    mock.simulation.chat.connect(room, token["token"])
    chat.send_event(roomIdentifier=room, eventName="hello", attributes={"x": "y"})
    return {
        "recording": recording,
        "channel": channel,
        "ingest": ingest,
        "stage": stage,
        "room": room,
        "logging": logging,
    }


def describe(mock: IvsMock, arns: dict[str, Any]) -> dict[str, Any]:
    """What the API reports of everything ``populate`` made."""
    ivs = mock.client("ivs")
    realtime = mock.client("ivs-realtime", region="eu-west-1", account_id="210987654321")
    chat = mock.client("ivschat")
    stage = realtime.get_stage(arn=arns["stage"])["stage"]
    session = stage["activeSessionId"]
    found: dict[str, Any] = {
        "recording": ivs.get_recording_configuration(arn=arns["recording"]),
        "channel": ivs.get_channel(arn=arns["channel"]),
        "stream": ivs.get_stream(channelArn=arns["channel"]),
        "ingest": realtime.get_ingest_configuration(arn=arns["ingest"]),
        "stage": stage,
        "participants": realtime.list_participants(stageArn=arns["stage"], sessionId=session),
        "room": chat.get_room(identifier=arns["room"]),
        "logging": chat.get_logging_configuration(identifier=arns["logging"]),
        "events": mock.simulation.chat.sent_events(arns["room"]),
    }
    for response in found.values():
        if isinstance(response, dict):
            response.pop("ResponseMetadata", None)
    return found


def test_round_trip_is_exact(tmp_path: Path) -> None:
    with mock_ivs() as mock:
        mock.clock.freeze("2026-03-04T05:06:07Z")
        arns = populate(mock)
        before = describe(mock, arns)
        snapshot = mock.snapshot()
        mock.save(tmp_path / "state.json")
    json.dumps(snapshot)  # JSON-compatible as it is
    with mock_ivs() as fresh:
        fresh.load(tmp_path / "state.json")
        assert fresh.snapshot() == snapshot
        assert describe(fresh, arns) == before
        assert fresh.clock.now().isoformat() == "2026-03-04T05:06:07+00:00"
        assert fresh.locations() == [("123456789012", "us-east-1"), ("210987654321", "eu-west-1")]
        # The restored state is live: lists, filters and new resources work as before.
        realtime = fresh.client("ivs-realtime", region="eu-west-1", account_id="210987654321")
        listed = realtime.list_ingest_configurations(filterByState="INACTIVE")
        assert [c["arn"] for c in listed["ingestConfigurations"]] == [arns["ingest"]]
        realtime.create_ingest_configuration(ingestProtocol="RTMPS")
        assert len(realtime.list_ingest_configurations()["ingestConfigurations"]) == 2


def test_restore_replaces_everything(ivs_mock: IvsMock) -> None:
    empty = ivs_mock.snapshot()
    populate(ivs_mock)
    ivs_mock.restore(empty)
    assert ivs_mock.locations() == []
    assert ivs_mock.resources("ivs", "recording-configuration") == []


def test_not_a_snapshot_is_refused(ivs_mock: IvsMock) -> None:
    with pytest.raises(SnapshotError, match="not an ivsmock snapshot"):
        ivs_mock.restore({"regions": []})


def test_foreign_types_are_refused(ivs_mock: IvsMock) -> None:
    populate(ivs_mock)
    snapshot = ivs_mock.snapshot()
    text = json.dumps(snapshot).replace("ivsmock.services", "os.path", 1)
    with pytest.raises(SnapshotError, match="only restore ivsmock's own types"):
        ivs_mock.restore(json.loads(text))
