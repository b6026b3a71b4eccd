"""Ingest configurations (RTMP/RTMPS publishing into a stage): Create, Get, List, Update, Delete."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.attributes import check_attributes_size
from ivsmock.core.errors import ServiceError, conflict, invalid, quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs_realtime import activity
from ivsmock.services.ivs_realtime.quotas import quota

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend

RESOURCE_TYPE = "ingest-configuration"


@dataclass(slots=True)
class Credential:
    participant_id: str
    stream_key: str


@dataclass(slots=True)
class IngestConfiguration:
    arn: str
    name: str
    ingest_protocol: str
    stage_arn: str
    user_id: str
    attributes: dict[str, str]
    primary: Credential
    redundant: list[Credential] | None
    state: str = "INACTIVE"
    tags: dict[str, str] = field(default_factory=dict)
    # The last summary and what it depended on: Lists build pages of them on every call.
    _summary: tuple[tuple[str, str, bool], dict[str, Any]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def resource_id(self) -> str:
        return self.arn.rsplit("/", 1)[1]

    @property
    def participant_id(self) -> str:
        return self.primary.participant_id

    def summary(self) -> dict[str, Any]:
        """The List shape; shared between calls, so callers must not change it."""
        key = (self.stage_arn, self.state, self.redundant is not None)
        cached = self._summary
        if cached is not None and cached[0] == key:
            return cached[1]
        summary = {
            "name": self.name,
            "arn": self.arn,
            "ingestProtocol": self.ingest_protocol,
            "stageArn": self.stage_arn,
            "participantId": self.primary.participant_id,
            "state": self.state,
            "userId": self.user_id,
            "redundantIngest": key[2],
        }
        self._summary = (key, summary)
        return summary

    def describe(self) -> dict[str, Any]:
        result = {
            **self.summary(),
            "streamKey": self.primary.stream_key,
            "attributes": dict(self.attributes),
            "tags": dict(self.tags),
        }
        if self.redundant is not None:
            result["redundantIngestCredentials"] = [
                {"participantId": c.participant_id, "streamKey": c.stream_key}
                for c in self.redundant
            ]
        return result


def _credential(call: Call, configuration_id: str) -> Credential:
    secret = random_id(32)
    return Credential(
        participant_id=random_id(),
        stream_key=f"rt_{call.account}_{call.region}_{configuration_id}_{secret}",
    )


def _redundant_pair(call: Call, configuration_id: str, primary: Credential) -> list[Credential]:
    # One pair per encoder; the first encoder uses the configuration's own credentials.
    return [primary, _credential(call, configuration_id)]


def check_attributes(attributes: dict[str, str]) -> None:
    check_attributes_size("attributes", attributes, "Keep large data out of the configuration")


def _disconnect_publisher(
    backend: RealTimeBackend, configuration: IngestConfiguration, now: datetime.datetime
) -> None:
    stage = backend.stages.get(configuration.stage_arn)
    if stage is None:
        return
    publisher = activity.connected_participant(backend, stage, configuration.participant_id)
    if publisher is not None:
        activity.leave(backend, publisher, now)


def _get(backend: RealTimeBackend, target: str) -> IngestConfiguration:
    found = backend.ingest_configurations.get(target)
    if found is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Ingest configuration not found: {target}; ListIngestConfigurations shows them",
        )
    return found


@operation("ivs-realtime", "CreateIngestConfiguration")
def create_ingest_configuration(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    protocol = params["ingestProtocol"]
    if protocol == "RTMP" and not params.get("insecureIngest", False):
        raise invalid(
            "insecureIngest",
            "ingestProtocol RTMP needs insecureIngest set to true; use RTMPS otherwise",
        )
    attributes = params.get("attributes") or {}
    check_attributes(attributes)
    stage_arn = params.get("stageArn", "")
    if stage_arn and not backend.stage_exists(stage_arn):
        raise invalid("stageArn", f"stage {stage_arn} does not exist in this account and region")
    tags = params.get("tags") or {}
    check_new_tags(tags)
    limit = quota(call, "ingest-configuration")
    if len(backend.ingest_configurations) >= limit:
        raise quota_exceeded("ingest configurations", limit)
    configuration_id = random_id()
    primary = _credential(call, configuration_id)
    configuration = IngestConfiguration(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, configuration_id),
        name=params.get("name", ""),
        ingest_protocol=protocol,
        stage_arn=stage_arn,
        user_id=params.get("userId", ""),
        attributes=dict(attributes),
        primary=primary,
        redundant=(
            _redundant_pair(call, configuration_id, primary)
            if params.get("redundantIngest")
            else None
        ),
        tags=dict(tags),
    )
    backend.ingest_configurations.add(configuration)
    return {"ingestConfiguration": configuration.describe()}


@operation("ivs-realtime", "GetIngestConfiguration")
def get_ingest_configuration(call: Call, params: Params) -> Result:
    return {"ingestConfiguration": _get(call.backend(), params["arn"]).describe()}


@operation("ivs-realtime", "ListIngestConfigurations")
def list_ingest_configurations(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    by_stage, by_state = params.get("filterByStageArn"), params.get("filterByState")
    if by_stage and by_state:
        raise invalid(
            "filterByStageArn",
            "filterByStageArn and filterByState cannot be used together; use one of them",
        )
    index, value = (
        ("stage", by_stage) if by_stage else ("state", by_state) if by_state else (None, None)
    )
    return list_answer(
        call,
        backend.ingest_configurations,
        params,
        "ingestConfigurations",
        default_size=50,
        index=index,
        value=value,
    )


@operation("ivs-realtime", "UpdateIngestConfiguration")
def update_ingest_configuration(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    configuration = _get(backend, params["arn"])
    if configuration.state == "ACTIVE":
        raise conflict(
            f"Ingest configuration {configuration.arn} is ACTIVE (a publisher is streaming "
            f"through it) and cannot be updated until the publisher stops"
        )
    stage_arn = params.get("stageArn")
    if stage_arn and not backend.stage_exists(stage_arn):
        raise ServiceError(
            "ResourceNotFoundException",
            f"Stage not found: {stage_arn}; create it with CreateStage or pass '' to detach",
        )
    if stage_arn is not None:
        configuration.stage_arn = stage_arn
        backend.ingest_configurations.reindex(configuration)
    redundant = params.get("redundantIngest")
    if redundant is True and configuration.redundant is None:
        configuration.redundant = _redundant_pair(
            call, configuration.resource_id, configuration.primary
        )
    elif redundant is False:
        configuration.redundant = None
    return {"ingestConfiguration": configuration.describe()}


@operation("ivs-realtime", "DeleteIngestConfiguration")
def delete_ingest_configuration(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    configuration = _get(backend, params["arn"])
    if configuration.state == "ACTIVE" and not params.get("force", False):
        raise conflict(
            f"Ingest configuration {configuration.arn} is ACTIVE (a publisher is streaming "
            f"through it); pass force=true to disconnect the publisher and delete it"
        )
    if configuration.state == "ACTIVE":
        _disconnect_publisher(backend, configuration, call.state.mock_state.clock.now())
    backend.ingest_configurations.remove(configuration.arn)
    return {}
