"""Timing helpers shared by the benchmarks: per-call cost as the best of several rounds."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from botocore.awsrequest import AWSResponse

ROUNDS = 5


def per_call(action: Callable[[], Any], calls: int, rounds: int = ROUNDS) -> float:
    """Seconds per call: the best round (least disturbed by the shared machine)."""
    action()  # warm caches (model loading, first backend)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            action()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def median_of(samples: list[float]) -> float:
    return statistics.median(samples)


class CannedBody:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body


def canned_response(
    client: Any, event: str, status: int, body: Any, headers: dict[str, str]
) -> None:
    """Answer ``event`` on this client with a fixed response: botocore's own cost, the floor."""
    payload = body if isinstance(body, bytes) else json.dumps(body).encode()

    def answer(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, status, headers, CannedBody(payload))

    client.meta.events.register_first(event, answer)


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    widths = [max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in columns]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append(
            "  ".join(_fmt(row.get(c)).ljust(w) for c, w in zip(columns, widths, strict=True))
        )
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 100 else f"{value:.0f}"
    return "" if value is None else str(value)
