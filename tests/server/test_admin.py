"""The reserved admin paths: health, the state as JSON, reset, snapshots, calls, faults."""

from __future__ import annotations

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from ivsmock import __version__
from ivsmock.server import IvsMockServer
from tests.server.rawhttp import send

S3 = {"s3": {"bucketName": "admin-bucket"}}


def test_health_says_what_it_serves(server: IvsMockServer) -> None:
    reply = send(server.url, "GET", "/_ivsmock/health")
    assert reply.status == 200
    assert reply.json == {
        "status": "ok",
        "services": ["ivs", "ivs-realtime", "ivschat"],
        "version": __version__,
    }


def test_state_dumps_every_resource_by_account_region_service_and_type(
    server: IvsMockServer,
) -> None:
    assert send(server.url, "GET", "/_ivsmock/state").json == {"accounts": {}}
    mine = server.client("ivs", account_id="111122223333", region="eu-west-1")
    created = mine.create_recording_configuration(name="a", destinationConfiguration=S3)
    room = server.client("ivschat").create_room(name="lobby")

    state = send(server.url, "GET", "/_ivsmock/state").json
    configuration = state["accounts"]["111122223333"]["eu-west-1"]["ivs"]["recording-configuration"]
    assert [c["arn"] for c in configuration] == [created["recordingConfiguration"]["arn"]]
    assert configuration[0]["name"] == "a"
    rooms = state["accounts"]["123456789012"]["us-east-1"]["ivschat"]["room"]
    assert [r["arn"] for r in rooms] == [room["arn"]]
    # Timestamps as the API writes them.
    assert rooms[0]["createTime"].endswith("Z")


def test_reset_forgets_everything(server: IvsMockServer) -> None:
    ivs = server.client("ivs")
    ivs.create_recording_configuration(destinationConfiguration=S3)
    assert len(ivs.list_recording_configurations()["recordingConfigurations"]) == 1

    reply = send(server.url, "POST", "/_ivsmock/reset")
    assert (reply.status, reply.json) == (200, {"reset": True})
    assert send(server.url, "GET", "/_ivsmock/state").json == {"accounts": {}}
    assert ivs.list_recording_configurations()["recordingConfigurations"] == []


def test_reset_from_python_is_the_same(server: IvsMockServer) -> None:
    ivs = server.client("ivs")
    ivs.create_recording_configuration(destinationConfiguration=S3)
    server.reset()
    assert ivs.list_recording_configurations()["recordingConfigurations"] == []


def test_the_admin_prefix_lists_the_admin_paths(server: IvsMockServer) -> None:
    reply = send(server.url, "GET", "/_ivsmock/")
    assert reply.status == 200
    assert reply.json == {
        "GET /_ivsmock/health": "is the server up, and what does it serve",
        "GET /_ivsmock/state": "every stored resource as JSON",
        "POST /_ivsmock/reset": "forget every resource of every account and region",
        "GET /_ivsmock/snapshot": "the whole state as a snapshot (docs/snapshots.md)",
        "POST /_ivsmock/snapshot": "replace the whole state with a snapshot",
        "GET /_ivsmock/calls": "the calls answered so far, in order",
        "DELETE /_ivsmock/calls": "forget the call records",
        "POST /_ivsmock/faults": "add a fault rule (docs/faults.md)",
        "DELETE /_ivsmock/faults": "remove every fault rule",
    }


def test_an_unknown_admin_path_lists_the_admin_paths(server: IvsMockServer) -> None:
    reply = send(server.url, "GET", "/_ivsmock/stats")
    assert reply.status == 404
    assert reply.json["message"].startswith(
        "No admin path /_ivsmock/stats; the admin paths are: "
        "GET /_ivsmock/health (is the server up, and what does it serve), "
        "GET /_ivsmock/state (every stored resource as JSON), "
        "POST /_ivsmock/reset (forget every resource of every account and region), "
        "GET /_ivsmock/snapshot ("
    )


def test_reset_takes_post_only(server: IvsMockServer) -> None:
    ivs = server.client("ivs")
    ivs.create_recording_configuration(destinationConfiguration=S3)
    reply = send(server.url, "GET", "/_ivsmock/reset")
    assert reply.status == 405
    assert reply.json["message"] == "GET is not allowed on /_ivsmock/reset; use POST"
    assert len(ivs.list_recording_configurations()["recordingConfigurations"]) == 1


