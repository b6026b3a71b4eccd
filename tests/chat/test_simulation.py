"""mock.simulation.chat: users connecting with chat tokens and what they receive."""

from __future__ import annotations

from typing import Any

import pytest

from ivsmock import IvsMock
from ivsmock.simulation.chat import ChatConnectionError, ChatSimulation
from tests.chat.conftest import FakeClock

ALL = ["SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER"]


@pytest.fixture
def sim(ivs_mock: IvsMock) -> ChatSimulation:
    return ivs_mock.simulation.chat


@pytest.fixture
def room(chat: Any) -> str:
    return str(chat.create_room(maximumMessageLength=10)["arn"])


def token(chat: Any, room: str, user: str = "ann", **kwargs: Any) -> str:
    return str(chat.create_chat_token(roomIdentifier=room, userId=user, **kwargs)["token"])


def test_a_connection_receives_events_and_deletions(
    chat: Any, sim: ChatSimulation, room: str
) -> None:
    ann = sim.connect(room, token(chat, room, attributes={"name": "Ann"}))
    assert (ann.user_id, ann.attributes, ann.capabilities) == ("ann", {"name": "Ann"}, frozenset())
    assert ann.connected and not ann.disconnected
    sent = chat.send_event(roomIdentifier=room, eventName="poll", attributes={"q": "1"})
    deleted = chat.delete_message(roomIdentifier=room, id="AbCdEf123456", reason="spam")
    assert [(e.id, e.event_name) for e in ann.events] == [
        (sent["id"], "poll"),
        (deleted["id"], "aws:DELETE_MESSAGE"),
    ]
    assert ann.events[1].attributes == {
        "MessageId": "AbCdEf123456",
        "MessageID": "AbCdEf123456",
        "Reason": "spam",
    }
    assert ann.deleted_message_ids == ["AbCdEf123456"]
    assert sim.connections(room) == [ann]


def test_a_room_id_finds_the_room_in_the_default_account_and_region(
    chat: Any, sim: ChatSimulation, room: str
) -> None:
    ann = sim.connect(room.rsplit("/", 1)[1], token(chat, room))
    assert ann.room_arn == room


def test_events_before_connecting_are_not_received(
    chat: Any, sim: ChatSimulation, room: str
) -> None:
    chat.send_event(roomIdentifier=room, eventName="early")
    ann = sim.connect(room, token(chat, room))
    assert ann.events == []


def test_disconnect_user_closes_every_connection_of_that_user(
    chat: Any, sim: ChatSimulation, room: str
) -> None:
    phone = sim.connect(room, token(chat, room, "ann"))
    laptop = sim.connect(room, token(chat, room, "ann"))
    bob = sim.connect(room, token(chat, room, "bob"))
    chat.disconnect_user(roomIdentifier=room, userId="ann", reason="rude")
    assert phone.disconnected and laptop.disconnected
    assert phone.disconnect_reason == "rude"
    assert bob.connected
    assert sim.connections(room) == [bob]
    assert sim.disconnections(room)[0].connections_closed == 2
    chat.send_event(roomIdentifier=room, eventName="after")
    assert phone.events == [] and [e.event_name for e in bob.events] == ["after"]


def test_a_token_opens_one_connection(chat: Any, sim: ChatSimulation, room: str) -> None:
    once = token(chat, room)
    sim.connect(room, once)
    with pytest.raises(ChatConnectionError, match="already used") as info:
        sim.connect(room, once)
    assert info.value.code == 401


def test_an_expired_token_is_refused(
    chat: Any, sim: ChatSimulation, room: str, clock: FakeClock
) -> None:
    late = token(chat, room, sessionDurationInMinutes=180)
    clock.advance(minutes=60)
    with pytest.raises(ChatConnectionError, match=r"expired.*CreateChatToken") as info:
        sim.connect(room, late)
    assert info.value.code == 401


def test_a_session_ends_at_its_expiration_time(
    chat: Any, sim: ChatSimulation, room: str, clock: FakeClock
) -> None:
    ann = sim.connect(room, token(chat, room, sessionDurationInMinutes=5))
    clock.advance(minutes=4)
    chat.send_event(roomIdentifier=room, eventName="still")
    clock.advance(minutes=1)
    chat.send_event(roomIdentifier=room, eventName="gone")
    assert [e.event_name for e in ann.events] == ["still"]
    assert ann.disconnect_reason == "session expired"
    assert sim.connections(room) == []


