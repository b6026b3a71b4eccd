"""The ``ivschat`` backend of one account and region (its resources arrive with the chat issue)."""

from __future__ import annotations

from ivsmock.core.registry import ServiceBackend


class ChatBackend(ServiceBackend):
    pass
