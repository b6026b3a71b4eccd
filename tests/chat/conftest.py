"""Fixtures of the ivschat tests: a controllable clock and quick resource factories."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from ivsmock import IvsMock

LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:review"
START = datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)


class FakeClock:
    """The mock's clock, frozen at START; ``advance`` moves it on."""

    def __init__(self, mock: IvsMock) -> None:
        self._clock = mock.clock
        self._clock.freeze(START)

    @property
    def now(self) -> datetime.datetime:
        return self._clock.now()

    def advance(self, **delta: float) -> datetime.datetime:
        return self._clock.advance(datetime.timedelta(**delta))


@pytest.fixture
def clock(ivs_mock: IvsMock) -> FakeClock:
    """Every timestamp of the mock comes from this clock."""
    return FakeClock(ivs_mock)


@pytest.fixture
def new_logging_configuration(chat: Any) -> Callable[..., dict[str, Any]]:
    def create(**kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("destinationConfiguration", {"s3": {"bucketName": "chat-logs"}})
        return dict(chat.create_logging_configuration(**kwargs))

    return create


@pytest.fixture
def new_room(chat: Any) -> Callable[..., dict[str, Any]]:
    def create(**kwargs: Any) -> dict[str, Any]:
        return dict(chat.create_room(**kwargs))

    return create
