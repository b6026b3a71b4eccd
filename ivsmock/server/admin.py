"""The reserved admin paths under ``/_ivsmock/``: health, state, reset, snapshots, calls, faults."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import ivsmock
from ivsmock.core.model import SERVICES
from ivsmock.core.registry import MockState
from ivsmock.core.wire_out import HttpAnswer
from ivsmock.server.answers import error_answer, json_answer

ADMIN_PREFIX = "/_ivsmock/"


def dump_state(state: MockState) -> dict[str, Any]:
    """Every stored resource, as its Get would describe it:
    ``{"accounts": {account: {region: {service: {resource type: [resource, ...]}}}}}``."""
    accounts: dict[str, Any] = {}
    for region_state in sorted(state.regions(), key=lambda r: (r.account, r.region)):
        services: dict[str, Any] = {}
        # The region's lock: a dump never shows a half-made resource.
        with region_state.lock:
            for service, backend in sorted(region_state.backends().items()):
                services[service] = {
                    store.resource_type: [resource.describe() for resource in store.values()]
                    for store in backend.stores()
                }
        accounts.setdefault(region_state.account, {})[region_state.region] = services
    return {"accounts": accounts}


Path = tuple[str, str]  # (name, method)


class Admin:
    """Answers ``/_ivsmock/<name>``; ``reset`` replaces the server's state through a callback."""

    def __init__(self, get_state: Callable[[], MockState], reset: Callable[[], None]) -> None:
        self._get_state = get_state
        self._reset = reset
        self._paths: dict[Path, tuple[Callable[[bytes], HttpAnswer], str]] = {
            ("health", "GET"): (self._health, "is the server up, and what does it serve"),
            ("state", "GET"): (self._state, "every stored resource as JSON"),
            ("reset", "POST"): (
                self._do_reset,
                "forget every resource of every account and region",
            ),
            ("snapshot", "GET"): (
                self._snapshot,
                "the whole state as a snapshot (docs/snapshots.md)",
            ),
            ("snapshot", "POST"): (self._restore, "replace the whole state with a snapshot"),
            ("calls", "GET"): (self._calls, "the calls answered so far, in order"),
            ("calls", "DELETE"): (self._clear_calls, "forget the call records"),
            ("faults", "POST"): (self._add_fault, "add a fault rule (docs/faults.md)"),
            ("faults", "DELETE"): (self._clear_faults, "remove every fault rule"),
        }

    def handle(self, method: str, path: str, body: bytes = b"") -> HttpAnswer:
        name = path[len(ADMIN_PREFIX) :].strip("/")
        if not name and method == "GET":
            return json_answer(
                {f"{m} {ADMIN_PREFIX}{n}": what for (n, m), (_, what) in self._paths.items()}
            )
        methods = [m for (n, m) in self._paths if n == name]
        if not methods:
            return error_answer(
                404, "UnknownOperationException", f"No admin path {path}; {self._menu()}"
            )
        found = self._paths.get((name, method))
        if found is None:
            return error_answer(
                405,
                "MethodNotAllowedException",
                f"{method} is not allowed on {path}; use {' or '.join(methods)}",
            )
        try:
            return found[0](body)
        except (ValueError, TypeError, KeyError) as exc:
            return error_answer(400, "ValidationException", f"{method} {path}: {exc}")

    def _menu(self) -> str:
        paths = ", ".join(
            f"{method} {ADMIN_PREFIX}{name} ({what})"
            for (name, method), (_, what) in self._paths.items()
        )
        return f"the admin paths are: {paths}"

    def _health(self, _: bytes) -> HttpAnswer:
        return json_answer(
            {"status": "ok", "services": list(SERVICES), "version": ivsmock.__version__}
        )

    def _state(self, _: bytes) -> HttpAnswer:
        return json_answer(dump_state(self._get_state()))

    def _do_reset(self, _: bytes) -> HttpAnswer:
        self._reset()
        return json_answer({"reset": True})

    def _snapshot(self, _: bytes) -> HttpAnswer:
        from ivsmock.snapshots import dump_state as snapshot

        return json_answer(snapshot(self._get_state()))

    def _restore(self, body: bytes) -> HttpAnswer:
        from ivsmock.snapshots import load_state

        load_state(self._get_state(), _document(body))
        return json_answer({"restored": True})

    def _calls(self, _: bytes) -> HttpAnswer:
        return json_answer(
            {"calls": [dataclasses.asdict(record) for record in self._get_state().calls]}
        )

    def _clear_calls(self, _: bytes) -> HttpAnswer:
        self._get_state().calls.clear()
        return json_answer({"cleared": True})

    def _add_fault(self, body: bytes) -> HttpAnswer:
        from ivsmock.faults import Faults

        rule = _document(body)
        kind = rule.pop("kind", "fail")
        faults = Faults(self._get_state().faults)
        adders: dict[str, Callable[..., Any]] = {
            "fail": faults.fail,
            "throttle": faults.throttle,
            "server_error": faults.server_error,
            "delay": faults.delay,
        }
        if kind not in adders:
            raise ValueError(f"kind must be one of {', '.join(adders)}; got {kind!r}")
        adders[kind](**rule)
        return json_answer({"added": kind})

    def _clear_faults(self, _: bytes) -> HttpAnswer:
        self._get_state().faults.clear()
        return json_answer({"cleared": True})


def _document(body: bytes) -> dict[str, Any]:
    try:
        document = json.loads(body or b"{}")
    except ValueError as exc:
        raise ValueError(f"the body is not JSON: {exc}") from None
    if not isinstance(document, dict):
        raise ValueError("the body must be a JSON object")
    return document
