"""Interception of aiobotocore clients, installed beside the botocore one when aiobotocore is
imported. aiobotocore's emitter and signer are async subclasses with their own ``_emit`` and
``get_auth_instance``, so they get async wrappers of the same two hooks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class _AsyncBody:
    def __init__(self, body: bytes) -> None:
        self._body = body

    async def read(self) -> bytes:
        return self._body


def install(
    answer: Callable[[str, Any], tuple[int, dict[str, str], bytes] | None],
    lacks_credentials: Callable[[Any, Any], bool],
    unsigned_auth: Callable[[Any, Any], Any],
    fake_credentials: tuple[str, str],
) -> Callable[[], None]:
    """Wrap aiobotocore's emitter and signer; returns the function that undoes it."""
    from aiobotocore.awsrequest import AioAWSResponse
    from aiobotocore.credentials import AioCredentials
    from aiobotocore.hooks import AioHierarchicalEmitter
    from aiobotocore.signers import AioRequestSigner

    original_emit = AioHierarchicalEmitter._emit
    original_auth = AioRequestSigner.get_auth_instance
    credentials = AioCredentials(*fake_credentials)

    async def emit(
        self: Any, event_name: str, kwargs: dict[str, Any], stop_on_response: bool = False
    ) -> Any:
        if event_name.startswith("before-send."):
            request: Any = kwargs.get("request")
            answered = answer(event_name, request)
            if answered is not None:
                status, headers, body = answered
                return [(emit, AioAWSResponse(request.url, status, headers, _AsyncBody(body)))]
        return await original_emit(self, event_name, kwargs, stop_on_response)

    async def get_auth_instance(
        self: Any,
        signing_name: str,
        region_name: str,
        signature_version: str | None = None,
        request_credentials: Any = None,
        **kwargs: Any,
    ) -> Any:
        if lacks_credentials(self, request_credentials):
            request_credentials = credentials
        auth = await original_auth(
            self, signing_name, region_name, signature_version, request_credentials, **kwargs
        )
        return unsigned_auth(self, auth)

    AioHierarchicalEmitter._emit = emit
    AioRequestSigner.get_auth_instance = get_auth_instance
    AioRequestSigner.get_auth = get_auth_instance

    def uninstall() -> None:
        AioHierarchicalEmitter._emit = original_emit
        AioRequestSigner.get_auth_instance = original_auth
        AioRequestSigner.get_auth = original_auth

    return uninstall
