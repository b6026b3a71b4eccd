"""Interception of botocore while a mock is active, and nothing at all while none is.

Every botocore client copies its session's event emitter when it is created, so a handler
registered on a session misses clients created earlier. Instead, the outermost activation wraps
``HierarchicalEmitter._emit`` (the class every client's emitter is), answers ``before-send``
events of the three IVS services, and passes every other event through untouched. The last
deactivation puts the original method back. aiobotocore, when imported before the mock starts,
gets the same treatment (``core/aio.py``).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from botocore.awsrequest import AWSResponse
from botocore.credentials import Credentials
from botocore.hooks import HierarchicalEmitter
from botocore.signers import RequestSigner

from ivsmock.core.names import SERVICES
from ivsmock.core.options import MockOptions
from ivsmock.core.signing import without_signature

if TYPE_CHECKING:
    from ivsmock.core.registry import MockState
    from ivsmock.core.wire_in import HttpRequest
    from ivsmock.core.wire_out import HttpAnswer

FAKE_ACCESS_KEY_ID = "AKIAIVSMOCKFAKEKEY00"
FAKE_SECRET_ACCESS_KEY = "ivsmock-fake-secret-access-key"
_FAKE_CREDENTIALS = Credentials(FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY)
_SERVICES = frozenset(SERVICES)


class _Body:
    """The ``raw`` of an AWSResponse: botocore reads it through ``stream()``."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body

    def read(self, *_: Any) -> bytes:
        return self._body


class _Activation:
    """Process-wide activation depth, the options stack and the state of the outermost mock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.options: list[MockOptions] = []
        self.state: MockState | None = None
        self._saved_emit: Any = None
        self._saved_auth: Any = None
        self._saved_env: dict[str, str | None] = {}
        self._uninstall_aio: Any = None
        self.dispatch: Callable[..., HttpAnswer] | None = None


_ACTIVE = _Activation()


def _to_http_request(request: Any) -> HttpRequest:
    from ivsmock.core.wire_in import HttpRequest

    # scheme://host/path?query: only the path and the query matter here.
    url = request.url
    start = url.find("/", url.find("//") + 2)
    path, _, query = url[start:].partition("?") if start >= 0 else ("/", "", "")
    body = request.body
    if body is None:
        body = b""
    elif isinstance(body, str):
        body = body.encode()
    elif isinstance(body, bytearray):
        body = bytes(body)
    elif not isinstance(body, bytes):
        body = body.read()
    return HttpRequest(request.method, path or "/", query, _Headers(request.headers), body)


class _Headers:
    """botocore's case-insensitive request headers, read only when asked (most never are)."""

    def __init__(self, headers: Any) -> None:
        self._headers = headers

    def get(self, name: str, default: Any = None) -> Any:
        value = self._headers.get(name)
        if value is None:
            return default
        return value.decode() if isinstance(value, bytes) else str(value)


def _answer_parts(event_name: str, request: Any) -> tuple[int, dict[str, str], bytes] | None:
    """(status, headers, body) for a request of the three services while a mock is active."""
    _, service, operation = event_name.split(".", 2)
    if service not in _SERVICES:
        return None
    state = _ACTIVE.state
    if state is None or not _ACTIVE.options:
        return None
    dispatch = _ACTIVE.dispatch
    if dispatch is None:  # the wire layer loads on the first request, not on import
        from ivsmock.core import dispatch as pipeline

        dispatch = _ACTIVE.dispatch = pipeline.dispatch
    answer = dispatch(service, operation, _to_http_request(request), state, _ACTIVE.options[-1])
    return answer.status, answer.headers, answer.body


def _answer(event_name: str, request: Any) -> AWSResponse | None:
    parts = _answer_parts(event_name, request)
    if parts is None:
        return None
    return AWSResponse(request.url, parts[0], parts[1], _Body(parts[2]))


def lacks_credentials(signer: Any, request_credentials: Any) -> bool:
    """A client of the three services made with no credentials at all: it gets fake ones."""
    return (
        request_credentials is None
        and signer._credentials is None
        and signer._service_id.hyphenize() in _SERVICES
    )


