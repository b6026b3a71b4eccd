"""Create, Get, List, Update and DeleteLoggingConfiguration."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from ivsmock import IvsMock
from tests.chat.conftest import FakeClock
from tests.helpers import aws_error

Factory = Callable[..., dict[str, Any]]
ARN = re.compile(r"^arn:aws:ivschat:us-east-1:123456789012:logging-configuration/[A-Za-z0-9]{12}$")
DESTINATIONS = [
    {"s3": {"bucketName": "chat-logs"}},
    {"cloudWatchLogs": {"logGroupName": "/ivs/chat"}},
    {"firehose": {"deliveryStreamName": "chat-stream"}},
]


@pytest.mark.parametrize("destination", DESTINATIONS, ids=lambda d: next(iter(d)))
def test_create_with_each_destination(chat: Any, clock: FakeClock, destination: Any) -> None:
    created = chat.create_logging_configuration(
        name="logs", destinationConfiguration=destination, tags={"k": "v"}
    )
    assert ARN.match(created["arn"])
    assert created["id"] == created["arn"].rsplit("/", 1)[1]
    assert created["state"] == "ACTIVE"
    assert created["destinationConfiguration"] == destination
    assert created["createTime"] == created["updateTime"] == clock.now
    got = chat.get_logging_configuration(identifier=created["arn"])
    assert {k: got[k] for k in ("name", "destinationConfiguration", "state", "tags")} == {
        "name": "logs",
        "destinationConfiguration": destination,
        "state": "ACTIVE",
        "tags": {"k": "v"},
    }


def test_name_defaults_to_empty(chat: Any) -> None:
    created = chat.create_logging_configuration(destinationConfiguration=DESTINATIONS[0])
    assert created["name"] == ""
    assert created["tags"] == {}


@pytest.mark.parametrize(
    "destination",
    [{}, {"s3": {"bucketName": "chat-logs"}, "firehose": {"deliveryStreamName": "s"}}],
    ids=["none", "two"],
)
def test_exactly_one_destination(chat: Any, destination: Any) -> None:
    with aws_error("ValidationException", 400, "destinationConfiguration") as caught:
        chat.create_logging_configuration(destinationConfiguration=destination)
    assert caught.response["reason"] == "FIELD_VALIDATION_FAILED"
    assert caught.response["fieldList"][0]["name"] == "destinationConfiguration"


def test_quota_is_10_per_region(
    chat: Any, make_client: Any, new_logging_configuration: Factory
) -> None:
    for _ in range(10):
        new_logging_configuration()
    with aws_error("ServiceQuotaExceededException", 402, "10 logging configurations") as caught:
        new_logging_configuration()
    assert caught.response["limit"] == 10
    assert len(chat.list_logging_configurations()["loggingConfigurations"]) == 10
    other = make_client("ivschat", region="us-west-2")
    other.create_logging_configuration(destinationConfiguration=DESTINATIONS[0])


def test_get_unknown_is_404(chat: Any) -> None:
    missing = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/FFFFFFFFFFFF"
    with aws_error("ResourceNotFoundException", 404, "Logging configuration not found") as caught:
        chat.get_logging_configuration(identifier=missing)
    assert caught.response["resourceId"] == "FFFFFFFFFFFF"
    assert caught.response["resourceType"] == "ROOM"


def test_list_pages_in_creation_order(chat: Any, new_logging_configuration: Factory) -> None:
    made = [new_logging_configuration(name=f"l{i}")["arn"] for i in range(3)]
    first = chat.list_logging_configurations(maxResults=2)
    second = chat.list_logging_configurations(maxResults=2, nextToken=first["nextToken"])
    listed = first["loggingConfigurations"] + second["loggingConfigurations"]
    assert [item["arn"] for item in listed] == made
    assert "nextToken" not in second
    assert listed[0]["state"] == "ACTIVE"
    assert listed[0]["destinationConfiguration"] == DESTINATIONS[0]


def test_list_refuses_a_foreign_token(chat: Any) -> None:
    with aws_error("ValidationException", 400, "nextToken"):
        chat.list_logging_configurations(nextToken="bm90LWEtdG9rZW4")


def test_update_changes_name_and_destination(
    chat: Any, clock: FakeClock, new_logging_configuration: Factory
) -> None:
    created = new_logging_configuration(name="old", tags={"k": "v"})
    later = clock.advance(minutes=1)
    renamed = chat.update_logging_configuration(identifier=created["arn"], name="new")
    assert renamed["name"] == "new"
    assert renamed["destinationConfiguration"] == DESTINATIONS[0]
    assert renamed["updateTime"] == later
    assert renamed["createTime"] == created["createTime"]
    assert renamed["state"] == "ACTIVE"
    assert renamed["tags"] == {"k": "v"}
    moved = chat.update_logging_configuration(
        identifier=created["arn"], destinationConfiguration=DESTINATIONS[1]
    )
    assert moved["name"] == "new"
    assert moved["destinationConfiguration"] == DESTINATIONS[1]
    got = chat.get_logging_configuration(identifier=created["arn"])
    assert got["destinationConfiguration"] == DESTINATIONS[1]


def test_update_unknown_is_404(chat: Any) -> None:
    missing = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/FFFFFFFFFFFF"
    with aws_error("ResourceNotFoundException", 404):
        chat.update_logging_configuration(identifier=missing, name="x")


@pytest.mark.parametrize("state", ["CREATING", "UPDATING", "DELETING"])
def test_update_and_delete_wait_for_a_transitional_state(
    chat: Any, ivs_mock: IvsMock, new_logging_configuration: Factory, state: str
) -> None:
    created = new_logging_configuration(name="keep")
    ivs_mock.simulation.chat.set_logging_configuration_state(created["arn"], state)
    assert chat.get_logging_configuration(identifier=created["arn"])["state"] == state
    with aws_error("ConflictException", 409, f"is {state}.*retry later") as caught:
        chat.update_logging_configuration(identifier=created["arn"], name="changed")
    assert caught.response["resourceId"] == created["id"]
    with aws_error("ConflictException", 409, f"is {state}"):
        chat.delete_logging_configuration(identifier=created["arn"])
    assert chat.get_logging_configuration(identifier=created["arn"])["name"] == "keep"


def test_update_settles_a_failed_configuration(
    chat: Any, ivs_mock: IvsMock, new_logging_configuration: Factory
) -> None:
    created = new_logging_configuration()
    ivs_mock.simulation.chat.set_logging_configuration_state(created["arn"], "UPDATE_FAILED")
    listed = chat.list_logging_configurations()["loggingConfigurations"]
    assert listed[0]["state"] == "UPDATE_FAILED"
    assert chat.update_logging_configuration(identifier=created["arn"])["state"] == "ACTIVE"


def test_delete_answers_204(chat: Any, new_logging_configuration: Factory) -> None:
    created = new_logging_configuration()
    answer = chat.delete_logging_configuration(identifier=created["arn"])
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    with aws_error("ResourceNotFoundException", 404):
        chat.get_logging_configuration(identifier=created["arn"])
    with aws_error("ResourceNotFoundException", 404):
        chat.delete_logging_configuration(identifier=created["arn"])


def test_delete_refuses_a_configuration_rooms_use(
    chat: Any, new_logging_configuration: Factory
) -> None:
    logs = new_logging_configuration()
    room = chat.create_room(loggingConfigurationIdentifiers=[logs["arn"]])
    with aws_error("ConflictException", 409, "used by 1 room.*UpdateRoom") as caught:
        chat.delete_logging_configuration(identifier=logs["arn"])
    assert room["arn"] in caught.message
    assert caught.response["resourceId"] == logs["id"]
    chat.update_room(identifier=room["arn"], loggingConfigurationIdentifiers=[])
    chat.delete_logging_configuration(identifier=logs["arn"])


def test_simulation_refuses_unknown_states_and_configurations(ivs_mock: IvsMock) -> None:
    with pytest.raises(ValueError, match="state must be one of"):
        ivs_mock.simulation.chat.set_logging_configuration_state(
            "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/FFFFFFFFFFFF", "BROKEN"
        )
    with pytest.raises(KeyError, match="no logging configuration"):
        ivs_mock.simulation.chat.set_logging_configuration_state(
            "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/FFFFFFFFFFFF", "ACTIVE"
        )
