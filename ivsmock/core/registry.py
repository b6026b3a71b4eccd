"""State: one backend per service per (account, region), created on first use."""

from __future__ import annotations

import datetime
import heapq
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
    """Base of the per-service backends: its ``ResourceStore`` attributes are its resources.

    ``timers`` holds what AWS does later by itself (a configuration settling, an ended
    composition being forgotten) as plain data, so snapshots keep it: a heap of
    ``(due, sequence, action, target)``. A timer runs at the start of the first call to the
    service, in its account and region, once the mock's clock has moved past ``due``; it calls
    the backend's ``timer_<action>(target, now)``.
    """

    def __init__(self, region: RegionState) -> None:
        self.region_state = region
        self.account = region.account
        self.region = region.region
        self.timers: list[tuple[datetime.datetime, int, str, str]] = []
        self.timer_count = 0  # orders timers that fall due at the same moment

    def schedule(self, due: datetime.datetime, action: str, target: str) -> None:
        if not callable(getattr(self, f"timer_{action}", None)):
            raise AttributeError(f"{type(self).__name__} has no timer_{action}")
        self.timer_count += 1
        heapq.heappush(self.timers, (due, self.timer_count, action, target))

    def run_timers(self, now: datetime.datetime) -> None:
        """Run every timer whose moment the clock has passed, in order."""
        timers = self.timers
        while timers and timers[0][0] < now:
            _, _, action, target = heapq.heappop(timers)
            getattr(self, f"timer_{action}")(target, now)

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
