"""The messaging control plane: SendEvent, DeleteMessage, DisconnectUser.

Each reaches the room's open connections (``mock.simulation.chat``) and is recorded on the
room's activity, so tests can see what was sent, deleted and disconnected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ivsmock.core.errors import invalid
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.services.ivschat.rooms import get_room
from ivsmock.services.ivschat.rules import check_attributes

if TYPE_CHECKING:
    from ivsmock.services.ivschat.backend import ChatBackend

# Clients treat "aws:" event names as system events (aws:DELETE_MESSAGE hides a message).
RESERVED_EVENT_PREFIX = "aws:"


@operation("ivschat", "SendEvent")
def send_event(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    room = get_room(call, params["roomIdentifier"], "roomIdentifier")
    name = params["eventName"]
    if name.lower().startswith(RESERVED_EVENT_PREFIX):
        raise invalid(
            "eventName",
            f"{name!r} uses the prefix 'aws:', which is reserved for events IVS Chat itself "
            f"sends (such as aws:DELETE_MESSAGE); choose a name without it",
        )
    attributes = params.get("attributes") or {}
    check_attributes("attributes", attributes)
    now = call.state.mock_state.clock.now()
    event = backend.room_activity(room.arn).send_event(name, attributes, now)
    return {"id": event.id}


@operation("ivschat", "DeleteMessage")
def delete_message(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    room = get_room(call, params["roomIdentifier"], "roomIdentifier")
    now = call.state.mock_state.clock.now()
    deletion = backend.room_activity(room.arn).delete_message(
        params["id"], params.get("reason"), now
    )
    return {"id": deletion.id}


@operation("ivschat", "DisconnectUser")
def disconnect_user(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    room = get_room(call, params["roomIdentifier"], "roomIdentifier")
    now = call.state.mock_state.clock.now()
    backend.room_activity(room.arn).disconnect_user(params["userId"], params.get("reason"), now)
    return {}
