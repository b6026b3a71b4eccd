"""State: one backend per service per (account, region), created on first use."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

from ivsmock.core.clock import Clock
from ivsmock.core.faults import FaultPlan
from ivsmock.core.records import CallLog
from ivsmock.core.store import ResourceStore

BackendFactory = Callable[["RegionState"], "ServiceBackend"]
_FACTORIES: dict[str, BackendFactory] = {}


def register_backend(service: str, factory: BackendFactory) -> None:
    _FACTORIES[service] = factory


class ServiceBackend:
    """Base of the per-service backends: its ``ResourceStore`` attributes are its resources."""

    def __init__(self, region: RegionState) -> None:
        self.region_state = region
        self.account = region.account
        self.region = region.region

    def stores(self) -> Iterator[ResourceStore[Any]]:
        for value in vars(self).values():
            if isinstance(value, ResourceStore):
                yield value

    def taggable_store(self, resource_type: str) -> ResourceStore[Any] | None:
        for store in self.stores():
            if store.taggable and store.resource_type == resource_type:
                return store
        return None


class RegionState:
    """Everything of one account in one region; its lock serialises every call that touches it."""

    def __init__(self, account: str, region: str, mock_state: MockState) -> None:
        self.account = account
        self.region = region
        self.mock_state = mock_state
        self.lock = threading.RLock()
        self._backends: dict[str, ServiceBackend] = {}

    def backend(self, service: str) -> Any:
        backend = self._backends.get(service)
        if backend is None:
            backend = _FACTORIES[service](self)
            self._backends[service] = backend
        return backend

    def backends(self) -> dict[str, ServiceBackend]:
        return dict(self._backends)


class MockState:
    """All accounts and regions of one outermost activation."""

    def __init__(self) -> None:
        self.clock = Clock()
        self.faults = FaultPlan()
        self.calls = CallLog()
        self._regions: dict[tuple[str, str], RegionState] = {}
        self._lock = threading.Lock()

    def region(self, account: str, region: str) -> RegionState:
        key = (account, region)
        found = self._regions.get(key)
        if found is None:
            with self._lock:
                found = self._regions.get(key)
                if found is None:
                    found = RegionState(account, region, self)
                    self._regions[key] = found
        return found

    def clear(self) -> None:
        """Forget every account and region (faults, call records and the clock stay)."""
        with self._lock:
            self._regions.clear()

    def regions(self) -> list[RegionState]:
        with self._lock:
            return list(self._regions.values())
