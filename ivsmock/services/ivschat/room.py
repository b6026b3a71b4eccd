"""The chat room resource and how ListRooms finds rooms by filter."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

DEFAULT_MAXIMUM_MESSAGE_RATE_PER_SECOND = 10
DEFAULT_MAXIMUM_MESSAGE_LENGTH = 500
DEFAULT_FALLBACK_RESULT = "ALLOW"

# ListRooms filter key: (name, messageReviewHandlerUri, loggingConfigurationIdentifier), None
# where the request does not filter on that member.
FilterKey = tuple[str | None, str | None, str | None]


@dataclass(slots=True)
class Room:
    arn: str
    name: str
    create_time: datetime.datetime
    update_time: datetime.datetime
    maximum_message_rate_per_second: int
    maximum_message_length: int
    # None until a handler is configured; {"uri": "", ...} once detached (as AWS answers).
    message_review_handler: dict[str, str] | None
    logging_configuration_identifiers: list[str]
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.arn.rsplit("/", 1)[1]

    @property
    def handler_uri(self) -> str:
        return (self.message_review_handler or {}).get("uri", "")

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {"arn": self.arn, "id": self.id, "name": self.name}
        if self.message_review_handler is not None:
            result["messageReviewHandler"] = dict(self.message_review_handler)
        result.update(
            createTime=self.create_time,
            updateTime=self.update_time,
            tags=dict(self.tags),
            loggingConfigurationIdentifiers=list(self.logging_configuration_identifiers),
        )
        return result

    def describe(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "maximumMessageRatePerSecond": self.maximum_message_rate_per_second,
            "maximumMessageLength": self.maximum_message_length,
        }


def filter_keys(room: Room) -> Iterator[FilterKey]:
    """Every ListRooms filter combination this room matches, so any combination is one lookup.

    At most 3 names x 2 URIs x 4 logging configurations = 15 keys per room. Empty values are
    never filtered on (an empty filter means "no filter"), so they file nothing.
    """
    names = (None, room.name) if room.name else (None,)
    uris = (None, room.handler_uri) if room.handler_uri else (None,)
    logs = (None, *room.logging_configuration_identifiers)
    for name in names:
        for uri in uris:
            for log in logs:
                if name is not None or uri is not None or log is not None:
                    yield (name, uri, log)
