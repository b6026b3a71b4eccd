"""SendEvent, DeleteMessage and DisconnectUser, as recorded on the room."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivsmock import IvsMock
from tests.chat.conftest import FakeClock
from tests.helpers import aws_error

MISSING_ROOM = "arn:aws:ivschat:us-east-1:123456789012:room/HHHHHHHHHHHH"
ID = re.compile(r"^[A-Za-z0-9]{12}$")


def test_send_event_returns_an_id_and_is_recorded(
    chat: Any, ivs_mock: IvsMock, clock: FakeClock
) -> None:
    room = chat.create_room()
    answer = chat.send_event(roomIdentifier=room["arn"], eventName="poll", attributes={"q": "1"})
    assert ID.match(answer["id"])
    chat.send_event(roomIdentifier=room["arn"], eventName="poll_closed")
    events = ivs_mock.simulation.chat.sent_events(room["arn"])
    assert (events[0].id, events[0].event_name, events[0].attributes) == (
        answer["id"],
        "poll",
        {"q": "1"},
    )
    assert [e.event_name for e in events] == ["poll", "poll_closed"]
    assert events[1].attributes == {}
    assert events[0].send_time == clock.now


@pytest.mark.parametrize("name", ["aws:DELETE_MESSAGE", "AWS:custom"])
def test_send_event_refuses_reserved_event_names(chat: Any, name: str) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "eventName.*reserved") as caught:
        chat.send_event(roomIdentifier=room["arn"], eventName=name)
    assert caught.response["fieldList"][0]["name"] == "eventName"


def test_send_event_name_is_1_to_100_characters(chat: Any) -> None:
    room = chat.create_room()
    chat.send_event(roomIdentifier=room["arn"], eventName="e" * 100)
    with aws_error("ValidationException", 400, "eventName"):
        chat.send_event(roomIdentifier=room["arn"], eventName="e" * 101)
    with aws_error("ValidationException", 400, "eventName"):
        chat.send_event(roomIdentifier=room["arn"], eventName="")


def test_send_event_attributes_hold_at_most_1_kb(chat: Any, ivs_mock: IvsMock) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "attributes.*1 KB") as caught:
        chat.send_event(roomIdentifier=room["arn"], eventName="e", attributes={"k": "v" * 1024})
    assert caught.response["fieldList"][0]["name"] == "attributes"
    assert ivs_mock.simulation.chat.sent_events(room["arn"]) == []


def test_send_event_to_unknown_room_is_404(chat: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, "Room not found"):
        chat.send_event(roomIdentifier=MISSING_ROOM, eventName="e")


def test_delete_message_returns_a_new_id_and_is_recorded(chat: Any, ivs_mock: IvsMock) -> None:
    room = chat.create_room()
    answer = chat.delete_message(roomIdentifier=room["arn"], id="AbCdEf123456", reason="spam")
    assert ID.match(answer["id"])
    assert answer["id"] != "AbCdEf123456"
    (deletion,) = ivs_mock.simulation.chat.message_deletions(room["arn"])
    assert (deletion.id, deletion.message_id, deletion.reason) == (
        answer["id"],
        "AbCdEf123456",
        "spam",
    )


@pytest.mark.parametrize("message_id", ["short", "AbCdEf1234567"])
def test_delete_message_id_is_12_alphanumerics(chat: Any, message_id: str) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "'id'") as caught:
        chat.delete_message(roomIdentifier=room["arn"], id=message_id)
    assert caught.response["fieldList"][0]["name"] == "id"


def test_delete_message_in_unknown_room_is_404(chat: Any) -> None:
    with aws_error("ResourceNotFoundException", 404):
        chat.delete_message(roomIdentifier=MISSING_ROOM, id="AbCdEf123456")


def test_disconnect_user_without_connections_succeeds_and_is_recorded(
    chat: Any, ivs_mock: IvsMock
) -> None:
    room = chat.create_room()
    answer = chat.disconnect_user(roomIdentifier=room["arn"], userId="ann", reason="rude")
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    (record,) = ivs_mock.simulation.chat.disconnections(room["arn"])
    assert (record.user_id, record.reason, record.connections_closed) == ("ann", "rude", 0)


def test_disconnect_user_reason_is_at_most_256(chat: Any) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "reason"):
        chat.disconnect_user(roomIdentifier=room["arn"], userId="ann", reason="r" * 257)


def test_disconnect_user_in_unknown_room_is_404(chat: Any) -> None:
    with aws_error("ResourceNotFoundException", 404):
        chat.disconnect_user(roomIdentifier=MISSING_ROOM, userId="ann")
