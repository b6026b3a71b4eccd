"""IvsMockServer: a free port, serving when start() returns, a clear error on a busy port."""

from __future__ import annotations

import errno
import os
import socket
import threading
import time

import pytest

from ivsmock.core.errors import MockNotActiveError
from ivsmock.core.interception import is_active
from ivsmock.server import IvsMockServer, ServerStartError
from tests.server.rawhttp import send

S3 = {"s3": {"bucketName": "runner-bucket"}}


def test_it_serves_as_soon_as_start_returns() -> None:
    server = IvsMockServer().start()
    try:
        assert send(server.url, "GET", "/_ivsmock/health").status == 200
        assert server.url == f"http://127.0.0.1:{server.port}"
        # It owns its state: no in-process mock is activated.
        assert not is_active()
    finally:
        server.stop()


def test_each_server_takes_its_own_free_port_and_state() -> None:
    with IvsMockServer() as first, IvsMockServer() as second:
        assert first.port != second.port
        first.client("ivs").create_recording_configuration(destinationConfiguration=S3)
        assert second.client("ivs").list_recording_configurations()["recordingConfigurations"] == []


def test_a_busy_port_is_an_immediate_clear_error() -> None:
    with IvsMockServer() as running:
        port = running.port
        started = time.monotonic()
        with pytest.raises(ServerStartError) as info:
            IvsMockServer(port=port).start()
        assert time.monotonic() - started < 3  # at once, not a hang (with room for a busy CI)
    assert isinstance(info.value, OSError)
    assert str(info.value) == (
        f"[Errno {errno.EADDRINUSE}] ivsmock server cannot listen on 127.0.0.1:{port}: "
        f"{os.strerror(errno.EADDRINUSE)}. "
        f"Choose another --port (0 takes a free one) or stop what is using it"
    )


def test_an_address_of_another_machine_is_a_clear_error() -> None:
    with pytest.raises(ServerStartError) as info:
        IvsMockServer(host="203.0.113.5").start()  # TEST-NET-3: never an address of this host
    assert str(info.value) == (
        f"[Errno {errno.EADDRNOTAVAIL}] ivsmock server cannot listen on 203.0.113.5:0: "
        f"{os.strerror(errno.EADDRNOTAVAIL)}. "
        f"This machine has no such address: use 127.0.0.1, 0.0.0.0 or its own"
    )


def test_stop_closes_the_port() -> None:
    with IvsMockServer() as server:
        port = server.port
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)
    assert not server.running
    server.stop()  # a second stop is harmless
    with pytest.raises(MockNotActiveError):
        _ = server.url


def test_an_idle_client_connection_does_not_hold_stop_up() -> None:
    server = IvsMockServer().start()
    idle = socket.create_connection(("127.0.0.1", server.port))
    try:
        # In a thread, so that a regression fails the test instead of hanging it.
        stopping = threading.Thread(target=server.stop, daemon=True)
        stopping.start()
        stopping.join(timeout=3)
        assert not stopping.is_alive(), "stop() waits for an idle connection"
    finally:
        idle.close()


def test_the_account_is_the_access_key_and_the_region_the_credential_scope(
    server: IvsMockServer,
) -> None:
    server.client(
        "ivs", account_id="111122223333", region="eu-west-1"
    ).create_recording_configuration(destinationConfiguration=S3)
    elsewhere = server.client("ivs", account_id="111122223333", region="us-west-2")
    assert elsewhere.list_recording_configurations()["recordingConfigurations"] == []
    listed = server.client(
        "ivs", account_id="111122223333", region="eu-west-1"
    ).list_recording_configurations()["recordingConfigurations"]
    assert [c["arn"].split(":")[3:5] for c in listed] == [["eu-west-1", "111122223333"]]


def test_a_key_that_is_not_an_account_lands_in_the_default_account() -> None:
    with IvsMockServer(account_id="444455556666", region="ap-south-1") as server:
        reply = send(
            server.url,
            "POST",
            "/CreateRecordingConfiguration",
            {"destinationConfiguration": S3},
            scope="ivs",
            key="AKIAEXAMPLE",
            region="ap-south-1",
        )
        assert reply.status == 200, reply
        arn = reply.json["recordingConfiguration"]["arn"]
        assert arn.startswith("arn:aws:ivs:ap-south-1:444455556666:recording-configuration/")
        # No credential scope at all: the server's default region too.
        unsigned = send(server.url, "POST", "/ListRecordingConfigurations", {})
        assert [c["arn"] for c in unsigned.json["recordingConfigurations"]] == [arn]
