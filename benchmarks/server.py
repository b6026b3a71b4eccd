"""Server mode's per-call cost, against in-process mocking and against moto's server.

    .venv/bin/python benchmarks/server.py [--calls 300]

The same boto3 calls on ivs channels (CreateChannel, GetChannel, ListChannels) are timed
three ways: against ``mock_ivs`` in process, against ``IvsMockServer`` over HTTP, and against
moto's ``ThreadedMotoServer`` (which needs Flask: ``pip install "moto[server]"``). Both servers
run in a thread of this process on Werkzeug, so the comparison is of what each does per request.
``run()`` returns one dict per operation; the script prints them and the ratios.
"""

from __future__ import annotations

import argparse
import logging
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import boto3
from botocore.config import Config

from ivsmock import mock_ivs
from ivsmock.server import IvsMockServer

REGION = "us-east-1"
ACCOUNT = "123456789012"
WARM_UP = 20
PAGE = 20  # ListChannels page size, the same for every backend
NO_RETRIES = Config(retries={"max_attempts": 0})
Client = Any
Setup = Callable[[], Iterator[Client]]


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


def _per_call_us(call: Callable[[int], object], calls: int) -> float:
    for i in range(WARM_UP):
        call(-1 - i)
    started = time.perf_counter()
    for i in range(calls):
        call(i)
    return (time.perf_counter() - started) / calls * 1e6


def measure(setup: Callable[[], Any], calls: int) -> dict[str, float]:
    """Microseconds per call of each channel operation against one backend."""
    with setup() as ivs:
        first = ivs.create_channel(name="first")["channel"]["arn"]
        return {
            "CreateChannel": _per_call_us(lambda i: ivs.create_channel(name=f"ch-{i}"), calls),
            "GetChannel": _per_call_us(lambda i: ivs.get_channel(arn=first), calls),
            "ListChannels": _per_call_us(lambda i: ivs.list_channels(maxResults=PAGE), calls),
        }


def run(calls: int = 300) -> list[dict[str, Any]]:
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
            "calls": calls,
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


def _print(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'operation':<14} {'in process':>11} {'ivsmock srv':>12} {'moto srv':>10} "
        f"{'srv/in-proc':>12} {'srv/moto':>9}   (µs per call, {rows[0]['calls']} calls)"
    )
    for row in rows:
        moto = "n/a" if row["moto_server_us"] is None else f"{row['moto_server_us']:.0f}"
        versus_moto = (
            "n/a" if row["server_vs_moto_server"] is None else f"{row['server_vs_moto_server']:.2f}"
        )
        print(
            f"{row['operation']:<14} {row['in_process_us']:>11.0f} "
            f"{row['ivsmock_server_us']:>12.0f} {moto:>10} "
            f"{row['server_vs_in_process']:>12.2f} {versus_moto:>9}"
        )
    if "note" in rows[0]:
        print(rows[0]["note"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=300, help="timed calls per operation")
    _print(run(parser.parse_args().calls))


if __name__ == "__main__":
    main()
