"""Requests that pass the model's checks but probe the semantics: every operation of every
service, fed values within the model's constraints (boundary lengths, odd characters, ARNs of
resources that exist, that existed, and that never did), in a seeded random order.

Every answer must be a response whose errors the operation models (strict mode checks that), and
a refused request must leave the state exactly as it was.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from typing import Any

import pytest

from ivsmock import IvsMock
from ivsmock.core.dispatch import dispatch
from ivsmock.core.model import SERVICES, OperationSpec, service_spec
from ivsmock.core.validation import _pattern
from ivsmock.core.wire_in import HttpRequest

ACCOUNT, REGION = "123456789012", "us-east-1"
ODD_TEXT = ["a", "Z9", "-_", "ünï cödé", "x" * 40, "with space", "a.b:c/d=e+f-g@h"]
ARN_TYPE = re.compile(r":([a-z-]+)/\[")
PEM = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEnotarealkeyatallAAAAAAAAAAAAAAAAAAAA\n"
    "-----END PUBLIC KEY-----\n"
)


class Generator:
    def __init__(self, service: str, rng: random.Random) -> None:
        self.spec = service_spec(service)
        self.rng = rng
        self.arns: list[str] = []  # seen in answers: existing (or deleted) resources
        self.service = service

    def remember(self, document: Any) -> None:
        if isinstance(document, str) and document.startswith("arn:aws:"):
            self.arns.append(document)
        elif isinstance(document, dict):
            for item in document.values():
                self.remember(item)
        elif isinstance(document, list):
            for item in document:
                self.remember(item)

    def value(self, name: str, depth: int = 0) -> Any:
        shape = self.spec.shapes[name]
        kind = shape["type"]
        rng = self.rng
        if kind == "structure":
            members = shape.get("members", {})
            required = set(shape.get("required", ()))
            chosen = [m for m in members if m in required or rng.random() < 0.5]
            if shape.get("union"):
                chosen = [rng.choice(list(members))]
            return {m: self.value(members[m]["shape"], depth + 1) for m in chosen}
        if kind == "list":
            low, high = shape.get("min", 0), min(shape.get("max", 3), 3)
            return [
                self.value(shape["member"]["shape"], depth + 1)
                for _ in range(rng.randint(low, max(low, high)))
            ]
        if kind == "map":
            low, high = shape.get("min", 0), min(shape.get("max", 3), 3)
            size = rng.randint(low, max(low, high))
            return {
                f"{self.value(shape['key']['shape'], depth + 1)}{i}": self.value(
                    shape["value"]["shape"], depth + 1
                )
                for i in range(size)
            }
        if kind in ("integer", "long"):
            low, high = shape.get("min", 0), shape.get("max", 1000)
            return rng.choice([low, high, rng.randint(low, high)])
        if kind in ("float", "double"):
            low, high = shape.get("min", 0), shape.get("max", 1000)
            return rng.choice([low, high, rng.uniform(low, high)])
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "timestamp":
            return "2026-01-01T00:00:00Z"
        return self.string(name, shape)

    def string(self, name: str, shape: dict[str, Any]) -> str:
        rng = self.rng
        if "enum" in shape:
            return str(rng.choice(shape["enum"]))
        low, high = shape.get("min", 0), shape.get("max", 64)
        pattern = shape.get("pattern")
        for candidate in self._candidates(pattern, low, high):
            if low <= len(candidate) <= high and (
                pattern is None or _pattern(pattern).search(candidate) is not None
            ):
                return candidate
        return "a" * max(low, 1)

    def _candidates(self, pattern: str | None, low: int, high: int) -> Iterator[str]:
        rng = self.rng
        if pattern and "arn:aws" in pattern:
            if self.arns and rng.random() < 0.6:
                yield rng.choice(self.arns)
            found = ARN_TYPE.search(pattern)
            kind = found.group(1) if found else "channel"
            prefix = "ivschat" if "ivschat" in pattern else "ivs"
            yield f"arn:aws:{prefix}:{REGION}:{ACCOUNT}:{kind}/{rng.choice(['AbCdEfGh1234', 'zz'])}"
            if "^$" in pattern:
                yield ""
        if pattern and "BEGIN PUBLIC KEY" in pattern:
            yield PEM
        if pattern and pattern.startswith("st-"):
            yield "st-" + "a1B2c3D4e5F6g"
        yield rng.choice(ODD_TEXT)
        yield "a" * rng.choice([max(low, 1), min(high, 128)])
        yield "".join(
            rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(max(low, 12))
        )

    def request(self, op: OperationSpec) -> HttpRequest:
        document: dict[str, Any] = {}
        path = op.request_uri.split("?")[0]
        query = ""
        input_shape = self.spec.shapes.get(f"{op.name}Request", {})
        required = set(input_shape.get("required", ()))
        for member in op.input_members:
            if member.name not in required and self.rng.random() < 0.5:
                continue
            value = self.value(member.shape)
            if member.location == "uri":
                path = path.replace("{" + member.wire_name + "}", _quote(str(value)))
            elif member.location == "querystring":
                items = value if isinstance(value, list) else [value]
                query = "&".join(f"{member.wire_name}={_quote(str(item))}" for item in items)
            else:
                document[member.name] = value
        return HttpRequest(op.method, path, query, {}, json.dumps(document).encode())


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


@pytest.mark.parametrize("service", SERVICES)
def test_valid_but_odd_requests_keep_their_promises(ivs_mock: IvsMock, service: str) -> None:
    rng = random.Random(f"odd-{service}")
    generator = Generator(service, rng)
    state, options = ivs_mock._state(), ivs_mock.options
    for other in SERVICES:  # backends exist before the first request: snapshots compare contents
        ivs_mock.backend(other)
    operations = sorted(service_spec(service).operations)
    statuses: dict[int, int] = {}
    for _ in range(40 * len(operations)):
        name = rng.choice(operations)
        op = service_spec(service).operations[name]
        # What AWS does by itself (timers) may happen at any call; settle it first.
        backend = ivs_mock.backend(service)
        backend.run_timers(state.clock.now())
        before = ivs_mock.snapshot()
        answer = dispatch(service, name, generator.request(op), state, options)
        statuses[answer.status] = statuses.get(answer.status, 0) + 1
        assert answer.status < 500, (name, answer.status, answer.body[:300])
        if answer.status >= 400:
            assert json.loads(answer.body)["message"], (name, answer.body)
            assert ivs_mock.snapshot() == before, f"{name} changed state and then failed"
        elif answer.body:
            generator.remember(json.loads(answer.body))
    # The generator must reach the semantics, not only the model's checks.
    assert statuses.get(200, 0) + statuses.get(204, 0) > len(operations), statuses
