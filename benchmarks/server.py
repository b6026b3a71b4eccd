"""Server mode's per-call cost, against in-process mocking and against moto's server.

The same boto3 calls on ivs channels (CreateChannel, GetChannel, ListChannels with a page of 20)
are timed three ways: against ``mock_ivs`` in process, against ``IvsMockServer`` over HTTP, and
against moto's ``ThreadedMotoServer`` (which needs Flask: ``pip install "moto[server]"``). Both
servers run on Werkzeug in a thread of this process, so "server/moto server" compares what each
does per request on the same HTTP stack. Per-call cost is the best of several rounds.

Run: ``.venv/bin/python benchmarks/server.py``; ``run()`` returns the rows.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import boto3
from botocore.config import Config

from benchmarks.harness import per_call, table
from ivsmock import mock_ivs
from ivsmock.server import IvsMockServer

REGION = "us-east-1"
ACCOUNT = "123456789012"
CALLS = 60  # per round; the harness keeps the best of its rounds
PAGE = 20  # ListChannels page size, the same for every backend
NO_RETRIES = Config(retries={"max_attempts": 0})
Client = Any


def _client(endpoint_url: str | None = None) -> Client:
    return boto3.session.Session().client(
        "ivs",
        region_name=REGION,
        endpoint_url=endpoint_url,
        aws_access_key_id=ACCOUNT,
        aws_secret_access_key="benchmark-fake-secret",
        config=NO_RETRIES,
    )


@contextmanager
def in_process() -> Iterator[Client]:
    with mock_ivs():
        yield _client()


@contextmanager
def ivsmock_server() -> Iterator[Client]:
    with IvsMockServer() as server:
        yield _client(server.url)


@contextmanager
def moto_server() -> Iterator[Client]:
    # moto's request handler logs every request through Werkzeug's logger, which makes itself
    # a stderr handler at INFO level unless a level is set.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from moto.server import ThreadedMotoServer  # needs Flask (moto[server])
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield _client(f"http://{host}:{port}")
    finally:
        server.stop()


def measure(setup: Callable[[], Any], calls: int) -> dict[str, float]:
    """Microseconds per call of each channel operation against one backend."""
    with setup() as ivs:
        first = ivs.create_channel(name="first")["channel"]["arn"]
        actions = {
            "CreateChannel": lambda: ivs.create_channel(name="benchmark"),
            "GetChannel": lambda: ivs.get_channel(arn=first),
            "ListChannels": lambda: ivs.list_channels(maxResults=PAGE),
        }
        return {name: per_call(action, calls) * 1e6 for name, action in actions.items()}


def run(calls: int = CALLS) -> list[dict[str, Any]]:
    """One row per operation: µs per call in process, over ivsmock's server, over moto's."""
    local = measure(in_process, calls)
    served = measure(ivsmock_server, calls)
    try:
        moto: dict[str, float] | None = measure(moto_server, calls)
        moto_note = ""
    except ImportError as exc:
        moto, moto_note = None, f"moto's server is unavailable ({exc}); pip install 'moto[server]'"
    rows = []
    for operation, server_us in served.items():
        row: dict[str, Any] = {
            "operation": operation,
            "calls_per_round": calls,
            "in_process_us": round(local[operation], 1),
            "ivsmock_server_us": round(server_us, 1),
            "server_vs_in_process": round(server_us / local[operation], 2),
            "moto_server_us": None,
            "server_vs_moto_server": None,
        }
        if moto is not None:
            row["moto_server_us"] = round(moto[operation], 1)
            row["server_vs_moto_server"] = round(server_us / moto[operation], 2)
        if moto_note:
            row["note"] = moto_note
        rows.append(row)
    return rows


if __name__ == "__main__":
    rows = run()
    print(table(rows, list(dict.fromkeys(key for row in rows for key in row))))
