"""Shared test set-up: strict mode (every response checked against its output shape) and clients."""

from __future__ import annotations

import os

# Before ivsmock is imported: strict mode makes every response of the whole suite validate
# against its output shape and every error against the operation's modelled errors.
os.environ["IVSMOCK_STRICT"] = "1"

from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.config import Config

from ivsmock import IvsMock

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