def test_a_token_works_only_for_its_room(chat: Any, sim: ChatSimulation, room: str) -> None:
    other = chat.create_room()["arn"]
    with pytest.raises(ChatConnectionError, match="issued for room") as info:
        sim.connect(other, token(chat, room))
    assert info.value.code == 400


def test_unknown_room_and_token_are_refused(chat: Any, sim: ChatSimulation, room: str) -> None:
    with pytest.raises(ChatConnectionError) as info:
        sim.connect(room.replace(room.rsplit("/", 1)[1], "ZZZZZZZZZZZZ"), "AQICAHnope")
    assert info.value.code == 404
    with pytest.raises(ChatConnectionError, match="never issued") as info:
        sim.connect(room, "AQICAHnope")
    assert info.value.code == 401


def test_tokens_are_per_region(chat: Any, make_client: Any, sim: ChatSimulation) -> None:
    west = make_client("ivschat", region="us-west-2")
    room = west.create_room()["arn"]
    ann = sim.connect(room, west.create_chat_token(roomIdentifier=room, userId="ann")["token"])
    assert ann.room_arn == room
    assert sim.connections(room) == [ann]


def test_send_message_needs_the_capability(chat: Any, sim: ChatSimulation, room: str) -> None:
    viewer = sim.connect(room, token(chat, room, "viewer"))
    with pytest.raises(ChatConnectionError, match="SEND_MESSAGE") as info:
        sim.send_message(viewer, "hi")
    assert info.value.code == 403
    assert sim.messages(room) == []


def test_messages_reach_everyone_and_can_be_deleted(
    chat: Any, sim: ChatSimulation, room: str
) -> None:
    ann = sim.connect(
        room, token(chat, room, "ann", capabilities=["SEND_MESSAGE"], attributes={"badge": "vip"})
    )
    mod = sim.connect(room, token(chat, room, "mod", capabilities=ALL))
    message = sim.send_message(ann, "hello", {"lang": "en"})
    assert message.sender_user_id == "ann" and message.sender_attributes == {"badge": "vip"}
    assert ann.messages == mod.messages == [message]
    chat.delete_message(roomIdentifier=room, id=message.id)
    assert ann.deleted_message_ids == [message.id]
    assert sim.messages(room) == [message]


def test_message_length_counts_code_points(chat: Any, sim: ChatSimulation, room: str) -> None:
    ann = sim.connect(room, token(chat, room, capabilities=["SEND_MESSAGE"]))
    sim.send_message(ann, "€" * 10)  # 30 bytes, 10 code points: the room allows 10
    with pytest.raises(ChatConnectionError, match="maximumMessageLength") as info:
        sim.send_message(ann, "x" * 11)
    assert info.value.code == 413


def test_moderation_from_a_connection(chat: Any, sim: ChatSimulation, room: str) -> None:
    viewer = sim.connect(room, token(chat, room, "viewer"))
    mod = sim.connect(room, token(chat, room, "mod", capabilities=ALL))
    with pytest.raises(ChatConnectionError, match="DELETE_MESSAGE"):
        sim.delete_message(viewer, "AbCdEf123456")
    with pytest.raises(ChatConnectionError, match="DISCONNECT_USER"):
        sim.disconnect_user(viewer, "mod")
    deletion = sim.delete_message(mod, "AbCdEf123456", reason="spam")
    assert sim.message_deletions(room) == [deletion]
    assert viewer.deleted_message_ids == ["AbCdEf123456"]
    record = sim.disconnect_user(mod, "viewer")
    assert record.connections_closed == 1 and viewer.disconnected
    with pytest.raises(ChatConnectionError, match="closed") as info:
        sim.send_message(viewer, "back?")
    assert info.value.code == 401


def test_delete_room_disconnects_everyone_and_voids_tokens(
    chat: Any, sim: ChatSimulation, room: str
) -> None:
    ann = sim.connect(room, token(chat, room))
    unused = token(chat, room, "bob")
    chat.delete_room(identifier=room)
    assert ann.disconnect_reason == "room deleted"
    with pytest.raises(ChatConnectionError) as info:
        sim.connect(room, unused)
    assert info.value.code == 404
    with pytest.raises(KeyError, match="no room"):
        sim.sent_events(room)


def test_simulation_needs_an_active_mock() -> None:
    from ivsmock.core.errors import MockNotActiveError

    mock = IvsMock()
    with pytest.raises(MockNotActiveError):
        mock.simulation.chat.connections("arn:aws:ivschat:us-east-1:123456789012:room/AAAAAAAAAAAA")
