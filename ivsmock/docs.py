"""Generates docs/supported-operations.md from the operation table: ``python -m ivsmock.docs``."""

from __future__ import annotations

import sys
from pathlib import Path

from ivsmock.core.model import SERVICES, model_operations
from ivsmock.core.operations import implemented
from ivsmock.services import load_service, not_yet_implemented

TARGET = Path(__file__).resolve().parent.parent / "docs" / "supported-operations.md"


def render() -> str:
    lines = [
        "# Supported operations",
        "",
        "Generated from the operation table by `python -m ivsmock.docs`; do not edit by hand.",
        "",
    ]
    for service in SERVICES:
        load_service(service)
        done = set(implemented(service))
        operations = model_operations(service)
        lines += [
            f"## `{service}`: {len(done & set(operations))} of {len(operations)} implemented",
            "",
            "| operation | status |",
            "|---|---|",
        ]
        pending = not_yet_implemented(service)
        for name in operations:
            status = "implemented" if name in done else "not yet" if name in pending else "?"
            lines.append(f"| {name} | {status} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    TARGET.write_text(render())
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
