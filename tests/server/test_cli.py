"""``ivsmock server`` as a process: ready line, free port, clean stop on SIGINT and SIGTERM."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ivsmock.server import IvsMockServer
from tests.server.processes import launch, server_process, url_of
from tests.server.rawhttp import send

BIN = Path(sys.executable).parent


@pytest.fixture
def process() -> Iterator[subprocess.Popen[str]]:
    running = launch(sys.executable, "-m", "ivsmock", "server", "--port", "0")
    yield running
    if running.poll() is None:
        running.kill()
    running.communicate(timeout=10)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_it_says_when_it_is_ready_and_stops_cleanly_on_a_signal(
    process: subprocess.Popen[str], signum: int
) -> None:
    url = url_of(process)
    assert send(url, "POST", "/ListRooms", {}, scope="ivschat").json == {"rooms": []}
    process.send_signal(signum)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert out.splitlines()[-1] == "ivsmock server stopped"
    assert "Traceback" not in err


def test_the_console_script_serves_with_its_options() -> None:
    running = launch(
        str(BIN / "ivsmock"),
        *("server", "--port", "0", "--region", "eu-west-1", "--account-id", "444455556666"),
    )
    try:
        url = url_of(running)
        # Unsigned: no credential scope, so the server's own account and region.
        body = {"destinationConfiguration": {"s3": {"bucketName": "cli-bucket"}}}
        reply = send(url, "POST", "/CreateRecordingConfiguration", body)
        assert reply.status == 200, reply
        arn = reply.json["recordingConfiguration"]["arn"]
        assert arn.startswith("arn:aws:ivs:eu-west-1:444455556666:recording-configuration/")
    finally:
        running.terminate()
        running.communicate(timeout=10)
    assert running.returncode == 0


def test_a_busy_port_exits_at_once_with_a_clear_message() -> None:
    with IvsMockServer() as busy:
        port = busy.port
        result = subprocess.run(
            [sys.executable, "-m", "ivsmock", "server", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=20,
        )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("ivsmock server: ")
    reason = os.strerror(errno.EADDRINUSE)
    assert f"cannot listen on 127.0.0.1:{port}: {reason}. Choose another --port" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_account_id_that_is_not_12_digits_is_refused() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ivsmock", "server", "--port", "0", "--account-id", "42"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "ivsmock server: account_id must be 12 digits, like '123456789012'; got '42'\n"
    )


def test_quota_overrides_reach_the_services() -> None:
    with server_process("--quota", "room=1") as (_, url):
        assert send(url, "POST", "/CreateRoom", {}, scope="ivschat").status == 200
        refused = send(url, "POST", "/CreateRoom", {}, scope="ivschat")
    assert refused.status == 402
    assert refused.code == "ServiceQuotaExceededException"


def test_a_malformed_quota_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ivsmock", "server", "--quota", "room"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 2
    assert "'room' is not TYPE=N; write e.g. channel=100000" in result.stderr


@pytest.mark.parametrize("logging", [False, True])
def test_a_line_per_request_only_with_log_requests(logging: bool) -> None:
    with server_process(*(["--log-requests"] if logging else [])) as (process, url):
        assert send(url, "POST", "/ListRooms", {}, scope="ivschat").status == 200
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert ('"POST /ListRooms HTTP/1.1" 200' in err) is logging, err
