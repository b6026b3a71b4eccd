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
    """Resources of every service in two accounts and regions; what Get returns for each."""
    ivs = mock.client("ivs")
    realtime = mock.client("ivs-realtime", region="eu-west-1", account_id="210987654321")
    recording = ivs.create_recording_configuration(
        name="rec", destinationConfiguration=S3, tags={"a": "b"}
    )["recordingConfiguration"]
    ingest = realtime.create_ingest_configuration(
        ingestProtocol="RTMPS", redundantIngest=True, attributes={"k": "v"}
    )["ingestConfiguration"]
    return {"recording": recording["arn"], "ingest": ingest["arn"]}


def describe(mock: IvsMock, arns: dict[str, Any]) -> dict[str, Any]:
    ivs = mock.client("ivs")
    realtime = mock.client("ivs-realtime", region="eu-west-1", account_id="210987654321")
    return {
        "recording": ivs.get_recording_configuration(arn=arns["recording"])[
            "recordingConfiguration"
        ],
        "ingest": realtime.get_ingest_configuration(arn=arns["ingest"])["ingestConfiguration"],
    }


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
