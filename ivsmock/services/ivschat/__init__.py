"""Amazon IVS Chat (botocore service ``ivschat``)."""

from __future__ import annotations

from ivsmock.core.registry import register_backend
from ivsmock.core.tagging import register_tag_operations
from ivsmock.services.ivschat import logging_configurations, messaging, rooms, tokens
from ivsmock.services.ivschat.backend import ChatBackend

register_backend("ivschat", ChatBackend)
register_tag_operations("ivschat")

NOT_YET_IMPLEMENTED: frozenset[str] = frozenset()

__all__ = [
    "NOT_YET_IMPLEMENTED",
    "ChatBackend",
    "logging_configurations",
    "messaging",
    "rooms",
    "tokens",
]
