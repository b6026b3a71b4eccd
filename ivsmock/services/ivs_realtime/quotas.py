"""Service quotas (per account and region) at their AWS defaults.

Each can be changed per activation, as AWS lets most of them be raised:
``mock_ivs(quotas={"stage": 2, "composition-per-stage": 1})``.
"""

from __future__ import annotations

from ivsmock.core.operations import Call

DEFAULTS: dict[str, int] = {
    "stage": 1000,
    "composition": 20,
    "composition-per-stage": 5,
    "encoder-configuration": 20,
    "storage-configuration": 5,
    "ingest-configuration": 100,
    "public-key": 3,
    "participant-replication": 5,  # concurrent replications of one participant
}


def quota(call: Call, name: str) -> int:
    return call.options.quota(name, DEFAULTS[name])
