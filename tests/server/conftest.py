"""A fresh ivsmock server on a free port for each test that asks for one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ivsmock.server import IvsMockServer


@pytest.fixture
def server() -> Iterator[IvsMockServer]:
    with IvsMockServer() as running:
        yield running
