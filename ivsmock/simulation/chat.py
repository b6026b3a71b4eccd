"""Simulation of chat connections (``ivschat``): users connecting to rooms with chat tokens.

    token = chat.create_chat_token(roomIdentifier=room_arn, userId="ann",
                                   capabilities=["SEND_MESSAGE"])["token"]
    ann = mock.simulation.chat.connect(room_arn, token)
    chat.send_event(roomIdentifier=room_arn, eventName="poll_started")
    assert [e.event_name for e in ann.events] == ["poll_started"]

See docs/simulation-chat.md. Refusals of the messaging plane raise ``ChatConnectionError``
with the WebSocket error code AWS sends (401, 403, 404, 413).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from ivsmock.core.errors import IvsmockError
from ivsmock.core.ids import arn as make_arn
from ivsmock.core.ids import random_id
from ivsmock.services.ivschat.live import (
    ChatConnection,
    ChatEvent,
    ChatMessage,
    Disconnection,
    MessageDeletion,
    RoomActivity,
)
from ivsmock.services.ivschat.logging_configuration import STATES
from ivsmock.services.ivschat.room import Room
from ivsmock.simulation.base import SimulationArea

if TYPE_CHECKING:
    from ivsmock.core.registry import RegionState
    from ivsmock.services.ivschat.backend import ChatBackend

__all__ = [
    "ChatConnection",
    "ChatConnectionError",
    "ChatEvent",
    "ChatMessage",
    "ChatSimulation",
    "Disconnection",
    "MessageDeletion",
]

T = TypeVar("T")


class ChatConnectionError(IvsmockError):
    """The chat messaging plane refused a connection or a request on it.

    ``code`` is the error code the WebSocket API sends: 400 bad request, 401 token or session
    not valid, 403 capability missing, 404 room not found, 413 message too long.
    """

    def __init__(self, code: int, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class ChatSimulation(SimulationArea):
    """Chat rooms' live side, in the room's account and region (taken from its ARN)."""

    service = "ivschat"

    # -- connecting ---------------------------------------------------------------------------

    def connect(
        self,
        room: str,
        token: str,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> ChatConnection:
        """Open a connection to ``room`` (ARN, or id in ``account_id``/``region``) with a token.

        A token opens one connection, before its tokenExpirationTime; the connection lasts
        until the token's sessionExpirationTime, a DisconnectUser of its user, or DeleteRoom.
        """
        state, room_arn = self._locate(room, account_id, region)
        with state.lock:
            backend: ChatBackend = state.backend(self.service)
            if room_arn not in backend.rooms:
                raise ChatConnectionError(404, f"room {room_arn} does not exist")
            issued = backend.tokens.get(token)
            if issued is None:
                raise ChatConnectionError(
                    401,
                    f"the token is not valid in account {state.account}, {state.region}: it was "
                    f"never issued there, was already used (a token opens one connection) or "
                    f"its room was deleted; create one with CreateChatToken",
                )
            if issued.room_arn != room_arn:
                raise ChatConnectionError(
                    400, f"the token was issued for room {issued.room_arn}, not {room_arn}"
                )
            activity = backend.room_activity(room_arn)
            del backend.tokens[token]
            activity.tokens.discard(token)
            now = state.mock_state.clock.now()
            if now >= issued.token_expiration_time:
                raise ChatConnectionError(
                    401,
                    f"the token expired at {issued.token_expiration_time.isoformat()}; "
                    f"create a new one with CreateChatToken",
                )
            connection = ChatConnection(
                connection_id=random_id(),
                room_arn=room_arn,
                user_id=issued.user_id,
                capabilities=issued.capabilities,
                attributes=dict(issued.attributes),
                connected_at=now,
                session_expiration_time=issued.session_expiration_time,
            )
            activity.connections[connection.connection_id] = connection
            return connection

    def connections(
        self, room: str, *, account_id: str | None = None, region: str | None = None
    ) -> list[ChatConnection]:
        """The room's open connections, oldest first (ended sessions are closed first)."""

        def open_ones(activity: RoomActivity, state: RegionState) -> list[ChatConnection]:
            activity.expire(state.mock_state.clock.now())
            return list(activity.connections.values())

        return self._with_room(room, account_id, region, open_ones)

    # -- what a connected user does -----------------------------------------------------------

    def send_message(
        self,
        connection: ChatConnection,
        content: str,
        attributes: dict[str, str] | None = None,
    ) -> ChatMessage:
        """Send a message from ``connection`` to every connection of its room.

        Needs the SEND_MESSAGE capability (else 403); ``content`` may have at most the room's
        maximumMessageLength code points (else 413).
        """

        def send(room: Room, activity: RoomActivity, now: datetime) -> ChatMessage:
            if len(content) > room.maximum_message_length:
                raise ChatConnectionError(
                    413,
                    f"the message has {len(content)} characters; room {room.arn} allows at "
                    f"most {room.maximum_message_length} (its maximumMessageLength)",
                )
            return activity.send_message(connection, content, attributes or {}, now)

        return self._as_user(connection, "SEND_MESSAGE", send)

    def delete_message(
        self, connection: ChatConnection, message_id: str, reason: str | None = None
    ) -> MessageDeletion:
        """Delete a message as ``connection``'s user (needs DELETE_MESSAGE, else 403)."""

        def delete(room: Room, activity: RoomActivity, now: datetime) -> MessageDeletion:
            return activity.delete_message(message_id, reason, now)

        return self._as_user(connection, "DELETE_MESSAGE", delete)

    def disconnect_user(
        self, connection: ChatConnection, user_id: str, reason: str | None = None
    ) -> Disconnection:
        """Disconnect every connection of ``user_id`` (needs DISCONNECT_USER, else 403)."""

        def disconnect(room: Room, activity: RoomActivity, now: datetime) -> Disconnection:
            return activity.disconnect_user(user_id, reason, now)

        return self._as_user(connection, "DISCONNECT_USER", disconnect)

    # -- what the room saw --------------------------------------------------------------------

    def sent_events(
        self, room: str, *, account_id: str | None = None, region: str | None = None
    ) -> list[ChatEvent]:
        """Events sent with SendEvent, oldest first."""
        return self._with_room(room, account_id, region, lambda a, _: list(a.sent_events))

    def messages(
        self, room: str, *, account_id: str | None = None, region: str | None = None
    ) -> list[ChatMessage]:
        """Messages connected users sent, oldest first."""
        return self._with_room(room, account_id, region, lambda a, _: list(a.messages))

    def message_deletions(
        self, room: str, *, account_id: str | None = None, region: str | None = None
    ) -> list[MessageDeletion]:
        """DeleteMessage requests (API and connections), oldest first."""
        return self._with_room(room, account_id, region, lambda a, _: list(a.deletions))

    def disconnections(
        self, room: str, *, account_id: str | None = None, region: str | None = None
    ) -> list[Disconnection]:
        """DisconnectUser requests (API and connections), oldest first."""
        return self._with_room(room, account_id, region, lambda a, _: list(a.disconnections))

    # -- logging configurations ---------------------------------------------------------------

    def set_logging_configuration_state(self, arn: str, state: str) -> None:
        """Put a logging configuration in ``state`` (CREATING, UPDATING, DELETING, ..._FAILED).

        AWS reports transitional states from Get/List while it provisions; in them Update and
        Delete answer ConflictException. Update returns it to ACTIVE.
        """
        if state not in STATES:
            raise ValueError(f"state must be one of {', '.join(STATES)}; got {state!r}")
        account, region = self._region_of_arn(arn)
        region_state = self._region_state(account, region)
        with region_state.lock:
            backend: ChatBackend = region_state.backend(self.service)
            configuration = backend.logging_configurations.get(arn)
            if configuration is None:
                raise KeyError(f"no logging configuration {arn} in account {account}, {region}")
            configuration.state = state

    # -- helpers ------------------------------------------------------------------------------

    def _locate(
        self, room: str, account_id: str | None, region: str | None
    ) -> tuple[RegionState, str]:
        if room.startswith("arn:"):
            account_id, region = self._region_of_arn(room)
            room_arn = room
        else:
            account_id = account_id or self._mock.account_id
            region = region or self._mock.region
            room_arn = make_arn("ivschat", region, account_id, "room", room)
        return self._region_state(account_id, region), room_arn

    def _with_room(
        self,
        room: str,
        account_id: str | None,
        region: str | None,
        action: Callable[[RoomActivity, RegionState], T],
    ) -> T:
        state, room_arn = self._locate(room, account_id, region)
        with state.lock:
            backend: ChatBackend = state.backend(self.service)
            if room_arn not in backend.rooms:
                raise KeyError(
                    f"no room {room_arn} in account {state.account}, {state.region} "
                    f"(deleted, or never created)"
                )
            return action(backend.room_activity(room_arn), state)

    def _as_user(
        self,
        connection: ChatConnection,
        capability: str,
        action: Callable[[Room, RoomActivity, datetime], T],
    ) -> T:
        """Run ``action`` for a request on an open connection holding ``capability``."""
        state, room_arn = self._locate(connection.room_arn, None, None)
        with state.lock:
            backend: ChatBackend = state.backend(self.service)
            now = state.mock_state.clock.now()
            room = backend.rooms.get(room_arn)
            activity = backend.activity.get(room_arn)
            if activity is not None:
                activity.expire(now)
            if connection.disconnected or room is None or activity is None:
                raise ChatConnectionError(
                    401,
                    f"the connection of user {connection.user_id!r} is closed "
                    f"({connection.disconnect_reason}); connect again with a new token",
                )
            if capability not in connection.capabilities:
                raise ChatConnectionError(
                    403,
                    f"user {connection.user_id!r} lacks the {capability} capability; "
                    f"create the token with capabilities including {capability!r}",
                )
            return action(room, activity, now)