def test_state_dumps_resources_of_every_kind_as_json(server: IvsMockServer) -> None:
    server.client("ivs").create_channel(name="c")  # with its stream key
    realtime = server.client("ivs-realtime")
    realtime.create_stage(name="s", participantTokenConfigurations=[{"userId": "u"}])
    realtime.create_storage_configuration(name="x", s3={"bucketName": "admin-storage"})
    chat = server.client("ivschat")
    chat.create_room(name="r")
    chat.create_logging_configuration(destinationConfiguration={"s3": {"bucketName": "admin-log"}})

    reply = send(server.url, "GET", "/_ivsmock/state")
    assert reply.status == 200
    here = reply.json["accounts"]["123456789012"]["us-east-1"]
    counts = {
        (service, kind): len(resources)
        for service, kinds in here.items()
        for kind, resources in kinds.items()
        if resources
    }
    assert counts == {
        ("ivs", "channel"): 1,
        ("ivs", "stream-key"): 1,
        ("ivs-realtime", "stage"): 1,
        ("ivs-realtime", "storage-configuration"): 1,
        ("ivschat", "room"): 1,
        ("ivschat", "logging-configuration"): 1,
    }


def test_snapshot_round_trip_through_the_admin_paths(server: IvsMockServer) -> None:
    ivs = server.client("ivs")
    made = ivs.create_channel(name="snap", tags={"k": "v"})["channel"]
    room = server.client("ivschat").create_room(name="lobby")
    snapshot = send(server.url, "GET", "/_ivsmock/snapshot").json
    assert snapshot["ivsmock_snapshot"] == 1
    send(server.url, "POST", "/_ivsmock/reset")
    assert ivs.list_channels()["channels"] == []

    reply = send(server.url, "POST", "/_ivsmock/snapshot", snapshot)
    assert (reply.status, reply.json) == (200, {"restored": True})
    assert ivs.get_channel(arn=made["arn"])["channel"] == made
    assert server.client("ivschat").get_room(identifier=room["arn"])["name"] == "lobby"
    assert send(server.url, "GET", "/_ivsmock/snapshot").json == snapshot


def test_a_bad_snapshot_is_a_validation_error(server: IvsMockServer) -> None:
    reply = send(server.url, "POST", "/_ivsmock/snapshot", {"regions": []})
    assert reply.status == 400
    assert "not an ivsmock snapshot" in reply.json["message"]
    reply = send(server.url, "POST", "/_ivsmock/snapshot", "[1, 2]")
    assert reply.status == 400
    assert "JSON object" in reply.json["message"]


def test_faults_and_call_records_through_the_admin_paths(server: IvsMockServer) -> None:
    rule = {"kind": "throttle", "service": "ivs", "operation": "ListChannels", "times": 1}
    assert send(server.url, "POST", "/_ivsmock/faults", rule).status == 200
    ivs = server.client("ivs", config=Config(retries={"max_attempts": 0}))
    with pytest.raises(ClientError) as info:
        ivs.list_channels()
    assert info.value.response["Error"]["Code"] == "ThrottlingException"
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert ivs.list_channels()["channels"] == []

    calls = send(server.url, "GET", "/_ivsmock/calls").json["calls"]
    assert [(c["operation"], c["error"]) for c in calls] == [
        ("ListChannels", "ThrottlingException"),
        ("ListChannels", None),
    ]
    assert send(server.url, "DELETE", "/_ivsmock/calls").status == 200
    assert send(server.url, "GET", "/_ivsmock/calls").json == {"calls": []}

    bad = {"kind": "fail", "service": "ivs", "operation": "ListChannels", "error": "Nope"}
    reply = send(server.url, "POST", "/_ivsmock/faults", bad)
    assert reply.status == 400
    assert "does not model Nope" in reply.json["message"]
    assert send(server.url, "POST", "/_ivsmock/faults", {"kind": "explode"}).status == 400
    server.faults.server_error("ivs", "GetChannel", every=True)
    assert send(server.url, "DELETE", "/_ivsmock/faults").status == 200
    assert ivs.list_channels()["channels"] == []
    assert [r.operation for r in server.calls] == ["ListChannels"]
