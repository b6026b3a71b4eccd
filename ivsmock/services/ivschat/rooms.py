"""Rooms: CreateRoom, GetRoom, ListRooms, UpdateRoom, DeleteRoom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ivsmock.core.errors import invalid
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivschat.backend import ROOM, ROOM_FILTERS
from ivsmock.services.ivschat.errors import (
    chat_quota_exceeded,
    logging_configuration_not_found,
    room_not_found,
)
from ivsmock.services.ivschat.room import (
    DEFAULT_FALLBACK_RESULT,
    DEFAULT_MAXIMUM_MESSAGE_LENGTH,
    DEFAULT_MAXIMUM_MESSAGE_RATE_PER_SECOND,
    Room,
)
from ivsmock.services.ivschat.rules import check_handler_uri

if TYPE_CHECKING:
    from ivsmock.services.ivschat.backend import ChatBackend

ROOM_QUOTA = 50_000  # "Rooms: 50,000 (adjustable)" (service quotas page)
PAGE_SIZE = 50


def get_room(call: Call, identifier: str, member: str) -> Room:
    """The room an identifier names in the caller's account and region, or ResourceNotFound."""
    backend: ChatBackend = call.backend()
    room = backend.rooms.get(identifier)
    if room is None:
        raise room_not_found(call, identifier, member)
    return room


def _handler(given: dict[str, str] | None, current: dict[str, str] | None) -> dict[str, str] | None:
    """The room's handler after a request: members not sent keep their value."""
    if given is None:
        return current
    current = current or {}
    uri = given.get("uri", current.get("uri", ""))
    check_handler_uri("messageReviewHandler.uri", uri)
    fallback = given.get("fallbackResult", current.get("fallbackResult", DEFAULT_FALLBACK_RESULT))
    return {"uri": uri, "fallbackResult": fallback}


def _logging_configurations(call: Call, identifiers: Sequence[str] | None) -> list[str] | None:
    """The identifiers, each naming an existing logging configuration, each once."""
    if identifiers is None:
        return None
    backend: ChatBackend = call.backend()
    seen: set[str] = set()
    for identifier in identifiers:
        if identifier in seen:
            raise invalid(
                "loggingConfigurationIdentifiers",
                f"{identifier} is listed twice; name each logging configuration once",
            )
        seen.add(identifier)
        if identifier not in backend.logging_configurations:
            raise logging_configuration_not_found(
                call, identifier, "loggingConfigurationIdentifiers"
            )
    return list(identifiers)


@operation("ivschat", "CreateRoom")
def create_room(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    handler = _handler(params.get("messageReviewHandler"), None)
    logging_ids = _logging_configurations(call, params.get("loggingConfigurationIdentifiers"))
    tags = params.get("tags") or {}
    check_new_tags(tags)
    limit = call.options.quota(ROOM, ROOM_QUOTA)
    if len(backend.rooms) >= limit:
        raise chat_quota_exceeded("rooms", limit)
    now = call.state.mock_state.clock.now()
    room = Room(
        arn=arn("ivschat", call.region, call.account, ROOM, random_id()),
        name=params.get("name", ""),
        create_time=now,
        update_time=now,
        maximum_message_rate_per_second=params.get(
            "maximumMessageRatePerSecond", DEFAULT_MAXIMUM_MESSAGE_RATE_PER_SECOND
        ),
        maximum_message_length=params.get("maximumMessageLength", DEFAULT_MAXIMUM_MESSAGE_LENGTH),
        message_review_handler=handler,
        logging_configuration_identifiers=logging_ids or [],
        tags=dict(tags),
    )
    backend.rooms.add(room)
    return room.describe()


@operation("ivschat", "GetRoom")
def get_room_operation(call: Call, params: Params) -> Result:
    return get_room(call, params["identifier"], "identifier").describe()


@operation("ivschat", "ListRooms")
def list_rooms(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    log = params.get("loggingConfigurationIdentifier") or None
    if log is not None and log not in backend.logging_configurations:
        raise logging_configuration_not_found(call, log, "loggingConfigurationIdentifier")
    uri = params.get("messageReviewHandlerUri") or None
    if uri is not None:
        check_handler_uri("messageReviewHandlerUri", uri)
    key = (params.get("name") or None, uri, log)
    filtered = key != (None, None, None)
    return list_answer(
        call,
        backend.rooms,
        params,
        "rooms",
        default_size=PAGE_SIZE,
        index=ROOM_FILTERS if filtered else None,
        value=key if filtered else None,
        descending=True,  # "sorted in descending order of updateTime"
    )


@operation("ivschat", "UpdateRoom")
def update_room(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    room = get_room(call, params["identifier"], "identifier")
    handler = _handler(params.get("messageReviewHandler"), room.message_review_handler)
    logging_ids = _logging_configurations(call, params.get("loggingConfigurationIdentifiers"))
    room.name = params.get("name", room.name)
    room.maximum_message_rate_per_second = params.get(
        "maximumMessageRatePerSecond", room.maximum_message_rate_per_second
    )
    room.maximum_message_length = params.get("maximumMessageLength", room.maximum_message_length)
    room.message_review_handler = handler
    if logging_ids is not None:
        room.logging_configuration_identifiers = logging_ids
    room.update_time = call.state.mock_state.clock.now()
    # Re-adding gives the room the newest sequence number: ListRooms pages newest first,
    # which is updateTime descending.
    backend.rooms.remove(room.arn)
    backend.rooms.add(room)
    return room.describe()


@operation("ivschat", "DeleteRoom")
def delete_room(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    room = get_room(call, params["identifier"], "identifier")
    backend.rooms.remove(room.arn)
    backend.drop_room(room.arn)
    return None
