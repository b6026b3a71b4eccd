"""Logging configurations: Create, Get, List, Update, Delete."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivschat.backend import LOGGING_CONFIGURATION, ROOM_FILTERS
from ivsmock.services.ivschat.errors import (
    chat_conflict,
    chat_quota_exceeded,
    logging_configuration_not_found,
)
from ivsmock.services.ivschat.logging_configuration import (
    TRANSITIONAL_STATES,
    LoggingConfiguration,
)

if TYPE_CHECKING:
    from ivsmock.services.ivschat.backend import ChatBackend

QUOTA = 10  # "Logging configurations: 10 per account-region (adjustable)"
PAGE_SIZE = 50
ROOMS_NAMED_IN_MESSAGES = 5


def _get(call: Call, identifier: str) -> LoggingConfiguration:
    backend: ChatBackend = call.backend()
    found = backend.logging_configurations.get(identifier)
    if found is None:
        raise logging_configuration_not_found(call, identifier, "identifier")
    return found


def _check_settled(configuration: LoggingConfiguration, action: str) -> None:
    if configuration.state in TRANSITIONAL_STATES:
        raise chat_conflict(
            f"Logging configuration {configuration.arn} is {configuration.state} and cannot be "
            f"{action} until it is ACTIVE again; retry later",
            configuration.arn,
        )


@operation("ivschat", "CreateLoggingConfiguration")
def create_logging_configuration(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    tags = params.get("tags") or {}
    check_new_tags(tags)
    limit = call.options.quota(LOGGING_CONFIGURATION, QUOTA)
    if len(backend.logging_configurations) >= limit:
        raise chat_quota_exceeded("logging configurations", limit)
    now = call.state.mock_state.clock.now()
    configuration = LoggingConfiguration(
        arn=arn("ivschat", call.region, call.account, LOGGING_CONFIGURATION, random_id()),
        name=params.get("name", ""),
        create_time=now,
        update_time=now,
        destination_configuration=copy.deepcopy(params["destinationConfiguration"]),
        tags=dict(tags),
    )
    backend.logging_configurations.add(configuration)
    return configuration.describe()


@operation("ivschat", "GetLoggingConfiguration")
def get_logging_configuration(call: Call, params: Params) -> Result:
    return _get(call, params["identifier"]).describe()


@operation("ivschat", "ListLoggingConfigurations")
def list_logging_configurations(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    return list_answer(
        call,
        backend.logging_configurations,
        params,
        "loggingConfigurations",
        default_size=PAGE_SIZE,
    )


@operation("ivschat", "UpdateLoggingConfiguration")
def update_logging_configuration(call: Call, params: Params) -> Result:
    configuration = _get(call, params["identifier"])
    _check_settled(configuration, "updated")
    configuration.name = params.get("name", configuration.name)
    if "destinationConfiguration" in params:
        configuration.destination_configuration = copy.deepcopy(params["destinationConfiguration"])
    configuration.state = "ACTIVE"
    configuration.update_time = call.state.mock_state.clock.now()
    return configuration.describe()


@operation("ivschat", "DeleteLoggingConfiguration")
def delete_logging_configuration(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    configuration = _get(call, params["identifier"])
    _check_settled(configuration, "deleted")
    users = backend.rooms_using(configuration.arn)
    if users:
        rooms, _ = backend.rooms.page(
            0, ROOMS_NAMED_IN_MESSAGES, ROOM_FILTERS, (None, None, configuration.arn)
        )
        named = ", ".join(room.arn for room in rooms)
        more = f" and {users - len(rooms)} more" if users > len(rooms) else ""
        raise chat_conflict(
            f"Logging configuration {configuration.arn} is used by {users} room(s) "
            f"({named}{more}); remove it from their loggingConfigurationIdentifiers with "
            f"UpdateRoom first",
            configuration.arn,
        )
    backend.logging_configurations.remove(configuration.arn)
    return None
