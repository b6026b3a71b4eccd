"""``ivsmock server`` as a child process, read without ever hanging a test."""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

READY = "ivsmock server ready on "


def launch(*command: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def read_line(process: subprocess.Popen[str], timeout: float = 20) -> str:
    """The process's next stdout line; fails the test instead of hanging."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            process.kill()
            pytest.fail(f"no output from {process.args} within {timeout}s")
    return process.stdout.readline()


def url_of(process: subprocess.Popen[str]) -> str:
    """The endpoint URL the ready line announces."""
    line = read_line(process)
    assert line.startswith(READY), line
    url = line[len(READY) :].split(" ", 1)[0]
    assert url.startswith("http://127.0.0.1:") and not url.endswith(":0"), line
    return url


@contextmanager
def server_process(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``python -m ivsmock server --port 0 ARGS``, its URL, and a kill if the test left it up."""
    process = launch(sys.executable, "-m", "ivsmock", "server", "--port", "0", *args)
    try:
        yield process, url_of(process)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)
