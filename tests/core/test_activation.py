"""mock_ivs as decorator (with and without parentheses), context manager, async, on classes."""

from __future__ import annotations

import asyncio
import os
import unittest
from typing import Any

import boto3
import pytest
from botocore.hooks import HierarchicalEmitter
from botocore.signers import RequestSigner

from ivsmock import IvsMock, MockNotActiveError, mock_ivs

S3 = {"s3": {"bucketName": "my-recordings"}}
ORIGINAL_EMIT = HierarchicalEmitter._emit
ORIGINAL_AUTH = RequestSigner.get_auth_instance


def client(service: str = "ivs") -> Any:
    return boto3.client(service, region_name="us-east-1")


def count_recordings() -> int:
    return len(client().list_recording_configurations()["recordingConfigurations"])


def make_recording() -> str:
    made = client().create_recording_configuration(destinationConfiguration=S3)
    return str(made["recordingConfiguration"]["arn"])


@mock_ivs
def decorated_plain() -> int:
    make_recording()
    return count_recordings()


@mock_ivs(account_id="111122223333")
def decorated_with_options() -> str:
    return make_recording()


def test_decorator_without_parentheses() -> None:
    assert decorated_plain() == 1
    assert decorated_plain() == 1  # each call starts empty


def test_decorator_with_options() -> None:
    assert ":111122223333:" in decorated_with_options()


def test_decorator_keeps_name_and_signature() -> None:
    @mock_ivs
    def named(a: int, b: str = "x") -> str:
        """Doc."""
        return f"{a}{b}"

    assert named.__name__ == "named"
    assert named.__doc__ == "Doc."
    assert named(1, b="y") == "1y"


def test_context_manager_yields_handle() -> None:
    with mock_ivs() as mock:
        assert isinstance(mock, IvsMock)
        assert mock.active
        make_recording()
        assert len(mock.resources("ivs", "recording-configuration")) == 1
    assert not mock.active


def test_async_function() -> None:
    @mock_ivs
    async def scenario() -> int:
        await asyncio.sleep(0)
        make_recording()
        return count_recordings()

    assert asyncio.run(scenario()) == 1


def test_async_context_manager() -> None:
    async def scenario() -> int:
        async with mock_ivs():
            make_recording()
            return count_recordings()

    assert asyncio.run(scenario()) == 1


class Recorder:
    def __init__(self) -> None:
        self.made = 0

    @mock_ivs
    def record(self) -> int:
        make_recording()
        self.made += 1
        return count_recordings()


def test_method() -> None:
    recorder = Recorder()
    assert recorder.record() == 1
    assert recorder.made == 1


@mock_ivs
class TestPlainClass:
    def helper(self) -> str:
        return "not wrapped"

    def test_each_method_is_mocked(self) -> None:
        make_recording()
        assert count_recordings() == 1

    def test_and_starts_empty(self) -> None:
        assert count_recordings() == 0


@mock_ivs
class TestUnittestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.arn = make_recording()

    def tearDown(self) -> None:
        # Still inside the mock: the resource made in setUp is there to delete.
        client().delete_recording_configuration(arn=self.arn)
        assert count_recordings() == 0

    def test_setup_runs_inside_the_mock(self) -> None:
        got = client().get_recording_configuration(arn=self.arn)
        assert got["recordingConfiguration"]["arn"] == self.arn


def test_nested_activations_share_state_and_outermost_discards() -> None:
    with mock_ivs() as outer:
        make_recording()
        with mock_ivs() as inner:
            assert count_recordings() == 1
            make_recording()
        assert count_recordings() == 2
        assert not inner.active
        assert outer.active
    with mock_ivs():
        assert count_recordings() == 0


def test_inner_options_apply_while_inner_is_active() -> None:
    with mock_ivs(), mock_ivs(account_id="444455556666") as inner:
        arn = make_recording()
        assert ":444455556666:" in arn
        assert inner.locations() == [("444455556666", "us-east-1")]


def test_inactive_mock_changes_nothing() -> None:
    environment = dict(os.environ)
    with mock_ivs():
        assert HierarchicalEmitter._emit is not ORIGINAL_EMIT
    assert HierarchicalEmitter._emit is ORIGINAL_EMIT
    assert RequestSigner.get_auth_instance is ORIGINAL_AUTH
    assert dict(os.environ) == environment


def test_handle_outside_activation_is_a_clear_error() -> None:
    mock = mock_ivs()
    with pytest.raises(MockNotActiveError, match="not active"):
        mock.backend("ivs")
    with pytest.raises(MockNotActiveError, match="not started"):
        mock.stop()


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="12 digits"):
        mock_ivs(account_id="12345")
    with pytest.raises(ValueError, match="non-negative integer"):
        mock_ivs(quotas={"stage": -1})
    with pytest.raises(TypeError, match="decorates functions and classes"):
        mock_ivs()(42)
