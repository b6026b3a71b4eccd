"""HTTP request -> operation input, by the operation's input shape.

Labels come URL-decoded from the path, query-string members (lists included) and header members
are converted to their shape's type, and body members come from the JSON document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote

import orjson

from ivsmock.core.errors import ServiceError, render_value, validation_error
from ivsmock.core.model import Member, OperationSpec


class Headers(Protocol):
    """Read access to request headers; names are looked up lower-cased."""

    def get(self, name: str, default: Any = None) -> Any: ...


@dataclass
class HttpRequest:
    method: str
    path: str  # raw, still percent-encoded
    query: str
    headers: Headers | dict[str, str]  # a dict must have lower-cased names
    body: bytes


def _convert(member: Member, kind: str, raw: str, problems: list[tuple[str, str]]) -> Any:
    if kind in ("integer", "long"):
        try:
            return int(raw)
        except ValueError:
            problems.append((member.name, _type_rule(member.name, raw, "integer")))
            return None
    if kind in ("float", "double"):
        try:
            return float(raw)
        except ValueError:
            problems.append((member.name, _type_rule(member.name, raw, "number")))
            return None
    if kind == "boolean":
        if raw in ("true", "false"):
            return raw == "true"
        problems.append((member.name, _type_rule(member.name, raw, "boolean")))
        return None
    return raw


def _type_rule(path: str, raw: str, kind: str) -> str:
    return (
        f"Value '{render_value(raw)}' at '{path}' failed to satisfy constraint: "
        f"Member must be of type {kind}"
    )


def parse_request(spec: OperationSpec, request: HttpRequest) -> dict[str, Any]:
    """The operation's input as a dict; undecodable input is a ValidationException."""
    params: dict[str, Any] = {}
    if spec.has_body_input and request.body:
        try:
            document = orjson.loads(request.body)
        except orjson.JSONDecodeError as exc:
            raise ServiceError(
                "ValidationException",
                f"The request body is not valid JSON: {exc}",
                reason="OTHER",
            ) from None
        if not isinstance(document, dict):
            raise ServiceError(
                "ValidationException",
                "The request body must be a JSON object",
                reason="OTHER",
            )
        params = document
    elif spec.has_body_input:
        params = {}

    located = [m for m in spec.input_members if m.location != "body"]
    if not located:
        return params
    params = dict(params)
    problems: list[tuple[str, str]] = []
    labels = None
    query = None
    for member in located:
        if member.location == "uri":
            if labels is None:
                found = spec.path_regex.match(request.path)
                labels = found.groupdict() if found else {}
            raw = labels.get(member.wire_name)
            if raw is not None:
                params[member.name] = _convert(member, member.kind, unquote(raw), problems)
        elif member.location == "querystring":
            if query is None:
                query = parse_qs(request.query, keep_blank_values=True)
            values = query.get(member.wire_name)
            if values is None:
                continue
            if member.kind == "list":
                params[member.name] = [
                    _convert(member, member.item_kind, value, problems) for value in values
                ]
            else:
                params[member.name] = _convert(member, member.kind, values[0], problems)
        elif member.location == "header":
            header = request.headers.get(member.wire_name.lower())
            if header is not None:
                params[member.name] = _convert(member, member.kind, header, problems)
    if problems:
        raise validation_error(problems)
    return params
