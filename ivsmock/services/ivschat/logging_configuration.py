"""The chat logging configuration resource."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

STATES = (
    "CREATING",
    "CREATE_FAILED",
    "DELETING",
    "DELETE_FAILED",
    "UPDATING",
    "UPDATE_FAILED",
    "ACTIVE",
)
# A configuration on its way somewhere cannot be updated or deleted until it gets there.
TRANSITIONAL_STATES = frozenset({"CREATING", "UPDATING", "DELETING"})


@dataclass(slots=True)
class LoggingConfiguration:
    arn: str
    name: str
    create_time: datetime.datetime
    update_time: datetime.datetime
    destination_configuration: dict[str, Any]
    state: str = "ACTIVE"
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.arn.rsplit("/", 1)[1]

    def summary(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "id": self.id,
            "createTime": self.create_time,
            "updateTime": self.update_time,
            "name": self.name,
            "destinationConfiguration": self.destination_configuration,
            "state": self.state,
            "tags": dict(self.tags),
        }

    def describe(self) -> dict[str, Any]:
        return self.summary()
