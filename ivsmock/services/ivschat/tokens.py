"""CreateChatToken: a token a user opens one connection to a room with."""

from __future__ import annotations

import base64
import datetime
import secrets
from typing import TYPE_CHECKING

from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.services.ivschat.live import ChatToken
from ivsmock.services.ivschat.rooms import get_room
from ivsmock.services.ivschat.rules import check_attributes

if TYPE_CHECKING:
    from ivsmock.services.ivschat.backend import ChatBackend

DEFAULT_SESSION_MINUTES = 60
# Undocumented; a real 180-minute token expired 2 hours before its session, so 60 minutes.
# A token never outlives the session it opens.
TOKEN_LIFETIME = datetime.timedelta(minutes=60)
# Real tokens are KMS-style ciphertext: base64 starting "AQICAH".
TOKEN_PREFIX = "AQICAH"


def _new_token() -> str:
    return TOKEN_PREFIX + base64.b64encode(secrets.token_bytes(180)).decode()


@operation("ivschat", "CreateChatToken")
def create_chat_token(call: Call, params: Params) -> Result:
    backend: ChatBackend = call.backend()
    room = get_room(call, params["roomIdentifier"], "roomIdentifier")
    attributes = params.get("attributes") or {}
    check_attributes("attributes", attributes)
    now = call.state.mock_state.clock.now()
    minutes = params.get("sessionDurationInMinutes") or DEFAULT_SESSION_MINUTES
    session_expiration = now + datetime.timedelta(minutes=minutes)
    token = ChatToken(
        token=_new_token(),
        room_arn=room.arn,
        user_id=params["userId"],
        capabilities=frozenset(params.get("capabilities") or ()),
        attributes=dict(attributes),
        token_expiration_time=min(now + TOKEN_LIFETIME, session_expiration),
        session_expiration_time=session_expiration,
    )
    backend.tokens[token.token] = token
    backend.room_activity(room.arn).tokens.add(token.token)
    return {
        "token": token.token,
        "tokenExpirationTime": token.token_expiration_time,
        "sessionExpirationTime": token.session_expiration_time,
    }
