"""CreateParticipantToken, and the token issuing CreateStage shares.

Tokens are not stored (AWS keeps none either); the stage remembers only the participant ids it
issued, so DisconnectParticipant can tell an issued id from one never heard of.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ivsmock.core.attributes import check_attributes_size
from ivsmock.core.ids import random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.services.ivs_realtime import tokens

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend
    from ivsmock.services.ivs_realtime.stages import Stage

DEFAULT_DURATION_MINUTES = 720
DEFAULT_CAPABILITIES = ("PUBLISH", "SUBSCRIBE")


def check_token_request(configuration: dict[str, Any], path: str = "") -> None:
    """Rules beyond the model: attributes hold at most 1 KB of UTF-8 keys and values."""
    member = f"{path}.attributes" if path else "attributes"
    check_attributes_size(
        member, configuration.get("attributes") or {}, "Move large data out of the token"
    )


def issue_token(
    stage: Stage, configuration: dict[str, Any], now: datetime.datetime, *, with_expiration: bool
) -> dict[str, Any]:
    """A signed token for ``stage`` and what the API returns about it.

    CreateStage's tokens carry no ``expirationTime`` (AWS behaviour); optional request fields
    are echoed only when they were sent.
    """
    given_capabilities = configuration.get("capabilities")
    capabilities = (
        list(DEFAULT_CAPABILITIES)
        if given_capabilities is None
        else list(dict.fromkeys(given_capabilities))  # duplicates collapse
    )
    duration = configuration.get("duration", DEFAULT_DURATION_MINUTES)
    expiration = now + datetime.timedelta(minutes=duration)
    participant_id = random_id()
    claims: dict[str, Any] = {
        "exp": int(expiration.timestamp()),
        "iat": int(now.timestamp()),
        "jti": participant_id,
        "resource": stage.arn,
        "topic": stage.resource_id,
        "events_url": stage.endpoints["events"],
        "whip_url": stage.endpoints["whip"],
        "capabilities": {
            "allow_publish": "PUBLISH" in capabilities,
            "allow_subscribe": "SUBSCRIBE" in capabilities,
        },
        "version": tokens.API_TOKEN_VERSION,
    }
    if configuration.get("attributes"):
        claims["attributes"] = dict(configuration["attributes"])
    if configuration.get("userId"):
        claims["user_id"] = configuration["userId"]
    stage.known_participants.add(participant_id)
    result: dict[str, Any] = {"participantId": participant_id, "token": tokens.sign(claims)}
    for name in ("userId", "attributes", "duration"):
        if configuration.get(name) is not None:
            result[name] = configuration[name]
    if given_capabilities is not None:
        result["capabilities"] = capabilities
    if with_expiration:
        result["expirationTime"] = expiration
    return result


@operation("ivs-realtime", "CreateParticipantToken")
def create_participant_token(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage = backend.get_stage(params["stageArn"])
    check_token_request(params)
    now = call.state.mock_state.clock.now()
    return {"participantToken": issue_token(stage, params, now, with_expiration=True)}
