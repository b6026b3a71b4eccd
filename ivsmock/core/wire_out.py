"""Operation result or error -> HTTP response, by the output and error shapes of the model."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from typing import Any

import orjson

from ivsmock.core.errors import ServiceError
from ivsmock.core.ids import random_bits
from ivsmock.core.model import ErrorSpec, OperationSpec, ServiceSpec

# What IVS sends on every response (values printed by the AWS CLI); the model binds them to
# output members of some operations and of every ivs/ivs-realtime error.
SECURITY_HEADERS: dict[str, str] = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": (
        "Access-Control-Allow-Origin,Access-Control-Expose-Headers,Cache-Control,Content-Length,"
        "Content-Security-Policy,Content-Type,date,Strict-Transport-Security,x-amz-apigw-id,"
        "x-amzn-errormessage,x-amzn-errortype,x-amzn-requestid,x-amzn-trace-id,"
        "X-Content-Type-Options,X-Frame-Options"
    ),
    "Cache-Control": "no-store, no-cache",
    "Content-Security-Policy": "default-src 'self'; upgrade-insecure-requests;",
    "Strict-Transport-Security": "max-age:47304000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


@dataclass
class HttpAnswer:
    status: int
    headers: dict[str, str]
    body: bytes


def iso8601(moment: datetime.datetime) -> str:
    """ISO-8601 in UTC with milliseconds, the form IVS returns (``2023-11-01T06:25:37.123Z``)."""
    utc = moment.astimezone(datetime.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return iso8601(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _request_id_prefix() -> str:
    text = f"{random_bits(80):020x}"
    variant = "89ab"[int(text[16], 16) & 3]
    return f"{text[:8]}-{text[8:12]}-4{text[13:16]}-{variant}{text[17:20]}-"


# Request ids look like version-4 UUIDs: a random prefix per process and a counter in the last
# group, unique without drawing 128 random bits on every response.
_REQUEST_ID_PREFIX = _request_id_prefix()
_request_numbers = itertools.count(random_bits(40))


def _request_id() -> str:
    return f"{_REQUEST_ID_PREFIX}{next(_request_numbers) & 0xFFFFFFFFFFFF:012x}"


_JSON = {"Content-Type": "application/json"}
_IVS_HEADERS = {**_JSON, **SECURITY_HEADERS}


def _base_headers(service: str) -> dict[str, str]:
    headers = dict(_JSON if service == "ivschat" else _IVS_HEADERS)
    headers["x-amzn-RequestId"] = _request_id()
    return headers


def serialize_result(spec: OperationSpec, result: dict[str, Any] | None) -> HttpAnswer:
    headers = _base_headers(spec.service)
    if not spec.has_output or spec.status == 204:
        return HttpAnswer(spec.status, headers, b"")
    body = result or {}
    if spec.output_headers and any(m.name in body for m in spec.output_headers):
        for member in spec.output_headers:
            value = body.get(member.name)
            if value is not None:
                headers[member.wire_name] = str(value)
        body = {m.name: body[m.name] for m in spec.output_body if m.name in body}
    if spec.output_has_timestamps:
        body = _plain(body)
    return HttpAnswer(spec.status, headers, orjson.dumps(body))


def serialize_error(service: ServiceSpec, error: ServiceError) -> HttpAnswer:
    shape: ErrorSpec | None = service.errors.get(error.code)
    headers = _base_headers(service.name)
    headers["x-amzn-ErrorType"] = error.code
    status = shape.status if shape is not None else (error.status or 400)
    body: dict[str, Any] = {"message": error.message}
    if shape is not None:
        body[shape.message_member] = error.message
        for name, value in shape.fixed_members:
            body[name] = value
        for name, value in error.members.items():
            if name in shape.body_members and value is not None:
                body[name] = value
        if "fieldList" in body and not body["fieldList"]:
            del body["fieldList"]
    return HttpAnswer(status, headers, orjson.dumps(body))
