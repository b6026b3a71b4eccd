"""Answers of the server's own: errors (no route, bad HTTP, ivsmock failures), CORS preflights
and admin JSON.

Errors travel like the services' own — status, ``x-amzn-ErrorType`` and a JSON body with
``message`` — so every SDK turns them into its usual service exception, never an HTML page.
"""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

from ivsmock.core.wire_out import HttpAnswer, iso8601


def error_answer(status: int, code: str, message: str) -> HttpAnswer:
    headers = {
        "Content-Type": "application/json",
        "x-amzn-RequestId": str(uuid.uuid4()),
        "x-amzn-ErrorType": code,
    }
    return HttpAnswer(status, headers, json.dumps({"message": message}).encode())


def preflight(requested_headers: str | None) -> HttpAnswer:
    """A browser's CORS preflight: every origin may call, as IVS allows (``*``)."""
    headers = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, POST, DELETE",
        "Access-Control-Allow-Headers": requested_headers or "*",
        "Access-Control-Max-Age": "600",
    }
    return HttpAnswer(204, headers, b"")


def json_answer(document: Any, status: int = 200) -> HttpAnswer:
    return HttpAnswer(
        status,
        {"Content-Type": "application/json"},
        json.dumps(document, default=_jsonable, indent=1).encode(),
    )


def _jsonable(value: Any) -> Any:
    """What ``json`` cannot write itself: timestamps as the API writes them, sets as lists."""
    if isinstance(value, datetime.datetime):
        return iso8601(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
