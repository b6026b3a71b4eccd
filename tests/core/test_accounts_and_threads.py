"""State per account and region, and concurrent clients."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from ivsmock import IvsMock

S3 = {"s3": {"bucketName": "my-recordings"}}


def test_twelve_digit_access_key_is_the_account(make_client: Any, ivs_mock: IvsMock) -> None:
    theirs = make_client("ivs", access_key="210987654321")
    ours = make_client("ivs", access_key="AKIAEXAMPLEEXAMPLE00")
    arn = theirs.create_recording_configuration(destinationConfiguration=S3)[
        "recordingConfiguration"
    ]["arn"]
    assert arn.startswith("arn:aws:ivs:us-east-1:210987654321:recording-configuration/")
    assert ours.list_recording_configurations()["recordingConfigurations"] == []
    assert len(theirs.list_recording_configurations()["recordingConfigurations"]) == 1
    assert ivs_mock.locations() == [("123456789012", "us-east-1"), ("210987654321", "us-east-1")]


def test_regions_are_isolated(make_client: Any) -> None:
    west = make_client("ivs-realtime", region="us-west-2")
    east = make_client("ivs-realtime", region="us-east-1")
    made = west.create_ingest_configuration(ingestProtocol="RTMPS")["ingestConfiguration"]
    assert ":us-west-2:" in made["arn"] and "_us-west-2_" in made["streamKey"]
    assert east.list_ingest_configurations()["ingestConfigurations"] == []
    assert len(west.list_ingest_configurations()["ingestConfigurations"]) == 1


@pytest.mark.ivsmock(account_id="111122223333", region="eu-west-1")
def test_marker_sets_the_default_account(ivs_mock: IvsMock, make_client: Any) -> None:
    assert (ivs_mock.account_id, ivs_mock.region) == ("111122223333", "eu-west-1")
    client = make_client("ivs", region="eu-west-1")
    made = client.create_recording_configuration(destinationConfiguration=S3)
    assert ":111122223333:" in made["recordingConfiguration"]["arn"]


def test_handle_client_helper(ivs_mock: IvsMock) -> None:
    client = ivs_mock.client("ivs", account_id="999988887777", region="ap-south-1")
    made = client.create_recording_configuration(destinationConfiguration=S3)
    assert made["recordingConfiguration"]["arn"].startswith("arn:aws:ivs:ap-south-1:999988887777:")
    stored = ivs_mock.resources(
        "ivs", "recording-configuration", account_id="999988887777", region="ap-south-1"
    )
    assert [r["arn"] for r in stored] == [made["recordingConfiguration"]["arn"]]


def test_state_inspection_errors_name_what_exists(ivs_mock: IvsMock) -> None:
    with pytest.raises(ValueError, match="recording-configuration"):
        ivs_mock.resources("ivs", "channels-plural")
    with pytest.raises(ValueError, match="ivs, ivs-realtime, ivschat"):
        ivs_mock.backend("medialive")


def test_reset_forgets_everything(ivs_mock: IvsMock, ivs: Any) -> None:
    ivs.create_recording_configuration(destinationConfiguration=S3)
    ivs_mock.reset()
    assert ivs.list_recording_configurations()["recordingConfigurations"] == []


@pytest.mark.ivsmock(quotas={"ingest-configuration": 10_000})
def test_eight_threads_creating_concurrently(ivs_mock: IvsMock) -> None:
    errors: list[BaseException] = []
    arns: list[list[str]] = [[] for _ in range(8)]

    def work(slot: int) -> None:
        try:
            client = ivs_mock.client("ivs-realtime")
            for _ in range(1000):
                made = client.create_ingest_configuration(ingestProtocol="RTMPS")
                arns[slot].append(made["ingestConfiguration"]["arn"])
        except BaseException as error:  # reported below, with the thread's failure
            errors.append(error)

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    made = [arn for chunk in arns for arn in chunk]
    assert len(made) == 8000 and len(set(made)) == 8000
    stored = ivs_mock.resources("ivs-realtime", "ingest-configuration")
    assert sorted(r["arn"] for r in stored) == sorted(made)
