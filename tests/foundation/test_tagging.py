"""TagResource, UntagResource, ListTagsForResource on the shared tagging mechanism."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.helpers import aws_error

S3 = {"s3": {"bucketName": "my-recordings"}}


@pytest.fixture
def recording_arn(ivs: Any) -> str:
    made = ivs.create_recording_configuration(destinationConfiguration=S3, tags={"a": "1"})
    return str(made["recordingConfiguration"]["arn"])


@pytest.fixture
def ingest_arn(realtime: Any) -> str:
    made = realtime.create_ingest_configuration(ingestProtocol="RTMPS")
    return str(made["ingestConfiguration"]["arn"])


def test_tag_overwrite_and_untag(ivs: Any, recording_arn: str) -> None:
    ivs.tag_resource(resourceArn=recording_arn, tags={"a": "2", "b": "x y:z/@"})
    assert ivs.list_tags_for_resource(resourceArn=recording_arn)["tags"] == {
        "a": "2",
        "b": "x y:z/@",
    }
    ivs.untag_resource(resourceArn=recording_arn, tagKeys=["a", "never-set"])
    assert ivs.list_tags_for_resource(resourceArn=recording_arn)["tags"] == {"b": "x y:z/@"}
    got = ivs.get_recording_configuration(arn=recording_arn)["recordingConfiguration"]
    assert got["tags"] == {"b": "x y:z/@"}


def test_realtime_resources_share_the_mechanism(realtime: Any, ingest_arn: str) -> None:
    assert realtime.list_tags_for_resource(resourceArn=ingest_arn)["tags"] == {}
    realtime.tag_resource(resourceArn=ingest_arn, tags={"env": "test"})
    got = realtime.get_ingest_configuration(arn=ingest_arn)["ingestConfiguration"]
    assert got["tags"] == {"env": "test"}


def test_at_most_fifty_tags(ivs: Any, recording_arn: str) -> None:
    ivs.tag_resource(resourceArn=recording_arn, tags={f"k{i}": "v" for i in range(49)})
    with aws_error("ValidationException", 400, r"at most 50 tags.*52"):
        ivs.tag_resource(resourceArn=recording_arn, tags={"one": "more", "two": "more"})
    assert len(ivs.list_tags_for_resource(resourceArn=recording_arn)["tags"]) == 50
    with aws_error("ValidationException", 400, r"'tags' .*length less than or equal to 50"):
        ivs.tag_resource(resourceArn=recording_arn, tags={f"n{i}": "v" for i in range(51)})


def test_reserved_prefix_refused(ivs: Any, realtime: Any, recording_arn: str) -> None:
    with aws_error("ValidationException", 400, r"aws:"):
        ivs.tag_resource(resourceArn=recording_arn, tags={"aws:owner": "me"})
    with aws_error("ValidationException", 400, r"aws:"):
        realtime.create_ingest_configuration(ingestProtocol="RTMPS", tags={"AWS:x": "y"})
    assert ivs.list_tags_for_resource(resourceArn=recording_arn)["tags"] == {"a": "1"}


def test_tag_key_and_value_constraints(ivs: Any, recording_arn: str) -> None:
    with aws_error("ValidationException", 400, r"'tags\.key' .*length less than or equal to 128"):
        ivs.tag_resource(resourceArn=recording_arn, tags={"k" * 129: "v"})
    with aws_error("ValidationException", 400, r"length less than or equal to 256"):
        ivs.tag_resource(resourceArn=recording_arn, tags={"k": "v" * 257})


def test_unknown_arn_is_not_found(ivs: Any, realtime: Any) -> None:
    missing = "arn:aws:ivs:us-east-1:123456789012:recording-configuration/AbCdEfGh1234"
    with aws_error("ResourceNotFoundException", 404, re.escape(missing)):
        ivs.list_tags_for_resource(resourceArn=missing)
    with aws_error("ResourceNotFoundException", 404):
        ivs.tag_resource(resourceArn=missing, tags={"a": "b"})
    with aws_error("ResourceNotFoundException", 404):
        ivs.untag_resource(resourceArn=missing, tagKeys=["a"])
    with aws_error("ResourceNotFoundException", 404):
        realtime.list_tags_for_resource(
            resourceArn="arn:aws:ivs:us-east-1:123456789012:stage/AbCdEfGh1234"
        )


def test_arn_of_another_account_or_region_is_not_found(
    make_client: Any, recording_arn: str
) -> None:
    elsewhere = make_client("ivs", region="eu-west-1")
    with aws_error("ResourceNotFoundException", 404, r"eu-west-1"):
        elsewhere.list_tags_for_resource(resourceArn=recording_arn)
    other_account = make_client("ivs", access_key="210987654321")
    with aws_error("ResourceNotFoundException", 404, r"210987654321"):
        other_account.list_tags_for_resource(resourceArn=recording_arn)


def test_real_arns_pass_the_model_quirk_but_garbage_does_not(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"at 'resourceArn' .*regular expression"):
        ivs.list_tags_for_resource(resourceArn="not-an-arn")


def test_service_only_tags_its_own_resources(realtime: Any, recording_arn: str) -> None:
    with aws_error("ResourceNotFoundException", 404):
        realtime.list_tags_for_resource(resourceArn=recording_arn)
