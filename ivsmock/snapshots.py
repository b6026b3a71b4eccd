"""Snapshots: the whole state to JSON-compatible data and back, exactly.

Backends are plain objects whose attributes are ``ResourceStore``s (of dataclass resources) and
plain data (dicts, lists, sets, counters, datetimes, ivsmock's own objects). They are encoded
generically, with a few ``$``-tagged forms for what JSON lacks; an object met twice is written once
and referenced after, so shared objects stay shared. Loading rebuilds each backend with its
factory (indexes included) and refills it in the original order.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import enum
import importlib
import itertools
from typing import Any

from ivsmock.core.registry import MockState, RegionState
from ivsmock.core.store import ResourceStore

VERSION = 1
_SKIPPED = {"region_state", "account", "region"}


class SnapshotError(ValueError):
    """A state that cannot be written, or data that is not an ivsmock snapshot."""


def dump_state(state: MockState) -> dict[str, Any]:
    encoder = _Encoder()
    regions = []
    for region_state in sorted(state.regions(), key=lambda r: (r.account, r.region)):
        with region_state.lock:
            services = {
                name: encoder.backend(
                    backend, f"{region_state.account}/{region_state.region}/{name}"
                )
                for name, backend in sorted(region_state.backends().items())
            }
        regions.append(
            {"account": region_state.account, "region": region_state.region, "services": services}
        )
    frozen = state.clock.now() if state.clock.frozen else None
    return {
        "ivsmock_snapshot": VERSION,
        "clock": frozen.isoformat() if frozen is not None else None,
        "regions": regions,
    }


def load_state(state: MockState, snapshot: dict[str, Any]) -> None:
    if not isinstance(snapshot, dict) or snapshot.get("ivsmock_snapshot") != VERSION:
        raise SnapshotError(
            f"not an ivsmock snapshot of version {VERSION}: expected a mapping with "
            f"'ivsmock_snapshot': {VERSION}, as IvsMock.snapshot() returns"
        )
    from ivsmock.services import load_service

    decoder = _Decoder()
    decoder.prepare(snapshot["regions"])
    state.clear()
    for entry in snapshot["regions"]:
        region_state: RegionState = state.region(entry["account"], entry["region"])
        with region_state.lock:
            for service, attributes in entry["services"].items():
                load_service(service)
                backend = region_state.backend(service)
                for name, value in attributes.items():
                    current = getattr(backend, name, None)
                    if isinstance(current, ResourceStore):
                        for resource in decoder.value(value["$store"]):
                            current.add(resource)
                    else:
                        setattr(backend, name, decoder.value(value))
    if snapshot.get("clock"):
        state.clock.freeze(snapshot["clock"])
    else:
        state.clock.unfreeze()


class _Encoder:
    def __init__(self) -> None:
        self._seen: dict[int, int] = {}
        self._keep: list[Any] = []  # keeps ids stable while encoding

    def backend(self, backend: Any, where: str) -> dict[str, Any]:
        encoded: dict[str, Any] = {}
        for name, value in vars(backend).items():
            if name in _SKIPPED:
                continue
            path = f"{where}.{name}"
            if isinstance(value, ResourceStore):
                encoded[name] = {"$store": [self.value(r, path) for r in value.values()]}
            else:
                encoded[name] = self.value(value, path)
        return encoded

    def value(self, value: Any, path: str) -> Any:
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, datetime.datetime):
            return {"$datetime": value.isoformat()}
        if isinstance(value, enum.Enum):
            return {"$enum": _name(type(value)), "value": self.value(value.value, path)}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._object(value, _dataclass_fields(value), path)
        if type(value).__module__.startswith("ivsmock.") and hasattr(value, "__dict__"):
            return self._object(value, list(vars(value)), path)
        if isinstance(value, dict):
            if all(isinstance(k, str) and not k.startswith("$") for k in value):
                return {k: self.value(v, f"{path}.{k}") for k, v in value.items()}
            return {
                "$dict": [
                    [self.value(k, path), self.value(v, f"{path}[{k!r}]")] for k, v in value.items()
                ]
            }
        if isinstance(value, list):
            return [self.value(item, f"{path}[{i}]") for i, item in enumerate(value)]
        if isinstance(value, tuple):
            return {"$tuple": [self.value(item, path) for item in value]}
        if isinstance(value, (set, frozenset)):
            items = sorted((self.value(item, path) for item in value), key=repr)
            return {"$frozenset" if isinstance(value, frozenset) else "$set": items}
        if isinstance(value, bytes):
            return {"$bytes": base64.b64encode(value).decode()}
        if isinstance(value, itertools.count):
            # A counter's next value, read without advancing it.
            return {"$count": value.__reduce__()[1][0]}
        raise SnapshotError(f"cannot snapshot {type(value).__qualname__} at {path}")

    def _object(self, value: Any, names: list[str], path: str) -> Any:
        known = self._seen.get(id(value))
        if known is not None:
            return {"$ref": known}
        number = len(self._seen)
        self._seen[id(value)] = number
        self._keep.append(value)
        fields = {name: self.value(getattr(value, name), f"{path}.{name}") for name in names}
        return {"$object": _name(type(value)), "$id": number, "fields": fields}


class _Decoder:
    def __init__(self) -> None:
        self._objects: dict[int, Any] = {}

    def prepare(self, data: Any) -> None:
        """Make every object first, so references may come before definitions (sorted JSON)."""
        if isinstance(data, list):
            for item in data:
                self.prepare(item)
        elif isinstance(data, dict):
            if "$object" in data:
                cls = _resolve(data["$object"])
                if not isinstance(cls, type):
                    raise SnapshotError(f"{data['$object']} is not a class ivsmock can restore")
                self._objects[data["$id"]] = object.__new__(cls)
            for item in data.values():
                self.prepare(item)

    def value(self, data: Any) -> Any:
        if isinstance(data, list):
            return [self.value(item) for item in data]
        if not isinstance(data, dict):
            return data
        if "$object" in data:
            return self._object(data)
        if "$ref" in data:
            return self._objects[data["$ref"]]
        if "$datetime" in data:
            return datetime.datetime.fromisoformat(data["$datetime"])
        if "$enum" in data:
            return _resolve(data["$enum"])(self.value(data["value"]))
        if "$dict" in data:
            return {_hashable(self.value(k)): self.value(v) for k, v in data["$dict"]}
        if "$tuple" in data:
            return tuple(self.value(item) for item in data["$tuple"])
        if "$set" in data:
            return {_hashable(self.value(item)) for item in data["$set"]}
        if "$frozenset" in data:
            return frozenset(_hashable(self.value(item)) for item in data["$frozenset"])
        if "$bytes" in data:
            return base64.b64decode(data["$bytes"])
        if "$count" in data:
            return itertools.count(data["$count"])
        return {key: self.value(item) for key, item in data.items()}

    def _object(self, data: dict[str, Any]) -> Any:
        instance = self._objects[data["$id"]]
        for name, raw in data["fields"].items():
            object.__setattr__(instance, name, self.value(raw))
        if dataclasses.is_dataclass(instance):
            for field in dataclasses.fields(instance):
                if field.name.startswith("_"):
                    object.__setattr__(instance, field.name, _default(field))
        return instance


def _dataclass_fields(value: Any) -> list[str]:
    # Fields named with a leading underscore are caches: rebuilt, never written.
    return [field.name for field in dataclasses.fields(value) if not field.name.startswith("_")]


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return None if field.default is dataclasses.MISSING else field.default


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _resolve(name: str) -> Any:
    module_name, _, qualname = name.partition(":")
    if not module_name.startswith("ivsmock."):
        raise SnapshotError(f"snapshots only restore ivsmock's own types, not {name}")
    target: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target
