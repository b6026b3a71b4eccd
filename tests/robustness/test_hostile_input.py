"""Bad input never hurts: random, hostile requests to every operation of every service.

Every answer must be a response (never an exception), errors must be ones the operation models
(strict mode checks that), and a refused request must leave the state exactly as it was.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from typing import Any

import pytest

from ivsmock import IvsMock
from ivsmock.core.dispatch import dispatch
from ivsmock.core.model import SERVICES, service_spec
from ivsmock.core.wire_in import HttpRequest

HOSTILE_STRINGS = [
    "",
    " ",
    "\x00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "ü" * 300,
    "x" * 5000,
    "arn:aws:ivs:us-east-1:123456789012:channel/" + "A" * 200,
    "arn:aws:ivs:us-east-1:123456789012:stage/AbCdEfGh1234",
    "arn:aws:ivschat:us-east-1:123456789012:room/AbCdEfGh1234",
    "%2F%00",
    "\ud83d\ude00" * 10,
]
HOSTILE_NUMBERS = [0, -1, 2**63, -(2**63), 1.5, float("1e308")]


def value_for(shapes: Mapping[str, Any], name: str, rng: random.Random, depth: int = 0) -> Any:
    """A value that is often of the right type and often not, sometimes hostile."""
    shape = shapes[name]
    roll = rng.random()
    if roll < 0.1:
        return rng.choice([None, True, [], {}, "text", 7, -3.5])
    kind = shape["type"]
    if kind == "structure":
        if depth > 3:
            return {}
        members = shape.get("members", {})
        chosen = [m for m in members if rng.random() < 0.6]
        return {m: value_for(shapes, members[m]["shape"], rng, depth + 1) for m in chosen}
    if kind == "list":
        return [
            value_for(shapes, shape["member"]["shape"], rng, depth + 1)
            for _ in range(rng.choice([0, 1, 2, 60]))
        ]
    if kind == "map":
        return {
            rng.choice([*HOSTILE_STRINGS[:6], "k", "aws:reserved"]): value_for(
                shapes, shape["value"]["shape"], rng, depth + 1
            )
            for _ in range(rng.choice([0, 1, 3, 55]))
        }
    if kind == "string":
        enum = shape.get("enum")
        if enum and roll < 0.6:
            return rng.choice(enum)
        return rng.choice(HOSTILE_STRINGS)
    if kind in ("integer", "long", "float", "double"):
        return rng.choice([*HOSTILE_NUMBERS, shape.get("min", 1), shape.get("max", 100)])
    if kind == "boolean":
        return rng.choice([True, False, "true"])
    return rng.choice(HOSTILE_STRINGS)


def body_for(service: str, operation: str, rng: random.Random) -> bytes:
    spec = service_spec(service)
    op = spec.operations[operation]
    shapes = spec.shapes
    document: dict[str, Any] = {}
    for member in op.input_members:
        if rng.random() < 0.7:
            document[member.name] = value_for(shapes, member.shape, rng)
    roll = rng.random()
    if roll < 0.05:
        return b"{not json"
    if roll < 0.08:
        return b"[]"
    return json.dumps(document).encode()


def path_for(service: str, operation: str, rng: random.Random) -> tuple[str, str]:
    op = service_spec(service).operations[operation]
    path = op.request_uri.split("?")[0]
    if "{" in path:
        path = path.replace("{resourceArn}", rng.choice(["arn%3Aaws%3Aivs%3Ax", "%00", "abc"]))
    query = "tagKeys=a&tagKeys=" if operation == "UntagResource" else ""
    return path, query


@pytest.mark.parametrize("service", SERVICES)
def test_hostile_requests_never_crash_or_half_write(ivs_mock: IvsMock, service: str) -> None:
    rng = random.Random(f"hostile-{service}")
    state = ivs_mock._state()
    options = ivs_mock.options
    for name in SERVICES:  # backends exist before the first request: snapshots compare contents
        ivs_mock.backend(name)
    for operation in sorted(service_spec(service).operations):
        for _ in range(25):
            path, query = path_for(service, operation, rng)
            request = HttpRequest(
                method=service_spec(service).operations[operation].method,
                path=path,
                query=query,
                headers={},
                body=body_for(service, operation, rng),
            )
            ivs_mock.backend(service).run_timers(state.clock.now())
            before = ivs_mock.snapshot()
            answer = dispatch(service, operation, request, state, options)
            assert 200 <= answer.status < 500, (operation, answer.status, answer.body[:300])
            if answer.status >= 400:
                assert json.loads(answer.body)["message"], (operation, answer.body)
                assert ivs_mock.snapshot() == before, f"{operation} changed state on an error"
