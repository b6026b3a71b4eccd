"""The operation table: which handler answers which operation, and what each call knows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ivsmock.core.options import MockOptions
from ivsmock.core.registry import RegionState

Params = dict[str, Any]
Result = dict[str, Any] | None


@dataclass(slots=True)
class Call:
    """One request, as a handler sees it: who calls, where, and the state it may change."""

    service: str
    operation: str
    account: str
    region: str
    state: RegionState
    options: MockOptions

    def backend(self, service: str | None = None) -> Any:
        return self.state.backend(service or self.service)


Handler = Callable[[Call, Params], Result]

_TABLE: dict[tuple[str, str], Handler] = {}


def operation(service: str, name: str) -> Callable[[Handler], Handler]:
    """Register ``handler`` as the semantics of ``service``'s operation ``name``."""

    def register(handler: Handler) -> Handler:
        _TABLE[(service, name)] = handler
        return handler

    return register


def handler_for(service: str, name: str) -> Handler | None:
    return _TABLE.get((service, name))


def implemented(service: str) -> list[str]:
    return sorted(name for (svc, name) in _TABLE if svc == service)


def unregister(service: str, name: str) -> Handler | None:
    """Remove a handler (tests use it to show what an unimplemented operation does)."""
    return _TABLE.pop((service, name), None)
