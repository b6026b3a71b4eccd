"""pytest plugin (entry point ``pytest11``): the ``ivs_mock`` fixture and the ``ivsmock`` marker.

def test_recording(ivs_mock: IvsMock) -> None:
    ivs = ivs_mock.client("ivs")
    ...

@pytest.mark.ivsmock(account_id="111122223333", region="eu-west-1")
def test_elsewhere(ivs_mock: IvsMock) -> None: ...
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ivsmock.activation import IvsMock


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "ivsmock(account_id=..., region=..., settle_recording_configurations=...): "
        "options of the ivs_mock fixture for this test",
    )


@pytest.fixture
def ivs_mock(request: pytest.FixtureRequest) -> Iterator[IvsMock]:
    """Mock Amazon IVS for one test; yields the handle on its state."""
    marker = request.node.get_closest_marker("ivsmock")
    options = dict(marker.kwargs) if marker is not None else {}
    if marker is not None and marker.args:
        raise pytest.UsageError("@pytest.mark.ivsmock takes keyword arguments only")
    with IvsMock(**options) as handle:
        yield handle