def unsigned_auth(signer: Any, auth: Any) -> Any:
    """The signer for a request: scope-only SigV4 for the three services unless the
    activation asked for real signatures (see core/signing.py)."""
    options = _ACTIVE.options
    if not options or options[-1].sign_requests:
        return auth
    if signer._service_id.hyphenize() not in _SERVICES:
        return auth
    return without_signature(auth)


def _install() -> None:
    original_emit = HierarchicalEmitter._emit
    original_auth = RequestSigner.get_auth_instance

    # `_emit` receives the keyword arguments as one dict: wrapping it costs less than `emit`.
    def emit(
        self: HierarchicalEmitter,
        event_name: str,
        kwargs: dict[str, Any],
        stop_on_response: bool = False,
    ) -> Any:
        if event_name.startswith("before-send."):
            response = _answer(event_name, kwargs.get("request"))
            if response is not None:
                # First and only answer: handlers after ours (moto's, say) never see IVS requests.
                return [(_answer, response)]
        return original_emit(self, event_name, kwargs, stop_on_response)

    def get_auth_instance(
        self: RequestSigner,
        signing_name: str,
        region_name: str,
        signature_version: str | None = None,
        request_credentials: Any = None,
        **kwargs: Any,
    ) -> Any:
        if lacks_credentials(self, request_credentials):
            request_credentials = _FAKE_CREDENTIALS
        auth = original_auth(
            self, signing_name, region_name, signature_version, request_credentials, **kwargs
        )
        return unsigned_auth(self, auth)

    if "aiobotocore.hooks" in sys.modules:
        from ivsmock.core import aio

        _ACTIVE._uninstall_aio = aio.install(
            _answer_parts,
            lacks_credentials,
            unsigned_auth,
            (FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY),
        )

    _ACTIVE._saved_emit = original_emit
    _ACTIVE._saved_auth = original_auth
    HierarchicalEmitter._emit = emit
    RequestSigner.get_auth_instance = get_auth_instance
    RequestSigner.get_auth = get_auth_instance

    # Fake credentials when none are in the environment: the environment comes first in
    # botocore's chain, so real credentials in files or elsewhere are never looked up.
    _ACTIVE._saved_env = {}
    if not os.environ.get("AWS_ACCESS_KEY_ID"):
        for name, value in (
            ("AWS_ACCESS_KEY_ID", FAKE_ACCESS_KEY_ID),
            ("AWS_SECRET_ACCESS_KEY", FAKE_SECRET_ACCESS_KEY),
        ):
            _ACTIVE._saved_env[name] = os.environ.get(name)
            os.environ[name] = value


def _uninstall() -> None:
    if _ACTIVE._uninstall_aio is not None:
        _ACTIVE._uninstall_aio()
        _ACTIVE._uninstall_aio = None
    HierarchicalEmitter._emit = _ACTIVE._saved_emit
    RequestSigner.get_auth_instance = _ACTIVE._saved_auth
    RequestSigner.get_auth = _ACTIVE._saved_auth
    for name, value in _ACTIVE._saved_env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _ACTIVE._saved_env = {}


def activate(options: MockOptions) -> MockState:
    """Enter one activation; the outermost starts an empty state."""
    with _ACTIVE.lock:
        if not _ACTIVE.options:
            from ivsmock.core.registry import MockState

            _ACTIVE.state = MockState()
            _install()
        _ACTIVE.options.append(options)
        assert _ACTIVE.state is not None
        return _ACTIVE.state


def deactivate() -> None:
    """Leave one activation; the outermost one's end discards all state."""
    with _ACTIVE.lock:
        _ACTIVE.options.pop()
        if not _ACTIVE.options:
            _uninstall()
            _ACTIVE.state = None


def current_state() -> MockState | None:
    return _ACTIVE.state


def current_options() -> MockOptions | None:
    return _ACTIVE.options[-1] if _ACTIVE.options else None


def is_active() -> bool:
    return bool(_ACTIVE.options)
