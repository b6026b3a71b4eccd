"""All benchmarks in one run: `make bench` (or `python -m benchmarks.run`).

Ratios, not absolute times: the machines are shared and noisy, so every figure compares two
things measured side by side in the same run.
"""

from __future__ import annotations

import importlib
import time
from typing import Any

from benchmarks.harness import table

SUITES = ("benchmarks.foundation", "benchmarks.channels", "benchmarks.server")


def main() -> None:
    started = time.perf_counter()
    for name in SUITES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as missing:
            print(f"\n{name}: not available ({missing})")
            continue
        print(f"\n== {name}")
        rows: list[dict[str, Any]] = module.run()
        columns = list(dict.fromkeys(key for row in rows for key in row))
        print(table(rows, columns))
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
