"""Amazon IVS Real-Time Streaming (botocore service ``ivs-realtime``)."""

from __future__ import annotations

from ivsmock.core.registry import register_backend
from ivsmock.core.tagging import register_tag_operations
from ivsmock.services.ivs_realtime import (
    compositions,
    encoder_configurations,
    ingest_configurations,
    participant_tokens,
    public_keys,
    replication,
    stage_sessions,
    stages,
    storage_configurations,
)
from ivsmock.services.ivs_realtime.backend import RealTimeBackend

register_backend("ivs-realtime", RealTimeBackend)
register_tag_operations("ivs-realtime")

NOT_YET_IMPLEMENTED: frozenset[str] = frozenset()

__all__ = [
    "NOT_YET_IMPLEMENTED",
    "RealTimeBackend",
    "compositions",
    "encoder_configurations",
    "ingest_configurations",
    "participant_tokens",
    "public_keys",
    "replication",
    "stage_sessions",
    "stages",
    "storage_configurations",
]
