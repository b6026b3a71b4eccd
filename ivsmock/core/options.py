"""Options of one activation."""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"
_ACCOUNT = re.compile(r"^[0-9]{12}$")


@dataclass(frozen=True)
class MockOptions:
    """``account_id`` answers requests whose access key is not a 12-digit account id;
    ``region`` answers requests that name no region (unsigned, custom endpoint);
    ``settle_recording_configurations`` lets new recording configurations go ACTIVE on their
    own (see docs/simulation.md)."""

    account_id: str = DEFAULT_ACCOUNT_ID
    region: str = DEFAULT_REGION
    settle_recording_configurations: bool = True

    def __post_init__(self) -> None:
        if not _ACCOUNT.match(self.account_id):
            raise ValueError(
                f"account_id must be 12 digits, like {DEFAULT_ACCOUNT_ID!r}; got {self.account_id!r}"
            )
