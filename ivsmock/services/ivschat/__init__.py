"""Amazon IVS Chat (botocore service ``ivschat``)."""

from __future__ import annotations

from ivsmock.core.registry import register_backend
from ivsmock.services.ivschat.backend import ChatBackend

register_backend("ivschat", ChatBackend)

NOT_YET_IMPLEMENTED: frozenset[str] = frozenset(
    {
        "CreateChatToken",
        "CreateLoggingConfiguration",
        "CreateRoom",
        "DeleteLoggingConfiguration",
        "DeleteMessage",
        "DeleteRoom",
        "DisconnectUser",
        "GetLoggingConfiguration",
        "GetRoom",
        "ListLoggingConfigurations",
        "ListRooms",
        "ListTagsForResource",
        "SendEvent",
        "TagResource",
        "UntagResource",
        "UpdateLoggingConfiguration",
        "UpdateRoom",
    }
)

__all__ = ["NOT_YET_IMPLEMENTED", "ChatBackend"]
