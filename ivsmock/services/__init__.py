"""The three mocked services. Each package registers its backend and handlers when imported."""

from __future__ import annotations

import importlib

PACKAGES: dict[str, str] = {
    "ivs": "ivsmock.services.ivs",
    "ivs-realtime": "ivsmock.services.ivs_realtime",
    "ivschat": "ivsmock.services.ivschat",
}
_LOADED: set[str] = set()


def load_service(service: str) -> None:
    """Import a service package on first use; `import ivsmock` stays cheap."""
    if service not in _LOADED:
        importlib.import_module(PACKAGES[service])
        _LOADED.add(service)


def not_yet_implemented(service: str) -> frozenset[str]:
    """The operations a service package lists as not implemented yet."""
    load_service(service)
    module = importlib.import_module(PACKAGES[service])
    return frozenset(getattr(module, "NOT_YET_IMPLEMENTED", frozenset()))
