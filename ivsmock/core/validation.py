"""Constraint checks compiled once per shape from the botocore model.

A compiled check is ``check(value, path, problems)``: it appends ``(path, rule)`` for every
constraint ``value`` breaks. The same compiler serves requests (values decoded from JSON, query
strings and headers) and, in strict mode, responses (``for_output=True``: timestamps are
``datetime`` objects and unknown members are reported, so a handler typo cannot hide).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from typing import Any

from ivsmock.core.errors import render_value

Problems = list[tuple[str, str]]
Check = Callable[[Any, str, Problems], None]
Shapes = Mapping[str, Mapping[str, Any]]

_PATTERN_CACHE: dict[str, Any] = {}


def _pattern(source: str) -> Any:
    compiled = _PATTERN_CACHE.get(source)
    if compiled is None:
        # The model's patterns are Java regexes, not anchored: search, not match. The standard
        # `re` is faster and takes most of them; `regex` takes the Unicode classes (\p{L} ...).
        if "\\p{" in source:
            import regex  # only when needed: keeps `import ivsmock` cheap

            compiled = regex.compile(source)
        else:
            compiled = re.compile(source)
        _PATTERN_CACHE[source] = compiled
    return compiled


def _rule(value: Any, path: str, text: str) -> str:
    shown = "null" if value is None else f"'{render_value(value)}'"
    return f"Value {shown} at '{path}' failed to satisfy constraint: Member must {text}"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class Compiler:
    """Compiles the shapes of one service; ``pattern_overrides`` and ``empty_enums`` (enum shapes
    whose outputs may be ``""``) fix known model quirks."""

    def __init__(
        self,
        shapes: Shapes,
        pattern_overrides: Mapping[str, str],
        for_output: bool,
        empty_enums: frozenset[str] = frozenset(),
    ) -> None:
        self._shapes = shapes
        self._pattern_overrides = pattern_overrides
        self._for_output = for_output
        self._empty_enums = empty_enums
        self._compiled: dict[str, Check] = {}

    def compile(self, shape_name: str) -> Check:
        existing = self._compiled.get(shape_name)
        if existing is not None:
            return existing

        # A forward reference lets recursive shapes compile.
        def forward(value: Any, path: str, problems: Problems) -> None:
            built(value, path, problems)

        self._compiled[shape_name] = forward
        built = self._build(shape_name)
        self._compiled[shape_name] = built
        return built

    def _build(self, shape_name: str) -> Check:
        shape = self._shapes[shape_name]
        kind = shape["type"]
        if kind == "structure":
            return self._structure(shape)
        if kind == "list":
            return self._list(shape)
        if kind == "map":
            return self._map(shape)
        if kind == "string":
            return self._string(shape_name, shape)
        if kind in ("integer", "long"):
            return self._number(shape, (int,), "integer")
        if kind in ("float", "double"):
            return self._number(shape, (int, float), "number")
        if kind == "boolean":
            return _typed(bool, "boolean")
        if kind == "timestamp":
            return self._timestamp()
        if kind == "blob":
            return _typed((str, bytes), "blob")
        raise ValueError(f"shape type {kind!r} of {shape_name} is not supported")

    def _structure(self, shape: Mapping[str, Any]) -> Check:
        members = {name: self.compile(ref["shape"]) for name, ref in shape["members"].items()}
        required = tuple(shape.get("required", ()))
        is_union = bool(shape.get("union"))
        for_output = self._for_output

        def check(value: Any, path: str, problems: Problems) -> None:
            if not isinstance(value, dict):
                problems.append((path, _rule(value, path, "be a structure")))
                return
            for name in required:
                if value.get(name) is None:
                    problems.append(
                        (_join(path, name), _rule(None, _join(path, name), "not be null"))
                    )
            for name, item in value.items():
                member = members.get(name)
                if member is None:
                    if for_output:
                        problems.append(
                            (_join(path, name), f"'{_join(path, name)}' is not modelled")
                        )
                    continue
                if item is not None:
                    member(item, _join(path, name), problems)
            if is_union and sum(1 for item in value.values() if item is not None) != 1:
                problems.append((path, _rule(None, path, "have exactly one member set")))

        return check

    def _list(self, shape: Mapping[str, Any]) -> Check:
        item_check = self.compile(shape["member"]["shape"])
        low, high = shape.get("min"), shape.get("max")

        def check(value: Any, path: str, problems: Problems) -> None:
            if not isinstance(value, list):
                problems.append((path, _rule(value, path, "be a list")))
                return
            _check_size(len(value), value, path, low, high, problems)
            for index, item in enumerate(value):
                item_check(item, f"{path}.{index + 1}.member", problems)

        return check

    def _map(self, shape: Mapping[str, Any]) -> Check:
        key_check = self.compile(shape["key"]["shape"])
        value_check = self.compile(shape["value"]["shape"])
        low, high = shape.get("min"), shape.get("max")

        def check(value: Any, path: str, problems: Problems) -> None:
            if not isinstance(value, dict):
                problems.append((path, _rule(value, path, "be a map")))
                return
            _check_size(len(value), value, path, low, high, problems)
            for key, item in value.items():
                key_check(key, f"{path}.key", problems)
                if item is None:
                    problems.append((f"{path}.{key}", _rule(None, f"{path}.{key}", "not be null")))
                else:
                    value_check(item, f"{path}.{key}", problems)

        return check

    def _string(self, shape_name: str, shape: Mapping[str, Any]) -> Check:
        low, high = shape.get("min"), shape.get("max")
        enum = frozenset(shape.get("enum", ()))
        enum_text = "[" + ", ".join(shape.get("enum", ())) + "]"
        source = self._pattern_overrides.get(shape_name, shape.get("pattern"))
        compiled = _pattern(source) if source else None
        allow_empty = self._for_output and shape_name in self._empty_enums

        def check(value: Any, path: str, problems: Problems) -> None:
            if not isinstance(value, str):
                problems.append((path, _rule(value, path, "be a string")))
                return
            if low is not None and len(value) < low:
                problems.append(
                    (path, _rule(value, path, f"have length greater than or equal to {low}"))
                )
            if high is not None and len(value) > high:
                problems.append(
                    (path, _rule(value, path, f"have length less than or equal to {high}"))
                )
            if enum and value not in enum and not (allow_empty and value == ""):
                problems.append((path, _rule(value, path, f"satisfy enum value set: {enum_text}")))
            if compiled is not None and compiled.search(value) is None:
                problems.append(
                    (path, _rule(value, path, f"satisfy regular expression pattern: {source}"))
                )

        return check

    def _number(self, shape: Mapping[str, Any], types: tuple[type, ...], name: str) -> Check:
        low, high = shape.get("min"), shape.get("max")

        def check(value: Any, path: str, problems: Problems) -> None:
            if isinstance(value, bool) or not isinstance(value, types):
                problems.append((path, _rule(value, path, f"be of type {name}")))
                return
            if low is not None and value < low:
                problems.append(
                    (path, _rule(value, path, f"have value greater than or equal to {low}"))
                )
            if high is not None and value > high:
                problems.append(
                    (path, _rule(value, path, f"have value less than or equal to {high}"))
                )

        return check

    def _timestamp(self) -> Check:
        accepted: tuple[type, ...] = (
            (datetime.datetime,) if self._for_output else (str, int, float, datetime.datetime)
        )
        return _typed(accepted, "timestamp")


def _typed(types: type | tuple[type, ...], name: str) -> Check:
    def check(value: Any, path: str, problems: Problems) -> None:
        if not isinstance(value, types) or (name != "boolean" and isinstance(value, bool)):
            problems.append((path, _rule(value, path, f"be of type {name}")))

    return check


def _check_size(
    size: int, value: Any, path: str, low: int | None, high: int | None, problems: Problems
) -> None:
    if low is not None and size < low:
        problems.append((path, _rule(value, path, f"have length greater than or equal to {low}")))
    if high is not None and size > high:
        problems.append((path, _rule(value, path, f"have length less than or equal to {high}")))
