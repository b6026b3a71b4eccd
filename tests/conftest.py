"""Shared test set-up: strict mode (every response checked against its output shape) and clients."""

from __future__ import annotations

import os

# Before ivsmock is imported: strict mode makes every response of the whole suite validate
# against its output shape and every error against the operation's modelled errors.
os.environ["IVSMOCK_STRICT"] = "1"

import socket
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.config import Config

from ivsmock import IvsMock

LOOPBACK = ("127.", "::1", "localhost")


@pytest.fixture(autouse=True)
def no_network_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test of the suite: a connection anywhere but loopback fails the test."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family == socket.AF_UNIX or str(host).startswith(LOOPBACK):
            return real_connect(self, address)
        raise AssertionError(f"a test tried to reach the network: {address}")

    monkeypatch.setattr(socket.socket, "connect", guarded)


UNCHECKED = Config(parameter_validation=False, retries={"max_attempts": 0})
MakeClient = Callable[..., Any]


@pytest.fixture
def make_client(ivs_mock: IvsMock) -> MakeClient:
    """A client with botocore's own parameter validation off, so ivsmock's is what answers."""

    def make(service: str, region: str = "us-east-1", **kwargs: Any) -> Any:
        return boto3.session.Session().client(
            service,
            region_name=region,
            aws_access_key_id=kwargs.pop("access_key", "AKIAEXAMPLEEXAMPLE00"),
            aws_secret_access_key="secret",
            config=kwargs.pop("config", UNCHECKED),
            **kwargs,
        )

    return make


@pytest.fixture
def ivs(make_client: MakeClient) -> Any:
    return make_client("ivs")


@pytest.fixture
def realtime(make_client: MakeClient) -> Any:
    return make_client("ivs-realtime")


@pytest.fixture
def chat(make_client: MakeClient) -> Any:
    return make_client("ivschat")
