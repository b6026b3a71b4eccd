"""ivs-realtime ingest configurations: Create, Get, List, Update, Delete."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivsmock import IvsMock
from tests.helpers import aws_error

ARN = re.compile(r"^arn:aws:ivs:us-east-1:123456789012:ingest-configuration/([A-Za-z0-9]{12})$")
MISSING_STAGE = "arn:aws:ivs:us-east-1:123456789012:stage/AbCdEfGh1234"


@pytest.fixture
def stage(realtime: Any) -> str:
    return str(realtime.create_stage(name="studio")["stage"]["arn"])


def create(realtime: Any, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("ingestProtocol", "RTMPS")
    return realtime.create_ingest_configuration(**kwargs)["ingestConfiguration"]  # type: ignore[no-any-return]


def activate(mock: IvsMock, realtime: Any, arn: str, stage: str) -> None:
    """A publisher starts streaming through the configuration (on ``stage``)."""
    realtime.update_ingest_configuration(arn=arn, stageArn=stage)
    mock.simulation.realtime.publish_rtmp(arn)


def test_create_defaults_and_formats(realtime: Any) -> None:
    created = create(realtime)
    found = ARN.match(created["arn"])
    assert found
    config_id = found.group(1)
    assert re.fullmatch(
        rf"rt_123456789012_us-east-1_{config_id}_[A-Za-z0-9]{{32}}", created["streamKey"]
    )
    assert re.fullmatch(r"[A-Za-z0-9]{12}", created["participantId"])
    assert created == {
        "name": "",
        "arn": created["arn"],
        "ingestProtocol": "RTMPS",
        "streamKey": created["streamKey"],
        "stageArn": "",
        "participantId": created["participantId"],
        "state": "INACTIVE",
        "userId": "",
        "redundantIngest": False,
        "attributes": {},
        "tags": {},
    }
    assert "insecureIngest" not in created


def test_create_returns_security_headers_as_modelled(realtime: Any) -> None:
    response = realtime.create_ingest_configuration(ingestProtocol="RTMPS")
    assert response["accessControlAllowOrigin"] == "*"
    assert response["xFrameOptions"] == "DENY"
    assert response["cacheControl"] == "no-store, no-cache"


def test_rtmp_needs_insecure_ingest(realtime: Any) -> None:
    with aws_error("ValidationException", 400, r"insecureIngest.*RTMP"):
        create(realtime, ingestProtocol="RTMP")
    created = create(realtime, ingestProtocol="RTMP", insecureIngest=True)
    assert created["ingestProtocol"] == "RTMP"
    assert "insecureIngest" not in created


def test_redundant_ingest_returns_two_credential_pairs(realtime: Any, stage: str) -> None:
    created = create(realtime, redundantIngest=True, name="dual", userId="u-1", stageArn=stage)
    pairs = created["redundantIngestCredentials"]
    assert len(pairs) == 2
    assert pairs[0] == {
        "participantId": created["participantId"],
        "streamKey": created["streamKey"],
    }
    assert pairs[1]["participantId"] != pairs[0]["participantId"]
    assert pairs[1]["streamKey"] != pairs[0]["streamKey"]
    assert created["redundantIngest"] is True
    assert (created["name"], created["userId"], created["stageArn"]) == ("dual", "u-1", stage)


def test_attributes_limited_to_one_kilobyte(realtime: Any) -> None:
    create(realtime, attributes={"k": "v" * 1023})
    with aws_error("ValidationException", 400, r"attributes.*1024 bytes"):
        create(realtime, attributes={"k": "v" * 1024})


def test_model_constraints(realtime: Any) -> None:
    with aws_error(
        "ValidationException", 400, r"at 'ingestProtocol' .*enum value set: \[RTMP, RTMPS\]"
    ):
        create(realtime, ingestProtocol="SRT")
    with aws_error("ValidationException", 400, r"at 'name' .*length less than or equal to 128"):
        create(realtime, name="n" * 129)
    with aws_error("ValidationException", 400, r"at 'stageArn' .*regular expression pattern"):
        create(realtime, stageArn="arn:aws:ivs:us-east-1:123456789012:channel/abc")
    with aws_error("ValidationException", 400, r"at 'ingestProtocol' .*not be null"):
        realtime.create_ingest_configuration()


def test_quota_of_one_hundred(realtime: Any) -> None:
    for _ in range(100):
        create(realtime)
    with aws_error("ServiceQuotaExceededException", 402, r"100 ingest configurations"):
        create(realtime)


def test_get_and_not_found(realtime: Any) -> None:
    created = create(realtime, tags={"a": "b"})
    assert realtime.get_ingest_configuration(arn=created["arn"])["ingestConfiguration"] == created
    missing = "arn:aws:ivs:us-east-1:123456789012:ingest-configuration/ZZZZZZZZZZZZ"
    with aws_error("ResourceNotFoundException", 404, re.escape(missing)):
        realtime.get_ingest_configuration(arn=missing)


def test_list_summaries_filters_and_exclusion(ivs_mock: IvsMock, realtime: Any, stage: str) -> None:
    on_stage = create(realtime, stageArn=stage)
    other = create(realtime)
    second_stage = realtime.create_stage(name="other")["stage"]["arn"]
    activate(ivs_mock, realtime, other["arn"], second_stage)
    everything = realtime.list_ingest_configurations()["ingestConfigurations"]
    assert [c["arn"] for c in everything] == [on_stage["arn"], other["arn"]]
    assert set(everything[0]) == {
        "name", "arn", "ingestProtocol", "stageArn", "participantId", "state", "userId",
        "redundantIngest",
    }  # fmt: skip
    by_stage = realtime.list_ingest_configurations(filterByStageArn=stage)
    assert [c["arn"] for c in by_stage["ingestConfigurations"]] == [on_stage["arn"]]
    active = realtime.list_ingest_configurations(filterByState="ACTIVE")
    assert [c["arn"] for c in active["ingestConfigurations"]] == [other["arn"]]
    with aws_error("ValidationException", 400, r"filterByStageArn and filterByState"):
        realtime.list_ingest_configurations(filterByStageArn=stage, filterByState="ACTIVE")


def test_list_paginator_while_adding_and_deleting(realtime: Any) -> None:
    made = [create(realtime)["arn"] for _ in range(10)]
    pages = realtime.get_paginator("list_ingest_configurations").paginate(
        PaginationConfig={"PageSize": 3}
    )
    seen: list[str] = []
    added: list[str] = []
    for number, page in enumerate(pages):
        seen += [c["arn"] for c in page["ingestConfigurations"]]
        if number == 0:
            # Between pages: delete one not seen yet, one already seen, and add a new one.
            realtime.delete_ingest_configuration(arn=made[5])
            realtime.delete_ingest_configuration(arn=made[0])
            added.append(create(realtime)["arn"])
    expected = [a for a in made if a != made[5]] + added
    assert seen == expected
    assert len(seen) == len(set(seen))


def test_update_stage_and_redundancy(realtime: Any, stage: str) -> None:
    created = create(realtime)
    updated = realtime.update_ingest_configuration(
        arn=created["arn"], stageArn=stage, redundantIngest=True
    )["ingestConfiguration"]
    assert updated["stageArn"] == stage
    assert len(updated["redundantIngestCredentials"]) == 2
    assert updated["streamKey"] == created["streamKey"]
    detached = realtime.update_ingest_configuration(
        arn=created["arn"], stageArn="", redundantIngest=False
    )["ingestConfiguration"]
    assert detached["stageArn"] == ""
    assert "redundantIngestCredentials" not in detached
    by_stage = realtime.list_ingest_configurations(filterByStageArn=stage)
    assert by_stage["ingestConfigurations"] == []


def test_update_errors(ivs_mock: IvsMock, realtime: Any, stage: str) -> None:
    missing = "arn:aws:ivs:us-east-1:123456789012:ingest-configuration/ZZZZZZZZZZZZ"
    with aws_error("ResourceNotFoundException", 404, re.escape(missing)):
        realtime.update_ingest_configuration(arn=missing, stageArn="")
    created = create(realtime)
    with aws_error("ResourceNotFoundException", 404, re.escape(MISSING_STAGE)):
        realtime.update_ingest_configuration(arn=created["arn"], stageArn=MISSING_STAGE)
    activate(ivs_mock, realtime, created["arn"], stage)
    with aws_error("ConflictException", 409, r"ACTIVE.*cannot be updated"):
        realtime.update_ingest_configuration(arn=created["arn"], stageArn="")
    got = realtime.get_ingest_configuration(arn=created["arn"])["ingestConfiguration"]
    assert (got["stageArn"], got["state"]) == (stage, "ACTIVE")


def test_create_with_a_missing_stage_is_invalid(realtime: Any) -> None:
    with aws_error("ValidationException", 400, re.escape(MISSING_STAGE)):
        create(realtime, stageArn=MISSING_STAGE)


def test_delete_inactive_active_and_forced(ivs_mock: IvsMock, realtime: Any, stage: str) -> None:
    idle = create(realtime)
    assert (
        realtime.delete_ingest_configuration(arn=idle["arn"])["ResponseMetadata"]["HTTPStatusCode"]
        == 200
    )
    with aws_error("ResourceNotFoundException", 404):
        realtime.get_ingest_configuration(arn=idle["arn"])
    busy = create(realtime)
    activate(ivs_mock, realtime, busy["arn"], stage)
    with aws_error("ConflictException", 409, r"force"):
        realtime.delete_ingest_configuration(arn=busy["arn"])
    realtime.get_ingest_configuration(arn=busy["arn"])
    realtime.delete_ingest_configuration(arn=busy["arn"], force=True)
    with aws_error("ResourceNotFoundException", 404):
        realtime.delete_ingest_configuration(arn=busy["arn"])


@pytest.mark.parametrize("token", ["%%%", "bm90LWEtdG9rZW4=", "djE6MDAwMDAwMDAwMDAwOjE="])
def test_bad_next_token(realtime: Any, token: str) -> None:
    with aws_error("ValidationException", 400, r"nextToken is not valid"):
        realtime.list_ingest_configurations(nextToken=token)


def test_token_from_another_filter_is_refused(realtime: Any, stage: str) -> None:
    for _ in range(3):
        create(realtime, stageArn=stage)
    first = realtime.list_ingest_configurations(maxResults=1)
    with aws_error("ValidationException", 400, r"another list request"):
        realtime.list_ingest_configurations(filterByStageArn=stage, nextToken=first["nextToken"])
    with aws_error("ValidationException", 400, r"another list request"):
        realtime.list_ingest_configurations(filterByState="INACTIVE", nextToken=first["nextToken"])
