"""Every identifier must be an ARN of the right type (the model's patterns), named in fieldList."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import aws_error

ROOM_ID = "AbCdEf123456"
LOGGING_ARN = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/AbCdEf123456"

CALLS = [
    ("get_room", {"identifier": ROOM_ID}, "identifier"),
    ("update_room", {"identifier": ROOM_ID}, "identifier"),
    ("delete_room", {"identifier": LOGGING_ARN}, "identifier"),
    ("create_chat_token", {"roomIdentifier": ROOM_ID, "userId": "u"}, "roomIdentifier"),
    ("send_event", {"roomIdentifier": ROOM_ID, "eventName": "e"}, "roomIdentifier"),
    ("delete_message", {"roomIdentifier": ROOM_ID, "id": ROOM_ID}, "roomIdentifier"),
    ("disconnect_user", {"roomIdentifier": ROOM_ID, "userId": "u"}, "roomIdentifier"),
    ("get_logging_configuration", {"identifier": ROOM_ID}, "identifier"),
    ("update_logging_configuration", {"identifier": ROOM_ID}, "identifier"),
    ("delete_logging_configuration", {"identifier": ROOM_ID}, "identifier"),
    ("list_rooms", {"loggingConfigurationIdentifier": ROOM_ID}, "loggingConfigurationIdentifier"),
]


@pytest.mark.parametrize(("method", "kwargs", "member"), CALLS, ids=[c[0] for c in CALLS])
def test_identifier_that_is_not_an_arn_is_refused(
    chat: Any, method: str, kwargs: dict[str, Any], member: str
) -> None:
    with aws_error("ValidationException", 400, member) as caught:
        getattr(chat, method)(**kwargs)
    assert caught.response["reason"] == "FIELD_VALIDATION_FAILED"
    assert [field["name"] for field in caught.response["fieldList"]] == [member]
