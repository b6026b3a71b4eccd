"""The one clock behind every timestamp, expiry and state machine of a mock.

By default it reads the wall clock (UTC), through ``datetime.datetime.now`` so that a test using
``freezegun`` moves it too. A test can also freeze it at a moment and advance it by hand.
"""

from __future__ import annotations

import datetime
import threading

Moment = datetime.datetime


class Clock:
    def __init__(self) -> None:
        self._frozen: Moment | None = None
        self._lock = threading.Lock()

    def now(self) -> Moment:
        frozen = self._frozen
        if frozen is not None:
            return frozen
        return datetime.datetime.now(datetime.timezone.utc)

    @property
    def frozen(self) -> bool:
        return self._frozen is not None

    def freeze(self, at: Moment | str | None = None) -> Moment:
        """Stop the clock at ``at`` (a timezone-aware datetime or ISO-8601 text), else now."""
        moment = self.now() if at is None else _moment(at)
        with self._lock:
            self._frozen = moment
        return moment

    def advance(
        self, delta: datetime.timedelta | float | None = None, *, seconds: float = 0.0
    ) -> Moment:
        """Move a frozen clock forward (``delta`` as a timedelta or seconds)."""
        if isinstance(delta, datetime.timedelta):
            step = delta
        else:
            step = datetime.timedelta(seconds=(delta or 0.0) + seconds)
        if step < datetime.timedelta(0):
            raise ValueError(f"the clock only moves forward; got {step}")
        with self._lock:
            if self._frozen is None:
                raise RuntimeError(
                    "advance() needs a frozen clock: call mock.clock.freeze() first "
                    "(a running clock follows the wall clock, or freezegun)"
                )
            self._frozen += step
            return self._frozen

    def unfreeze(self) -> None:
        """Follow the wall clock (or freezegun) again."""
        with self._lock:
            self._frozen = None


def _moment(value: Moment | str) -> Moment:
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"give the clock a timezone-aware moment, not {value!r}")
    return value.astimezone(datetime.timezone.utc)
