"""``mock_ivs``: one object that is a decorator, a context manager and the handle on the state."""

from __future__ import annotations

import copy
import inspect
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

from ivsmock.core import interception
from ivsmock.core.errors import MockNotActiveError
from ivsmock.core.names import SERVICES
from ivsmock.core.options import DEFAULT_ACCOUNT_ID, DEFAULT_REGION, MockOptions

if TYPE_CHECKING:
    from ivsmock.core.clock import Clock
    from ivsmock.core.records import CallLog
    from ivsmock.core.registry import MockState
    from ivsmock.faults import Faults
    from ivsmock.simulation import Simulation

# Everything else loads when first needed: `import ivsmock` must stay cheap.

T = TypeVar("T")


class IvsMock:
    """An activation of the IVS mock, and the handle a test uses to look at its state.

    Use it as ``with mock_ivs() as mock:``, ``async with``, ``@mock_ivs`` / ``@mock_ivs(...)``
    on functions, coroutines and classes, or through the ``ivs_mock`` pytest fixture.
    """

    def __init__(
        self,
        *,
        account_id: str = DEFAULT_ACCOUNT_ID,
        region: str = DEFAULT_REGION,
        settle_recording_configurations: bool = True,
        quotas: Mapping[str, int] | None = None,
        sign_requests: bool = False,
    ) -> None:
        self.options = MockOptions(
            account_id, region, settle_recording_configurations, quotas or {}, sign_requests
        )
        self._depth = 0

    # -- activation ---------------------------------------------------------------------------

    def start(self) -> IvsMock:
        interception.activate(self.options)
        self._depth += 1
        return self

    def stop(self) -> None:
        if self._depth == 0:
            raise MockNotActiveError("stop() called on a mock that was not started")
        self._depth -= 1
        interception.deactivate()

    def __enter__(self) -> IvsMock:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> IvsMock:
        return self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __call__(self, target: T) -> T:
        """Decorate a function, a coroutine function or a class."""
        if inspect.isclass(target):
            return self._decorate_class(target)  # type: ignore[return-value]
        if not callable(target):
            raise TypeError(f"mock_ivs decorates functions and classes, not {target!r}")
        return self._decorate_function(target)  # type: ignore[no-any-return]

    def _decorate_function(self, function: Callable[..., Any]) -> Any:
        import wrapt

        options = self.options

        if inspect.iscoroutinefunction(function):

            @wrapt.decorator
            async def run_async(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
                with IvsMock(**_kwargs(options)):
                    return await wrapped(*args, **kwargs)

            return run_async(function)

        @wrapt.decorator
        def run(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
            with IvsMock(**_kwargs(options)):
                return wrapped(*args, **kwargs)

        return run(function)

    def _decorate_class(self, cls: type) -> type:
        unittest = sys.modules.get("unittest")  # a TestCase means unittest is imported already
        if unittest is not None and issubclass(cls, unittest.TestCase):
            # One activation around setUp, the test and tearDown.
            cls.run = self._decorate_function(cls.run)  # type: ignore[attr-defined]
            return cls
        for name, value in list(vars(cls).items()):
            if name.startswith("test") and inspect.isfunction(value):
                setattr(cls, name, self._decorate_function(value))
        return cls

    # -- the handle ---------------------------------------------------------------------------

    @property
    def account_id(self) -> str:
        """The account that answers requests whose access key is not a 12-digit account id."""
        return self.options.account_id

    @property
    def region(self) -> str:
        """The region that answers requests that name none."""
        return self.options.region

    @property
    def simulation(self) -> Simulation:
        """The live side no API call starts: broadcasts, stage activity, chat connections."""
        from ivsmock.simulation import Simulation

        return Simulation(self)

    @property
    def clock(self) -> Clock:
        """The clock behind every timestamp and state machine: freeze, advance, unfreeze."""
        return self._state().clock

    @property
    def faults(self) -> Faults:
        """Fault injection: fail, throttle, server_error, delay, clear."""
        from ivsmock.faults import Faults

        return Faults(self._state().faults)

    @property
    def calls(self) -> CallLog:
        """The calls this mock answered, in order (``find(operation, ...)`` to filter)."""
        return self._state().calls

    def snapshot(self) -> dict[str, Any]:
        """The whole state (every account, region and service) as JSON-compatible data."""
        from ivsmock.snapshots import dump_state

        return dump_state(self._state())

    def restore(self, snapshot: dict[str, Any]) -> None:
        """Replace the whole state with a snapshot taken by ``snapshot()`` (or loaded from JSON)."""
        from ivsmock.snapshots import load_state

        load_state(self._state(), snapshot)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write ``snapshot()`` to a JSON file."""
        Path(path).write_text(json.dumps(self.snapshot(), indent=1, sort_keys=True))

    def load(self, path: str | os.PathLike[str]) -> None:
        """Restore the state from a JSON file written by ``save()``."""
        self.restore(json.loads(Path(path).read_text()))

    @property
    def active(self) -> bool:
        return self._depth > 0

    def _state(self) -> MockState:
        state = interception.current_state()
        if state is None or self._depth == 0:
            raise MockNotActiveError(
                "this mock is not active; use it inside `with mock_ivs() as mock:`, "
                "a @mock_ivs test or the ivs_mock fixture"
            )
        return state

    def backend(
        self, service: str, *, account_id: str | None = None, region: str | None = None
    ) -> Any:
        """The in-memory backend of ``service`` ('ivs', 'ivs-realtime' or 'ivschat')."""
        if service not in SERVICES:
            raise ValueError(f"unknown service {service!r}; ivsmock mocks {', '.join(SERVICES)}")
        from ivsmock.services import load_service

        load_service(service)
        region_state = self._state().region(account_id or self.account_id, region or self.region)
        return region_state.backend(service)

    def resources(
        self,
        service: str,
        resource_type: str,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> list[dict[str, Any]]:
        """What a Get of each stored resource of ``resource_type`` would return, oldest first.

        ``resource_type`` is the ARN's type part, e.g. ``"recording-configuration"``.
        """
        backend = self.backend(service, account_id=account_id, region=region)
        for store in backend.stores():
            if store.resource_type == resource_type:
                # Copies: describe() shares the resource's own (never mutated) data.
                return [copy.deepcopy(resource.describe()) for resource in store.values()]
        known = sorted(store.resource_type for store in backend.stores())
        raise ValueError(
            f"{service} has no resource type {resource_type!r}; it stores: {', '.join(known)}"
        )

    def locations(self) -> list[tuple[str, str]]:
        """The (account id, region) pairs that hold state."""
        return sorted((s.account, s.region) for s in self._state().regions())

    def client(
        self,
        service: str,
        *,
        region: str | None = None,
        account_id: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """A boto3 client whose calls land in ``account_id`` and ``region`` of this mock."""
        import boto3

        account = account_id or self.account_id
        return boto3.session.Session().client(
            service,
            region_name=region or self.region,
            aws_access_key_id=account,
            aws_secret_access_key="ivsmock-fake-secret",
            **kwargs,
        )

    def reset(self) -> None:
        """Forget every resource of every account and region."""
        state = self._state()
        for region_state in state.regions():
            with region_state.lock:
                region_state._backends.clear()

    @staticmethod
    def implemented_operations(service: str) -> list[str]:
        from ivsmock.core.operations import implemented
        from ivsmock.services import load_service

        load_service(service)
        return implemented(service)

    @staticmethod
    def not_yet_implemented(service: str) -> list[str]:
        from ivsmock.services import not_yet_implemented

        return sorted(not_yet_implemented(service))


def _kwargs(options: MockOptions) -> dict[str, Any]:
    return {
        "account_id": options.account_id,
        "region": options.region,
        "settle_recording_configurations": options.settle_recording_configurations,
        "quotas": dict(options.quotas),
        "sign_requests": options.sign_requests,
    }


F = TypeVar("F", bound=Callable[..., Any])


@overload
def mock_ivs(target: F, /) -> F: ...


@overload
def mock_ivs(
    *,
    account_id: str = ...,
    region: str = ...,
    settle_recording_configurations: bool = ...,
    quotas: Mapping[str, int] | None = ...,
    sign_requests: bool = ...,
) -> IvsMock: ...


def mock_ivs(target: Any = None, /, **options: Any) -> Any:
    """Mock Amazon IVS (ivs, ivs-realtime, ivschat) for every botocore client in the process.

    ``@mock_ivs``, ``@mock_ivs(account_id=...)``, ``with mock_ivs() as mock:`` and
    ``async with mock_ivs():`` all work; see docs/usage.md.
    """
    mock = IvsMock(**options)
    if target is None:
        return mock
    return mock(target)
