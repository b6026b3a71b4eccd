"""CreateChatToken."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests.chat.conftest import FakeClock
from tests.helpers import aws_error

MISSING_ROOM = "arn:aws:ivschat:us-east-1:123456789012:room/GGGGGGGGGGGG"


def test_default_session_is_one_hour(chat: Any, clock: FakeClock) -> None:
    room = chat.create_room()
    answer = chat.create_chat_token(roomIdentifier=room["arn"], userId="ann")
    assert answer["token"].startswith("AQICAH")
    assert answer["sessionExpirationTime"] == clock.now + datetime.timedelta(minutes=60)
    assert answer["tokenExpirationTime"] == clock.now + datetime.timedelta(minutes=60)


def test_long_sessions_keep_a_one_hour_token(chat: Any, clock: FakeClock) -> None:
    room = chat.create_room()
    answer = chat.create_chat_token(
        roomIdentifier=room["arn"],
        userId="ann",
        sessionDurationInMinutes=180,
        capabilities=["SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER"],
        attributes={"displayName": "Ann"},
    )
    assert answer["sessionExpirationTime"] == clock.now + datetime.timedelta(minutes=180)
    assert answer["tokenExpirationTime"] == clock.now + datetime.timedelta(minutes=60)


def test_a_token_never_outlives_its_session(chat: Any, clock: FakeClock) -> None:
    room = chat.create_room()
    answer = chat.create_chat_token(
        roomIdentifier=room["arn"], userId="ann", sessionDurationInMinutes=1
    )
    assert answer["tokenExpirationTime"] == answer["sessionExpirationTime"]
    assert answer["sessionExpirationTime"] == clock.now + datetime.timedelta(minutes=1)


def test_every_token_is_new(chat: Any) -> None:
    room = chat.create_room()
    tokens = {chat.create_chat_token(roomIdentifier=room["arn"], userId="a")["token"] for _ in "ab"}
    assert len(tokens) == 2


@pytest.mark.parametrize("minutes", [0, 181])
def test_session_duration_is_1_to_180_minutes(chat: Any, minutes: int) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "sessionDurationInMinutes") as caught:
        chat.create_chat_token(
            roomIdentifier=room["arn"], userId="ann", sessionDurationInMinutes=minutes
        )
    assert caught.response["fieldList"][0]["name"] == "sessionDurationInMinutes"


def test_unknown_capability_is_refused_by_the_model(chat: Any) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "capabilities"):
        chat.create_chat_token(roomIdentifier=room["arn"], userId="ann", capabilities=["SHOUT"])


def test_attributes_hold_at_most_1_kb(chat: Any) -> None:
    room = chat.create_room()
    chat.create_chat_token(roomIdentifier=room["arn"], userId="a", attributes={"k": "v" * 1023})
    with aws_error("ValidationException", 400, "attributes.*1024 bytes.*1025") as caught:
        chat.create_chat_token(roomIdentifier=room["arn"], userId="a", attributes={"k": "v" * 1024})
    assert caught.response["reason"] == "FIELD_VALIDATION_FAILED"
    assert caught.response["fieldList"] == [
        {"name": "attributes", "message": caught.response["fieldList"][0]["message"]}
    ]


def test_attribute_size_counts_utf8_bytes(chat: Any) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "attributes"):
        # 400 characters, 1,200 bytes.
        chat.create_chat_token(roomIdentifier=room["arn"], userId="a", attributes={"k": "€" * 400})


def test_user_id_is_required_and_at_most_128(chat: Any) -> None:
    room = chat.create_room()
    with aws_error("ValidationException", 400, "userId"):
        chat.create_chat_token(roomIdentifier=room["arn"], userId="u" * 129)
    with aws_error("ValidationException", 400, "userId"):
        chat.create_chat_token(roomIdentifier=room["arn"])


def test_unknown_room_is_404(chat: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, "roomIdentifier") as caught:
        chat.create_chat_token(roomIdentifier=MISSING_ROOM, userId="ann")
    assert caught.response["resourceType"] == "ROOM"
    assert caught.response["resourceId"] == "GGGGGGGGGGGG"
