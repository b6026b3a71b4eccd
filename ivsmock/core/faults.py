"""Fault injection: make chosen calls fail with a modelled error, throttle, or answer late.

Rules are checked in the order they were added; the first that applies to a call decides it.
They live in the mock's state, so in-process calls and the HTTP server see the same faults.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field

from ivsmock.core.errors import ServiceError

THROTTLING = "ThrottlingException"
SERVER_ERROR = "InternalServerException"


@dataclass
class Fault:
    service: str
    operations: frozenset[str]
    error: str | None  # None: only a delay
    message: str
    status: int | None  # for errors the operation does not model (throttling, server errors)
    delay: float
    remaining: int | None  # how many more calls it applies to; None: no limit
    probability: float | None
    rng: random.Random = field(default_factory=random.Random)

    def applies(self, service: str, operation: str) -> bool:
        if self.service != service or operation not in self.operations:
            return False
        if self.remaining is not None and self.remaining <= 0:
            return False
        return self.probability is None or self.rng.random() < self.probability

    def to_error(self) -> ServiceError:
        assert self.error is not None
        error = ServiceError(self.error, self.message, resourceId="")
        error.status = self.status
        error.injected = True
        return error


class FaultPlan:
    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def __bool__(self) -> bool:
        return bool(self._faults)

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, service: str, operation: str) -> Fault | None:
        """The fault that applies to this call, if any (and count it as used)."""
        with self._lock:
            for fault in self._faults:
                if fault.applies(service, operation):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                    return fault
        return None
