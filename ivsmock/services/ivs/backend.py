"""The ``ivs`` backend of one account and region."""

from __future__ import annotations

from ivsmock.core.registry import RegionState, ServiceBackend
from ivsmock.core.store import ResourceStore
from ivsmock.services.ivs.recording_configurations import RecordingConfiguration


class IvsBackend(ServiceBackend):
    def __init__(self, region: RegionState) -> None:
        super().__init__(region)
        self.recording_configurations: ResourceStore[RecordingConfiguration] = ResourceStore(
            "recording-configuration", taggable=True
        )

    def channels_using_recording_configuration(self, arn: str) -> list[str]:
        """ARNs of the channels that record with ``arn`` (none until channels exist)."""
        return []
