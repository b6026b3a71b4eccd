"""Fault injection, with botocore's own retry handler at work."""

from __future__ import annotations

import time
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from ivsmock import IvsMock
from tests.helpers import aws_error

S3 = {"s3": {"bucketName": "my-recordings"}}


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """botocore's back-off sleeps, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr("botocore.endpoint.time.sleep", slept.append)
    return slept


def retrying(mock: IvsMock, mode: str, attempts: int) -> Any:
    return mock.client(
        "ivs-realtime", config=Config(retries={"mode": mode, "total_max_attempts": attempts})
    )


@pytest.mark.parametrize("mode", ["standard", "adaptive", "legacy"])
def test_throttled_calls_are_retried_and_succeed(
    ivs_mock: IvsMock, sleeps: list[float], mode: str
) -> None:
    client = retrying(ivs_mock, mode, attempts=3)
    ivs_mock.faults.throttle("ivs-realtime", "ListIngestConfigurations", times=2)
    response = client.list_ingest_configurations()
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert len(sleeps) == 2
    outcomes = [r.error for r in ivs_mock.calls.find("ListIngestConfigurations")]
    assert outcomes == ["ThrottlingException", "ThrottlingException", None]


@pytest.mark.parametrize("mode", ["standard", "adaptive"])
def test_retries_give_up_after_the_configured_attempts(
    ivs_mock: IvsMock, sleeps: list[float], mode: str
) -> None:
    client = retrying(ivs_mock, mode, attempts=4)
    ivs_mock.faults.throttle("ivs-realtime", "ListIngestConfigurations", every=True)
    with pytest.raises(ClientError) as info:
        client.list_ingest_configurations()
    error = info.value.response
    assert error["Error"]["Code"] == "ThrottlingException"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert error["ResponseMetadata"]["RetryAttempts"] == 3
    assert len(ivs_mock.calls.find("ListIngestConfigurations")) == 4


def test_server_errors_are_retried(ivs_mock: IvsMock, sleeps: list[float]) -> None:
    client = retrying(ivs_mock, "standard", attempts=3)
    ivs_mock.faults.server_error("ivs-realtime", "ListIngestConfigurations")
    assert client.list_ingest_configurations()["ResponseMetadata"]["RetryAttempts"] == 1


def test_modelled_error_on_the_next_calls(ivs_mock: IvsMock, realtime: Any) -> None:
    ivs_mock.faults.fail(
        "ivs-realtime", "CreateIngestConfiguration", "PendingVerification", times=2
    )
    for _ in range(2):
        with aws_error("PendingVerification", 403, "injected by ivsmock"):
            realtime.create_ingest_configuration(ingestProtocol="RTMPS")
    made = realtime.create_ingest_configuration(ingestProtocol="RTMPS")
    assert made["ingestConfiguration"]["state"] == "INACTIVE"
    # The failed calls changed nothing.
    assert len(realtime.list_ingest_configurations()["ingestConfigurations"]) == 1


def test_unmodelled_error_is_refused_with_what_is_modelled(ivs_mock: IvsMock) -> None:
    with pytest.raises(
        ValueError, match=r"does not model ConflictException; it models .*Validation"
    ):
        ivs_mock.faults.fail("ivs-realtime", "GetIngestConfiguration", "ConflictException")
    with pytest.raises(ValueError, match="no operation 'Launch'"):
        ivs_mock.faults.throttle("ivs", "Launch")
    with pytest.raises(ValueError, match="unknown service"):
        ivs_mock.faults.delay("medialive", "*", 1)
    with pytest.raises(ValueError, match="between 0 and 1"):
        ivs_mock.faults.throttle("ivs", "*", probability=2)


def test_seeded_fraction_is_reproducible(ivs_mock: IvsMock, realtime: Any) -> None:
    def pattern() -> list[bool]:
        ivs_mock.faults.clear()
        ivs_mock.faults.fail(
            "ivs-realtime", "ListIngestConfigurations", "AccessDeniedException",
            probability=0.5, seed=42,
        )  # fmt: skip
        outcomes = []
        for _ in range(20):
            try:
                realtime.list_ingest_configurations()
                outcomes.append(True)
            except ClientError as error:
                assert error.response["Error"]["Code"] == "AccessDeniedException"
                outcomes.append(False)
        return outcomes

    first = pattern()
    assert first == pattern()
    assert 3 < first.count(False) < 17


def test_every_operation_wildcard_and_clear(ivs_mock: IvsMock, ivs: Any) -> None:
    ivs_mock.faults.fail("ivs", "*", "AccessDeniedException", every=True)
    with aws_error("AccessDeniedException", 403):
        ivs.list_recording_configurations()
    with aws_error("AccessDeniedException", 403):
        ivs.create_recording_configuration(destinationConfiguration=S3)
    ivs_mock.faults.clear()
    assert ivs.list_recording_configurations()["recordingConfigurations"] == []


def test_delay(ivs_mock: IvsMock, realtime: Any) -> None:
    ivs_mock.faults.delay("ivs-realtime", "ListIngestConfigurations", 0.2)
    started = time.monotonic()
    realtime.list_ingest_configurations()
    assert time.monotonic() - started >= 0.2
    started = time.monotonic()
    realtime.list_ingest_configurations()
    assert time.monotonic() - started < 0.2


def test_faults_reach_clients_made_anywhere(ivs_mock: IvsMock) -> None:
    ivs_mock.faults.throttle("ivs", "ListRecordingConfigurations")
    client = boto3.client(
        "ivs", region_name="us-east-1", config=Config(retries={"max_attempts": 0})
    )
    with aws_error("ThrottlingException", 429):
        client.list_recording_configurations()
