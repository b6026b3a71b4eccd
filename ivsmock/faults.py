"""Fault injection on the handle: `mock.faults` fails, throttles or delays chosen calls."""

from __future__ import annotations

import random

from ivsmock.core.faults import SERVER_ERROR, THROTTLING, Fault, FaultPlan
from ivsmock.core.model import OperationSpec, service_spec


class Faults:
    """Rules that make chosen calls fail or answer late; see docs/faults.md.

    Each rule applies to the next call (default), to the next ``times`` calls, to every call
    (``every=True``), or to a seeded fraction of calls (``probability=0.3, seed=7``, optionally
    capped by ``times``).
    ``operation="*"`` matches every operation of the service.
    """

    def __init__(self, plan: FaultPlan) -> None:
        self._plan = plan

    def fail(
        self,
        service: str,
        operation: str,
        error: str,
        *,
        message: str | None = None,
        times: int | None = None,
        every: bool = False,
        probability: float | None = None,
        seed: int | None = None,
        delay: float = 0.0,
    ) -> Fault:
        """Fail with ``error``, which the operation must model (see throttle/server_error)."""
        spec = service_spec(self._check_service(service))
        if operation == "*":
            names = frozenset(n for n, op in spec.operations.items() if error in op.errors)
            if not names:
                raise ValueError(f"no {service} operation models {error}")
        else:
            op = self._operation(service, operation)
            if error not in op.errors:
                raise ValueError(
                    f"{service} {operation} does not model {error}; it models "
                    f"{', '.join(sorted(op.errors))} (use throttle() or server_error() for those)"
                )
            names = frozenset({operation})
        return self._add(
            service, names, error, message, None, times, every, probability, seed, delay
        )

    def throttle(
        self,
        service: str,
        operation: str,
        *,
        times: int | None = None,
        every: bool = False,
        probability: float | None = None,
        seed: int | None = None,
    ) -> Fault:
        """Answer ThrottlingException (HTTP 429), as AWS's front door does on any operation."""
        names = self._check_operation(service, operation)
        how_often = (times, every, probability, seed)
        return self._add(service, names, THROTTLING, "Rate exceeded", 429, *how_often, 0.0)

    def server_error(
        self,
        service: str,
        operation: str,
        *,
        times: int | None = None,
        every: bool = False,
        probability: float | None = None,
        seed: int | None = None,
    ) -> Fault:
        """Answer InternalServerException (HTTP 500), which botocore retries."""
        names = self._check_operation(service, operation)
        how_often = (times, every, probability, seed)
        return self._add(
            service, names, SERVER_ERROR, "Internal server error", 500, *how_often, 0.0
        )

    def delay(
        self,
        service: str,
        operation: str,
        seconds: float,
        *,
        times: int | None = None,
        every: bool = False,
    ) -> Fault:
        """Answer normally, but only after ``seconds``."""
        names = self._check_operation(service, operation)
        if seconds < 0:
            raise ValueError(f"a delay cannot be negative; got {seconds}")
        return self._add(service, names, None, "", None, times, every, None, None, seconds)

    def clear(self) -> None:
        """Remove every rule."""
        self._plan.clear()

    def _add(
        self,
        service: str,
        operations: frozenset[str],
        error: str | None,
        message: str | None,
        status: int | None,
        times: int | None,
        every: bool,
        probability: float | None,
        seed: int | None,
        delay: float,
    ) -> Fault:
        if probability is not None and not 0.0 <= probability <= 1.0:
            raise ValueError(f"probability must be between 0 and 1; got {probability}")
        if times is not None and times < 1:
            raise ValueError(f"times must be at least 1; got {times}")
        if times is not None and every:
            raise ValueError("give either times or every=True, not both")
        # Once by default; every call with every=True; a seeded fraction with probability.
        remaining = times if times is not None else (None if every or probability else 1)
        return self._plan.add(
            Fault(
                service=service,
                operations=operations,
                error=error,
                message=message or f"{error} injected by ivsmock (a fault rule of the test)",
                status=status,
                delay=delay,
                remaining=remaining,
                probability=probability,
                rng=random.Random(seed),
            )
        )

    @staticmethod
    def _check_service(service: str) -> str:
        from ivsmock.core.names import SERVICES

        if service not in SERVICES:
            raise ValueError(f"unknown service {service!r}; ivsmock mocks {', '.join(SERVICES)}")
        return service

    def _check_operation(self, service: str, operation: str) -> frozenset[str]:
        """The operations ``operation`` names ("*": all of the service's)."""
        spec = service_spec(self._check_service(service))
        if operation == "*":
            return frozenset(spec.operations)
        self._operation(service, operation)
        return frozenset({operation})

    def _operation(self, service: str, operation: str) -> OperationSpec:
        spec = service_spec(self._check_service(service))
        op = spec.operations.get(operation)
        if op is None:
            raise ValueError(
                f"{service} has no operation {operation!r}; "
                f"its operations are: {', '.join(sorted(spec.operations))}"
            )
        return op
