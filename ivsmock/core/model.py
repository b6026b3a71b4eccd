"""What the botocore model says about each operation, derived once per service and cached.

Nothing here knows any one operation: routes, member locations, constraints, status codes,
output shapes and error shapes all come from the JSON model that botocore ships.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ivsmock.core.names import SERVICES
from ivsmock.core.validation import Check, Compiler

__all__ = ["SERVICES", "OperationSpec", "ServiceSpec", "model_operations", "service_spec"]

# Model quirks (see docs/errors-and-validation.md): the tag operations' ResourceArn pattern has
# `[a-z-]` where `[a-z-]+` is meant, so it matches no real ARN. We check the evident intent.
PATTERN_OVERRIDES: dict[str, dict[str, str]] = {
    "ivs": {"ResourceArn": r"^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$"},
    "ivs-realtime": {"ResourceArn": r"^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$"},
    "ivschat": {"ResourceArn": r"^arn:aws:ivschat:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$"},
}


# Model quirk: IVS answers "" for an unset enum (a channel's `preset` on BASIC and STANDARD
# channels, as the model's own documentation says), a value the enum does not list.
EMPTY_ENUM_OUTPUTS: dict[str, frozenset[str]] = {"ivs": frozenset({"TranscodePreset"})}


@dataclass(frozen=True)
class Member:
    name: str
    shape: str
    kind: str  # the target shape's type: string, integer, list, ...
    location: str  # body, uri, querystring or header
    wire_name: str
    item_kind: str = ""  # for lists: the member shape's type


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    status: int
    message_member: str  # "exceptionMessage" (ivs, ivs-realtime) or "message" (ivschat)
    body_members: frozenset[str]
    header_members: tuple[tuple[str, str], ...]  # (member, header name)
    # Required members whose enum allows one value (ivschat's resourceType "ROOM"): the model
    # says what they are, so errors need not.
    fixed_members: tuple[tuple[str, str], ...] = ()


@dataclass
class OperationSpec:
    service: str
    name: str
    method: str
    request_uri: str
    path_regex: re.Pattern[str]
    status: int
    errors: frozenset[str]
    input_members: tuple[Member, ...]
    output_body: tuple[Member, ...]
    output_headers: tuple[Member, ...]
    output_has_timestamps: bool
    validate_input: Check
    validate_output: Check | None
    has_output: bool
    has_body_input: bool
    idempotency_members: tuple[str, ...] = field(default_factory=tuple)


@dataclass
class ServiceSpec:
    name: str
    shapes: Mapping[str, Mapping[str, Any]]
    operations: dict[str, OperationSpec]
    errors: dict[str, ErrorSpec]
    routes: tuple[tuple[str, re.Pattern[str], str], ...]  # (method, path regex, operation)
    target_prefix: str  # what ARNs of this service start with


def _path_regex(request_uri: str) -> re.Pattern[str]:
    path = request_uri.split("?", 1)[0]
    pattern = ""
    for piece in re.split(r"(\{[^}]+\})", path):
        if piece.startswith("{"):
            name = piece[1:-1]
            greedy = name.endswith("+")
            name = name.rstrip("+")
            pattern += f"(?P<{name}>{'.+' if greedy else '[^/]+'})"
        else:
            pattern += re.escape(piece)
    return re.compile(f"^{pattern}$")


def _members(shapes: Mapping[str, Mapping[str, Any]], shape_name: str | None) -> tuple[Member, ...]:
    if shape_name is None:
        return ()
    result = []
    for name, ref in shapes[shape_name].get("members", {}).items():
        target = shapes[ref["shape"]]
        item_kind = shapes[target["member"]["shape"]]["type"] if target["type"] == "list" else ""
        result.append(
            Member(
                name=name,
                shape=ref["shape"],
                kind=target["type"],
                location=ref.get("location", "body"),
                wire_name=ref.get("locationName", name),
                item_kind=item_kind,
            )
        )
    return tuple(result)


def _has_timestamps(
    shapes: Mapping[str, Mapping[str, Any]], shape_name: str, seen: set[str]
) -> bool:
    if shape_name in seen:
        return False
    seen.add(shape_name)
    shape = shapes[shape_name]
    kind = shape["type"]
    if kind == "timestamp":
        return True
    if kind == "structure":
        return any(_has_timestamps(shapes, m["shape"], seen) for m in shape["members"].values())
    if kind == "list":
        return _has_timestamps(shapes, shape["member"]["shape"], seen)
    if kind == "map":
        return _has_timestamps(shapes, shape["value"]["shape"], seen)
    return False


def _build(name: str) -> ServiceSpec:
    from botocore.loaders import create_loader

    model = create_loader().load_service_model(name, "service-2")
    shapes = model["shapes"]
    overrides = PATTERN_OVERRIDES.get(name, {})
    inputs = Compiler(shapes, overrides, for_output=False)
    outputs = Compiler(
        shapes, overrides, for_output=True, empty_enums=EMPTY_ENUM_OUTPUTS.get(name, frozenset())
    )

    errors: dict[str, ErrorSpec] = {}
    for shape_name, shape in shapes.items():
        if not shape.get("exception"):
            continue
        members = shape.get("members", {})
        body = frozenset(m for m, ref in members.items() if "location" not in ref)
        headers = tuple(
            (m, ref["locationName"])
            for m, ref in members.items()
            if ref.get("location") == "header"
        )
        message_member = "exceptionMessage" if "exceptionMessage" in body else "message"
        code = shape.get("error", {}).get("code", shape_name)
        fixed = tuple(
            (m, enum[0])
            for m in shape.get("required", ())
            if m in body and len(enum := shapes[members[m]["shape"]].get("enum", ())) == 1
        )
        errors[code] = ErrorSpec(
            code=code,
            status=int(shape.get("error", {}).get("httpStatusCode", 400)),
            message_member=message_member,
            body_members=body,
            header_members=headers,
            fixed_members=fixed,
        )

    operations: dict[str, OperationSpec] = {}
    routes = []
    for op_name, op in model["operations"].items():
        http = op["http"]
        input_shape = op.get("input", {}).get("shape")
        output_shape = op.get("output", {}).get("shape")
        input_members = _members(shapes, input_shape)
        output_members = _members(shapes, output_shape)
        spec = OperationSpec(
            service=name,
            name=op_name,
            method=http["method"],
            request_uri=http["requestUri"],
            path_regex=_path_regex(http["requestUri"]),
            status=int(http.get("responseCode", 200)),
            errors=frozenset(e["shape"] for e in op.get("errors", ())),
            input_members=input_members,
            output_body=tuple(m for m in output_members if m.location == "body"),
            output_headers=tuple(m for m in output_members if m.location == "header"),
            output_has_timestamps=bool(output_shape)
            and _has_timestamps(shapes, output_shape, set()),
            validate_input=inputs.compile(input_shape) if input_shape else _accept,
            validate_output=outputs.compile(output_shape) if output_shape else None,
            has_output=output_shape is not None,
            has_body_input=any(m.location == "body" for m in input_members),
            idempotency_members=tuple(
                m
                for m, ref in (shapes[input_shape]["members"].items() if input_shape else ())
                if ref.get("idempotencyToken")
            ),
        )
        operations[op_name] = spec
        routes.append((spec.method, spec.path_regex, op_name))

    prefix = "arn:aws:ivschat:" if name == "ivschat" else "arn:aws:ivs:"
    return ServiceSpec(
        name=name,
        shapes=shapes,
        operations=operations,
        errors=errors,
        routes=tuple(routes),
        target_prefix=prefix,
    )


def _accept(value: Any, path: str, problems: list[tuple[str, str]]) -> None:
    return None


_SPECS: dict[str, ServiceSpec] = {}
_LOCK = threading.Lock()


def service_spec(name: str) -> ServiceSpec:
    """The derived spec of one service, built on first use (model loading is not free)."""
    spec = _SPECS.get(name)
    if spec is None:
        with _LOCK:
            spec = _SPECS.get(name)
            if spec is None:
                spec = _build(name)
                _SPECS[name] = spec
    return spec


def model_operations(name: str) -> list[str]:
    return sorted(service_spec(name).operations)
