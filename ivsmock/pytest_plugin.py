"""pytest plugin (entry point ``pytest11``): the ``ivs_mock`` and ``ivs_server`` fixtures and the
``ivsmock`` marker.

def test_recording(ivs_mock: IvsMock) -> None:
    ivs = ivs_mock.client("ivs")
    ...

@pytest.mark.ivsmock(account_id="111122223333", region="eu-west-1")
def test_elsewhere(ivs_mock: IvsMock) -> None: ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ivsmock.activation import IvsMock

if TYPE_CHECKING:
    from ivsmock.server import IvsMockServer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "ivsmock(account_id=..., region=..., settle_recording_configurations=..., quotas=..., "
        "sign_requests=...): "
        "options of the ivs_mock fixture for this test",
    )


def _options(request: pytest.FixtureRequest) -> dict[str, Any]:
    marker = request.node.get_closest_marker("ivsmock")
    if marker is not None and marker.args:
        raise pytest.UsageError("@pytest.mark.ivsmock takes keyword arguments only")
    return dict(marker.kwargs) if marker is not None else {}


@pytest.fixture
def ivs_mock(request: pytest.FixtureRequest) -> Iterator[IvsMock]:
    """Mock Amazon IVS for one test; yields the handle on its state."""
    with IvsMock(**_options(request)) as handle:
        yield handle


@pytest.fixture
def ivs_server(request: pytest.FixtureRequest) -> Iterator[IvsMockServer]:
    """ivsmock's HTTP server on a free loopback port for one test (docs/server.md)."""
    from ivsmock.server import IvsMockServer

    with IvsMockServer(**_options(request)) as server:
        yield server
