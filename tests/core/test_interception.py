"""Which requests are intercepted, and that nothing ever reaches the network."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.awsrequest import AWSResponse
from botocore.config import Config

from ivsmock import NotImplementedOperationError, mock_ivs
from ivsmock.core import operations

S3 = {"s3": {"bucketName": "my-recordings"}}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Any attempt to open a connection fails the test (and is recorded)."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise AssertionError(f"ivsmock let a request reach the network: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts
    assert attempts == []


def test_client_created_before_the_mock_is_intercepted(no_network: list[Any]) -> None:
    early = boto3.session.Session().client(
        "ivs",
        region_name="us-east-1",
        aws_access_key_id="AKIAEXAMPLE",
        aws_secret_access_key="x",
    )
    with mock_ivs():
        made = early.create_recording_configuration(destinationConfiguration=S3)
        assert made["recordingConfiguration"]["state"] == "CREATING"


def test_session_created_before_ivsmock_was_imported() -> None:
    script = textwrap.dedent(
        """
        import boto3
        session = boto3.session.Session(region_name="us-west-2")
        early = session.client("ivs-realtime", aws_access_key_id="a", aws_secret_access_key="b")
        import ivsmock
        with ivsmock.mock_ivs():
            late = session.client("ivs-realtime", aws_access_key_id="a", aws_secret_access_key="b")
            made = early.create_ingest_configuration(ingestProtocol="RTMPS")["ingestConfiguration"]
            got = late.get_ingest_configuration(arn=made["arn"])["ingestConfiguration"]
            assert got["arn"] == made["arn"] and ":us-west-2:" in made["arn"]
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_client_without_any_credentials_works(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, no_network: list[Any]
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    session = botocore.session.get_session()
    credentialless = session.create_client("ivs", region_name="us-east-1")
    assert session.get_credentials() is None
    with mock_ivs():
        listed = credentialless.list_recording_configurations()
        assert listed["recordingConfigurations"] == []
        # Fake credentials are in the environment for clients made during the mock.
        assert os.environ["AWS_ACCESS_KEY_ID"]
        during = boto3.session.Session().client("ivs", region_name="us-east-1")
        assert during.list_recording_configurations()["recordingConfigurations"] == []
    assert "AWS_ACCESS_KEY_ID" not in os.environ


def test_not_implemented_operation_names_it_and_lists_what_is(
    no_network: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    removed = operations.unregister("ivs", "ListRecordingConfigurations")
    assert removed is not None
    try:
        with mock_ivs() as mock:
            ivs = mock.client("ivs", config=Config(retries={"max_attempts": 0}))
            with pytest.raises(NotImplementedOperationError) as info:
                ivs.list_recording_configurations()
    finally:
        operations.operation("ivs", "ListRecordingConfigurations")(removed)
    message = str(info.value)
    assert "ivs ListRecordingConfigurations" in message
    assert "never sends it to AWS" in message
    assert "CreateRecordingConfiguration" in message


def test_other_services_are_left_alone(no_network: list[Any]) -> None:
    """An S3 request passes through ivsmock to the next before-send handler untouched."""
    s3 = boto3.session.Session().client(
        "s3", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
    seen: list[str] = []

    def canned(request: Any, **_: Any) -> AWSResponse:
        seen.append(request.url)
        body = b"<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>"
        return AWSResponse(request.url, 200, {}, _Raw(body))

    s3.meta.events.register("before-send.s3.ListBuckets", canned)
    with mock_ivs():
        assert s3.list_buckets()["Buckets"] == []
    assert seen == ["https://s3.amazonaws.com/"]


class _Raw:
    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.body


def test_side_by_side_with_moto(no_network: list[Any]) -> None:
    moto = pytest.importorskip("moto")
    with moto.mock_aws(), mock_ivs() as mock:
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="recordings")
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["recordings"]
        ivs = boto3.client("ivs", region_name="us-east-1")
        made = ivs.create_recording_configuration(
            destinationConfiguration={"s3": {"bucketName": "recordings"}}
        )
        # ivsmock answered, not moto: the resource is in ivsmock's state.
        arns = [r["arn"] for r in mock.resources("ivs", "recording-configuration")]
        assert arns == [made["recordingConfiguration"]["arn"]]
