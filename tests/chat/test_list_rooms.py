"""ListRooms: updateTime-descending order, paging, filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.chat.conftest import LAMBDA, FakeClock
from tests.helpers import aws_error

Factory = Callable[..., dict[str, Any]]
OTHER_LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:other"


def names(answer: dict[str, Any]) -> list[str]:
    return [room["name"] for room in answer["rooms"]]


def test_rooms_are_listed_newest_update_first(chat: Any, clock: FakeClock) -> None:
    arns = {}
    for name in ("a", "b", "c"):
        clock.advance(seconds=1)
        arns[name] = chat.create_room(name=name)["arn"]
    assert names(chat.list_rooms()) == ["c", "b", "a"]
    clock.advance(seconds=1)
    chat.update_room(identifier=arns["a"], maximumMessageLength=7)
    answer = chat.list_rooms()
    assert names(answer) == ["a", "c", "b"]
    times = [room["updateTime"] for room in answer["rooms"]]
    assert times == sorted(times, reverse=True)


def test_summaries_omit_the_message_limits(chat: Any) -> None:
    chat.create_room(name="r", messageReviewHandler={"uri": LAMBDA}, tags={"k": "v"})
    (summary,) = chat.list_rooms()["rooms"]
    assert "maximumMessageLength" not in summary
    assert "maximumMessageRatePerSecond" not in summary
    assert summary["messageReviewHandler"]["uri"] == LAMBDA
    assert summary["tags"] == {"k": "v"}


def test_paging_walks_every_room_once_newest_first(chat: Any) -> None:
    for index in range(5):
        chat.create_room(name=f"r{index}")
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        kwargs: dict[str, Any] = {"maxResults": 2}
        if token:
            kwargs["nextToken"] = token
        answer = chat.list_rooms(**kwargs)
        pages += 1
        assert len(answer["rooms"]) <= 2
        seen += names(answer)
        token = answer.get("nextToken")
        if not token:
            break
    assert pages == 3
    assert seen == ["r4", "r3", "r2", "r1", "r0"]


def test_default_page_is_50_rooms(chat: Any) -> None:
    for _ in range(51):
        chat.create_room()
    first = chat.list_rooms()
    assert len(first["rooms"]) == 50
    assert len(chat.list_rooms(nextToken=first["nextToken"])["rooms"]) == 1


def test_page_size_above_50_is_refused_by_the_model(chat: Any) -> None:
    with aws_error("ValidationException", 400, "maxResults") as caught:
        chat.list_rooms(maxResults=51)
    assert caught.response["fieldList"][0]["name"] == "maxResults"


def test_a_token_from_another_filter_is_refused(chat: Any) -> None:
    for _ in range(3):
        chat.create_room(name="same")
    token = chat.list_rooms(maxResults=1)["nextToken"]
    with aws_error("ValidationException", 400, "nextToken") as caught:
        chat.list_rooms(name="same", nextToken=token)
    assert caught.response["fieldList"][0]["name"] == "nextToken"


def test_filter_by_name(chat: Any) -> None:
    chat.create_room(name="lobby")
    chat.create_room(name="stage")
    chat.create_room(name="lobby")
    assert names(chat.list_rooms(name="lobby")) == ["lobby", "lobby"]
    assert chat.list_rooms(name="nobody")["rooms"] == []


def test_filter_by_message_review_handler(chat: Any) -> None:
    chat.create_room(name="reviewed", messageReviewHandler={"uri": LAMBDA})
    chat.create_room(name="other", messageReviewHandler={"uri": OTHER_LAMBDA})
    chat.create_room(name="plain")
    assert names(chat.list_rooms(messageReviewHandlerUri=LAMBDA)) == ["reviewed"]


def test_filter_by_handler_follows_updates(chat: Any) -> None:
    room = chat.create_room(name="r", messageReviewHandler={"uri": LAMBDA})
    chat.update_room(identifier=room["arn"], messageReviewHandler={"uri": OTHER_LAMBDA})
    assert chat.list_rooms(messageReviewHandlerUri=LAMBDA)["rooms"] == []
    assert names(chat.list_rooms(messageReviewHandlerUri=OTHER_LAMBDA)) == ["r"]


def test_filter_by_handler_must_be_a_lambda_arn(chat: Any) -> None:
    with aws_error("ValidationException", 400, "messageReviewHandlerUri"):
        chat.list_rooms(messageReviewHandlerUri="nope")


def test_filter_by_logging_configuration(chat: Any, new_logging_configuration: Factory) -> None:
    first, second = new_logging_configuration()["arn"], new_logging_configuration()["arn"]
    chat.create_room(name="both", loggingConfigurationIdentifiers=[first, second])
    chat.create_room(name="second", loggingConfigurationIdentifiers=[second])
    chat.create_room(name="none")
    assert names(chat.list_rooms(loggingConfigurationIdentifier=first)) == ["both"]
    assert names(chat.list_rooms(loggingConfigurationIdentifier=second)) == ["second", "both"]


def test_filter_by_unknown_logging_configuration_is_404(chat: Any) -> None:
    missing = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/EEEEEEEEEEEE"
    with aws_error("ResourceNotFoundException", 404, "loggingConfigurationIdentifier"):
        chat.list_rooms(loggingConfigurationIdentifier=missing)


def test_filters_combine(chat: Any, new_logging_configuration: Factory) -> None:
    logs = new_logging_configuration()["arn"]
    chat.create_room(name="lobby", messageReviewHandler={"uri": LAMBDA})
    chat.create_room(
        name="lobby", messageReviewHandler={"uri": LAMBDA}, loggingConfigurationIdentifiers=[logs]
    )
    chat.create_room(name="stage", messageReviewHandler={"uri": LAMBDA})
    assert len(chat.list_rooms(name="lobby", messageReviewHandlerUri=LAMBDA)["rooms"]) == 2
    (found,) = chat.list_rooms(
        name="lobby", messageReviewHandlerUri=LAMBDA, loggingConfigurationIdentifier=logs
    )["rooms"]
    assert found["loggingConfigurationIdentifiers"] == [logs]


@pytest.mark.parametrize("empty", ["name", "messageReviewHandlerUri"])
def test_an_empty_filter_filters_nothing(chat: Any, empty: str) -> None:
    chat.create_room(name="a")
    chat.create_room()
    assert len(chat.list_rooms(**{empty: ""})["rooms"]) == 2


def test_deleted_rooms_leave_the_list_and_its_filters(
    chat: Any, new_logging_configuration: Factory
) -> None:
    logs = new_logging_configuration()["arn"]
    room = chat.create_room(name="gone", loggingConfigurationIdentifiers=[logs])
    chat.delete_room(identifier=room["arn"])
    assert chat.list_rooms()["rooms"] == []
    assert chat.list_rooms(name="gone")["rooms"] == []
    assert chat.list_rooms(loggingConfigurationIdentifier=logs)["rooms"] == []
