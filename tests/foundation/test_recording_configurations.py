"""ivs recording configurations: Create, Get, List, Delete."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivsmock import IvsMock
from tests.helpers import aws_error

S3 = {"s3": {"bucketName": "my-recordings"}}
ARN = re.compile(r"^arn:aws:ivs:us-east-1:123456789012:recording-configuration/[A-Za-z0-9]{12}$")


def create(ivs: Any, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("destinationConfiguration", S3)
    return ivs.create_recording_configuration(**kwargs)["recordingConfiguration"]  # type: ignore[no-any-return]


def test_create_fills_every_default_and_starts_creating(ivs: Any) -> None:
    created = create(ivs)
    assert ARN.match(created["arn"])
    assert created == {
        "arn": created["arn"],
        "name": "",
        "destinationConfiguration": S3,
        "state": "CREATING",
        "tags": {},
        "thumbnailConfiguration": {
            "recordingMode": "INTERVAL",
            "targetIntervalSeconds": 60,
            "storage": ["SEQUENTIAL"],
        },
        "recordingReconnectWindowSeconds": 0,
        "renditionConfiguration": {"renditionSelection": "ALL"},
    }


def test_get_after_create_is_active(ivs: Any) -> None:
    created = create(ivs, name="rec-1", tags={"team": "video"})
    got = ivs.get_recording_configuration(arn=created["arn"])["recordingConfiguration"]
    assert got == {**created, "state": "ACTIVE"}


def test_given_values_are_kept(ivs: Any) -> None:
    created = create(
        ivs,
        name="custom",
        recordingReconnectWindowSeconds=30,
        thumbnailConfiguration={
            "recordingMode": "INTERVAL",
            "targetIntervalSeconds": 5,
            "resolution": "HD",
            "storage": ["SEQUENTIAL", "LATEST"],
        },
        renditionConfiguration={"renditionSelection": "CUSTOM", "renditions": ["HD", "SD"]},
    )
    assert created["recordingReconnectWindowSeconds"] == 30
    assert created["thumbnailConfiguration"] == {
        "recordingMode": "INTERVAL",
        "targetIntervalSeconds": 5,
        "resolution": "HD",
        "storage": ["SEQUENTIAL", "LATEST"],
    }
    assert created["renditionConfiguration"] == {
        "renditionSelection": "CUSTOM",
        "renditions": ["HD", "SD"],
    }


def test_disabled_thumbnails_have_no_interval(ivs: Any) -> None:
    created = create(ivs, thumbnailConfiguration={"recordingMode": "DISABLED"})
    assert created["thumbnailConfiguration"] == {
        "recordingMode": "DISABLED",
        "storage": ["SEQUENTIAL"],
    }


def test_target_interval_only_with_interval_mode(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"targetIntervalSeconds.*INTERVAL"):
        create(
            ivs,
            thumbnailConfiguration={"recordingMode": "DISABLED", "targetIntervalSeconds": 10},
        )
    assert ivs.list_recording_configurations()["recordingConfigurations"] == []


def test_custom_renditions_need_renditions(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"renditions.*CUSTOM"):
        create(ivs, renditionConfiguration={"renditionSelection": "CUSTOM"})


def test_destination_needs_s3(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"destinationConfiguration\.s3"):
        create(ivs, destinationConfiguration={})


def test_model_constraints_are_enforced(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"at 'destinationConfiguration' .*not be null"):
        ivs.create_recording_configuration()
    with aws_error(
        "ValidationException", 400, r"recordingReconnectWindowSeconds.*less than or equal to 300"
    ):
        create(ivs, recordingReconnectWindowSeconds=301)
    with aws_error("ValidationException", 400, r"bucketName.*length greater than or equal to 3"):
        create(ivs, destinationConfiguration={"s3": {"bucketName": "ab"}})
    with aws_error(
        "ValidationException", 400, r"recordingMode.*enum value set: \[DISABLED, INTERVAL\]"
    ):
        create(ivs, thumbnailConfiguration={"recordingMode": "SOMETIMES"})


def test_quota_of_twenty(ivs: Any) -> None:
    for index in range(20):
        create(ivs, name=f"rec-{index}")
    with aws_error("ServiceQuotaExceededException", 402, r"20 recording configurations"):
        create(ivs, name="one-too-many")
    assert len(ivs.list_recording_configurations(maxResults=100)["recordingConfigurations"]) == 20


@pytest.mark.ivsmock(quotas={"recording-configuration": 2})
def test_quota_override(ivs: Any) -> None:
    create(ivs)
    create(ivs)
    with aws_error("ServiceQuotaExceededException", 402, r"\b2 recording configurations"):
        create(ivs)


def test_get_unknown_is_not_found(ivs: Any) -> None:
    missing = "arn:aws:ivs:us-east-1:123456789012:recording-configuration/AbCdEfGh1234"
    with aws_error("ResourceNotFoundException", 404, re.escape(missing)):
        ivs.get_recording_configuration(arn=missing)


def test_get_malformed_arn_is_invalid(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"at 'arn' .*regular expression pattern"):
        ivs.get_recording_configuration(arn="arn:aws:ivs:us-east-1:123456789012:channel/abc")


def test_list_summaries_and_default_page(ivs: Any) -> None:
    made = [create(ivs, name=f"rec-{i}", tags={"n": str(i)}) for i in range(3)]
    listed = ivs.list_recording_configurations()["recordingConfigurations"]
    assert [item["arn"] for item in listed] == [m["arn"] for m in made]
    assert listed[0] == {
        "arn": made[0]["arn"],
        "name": "rec-0",
        "destinationConfiguration": S3,
        "state": "ACTIVE",
        "tags": {"n": "0"},
    }


def test_list_pages_with_paginator(ivs: Any) -> None:
    made = {create(ivs)["arn"] for _ in range(7)}
    pages = ivs.get_paginator("list_recording_configurations").paginate(
        PaginationConfig={"PageSize": 3}
    )
    sizes, seen = [], []
    for page in pages:
        sizes.append(len(page["recordingConfigurations"]))
        seen += [item["arn"] for item in page["recordingConfigurations"]]
    assert sizes == [3, 3, 1]
    assert set(seen) == made and len(seen) == len(made)


def test_delete(ivs: Any) -> None:
    arn = create(ivs)["arn"]
    response = ivs.delete_recording_configuration(arn=arn)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 204
    with aws_error("ResourceNotFoundException", 404):
        ivs.get_recording_configuration(arn=arn)
    with aws_error("ResourceNotFoundException", 404, re.escape(arn)):
        ivs.delete_recording_configuration(arn=arn)


@pytest.mark.ivsmock(settle_recording_configurations=False)
def test_manual_settling(ivs_mock: IvsMock, ivs: Any) -> None:
    arn = create(ivs)["arn"]
    assert ivs.get_recording_configuration(arn=arn)["recordingConfiguration"]["state"] == "CREATING"
    ivs_mock.simulation.ivs.settle_recording_configuration(arn, "CREATE_FAILED")
    assert (
        ivs.get_recording_configuration(arn=arn)["recordingConfiguration"]["state"]
        == "CREATE_FAILED"
    )
    with pytest.raises(ValueError, match="state must be one of"):
        ivs_mock.simulation.ivs.settle_recording_configuration(arn, "DONE")
