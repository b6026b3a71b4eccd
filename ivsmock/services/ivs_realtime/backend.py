"""The ``ivs-realtime`` backend of one account and region: resources and stage activity."""

from __future__ import annotations

import datetime
import itertools

from ivsmock.core.errors import ServiceError
from ivsmock.core.registry import RegionState, ServiceBackend
from ivsmock.core.store import ResourceStore
from ivsmock.services.ivs_realtime.compositions import Composition
from ivsmock.services.ivs_realtime.encoder_configurations import EncoderConfiguration
from ivsmock.services.ivs_realtime.ingest_configurations import IngestConfiguration
from ivsmock.services.ivs_realtime.public_keys import PublicKey
from ivsmock.services.ivs_realtime.sessions import (
    Participant,
    ParticipantEvent,
    Replica,
    StageSession,
)
from ivsmock.services.ivs_realtime.stages import Stage
from ivsmock.services.ivs_realtime.storage_configurations import StorageConfiguration


class RealTimeBackend(ServiceBackend):
    def __init__(self, region: RegionState) -> None:
        super().__init__(region)
        self.stages: ResourceStore[Stage] = ResourceStore(
            "stage",
            taggable=True,
            indexes={"storage": lambda s: s.storage_configuration_arn or None},
        )
        self.public_keys: ResourceStore[PublicKey] = ResourceStore(
            "public-key", taggable=True, indexes={"fingerprint": lambda k: k.fingerprint}
        )
        self.encoder_configurations: ResourceStore[EncoderConfiguration] = ResourceStore(
            "encoder-configuration", taggable=True
        )
        self.storage_configurations: ResourceStore[StorageConfiguration] = ResourceStore(
            "storage-configuration", taggable=True
        )
        self.compositions: ResourceStore[Composition] = ResourceStore(
            "composition",
            taggable=True,
            indexes={
                "stage": lambda c: c.stage_arn,
                "live": lambda c: c.live,
                "stage_live": lambda c: (c.stage_arn, c.live),
                "idempotency": lambda c: c.idempotency_token or None,
            },
            # A composition matches an encoder configuration if any destination uses it.
            multi_indexes={
                "encoder": lambda c: c.encoder_arns(),
                "stage_encoder": lambda c: [(c.stage_arn, e) for e in c.encoder_arns()],
            },
        )
        self.ingest_configurations: ResourceStore[IngestConfiguration] = ResourceStore(
            "ingest-configuration",
            taggable=True,
            # No stage ("") is never filtered for: not filed.
            indexes={"stage": lambda c: c.stage_arn or None, "state": lambda c: c.state},
        )
        # Stage activity (not resources with ARNs; stored under composite keys for paging).
        self.sessions: ResourceStore[StageSession] = ResourceStore(
            "stage-session", indexes={"stage": lambda s: s.stage_arn}
        )
        self.participants: ResourceStore[Participant] = ResourceStore(
            "participant",
            indexes={
                "session": lambda p: p.session_key,
                "user": lambda p: (p.session_key, p.user_id),
                "published": lambda p: (p.session_key, p.published),
                "state": lambda p: (p.session_key, p.state),
                "recording": lambda p: (p.session_key, p.recording_state),
                "publishing": lambda p: (p.session_key, p.publishing),
            },
        )
        self.event_numbers = itertools.count(1)  # unique store keys for events
        self.events: ResourceStore[ParticipantEvent] = ResourceStore(
            "participant-event", indexes={"participant": lambda e: e.participant_key}
        )
        self.replicas: ResourceStore[Replica] = ResourceStore(
            "participant-replica",
            indexes={
                "source": lambda r: (r.source_stage_arn, r.participant_id),
                "active": lambda r: (r.participant_id, r.replication_state),
                "destination": lambda r: (r.destination_stage_arn, r.replication_state),
            },
        )
        # Live compositions per encoder / storage configuration ARN (DeleteX refuses while used).
        self.encoder_users: dict[str, set[str]] = {}
        self.storage_users: dict[str, set[str]] = {}
        self.revoked_connection_tokens: set[str] = set()
        # Compositions advance on their own unless the simulation takes over (see compositions).
        self.auto_advance_compositions = True

    def stage_exists(self, stage_arn: str) -> bool:
        """Whether a stage ARN names a stage of this account and region."""
        return stage_arn in self.stages

    def get_stage(self, stage_arn: str) -> Stage:
        stage = self.stages.get(stage_arn)
        if stage is None:
            raise ServiceError(
                "ResourceNotFoundException",
                f"Stage not found: {stage_arn} (no stage with this ARN in account "
                f"{self.account}, region {self.region}); create it with CreateStage first",
            )
        return stage

    def timer_advance_composition(self, arn: str, now: datetime.datetime) -> None:
        """AWS finishes starting a composition (STARTING -> ACTIVE)."""
        from ivsmock.services.ivs_realtime.compositions import advance

        composition = self.compositions.get(arn)
        if composition is not None and composition.state == "STARTING":
            advance(self, composition, now)

    def timer_forget_composition(self, arn: str, now: datetime.datetime) -> None:
        """AWS forgets an ended composition a few minutes after it ended."""
        from ivsmock.services.ivs_realtime.compositions import purge

        composition = self.compositions.get(arn)
        if composition is not None and not composition.live:
            purge(self, composition)
