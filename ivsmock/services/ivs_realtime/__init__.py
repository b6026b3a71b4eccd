"""Amazon IVS Real-Time Streaming (botocore service ``ivs-realtime``)."""

from __future__ import annotations

from ivsmock.core.registry import register_backend
from ivsmock.core.tagging import register_tag_operations
from ivsmock.services.ivs_realtime import ingest_configurations
from ivsmock.services.ivs_realtime.backend import RealTimeBackend

register_backend("ivs-realtime", RealTimeBackend)
register_tag_operations("ivs-realtime")

NOT_YET_IMPLEMENTED: frozenset[str] = frozenset(
    {
        "CreateEncoderConfiguration",
        "CreateParticipantToken",
        "CreateStage",
        "CreateStorageConfiguration",
        "DeleteEncoderConfiguration",
        "DeletePublicKey",
        "DeleteStage",
        "DeleteStorageConfiguration",
        "DisconnectParticipant",
        "GetComposition",
        "GetEncoderConfiguration",
        "GetParticipant",
        "GetPublicKey",
        "GetStage",
        "GetStageSession",
        "GetStorageConfiguration",
        "ImportPublicKey",
        "ListCompositions",
        "ListEncoderConfigurations",
        "ListParticipantEvents",
        "ListParticipantReplicas",
        "ListParticipants",
        "ListPublicKeys",
        "ListStageSessions",
        "ListStages",
        "ListStorageConfigurations",
        "RevokeConnectionToken",
        "StartComposition",
        "StartParticipantReplication",
        "StopComposition",
        "StopParticipantReplication",
    }
)

__all__ = ["NOT_YET_IMPLEMENTED", "RealTimeBackend", "ingest_configurations"]
