"""Command line: ``ivsmock server`` (see docs/server.md)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["server"]:
        from ivsmock.server.cli import main as serve

        return serve(args[1:])
    print("usage: ivsmock server [--host HOST] [--port PORT]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
