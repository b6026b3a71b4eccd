"""``ivsmock server``: serve the mock over HTTP until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from ivsmock.core.options import DEFAULT_ACCOUNT_ID, DEFAULT_REGION
from ivsmock.server.admin import ADMIN_PREFIX
from ivsmock.server.runner import DEFAULT_HOST, IvsMockServer, ServerStartError

DEFAULT_PORT = 4870


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ivsmock server",
        description="Serve the ivs, ivs-realtime and ivschat mocks over HTTP on one port. "
        "Point SDKs at it with --endpoint-url or AWS_ENDPOINT_URL (see docs/server.md).",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}; 0.0.0.0 for every interface)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port to listen on (default {DEFAULT_PORT}; 0 takes a free one and prints it)",
    )
    parser.add_argument(
        "--account-id",
        default=DEFAULT_ACCOUNT_ID,
        help="account of requests whose access key id is not a 12-digit account id "
        f"(default {DEFAULT_ACCOUNT_ID})",
    )
    parser.add_argument(
        "--region",
        default=DEFAULT_REGION,
        help=f"region of requests that name none (default {DEFAULT_REGION})",
    )
    parser.add_argument(
        "--quota",
        action="append",
        default=[],
        type=_quota,
        metavar="TYPE=N",
        help="override the quota of a resource type, e.g. --quota channel=100000 (repeatable)",
    )
    parser.add_argument(
        "--log-requests", action="store_true", help="print one line per request to stderr"
    )
    return parser


def _quota(text: str) -> tuple[str, int]:
    name, _, number = text.partition("=")
    if not name or not number.isdigit():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not TYPE=N; write e.g. channel=100000 (the ARN's resource type)"
        )
    return name, int(number)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    stop = threading.Event()
    # Handlers first: a signal while the server starts still ends in a clean stop.
    restore = _on_signals(stop)
    try:
        try:
            server = IvsMockServer(
                args.host,
                args.port,
                account_id=args.account_id,
                region=args.region,
                quotas=dict(args.quota),
                log_requests=args.log_requests,
            ).start()
        except (ServerStartError, ValueError) as exc:
            print(f"ivsmock server: {exc}", file=sys.stderr)
            return 1
        try:
            print(f"ivsmock server ready on {server.url} (ivs, ivs-realtime, ivschat)", flush=True)
            print(
                f"  use --endpoint-url {server.url}; health: {server.url}{ADMIN_PREFIX}health; "
                f"Ctrl-C stops it",
                flush=True,
            )
            # A timed wait, so the signal handlers run promptly everywhere.
            while not stop.wait(0.5):
                pass
        finally:
            server.stop()
    finally:
        restore()
    print("ivsmock server stopped", flush=True)
    return 0


def _on_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGINT and SIGTERM set ``stop``; the returned function puts the old handlers back."""

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    saved: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Outside the main thread signal() raises: the caller then stops us some other way.
        with contextlib.suppress(ValueError):
            saved[signum] = signal.signal(signum, handler)

    def restore() -> None:
        for signum, previous in saved.items():
            signal.signal(signum, previous)

    return restore
