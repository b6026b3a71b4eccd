"""Plain HTTP requests to a server, for what no SDK would send (bad JSON, huge bodies, ...)."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

# What botocore's signer would put in front: the credential scope names account and region.
AUTH = (
    "AWS4-HMAC-SHA256 Credential={key}/20260101/{region}/{scope}/aws4_request, "
    "SignedHeaders=host;x-amz-date, Signature=0000"
)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes
    header_lines: list[tuple[str, str]] = field(default_factory=list)  # as sent, repeats too

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def code(self) -> str | None:
        return self.headers.get("x-amzn-errortype")


def send(
    url: str,
    method: str,
    path: str,
    body: bytes | str | dict[str, Any] | None = None,
    *,
    headers: dict[str, str] | None = None,
    scope: str | None = None,
    key: str = "123456789012",
    region: str = "us-east-1",
) -> Reply:
    """One request; a dict body goes as JSON with Content-Type: application/json."""
    all_headers = dict(headers or {})
    if isinstance(body, dict):
        body = json.dumps(body)
        all_headers.setdefault("Content-Type", "application/json")
    if isinstance(body, str):
        body = body.encode()
    if scope is not None:
        all_headers["Authorization"] = AUTH.format(key=key, region=region, scope=scope)
    host_port = url.split("://", 1)[1]
    connection = http.client.HTTPConnection(host_port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        lines = response.getheaders()
        headers = {name.lower(): value for name, value in lines}
        return Reply(response.status, headers, response.read(), lines)
    finally:
        connection.close()


def tag_path(arn: str) -> str:
    """``/tags/<arn>`` with the ARN encoded as the SDKs do (``:`` and ``/`` too)."""
    return "/tags/" + quote(arn, safe="")
