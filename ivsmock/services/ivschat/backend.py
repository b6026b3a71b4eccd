"""The ``ivschat`` backend of one account and region."""

from __future__ import annotations

from ivsmock.core.registry import RegionState, ServiceBackend
from ivsmock.core.store import ResourceStore
from ivsmock.services.ivschat.live import ChatToken, RoomActivity
from ivsmock.services.ivschat.logging_configuration import LoggingConfiguration
from ivsmock.services.ivschat.room import Room, filter_keys

ROOM = "room"
LOGGING_CONFIGURATION = "logging-configuration"
# The index ListRooms filters through; see room.filter_keys.
ROOM_FILTERS = "filters"


class ChatBackend(ServiceBackend):
    def __init__(self, region: RegionState) -> None:
        super().__init__(region)
        self.rooms: ResourceStore[Room] = ResourceStore(
            ROOM, taggable=True, multi_indexes={ROOM_FILTERS: filter_keys}
        )
        self.logging_configurations: ResourceStore[LoggingConfiguration] = ResourceStore(
            LOGGING_CONFIGURATION, taggable=True
        )
        self.activity: dict[str, RoomActivity] = {}
        self.tokens: dict[str, ChatToken] = {}

    def room_activity(self, room_arn: str) -> RoomActivity:
        """The live side of a stored room, created on first use."""
        found = self.activity.get(room_arn)
        if found is None:
            found = self.activity[room_arn] = RoomActivity(room_arn)
        return found

    def rooms_using(self, logging_configuration_arn: str) -> int:
        return self.rooms.count(ROOM_FILTERS, (None, None, logging_configuration_arn))

    def drop_room(self, room_arn: str) -> None:
        """Forget a deleted room's live side: close its connections, void its tokens."""
        activity = self.activity.pop(room_arn, None)
        if activity is None:
            return
        activity.close_all("room deleted")
        for token in activity.tokens:
            self.tokens.pop(token, None)
