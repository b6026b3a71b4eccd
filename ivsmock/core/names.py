"""The botocore service names ivsmock answers (and nothing else: importing this is free)."""

from __future__ import annotations

# botocore data name == the id botocore uses in `before-send.<id>.<Operation>`.
SERVICES: tuple[str, ...] = ("ivs", "ivs-realtime", "ivschat")
