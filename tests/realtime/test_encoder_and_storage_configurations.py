"""Encoder and storage configurations: Create, Get, List, Delete."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivsmock import mock_ivs
from tests.helpers import aws_error
from tests.realtime.conftest import MISSING_ENCODER, MISSING_STORAGE, s3_destination

ENCODER_ARN = re.compile(r"^arn:aws:ivs:us-east-1:123456789012:encoder-configuration/\w{12}$")
STORAGE_ARN = re.compile(r"^arn:aws:ivs:us-east-1:123456789012:storage-configuration/\w{12}$")


# -- encoder configurations -------------------------------------------------------------------


def test_encoder_defaults(realtime: Any) -> None:
    created = realtime.create_encoder_configuration()["encoderConfiguration"]
    assert ENCODER_ARN.match(created["arn"])
    assert created == {
        "arn": created["arn"],
        "name": "",
        "video": {"width": 1280, "height": 720, "framerate": 30, "bitrate": 2500000},
        "tags": {},
    }
    assert realtime.get_encoder_configuration(arn=created["arn"])["encoderConfiguration"] == created


def test_encoder_partial_video_is_completed(realtime: Any) -> None:
    video = realtime.create_encoder_configuration(video={"width": 1080, "height": 1920})[
        "encoderConfiguration"
    ]["video"]
    assert video == {"width": 1080, "height": 1920, "framerate": 30, "bitrate": 2500000}


@pytest.mark.parametrize(
    ("video", "member", "match"),
    [
        ({"width": 641}, "video.width", "must be even"),
        ({"height": 481}, "video.height", "must be even"),
        ({"width": 1920, "height": 1920}, "video", "at most 2073600"),
    ],
)
def test_encoder_video_rules(realtime: Any, video: dict[str, int], member: str, match: str) -> None:
    with aws_error("ValidationException", 400, f"^{re.escape(member)}: .*{match}"):
        realtime.create_encoder_configuration(video=video)


def test_encoder_quota(realtime: Any) -> None:
    with mock_ivs(quotas={"encoder-configuration": 1}):
        realtime.create_encoder_configuration()
        with aws_error("ServiceQuotaExceededException", 402, "encoder configurations"):
            realtime.create_encoder_configuration()


def test_encoder_list_pages(realtime: Any) -> None:
    arns = [
        realtime.create_encoder_configuration(name=f"e{i}")["encoderConfiguration"]["arn"]
        for i in range(3)
    ]
    first = realtime.list_encoder_configurations(maxResults=2)
    assert first["encoderConfigurations"][0] == {"arn": arns[0], "name": "e0", "tags": {}}
    second = realtime.list_encoder_configurations(maxResults=2, nextToken=first["nextToken"])
    assert [e["arn"] for e in second["encoderConfigurations"]] == arns[2:]
    assert "nextToken" not in second


def test_encoder_delete_404_and_in_use_conflict(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    composition = realtime.start_composition(
        stageArn=stage, destinations=[s3_destination(storage, encoder)]
    )["composition"]["arn"]
    with aws_error("ConflictException", 409, "used by 1 running composition"):
        realtime.delete_encoder_configuration(arn=encoder)
    realtime.stop_composition(arn=composition)
    realtime.delete_encoder_configuration(arn=encoder)
    with aws_error("ResourceNotFoundException", 404, "Encoder configuration not found"):
        realtime.get_encoder_configuration(arn=encoder)
    with aws_error("ResourceNotFoundException", 404, "Encoder configuration not found"):
        realtime.delete_encoder_configuration(arn=MISSING_ENCODER)


# -- storage configurations -------------------------------------------------------------------


def test_storage_create_get(realtime: Any) -> None:
    created = realtime.create_storage_configuration(s3={"bucketName": "rec.bucket-1"})[
        "storageConfiguration"
    ]
    assert STORAGE_ARN.match(created["arn"])
    assert created == {
        "arn": created["arn"],
        "name": "",
        "s3": {"bucketName": "rec.bucket-1"},
        "tags": {},
    }
    got = realtime.get_storage_configuration(arn=created["arn"])["storageConfiguration"]
    assert got == created


@pytest.mark.parametrize(
    ("bucket", "match"),
    [
        ("My-Bucket", "lowercase letters"),
        ("-bucket", "begin and end"),
        ("bucket-", "begin and end"),
        ("my..bucket", "adjacent dots"),
        ("192.168.5.4", "IP address"),
        ("xn--bucket", "prefix 'xn--'"),
        ("bucket-s3alias", "suffix '-s3alias'"),
        ("my_bucket", "lowercase letters"),
    ],
)
def test_storage_bucket_naming_rules(realtime: Any, bucket: str, match: str) -> None:
    with aws_error("ValidationException", 400, f"^s3\\.bucketName: .*{re.escape(match)}"):
        realtime.create_storage_configuration(s3={"bucketName": bucket})


def test_storage_quota_is_five(realtime: Any) -> None:
    for index in range(5):
        realtime.create_storage_configuration(s3={"bucketName": f"bucket-{index}"})
    with aws_error("ServiceQuotaExceededException", 402, "Quota of 5 storage configurations"):
        realtime.create_storage_configuration(s3={"bucketName": "bucket-6"})


def test_storage_list_default_page_is_the_quota(realtime: Any) -> None:
    with mock_ivs(quotas={"storage-configuration": 3}):
        for index in range(3):
            realtime.create_storage_configuration(s3={"bucketName": f"bucket-{index}"}, name="n")
        listed = realtime.list_storage_configurations()
    assert len(listed["storageConfigurations"]) == 3
    assert "nextToken" not in listed
    assert set(listed["storageConfigurations"][0]) == {"arn", "name", "s3", "tags"}
    first = realtime.list_storage_configurations(maxResults=2)
    assert len(first["storageConfigurations"]) == 2 and first["nextToken"]


def test_storage_delete_conflicts_while_a_composition_or_stage_uses_it(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    composition = realtime.start_composition(
        stageArn=stage, destinations=[s3_destination(storage, encoder)]
    )["composition"]["arn"]
    with aws_error("ConflictException", 409, "used by 1 running composition"):
        realtime.delete_storage_configuration(arn=storage)
    realtime.stop_composition(arn=composition)
    recorder = realtime.create_stage(
        autoParticipantRecordingConfiguration={"storageConfigurationArn": storage}
    )["stage"]["arn"]
    with aws_error("ConflictException", 409, "records participants of 1 stage"):
        realtime.delete_storage_configuration(arn=storage)
    realtime.update_stage(
        arn=recorder, autoParticipantRecordingConfiguration={"storageConfigurationArn": ""}
    )
    realtime.delete_storage_configuration(arn=storage)
    with aws_error("ResourceNotFoundException", 404, "Storage configuration not found"):
        realtime.get_storage_configuration(arn=storage)
    with aws_error("ResourceNotFoundException", 404, "Storage configuration not found"):
        realtime.delete_storage_configuration(arn=MISSING_STORAGE)
