"""CreateRoom, GetRoom, UpdateRoom, DeleteRoom."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.chat.conftest import LAMBDA, FakeClock
from tests.helpers import aws_error

Factory = Callable[..., dict[str, Any]]
ROOM_ARN = re.compile(r"^arn:aws:ivschat:us-east-1:123456789012:room/[A-Za-z0-9]{12}$")


def test_create_room_applies_documented_defaults(chat: Any, clock: FakeClock) -> None:
    room = chat.create_room()
    assert ROOM_ARN.match(room["arn"])
    assert room["id"] == room["arn"].rsplit("/", 1)[1]
    assert room["name"] == ""
    assert room["maximumMessageRatePerSecond"] == 10
    assert room["maximumMessageLength"] == 500
    assert room["tags"] == {}
    assert room["loggingConfigurationIdentifiers"] == []
    assert "messageReviewHandler" not in room
    assert room["createTime"] == room["updateTime"] == clock.now


def test_create_room_keeps_what_was_given(chat: Any, new_logging_configuration: Factory) -> None:
    logs = new_logging_configuration()
    room = chat.create_room(
        name="lobby",
        maximumMessageRatePerSecond=100,
        maximumMessageLength=1,
        messageReviewHandler={"uri": LAMBDA, "fallbackResult": "DENY"},
        tags={"team": "chat"},
        loggingConfigurationIdentifiers=[logs["arn"]],
    )
    got = chat.get_room(identifier=room["arn"])
    for answer in (room, got):
        assert answer["name"] == "lobby"
        assert answer["maximumMessageRatePerSecond"] == 100
        assert answer["maximumMessageLength"] == 1
        assert answer["messageReviewHandler"] == {"uri": LAMBDA, "fallbackResult": "DENY"}
        assert answer["tags"] == {"team": "chat"}
        assert answer["loggingConfigurationIdentifiers"] == [logs["arn"]]


def test_message_review_handler_falls_back_to_allow(chat: Any) -> None:
    room = chat.create_room(messageReviewHandler={"uri": LAMBDA})
    assert room["messageReviewHandler"] == {"uri": LAMBDA, "fallbackResult": "ALLOW"}


@pytest.mark.parametrize(
    "uri",
    [
        "not-an-arn",
        "arn:aws:lambda:us-east-1:123:function:short-account",
        "arn:aws:s3:::bucket",
        "arn:aws:lambda:us-east-1:123456789012:layer:x",
    ],
)
def test_message_review_handler_must_be_a_lambda_function_arn(chat: Any, uri: str) -> None:
    with aws_error("ValidationException", 400, "messageReviewHandler.uri.*Lambda") as caught:
        chat.create_room(messageReviewHandler={"uri": uri})
    assert caught.response["reason"] == "FIELD_VALIDATION_FAILED"
    assert caught.response["fieldList"][0]["name"] == "messageReviewHandler.uri"


def test_model_constraints_arrive_with_reason_and_field_list(chat: Any) -> None:
    with aws_error("ValidationException", 400, "maximumMessageLength") as caught:
        chat.create_room(maximumMessageLength=501, maximumMessageRatePerSecond=0)
    assert caught.response["reason"] == "FIELD_VALIDATION_FAILED"
    names = {field["name"] for field in caught.response["fieldList"]}
    assert names == {"maximumMessageLength", "maximumMessageRatePerSecond"}


def test_create_room_refuses_a_logging_configuration_that_does_not_exist(chat: Any) -> None:
    missing = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/AAAAAAAAAAAA"
    with aws_error("ResourceNotFoundException", 404, "loggingConfigurationIdentifiers") as caught:
        chat.create_room(loggingConfigurationIdentifiers=[missing])
    assert caught.response["resourceId"] == "AAAAAAAAAAAA"
    assert caught.response["resourceType"] == "ROOM"
    assert chat.list_rooms()["rooms"] == []


def test_create_room_refuses_a_logging_configuration_listed_twice(
    chat: Any, new_logging_configuration: Factory
) -> None:
    logs = new_logging_configuration()["arn"]
    with aws_error("ValidationException", 400, "listed twice") as caught:
        chat.create_room(loggingConfigurationIdentifiers=[logs, logs])
    assert caught.response["fieldList"][0]["name"] == "loggingConfigurationIdentifiers"


def test_a_room_takes_at_most_three_logging_configurations(
    chat: Any, new_logging_configuration: Factory
) -> None:
    logs = [new_logging_configuration()["arn"] for _ in range(4)]
    assert (
        len(
            chat.create_room(loggingConfigurationIdentifiers=logs[:3])[
                "loggingConfigurationIdentifiers"
            ]
        )
        == 3
    )
    with aws_error("ValidationException", 400, "loggingConfigurationIdentifiers"):
        chat.create_room(loggingConfigurationIdentifiers=logs)


def test_reserved_tag_prefix_is_refused(chat: Any) -> None:
    with aws_error("ValidationException", 400, "aws:"):
        chat.create_room(tags={"aws:owner": "me"})


@pytest.mark.ivsmock(quotas={"room": 2})
def test_room_quota_is_402(chat: Any) -> None:
    chat.create_room()
    chat.create_room()
    with aws_error("ServiceQuotaExceededException", 402, "2 rooms") as caught:
        chat.create_room()
    assert caught.response["limit"] == 2
    assert caught.response["resourceType"] == "ROOM"
    assert len(chat.list_rooms()["rooms"]) == 2


def test_get_room_of_unknown_arn_is_404(chat: Any) -> None:
    arn = "arn:aws:ivschat:us-east-1:123456789012:room/BBBBBBBBBBBB"
    with aws_error("ResourceNotFoundException", 404, "Room not found.*CreateRoom") as caught:
        chat.get_room(identifier=arn)
    assert caught.response["resourceId"] == "BBBBBBBBBBBB"


def test_identifier_must_be_an_arn(chat: Any) -> None:
    with aws_error("ValidationException", 400, "identifier") as caught:
        chat.get_room(identifier="BBBBBBBBBBBB")
    assert caught.response["fieldList"][0]["name"] == "identifier"


def test_rooms_are_per_region(chat: Any, make_client: Any) -> None:
    room = chat.create_room()
    with aws_error("ResourceNotFoundException", 404):
        make_client("ivschat", region="eu-west-1").get_room(identifier=room["arn"])


def test_update_room_changes_only_what_is_sent(chat: Any, clock: FakeClock) -> None:
    room = chat.create_room(name="a", maximumMessageLength=100, tags={"k": "v"})
    later = clock.advance(minutes=5)
    updated = chat.update_room(identifier=room["arn"], maximumMessageRatePerSecond=5)
    assert updated["name"] == "a"
    assert updated["maximumMessageLength"] == 100
    assert updated["maximumMessageRatePerSecond"] == 5
    assert updated["tags"] == {"k": "v"}
    assert updated["createTime"] == room["createTime"]
    assert updated["updateTime"] == later
    assert chat.get_room(identifier=room["arn"])["maximumMessageRatePerSecond"] == 5


def test_update_room_detaches_the_handler_with_an_empty_uri(chat: Any) -> None:
    room = chat.create_room(messageReviewHandler={"uri": LAMBDA, "fallbackResult": "DENY"})
    updated = chat.update_room(identifier=room["arn"], messageReviewHandler={"uri": ""})
    assert updated["messageReviewHandler"] == {"uri": "", "fallbackResult": "DENY"}


def test_update_room_keeps_the_handler_uri_when_only_the_fallback_changes(chat: Any) -> None:
    room = chat.create_room(messageReviewHandler={"uri": LAMBDA})
    updated = chat.update_room(
        identifier=room["arn"], messageReviewHandler={"fallbackResult": "DENY"}
    )
    assert updated["messageReviewHandler"] == {"uri": LAMBDA, "fallbackResult": "DENY"}


def test_update_room_validates_before_changing_anything(
    chat: Any, new_logging_configuration: Factory
) -> None:
    room = chat.create_room(name="before")
    missing = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/CCCCCCCCCCCC"
    with aws_error("ResourceNotFoundException", 404, "Logging configuration not found"):
        chat.update_room(
            identifier=room["arn"], name="after", loggingConfigurationIdentifiers=[missing]
        )
    with aws_error("ValidationException", 400, "Lambda"):
        chat.update_room(identifier=room["arn"], name="after", messageReviewHandler={"uri": "x"})
    assert chat.get_room(identifier=room["arn"])["name"] == "before"


def test_update_room_replaces_and_clears_logging_configurations(
    chat: Any, new_logging_configuration: Factory
) -> None:
    first, second = new_logging_configuration()["arn"], new_logging_configuration()["arn"]
    room = chat.create_room(loggingConfigurationIdentifiers=[first])
    updated = chat.update_room(identifier=room["arn"], loggingConfigurationIdentifiers=[second])
    assert updated["loggingConfigurationIdentifiers"] == [second]
    kept = chat.update_room(identifier=room["arn"], name="x")
    assert kept["loggingConfigurationIdentifiers"] == [second]
    cleared = chat.update_room(identifier=room["arn"], loggingConfigurationIdentifiers=[])
    assert cleared["loggingConfigurationIdentifiers"] == []


def test_update_room_of_unknown_arn_is_404(chat: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, "Room not found"):
        chat.update_room(identifier="arn:aws:ivschat:us-east-1:123456789012:room/DDDDDDDDDDDD")


def test_delete_room_answers_204_and_forgets_it(chat: Any) -> None:
    room = chat.create_room()
    answer = chat.delete_room(identifier=room["arn"])
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    with aws_error("ResourceNotFoundException", 404):
        chat.get_room(identifier=room["arn"])
    with aws_error("ResourceNotFoundException", 404):
        chat.delete_room(identifier=room["arn"])
