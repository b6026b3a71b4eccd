"""Amazon IVS low-latency streaming (botocore service ``ivs``)."""

from __future__ import annotations

from ivsmock.core.registry import register_backend
from ivsmock.core.tagging import register_tag_operations
from ivsmock.services.ivs import recording_configurations
from ivsmock.services.ivs.backend import IvsBackend

register_backend("ivs", IvsBackend)
register_tag_operations("ivs")

NOT_YET_IMPLEMENTED: frozenset[str] = frozenset(
    {
        "BatchGetChannel",
        "BatchGetStreamKey",
        "BatchStartViewerSessionRevocation",
        "CreateAdConfiguration",
        "CreateChannel",
        "CreateFailoverSlateConfiguration",
        "CreatePlaybackRestrictionPolicy",
        "CreateStreamKey",
        "DeleteAdConfiguration",
        "DeleteChannel",
        "DeleteFailoverSlateConfiguration",
        "DeletePlaybackKeyPair",
        "DeletePlaybackRestrictionPolicy",
        "DeleteStreamKey",
        "GetAdConfiguration",
        "GetChannel",
        "GetFailoverSlateConfiguration",
        "GetPlaybackKeyPair",
        "GetPlaybackRestrictionPolicy",
        "GetStream",
        "GetStreamKey",
        "GetStreamSession",
        "ImportPlaybackKeyPair",
        "InsertAdBreak",
        "ListAdConfigurations",
        "ListChannels",
        "ListFailoverSlateConfigurations",
        "ListPlaybackKeyPairs",
        "ListPlaybackRestrictionPolicies",
        "ListStreamKeys",
        "ListStreamSessions",
        "ListStreams",
        "PutMetadata",
        "StartViewerSessionRevocation",
        "StopStream",
        "UpdateAdConfiguration",
        "UpdateChannel",
        "UpdateFailoverSlateConfiguration",
        "UpdatePlaybackRestrictionPolicy",
    }
)

__all__ = ["NOT_YET_IMPLEMENTED", "IvsBackend", "recording_configurations"]
