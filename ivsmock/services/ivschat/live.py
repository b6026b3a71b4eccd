"""The live side of chat rooms: chat tokens, connections, and what the API sent to them.

Kept on the chat backend (per account and region) next to the rooms, so SendEvent,
DeleteMessage, DisconnectUser and DeleteRoom reach the connections that
``mock.simulation.chat`` opened, under the same region lock.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ivsmock.core.ids import random_id

DELETE_MESSAGE_EVENT = "aws:DELETE_MESSAGE"


@dataclass(frozen=True, slots=True)
class ChatToken:
    """What CreateChatToken encoded into a token (AWS encrypts it; the mock keeps it here)."""

    token: str
    room_arn: str
    user_id: str
    capabilities: frozenset[str]
    attributes: dict[str, str]
    token_expiration_time: datetime.datetime
    session_expiration_time: datetime.datetime


@dataclass(frozen=True, slots=True)
class ChatEvent:
    """An EVENT as clients receive it: from SendEvent, or ``aws:DELETE_MESSAGE``."""

    id: str
    event_name: str
    attributes: dict[str, str]
    send_time: datetime.datetime


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """A MESSAGE a connected user sent, as the room's clients receive it."""

    id: str
    content: str
    attributes: dict[str, str]
    sender_user_id: str
    sender_attributes: dict[str, str]
    send_time: datetime.datetime


@dataclass(frozen=True, slots=True)
class MessageDeletion:
    """One DeleteMessage (API or connection): ``id`` is the deletion's own id."""

    id: str
    message_id: str
    reason: str | None
    send_time: datetime.datetime


@dataclass(frozen=True, slots=True)
class Disconnection:
    """One DisconnectUser (API or connection) and how many connections it closed."""

    user_id: str
    reason: str | None
    time: datetime.datetime
    connections_closed: int


@dataclass(eq=False, slots=True)
class ChatConnection:
    """One user's WebSocket connection to a room, opened with a chat token."""

    connection_id: str
    room_arn: str
    user_id: str
    capabilities: frozenset[str]
    attributes: dict[str, str]
    connected_at: datetime.datetime
    session_expiration_time: datetime.datetime
    received: list[ChatEvent | ChatMessage] = field(default_factory=list)
    disconnect_reason: str | None = None

    @property
    def connected(self) -> bool:
        return self.disconnect_reason is None

    @property
    def disconnected(self) -> bool:
        return self.disconnect_reason is not None

    @property
    def events(self) -> list[ChatEvent]:
        """Every EVENT received, ``aws:DELETE_MESSAGE`` included, oldest first."""
        return [item for item in self.received if isinstance(item, ChatEvent)]

    @property
    def messages(self) -> list[ChatMessage]:
        return [item for item in self.received if isinstance(item, ChatMessage)]

    @property
    def deleted_message_ids(self) -> list[str]:
        """The ``MessageId`` of every ``aws:DELETE_MESSAGE`` event received."""
        return [
            event.attributes["MessageId"]
            for event in self.events
            if event.event_name == DELETE_MESSAGE_EVENT
        ]


class RoomActivity:
    """One room's connections, unused tokens, and the record of what was sent to it."""

    def __init__(self, room_arn: str) -> None:
        self.room_arn = room_arn
        self.connections: dict[str, ChatConnection] = {}
        self.tokens: set[str] = set()
        self.sent_events: list[ChatEvent] = []
        self.messages: list[ChatMessage] = []
        self.deletions: list[MessageDeletion] = []
        self.disconnections: list[Disconnection] = []

    def expire(self, now: datetime.datetime) -> None:
        """Close connections whose session ended (AWS closes them at sessionExpirationTime)."""
        for connection in list(self.connections.values()):
            if now >= connection.session_expiration_time:
                self._close(connection, "session expired")

    def deliver(self, item: ChatEvent | ChatMessage, now: datetime.datetime) -> None:
        self.expire(now)
        for connection in self.connections.values():
            connection.received.append(item)

    def send_event(
        self, event_name: str, attributes: dict[str, str], now: datetime.datetime
    ) -> ChatEvent:
        event = ChatEvent(random_id(), event_name, dict(attributes), now)
        self.sent_events.append(event)
        self.deliver(event, now)
        return event

    def send_message(
        self,
        sender: ChatConnection,
        content: str,
        attributes: dict[str, str],
        now: datetime.datetime,
    ) -> ChatMessage:
        message = ChatMessage(
            random_id(), content, dict(attributes), sender.user_id, dict(sender.attributes), now
        )
        self.messages.append(message)
        self.deliver(message, now)
        return message

    def delete_message(
        self, message_id: str, reason: str | None, now: datetime.datetime
    ) -> MessageDeletion:
        """Record the deletion and tell every client to hide the message (fire and forget)."""
        deletion = MessageDeletion(random_id(), message_id, reason, now)
        self.deletions.append(deletion)
        # MessageID is the deprecated spelling clients still receive next to MessageId.
        attributes = {"MessageId": message_id, "MessageID": message_id}
        if reason is not None:
            attributes["Reason"] = reason
        self.deliver(ChatEvent(deletion.id, DELETE_MESSAGE_EVENT, attributes, now), now)
        return deletion

    def disconnect_user(
        self, user_id: str, reason: str | None, now: datetime.datetime
    ) -> Disconnection:
        """Close every connection of ``user_id`` (none is fine) and record it."""
        self.expire(now)
        closing = [c for c in self.connections.values() if c.user_id == user_id]
        for connection in closing:
            self._close(connection, reason or "disconnected by DisconnectUser")
        record = Disconnection(user_id, reason, now, len(closing))
        self.disconnections.append(record)
        return record

    def close_all(self, reason: str) -> None:
        for connection in list(self.connections.values()):
            self._close(connection, reason)

    def _close(self, connection: ChatConnection, reason: str) -> None:
        connection.disconnect_reason = reason
        del self.connections[connection.connection_id]
