"""Amazon IVS low-latency streaming (botocore service ``ivs``)."""

from __future__ import annotations

from ivsmock.core.registry import register_backend
from ivsmock.core.tagging import register_tag_operations
from ivsmock.services.ivs import (
    ad_configurations,
    channels,
    failover_slates,
    playback_key_pairs,
    playback_restriction_policies,
    recording_configurations,
    stream_keys,
    stream_operations,
    viewer_sessions,
)
from ivsmock.services.ivs.backend import IvsBackend

register_backend("ivs", IvsBackend)
register_tag_operations("ivs")

NOT_YET_IMPLEMENTED: frozenset[str] = frozenset()

__all__ = [
    "NOT_YET_IMPLEMENTED",
    "IvsBackend",
    "ad_configurations",
    "channels",
    "failover_slates",
    "playback_key_pairs",
    "playback_restriction_policies",
    "recording_configurations",
    "stream_keys",
    "stream_operations",
    "viewer_sessions",
]
