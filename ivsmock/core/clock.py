"""The one clock behind every timestamp ivsmock produces."""

from __future__ import annotations

import datetime


class Clock:
    """Wall-clock time in UTC. One instance per mock state, so tests can later control it."""

    def now(self) -> datetime.datetime:
        return datetime.datetime.now(datetime.timezone.utc)
