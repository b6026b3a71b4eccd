"""The WSGI application: HTTP request → route → the same ``dispatch`` in-process mocks use.

Whatever a request holds, the answer is JSON with a status: bad HTTP input gets a 4xx, an
operation ivsmock does not implement a 501, and an ivsmock bug a 500 with a one-line message
(the traceback goes to the ``ivsmock.server`` logger) — the server keeps serving.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Request

from ivsmock.core.dispatch import dispatch
from ivsmock.core.errors import NotImplementedOperationError
from ivsmock.core.options import MockOptions
from ivsmock.core.registry import MockState
from ivsmock.core.wire_in import HttpRequest
from ivsmock.core.wire_out import HttpAnswer
from ivsmock.server.admin import ADMIN_PREFIX, Admin
from ivsmock.server.answers import error_answer, preflight
from ivsmock.server.routing import RoutingError, shared_router

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

MAX_BODY_BYTES = 1024 * 1024
# What a body must be sent as, when it says; a body without Content-Type is read as JSON.
_JSON_TYPES = ("application/json", "application/x-amz-json-1.0", "application/x-amz-json-1.1")
_MAX_DETAIL = 200

log = logging.getLogger("ivsmock.server")


class IvsMockApp:
    """ivsmock's three services (and the admin paths) as one WSGI application."""

    def __init__(
        self,
        options: MockOptions | None = None,
        state: MockState | None = None,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        self.options = options or MockOptions()
        self.state = state or MockState()
        self.max_body_bytes = max_body_bytes
        self.router = shared_router()
        self.admin = Admin(lambda: self.state, self.reset)

    def reset(self) -> None:
        """Forget everything: requests from now on see an empty state."""
        self.state = MockState()

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            answer = self.answer(Request(environ))
        except Exception as exc:  # the last net: never a stack trace on the wire
            answer = _internal_error("the HTTP layer", exc)
        headers = [*answer.headers.items(), ("Content-Length", str(len(answer.body)))]
        if "Access-Control-Allow-Origin" not in answer.headers:
            headers.append(("Access-Control-Allow-Origin", "*"))
        start_response(f"{answer.status} {HTTP_STATUS_CODES.get(answer.status, '')}", headers)
        return [answer.body]

    def answer(self, request: Request) -> HttpAnswer:
        path = _raw_path(request.environ)
        if path.startswith(ADMIN_PREFIX) or path == ADMIN_PREFIX.rstrip("/"):
            admin_body = self._body(request)
            if isinstance(admin_body, HttpAnswer):
                return admin_body
            return self.admin.handle(request.method, path, admin_body)
        if request.method == "OPTIONS":
            return preflight(request.headers.get("Access-Control-Request-Headers"))
        body = self._body(request)
        if isinstance(body, HttpAnswer):
            return body
        http_request = HttpRequest(
            method=request.method,
            path=path,
            query=request.query_string.decode("latin-1"),
            headers={name.lower(): value for name, value in request.headers.items()},
            body=body,
        )
        try:
            route = self.router.resolve(http_request)
        except RoutingError as exc:
            return error_answer(exc.status, exc.code, exc.message)
        if body and request.mimetype and request.mimetype not in _JSON_TYPES:
            return error_answer(
                415,
                "UnsupportedMediaTypeException",
                f"{route.service} {route.operation} takes a JSON body, but the request's "
                f"Content-Type is {request.mimetype!r}; send Content-Type: application/json",
            )
        try:
            return dispatch(route.service, route.operation, http_request, self.state, self.options)
        except NotImplementedOperationError as exc:
            return error_answer(501, "NotImplementedException", str(exc))
        except Exception as exc:
            return _internal_error(f"{route.service} {route.operation}", exc)

    def _body(self, request: Request) -> bytes | HttpAnswer:
        """The request body, or the error answer when it is too large or unreadable."""
        try:
            return _read_body(request, self.max_body_bytes)
        except RequestEntityTooLarge:
            return error_answer(
                413,
                "RequestEntityTooLargeException",
                f"The request body is over {self.max_body_bytes} bytes, "
                f"the most ivsmock's server reads; send a smaller one",
            )
        except (HTTPException, OSError) as exc:  # cut short, or a malformed chunked encoding
            detail = exc.description if isinstance(exc, HTTPException) else str(exc)
            status = (exc.code if isinstance(exc, HTTPException) else None) or 400
            message = f"The request body is unreadable: {detail}"
            return error_answer(status, "BadRequestException", message)


def _read_body(request: Request, limit: int) -> bytes:
    """The body, or RequestEntityTooLarge past ``limit`` bytes. Werkzeug checks a Content-Length
    up front but leaves a chunked body (no Content-Length) unbounded: count as we read."""
    request.max_content_length = limit
    stream = request.stream
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(65536):
        size += len(chunk)
        if size > limit:
            raise RequestEntityTooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def _raw_path(environ: Any) -> str:
    """The path still percent-encoded: a tag path's ARN holds an encoded '/' (``%2F``)."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if raw:
        path = raw.split("?", 1)[0]
        if "://" in path:  # absolute-form request target
            path = urlsplit(path).path
        return str(path) or "/"
    # A WSGI server that keeps no raw URI: re-encode the decoded path.
    decoded = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace")
    return quote(decoded, safe="/")


def _internal_error(where: str, exc: Exception) -> HttpAnswer:
    log.error("ivsmock failed answering %s", where, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}"
    if len(detail) > _MAX_DETAIL:
        detail = detail[:_MAX_DETAIL] + "..."
    return error_answer(
        500,
        "InternalServerException",
        f"ivsmock failed answering {where} ({detail}). This is an ivsmock bug; the server "
        f"keeps serving and logged the traceback to the 'ivsmock.server' logger",
    )
