"""Options of one activation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"
_ACCOUNT = re.compile(r"^[0-9]{12}$")


@dataclass(frozen=True)
class MockOptions:
    """``account_id`` answers requests whose access key is not a 12-digit account id;
    ``region`` answers requests that name no region (unsigned, custom endpoint);
    ``settle_recording_configurations`` lets new recording configurations go ACTIVE on their
    own (see docs/simulation.md); ``quotas`` overrides resource quotas by resource type
    (``{"ingest-configuration": 10_000}``), for load tests and benchmarks;
    ``sign_requests`` keeps botocore's real SigV4 signatures, which the mock otherwise skips
    because nothing in process checks them (see core/signing.py)."""

    account_id: str = DEFAULT_ACCOUNT_ID
    region: str = DEFAULT_REGION
    settle_recording_configurations: bool = True
    quotas: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    sign_requests: bool = False

    def quota(self, resource_type: str, default: int) -> int:
        """The quota in force for ``resource_type``: the override if any, else AWS's default."""
        return self.quotas.get(resource_type, default)

    def __post_init__(self) -> None:
        if not _ACCOUNT.match(self.account_id):
            raise ValueError(
                f"account_id must be 12 digits, like {DEFAULT_ACCOUNT_ID!r}; "
                f"got {self.account_id!r}"
            )
        for name, value in self.quotas.items():
            if not isinstance(value, int) or value < 0:
                raise ValueError(f"quota {name!r} must be a non-negative integer; got {value!r}")
        object.__setattr__(self, "quotas", MappingProxyType(dict(self.quotas)))
