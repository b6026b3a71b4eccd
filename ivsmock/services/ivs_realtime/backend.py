"""The ``ivs-realtime`` backend of one account and region."""

from __future__ import annotations

from ivsmock.core.registry import RegionState, ServiceBackend
from ivsmock.core.store import ResourceStore
from ivsmock.services.ivs_realtime.ingest_configurations import IngestConfiguration


class RealTimeBackend(ServiceBackend):
    def __init__(self, region: RegionState) -> None:
        super().__init__(region)
        self.ingest_configurations: ResourceStore[IngestConfiguration] = ResourceStore(
            "ingest-configuration",
            taggable=True,
            indexes={"stage": lambda c: c.stage_arn, "state": lambda c: c.state},
        )

    def stage_exists(self, stage_arn: str) -> bool:
        """Whether a stage ARN names a stage of this account and region.

        Stages arrive with the real-time issue; until then every well-formed ARN is accepted.
        """
        return True
