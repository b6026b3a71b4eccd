"""Assertions shared by the tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from botocore.exceptions import ClientError


class CaughtError:
    error: ClientError

    @property
    def response(self) -> dict[str, Any]:
        return self.error.response  # type: ignore[return-value]

    @property
    def message(self) -> str:
        return str(self.response["Error"]["Message"])


@contextmanager
def aws_error(code: str, status: int, match: str | None = None) -> Iterator[CaughtError]:
    """Expect a ClientError with this code, HTTP status and x-amzn-ErrorType header.

    ``match`` is a regular expression searched in the error message, which must not be empty.
    """
    caught = CaughtError()
    with pytest.raises(ClientError) as info:
        yield caught
    caught.error = info.value
    response = info.value.response
    assert response["Error"]["Code"] == code, response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == status, response
    assert response["ResponseMetadata"]["HTTPHeaders"]["x-amzn-errortype"] == code
    message = response["Error"]["Message"]
    assert message, "the error message must not be empty"
    if match is not None:
        assert re.search(match, message), f"{match!r} not found in {message!r}"
