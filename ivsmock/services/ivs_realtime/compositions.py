"""Server-side compositions: StartComposition, GetComposition, ListCompositions, StopComposition.

State machine (deterministic; see docs/realtime.md): the Start response says STARTING; with
automatic advancing (the default) the composition is ACTIVE once the mock's clock has moved past
its start (with the clock running: from the next call on), and StopComposition moves it straight
to STOPPED. With ``mock.simulation.realtime.auto_advance_compositions(False)`` it stays STARTING,
and after Stop STOPPING, until ``advance_composition`` moves it on; ``fail_composition`` fails
it. An ended (STOPPED or FAILED) composition is forgotten 5 minutes of clock time after it ends.
"""

from __future__ import annotations

import copy
import datetime
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import ServiceError, conflict, invalid
from ivsmock.core.ids import arn, parse_arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services import load_service
from ivsmock.services.ivs_realtime.encoder_configurations import get_encoder_configuration
from ivsmock.services.ivs_realtime.quotas import quota
from ivsmock.services.ivs_realtime.storage_configurations import get_storage_configuration

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend

RESOURCE_TYPE = "composition"
LIVE_STATES = frozenset({"STARTING", "ACTIVE", "STOPPING"})
# AWS removes STOPPED and FAILED compositions about 5 minutes after they end.
FORGOTTEN_AFTER = datetime.timedelta(minutes=5)
GRID_DEFAULTS: dict[str, Any] = {
    "featuredParticipantAttribute": "",
    "gridGap": 2,
    "omitStoppedVideo": False,
    "participantOrderAttribute": "",
    "videoAspectRatio": "VIDEO",
}
PIP_DEFAULTS: dict[str, Any] = {
    "gridGap": 0,
    "omitStoppedVideo": False,
    "participantOrderAttribute": "",
    "pipBehavior": "STATIC",
    "pipOffset": 0,
    "pipParticipantAttribute": "",
    "pipPosition": "BOTTOM_RIGHT",
    "videoFillMode": "COVER",
}
RECORDING_DEFAULTS: dict[str, Any] = {
    "format": "HLS",
    "hlsConfiguration": {"targetSegmentDurationSeconds": 2},
}
THUMBNAIL_DEFAULTS: dict[str, Any] = {"targetIntervalSeconds": 60, "storage": ["SEQUENTIAL"]}


@dataclass(slots=True)
class Destination:
    id: str
    configuration: dict[str, Any]
    recording_prefix: str | None = None
    state: str = "STARTING"
    start_time: datetime.datetime | None = None
    end_time: datetime.datetime | None = None

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {"id": self.id, "state": self.state}
        if self.start_time is not None:
            result["startTime"] = self.start_time
        if self.end_time is not None:
            result["endTime"] = self.end_time
        return result

    def describe(self) -> dict[str, Any]:
        result = {**self.summary(), "configuration": self.configuration}
        if self.recording_prefix is not None:
            result["detail"] = {"s3": {"recordingPrefix": self.recording_prefix}}
        return result


@dataclass(slots=True)
class Composition:
    arn: str
    stage_arn: str
    layout: dict[str, Any]
    destinations: list[Destination]
    start_time: datetime.datetime
    idempotency_token: str
    request_digest: str  # the request an idempotency token was first used with
    state: str = "STARTING"
    end_time: datetime.datetime | None = None
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def live(self) -> bool:
        return self.state in LIVE_STATES

    def encoder_arns(self) -> list[str]:
        found: list[str] = []
        for destination in self.destinations:
            configuration = destination.configuration
            found += configuration.get("s3", {}).get("encoderConfigurationArns", [])
            channel_encoder = configuration.get("channel", {}).get("encoderConfigurationArn")
            if channel_encoder:
                found.append(channel_encoder)
        return list(dict.fromkeys(found))

    def storage_arns(self) -> list[str]:
        return [
            d.configuration["s3"]["storageConfigurationArn"]
            for d in self.destinations
            if "s3" in d.configuration
        ]

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "arn": self.arn,
            "stageArn": self.stage_arn,
            "destinations": [d.summary() for d in self.destinations],
            "state": self.state,
            "tags": dict(self.tags),
            "startTime": self.start_time,
        }
        if self.end_time is not None:
            result["endTime"] = self.end_time
        return result

    def describe(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "layout": self.layout,
            "destinations": [d.describe() for d in self.destinations],
        }


def layout_configuration(given: dict[str, Any] | None) -> dict[str, Any]:
    """The layout with every default filled in; grid when none is given."""
    given = given or {}
    if given.get("grid") is not None and given.get("pip") is not None:
        raise invalid("layout", "set either layout.grid or layout.pip, not both")
    if given.get("pip") is not None:
        return {"pip": {**PIP_DEFAULTS, **given["pip"]}}
    return {"grid": {**GRID_DEFAULTS, **(given.get("grid") or {})}}


def _channel_destination(call: Call, given: dict[str, Any], path: str) -> dict[str, Any]:
    channel_arn = given["channelArn"]
    parsed = parse_arn(channel_arn)
    if parsed is None or (parsed.account, parsed.region) != (call.account, call.region):
        raise invalid(
            f"{path}.channel.channelArn",
            f"channel {channel_arn} must be in the caller's account {call.account} and "
            f"region {call.region}",
        )
    load_service("ivs")
    # Channels live in the low-latency backend; tolerate a backend without a channel store.
    channels = getattr(call.backend("ivs"), "channels", None)
    if channels is not None and channel_arn not in channels:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Channel not found: {channel_arn}; create it with the ivs CreateChannel operation",
        )
    if given.get("encoderConfigurationArn"):
        get_encoder_configuration(call.backend(), given["encoderConfigurationArn"])
    return dict(given)


def _s3_destination(backend: RealTimeBackend, given: dict[str, Any]) -> dict[str, Any]:
    get_storage_configuration(backend, given["storageConfigurationArn"])
    for encoder in given["encoderConfigurationArns"]:
        get_encoder_configuration(backend, encoder)
    result = copy.deepcopy(given)
    recording = given.get("recordingConfiguration") or {}
    result["recordingConfiguration"] = {
        "format": recording.get("format", RECORDING_DEFAULTS["format"]),
        "hlsConfiguration": {
            **RECORDING_DEFAULTS["hlsConfiguration"],
            **(recording.get("hlsConfiguration") or {}),
        },
    }
    if given.get("thumbnailConfigurations") is not None:
        result["thumbnailConfigurations"] = [
            {**THUMBNAIL_DEFAULTS, **item} for item in given["thumbnailConfigurations"]
        ]
    return result


def destination_configurations(call: Call, given: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each destination checked (one channel and/or one S3 target that exist) and defaulted."""
    backend: RealTimeBackend = call.backend()
    result = []
    kinds: list[str] = []
    for index, destination in enumerate(given):
        path = f"destinations.{index + 1}.member"
        chosen = [kind for kind in ("channel", "s3") if destination.get(kind) is not None]
        if len(chosen) != 1:
            raise invalid(path, "each destination needs exactly one of channel or s3")
        if chosen[0] in kinds:
            raise invalid(
                path,
                f"a composition can have one {chosen[0]} destination; the other must be a "
                f"{'s3' if chosen[0] == 'channel' else 'channel'} destination",
            )
        kinds.append(chosen[0])
        configuration: dict[str, Any] = {"name": destination.get("name", "")}
        if chosen[0] == "channel":
            configuration["channel"] = _channel_destination(call, destination["channel"], path)
        else:
            configuration["s3"] = _s3_destination(backend, destination["s3"])
        result.append(configuration)
    return result


def _digest(params: Params) -> str:
    rest = {k: v for k, v in params.items() if k != "idempotencyToken"}
    return json.dumps(rest, sort_keys=True, default=str)


def _check_quotas(call: Call, backend: RealTimeBackend, stage_arn: str) -> None:
    per_stage = quota(call, "composition-per-stage")
    if backend.compositions.count("stage_live", (stage_arn, True)) >= per_stage:
        raise ServiceError(
            "ServiceQuotaExceededException",
            f"Stage {stage_arn} already has {per_stage} running compositions (the quota per "
            f"stage); stop one with StopComposition first",
        )
    per_account = quota(call, "composition")
    if backend.compositions.count("live", True) >= per_account:
        raise ServiceError(
            "ServiceQuotaExceededException",
            f"{per_account} compositions are running in this account and region (the quota); "
            f"stop one with StopComposition first",
        )


def _retry(backend: RealTimeBackend, params: Params) -> Composition | None:
    """The composition an earlier call with the same idempotency token started, if any."""
    token = params.get("idempotencyToken")
    if not token or not backend.compositions.count("idempotency", token):
        return None
    earlier = backend.compositions.page(0, 1, "idempotency", token)[0][0]
    if earlier.request_digest != _digest(params):
        raise conflict(
            f"idempotencyToken {token} was already used to start {earlier.arn} with other "
            f"parameters; use a new token for a different request"
        )
    return earlier


def _track(backend: RealTimeBackend, composition: Composition) -> None:
    for encoder in composition.encoder_arns():
        backend.encoder_users.setdefault(encoder, set()).add(composition.arn)
    for storage in composition.storage_arns():
        backend.storage_users.setdefault(storage, set()).add(composition.arn)


def _release(backend: RealTimeBackend, composition: Composition) -> None:
    for users, targets in (
        (backend.encoder_users, composition.encoder_arns()),
        (backend.storage_users, composition.storage_arns()),
    ):
        for target in targets:
            holders = users.get(target)
            if holders is not None:
                holders.discard(composition.arn)
                if not holders:
                    del users[target]


def advance(backend: RealTimeBackend, composition: Composition, now: datetime.datetime) -> None:
    """One step along the happy path: STARTING -> ACTIVE, STOPPING -> STOPPED."""
    if composition.state == "STARTING":
        composition.state = "ACTIVE"
        for destination in composition.destinations:
            destination.state = "ACTIVE"
            destination.start_time = now
        backend.compositions.reindex(composition)
    elif composition.state == "STOPPING":
        finish(backend, composition, "STOPPED", now)


def finish(
    backend: RealTimeBackend, composition: Composition, state: str, now: datetime.datetime
) -> None:
    """End a composition as STOPPED or FAILED; its configurations are free to delete again."""
    composition.state = state
    composition.end_time = now
    for destination in composition.destinations:
        if destination.state not in ("STOPPED", "FAILED"):
            destination.state = state
            destination.end_time = now
    backend.compositions.reindex(composition)
    _release(backend, composition)
    backend.schedule(now + FORGOTTEN_AFTER, "forget_composition", composition.arn)


def purge(backend: RealTimeBackend, composition: Composition) -> None:
    """Forget a STOPPED or FAILED composition (AWS does so about 5 minutes after it ends)."""
    backend.compositions.remove(composition.arn)


def get_composition(backend: RealTimeBackend, target: str) -> Composition:
    found = backend.compositions.get(target)
    if found is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Composition not found: {target}; ended compositions are forgotten a few "
            f"minutes after they stop",
        )
    return found


@operation("ivs-realtime", "StartComposition")
def start_composition(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage = backend.get_stage(params["stageArn"])
    earlier = _retry(backend, params)
    if earlier is not None:
        return {"composition": earlier.describe()}
    layout = layout_configuration(params.get("layout"))
    configurations = destination_configurations(call, params["destinations"])
    tags = params.get("tags") or {}
    check_new_tags(tags)
    _check_quotas(call, backend, stage.arn)
    composition_id = random_id()
    composition_arn = arn("ivs", call.region, call.account, RESOURCE_TYPE, composition_id)
    destinations = []
    for configuration in configurations:
        destination_id = random_id()
        prefix = None
        if "s3" in configuration:
            prefix = f"{stage.resource_id}/{composition_id}/{destination_id}/composite"
        destinations.append(Destination(destination_id, configuration, prefix))
    composition = Composition(
        arn=composition_arn,
        stage_arn=stage.arn,
        layout=layout,
        destinations=destinations,
        start_time=call.state.mock_state.clock.now(),
        idempotency_token=params.get("idempotencyToken") or "",
        request_digest=_digest(params),
        tags=dict(tags),
    )
    response = {"composition": composition.describe()}
    backend.compositions.add(composition)
    _track(backend, composition)
    if backend.auto_advance_compositions:
        backend.schedule(composition.start_time, "advance_composition", composition.arn)
    return response


@operation("ivs-realtime", "GetComposition")
def get_composition_operation(call: Call, params: Params) -> Result:
    return {"composition": get_composition(call.backend(), params["arn"]).describe()}


@operation("ivs-realtime", "ListCompositions")
def list_compositions(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    stage_arn = params.get("filterByStageArn")
    encoder_arn = params.get("filterByEncoderConfigurationArn")
    index: str | None = None
    value: Any = None
    if encoder_arn:
        index, value = (
            ("stage_encoder", (stage_arn, encoder_arn)) if stage_arn else ("encoder", encoder_arn)
        )
    elif stage_arn:
        index, value = "stage", stage_arn
    return list_answer(
        call,
        backend.compositions,
        params,
        "compositions",
        default_size=100,
        index=index,
        value=value,
    )


@operation("ivs-realtime", "StopComposition")
def stop_composition(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    composition = get_composition(backend, params["arn"])
    if composition.state not in ("STARTING", "ACTIVE"):
        return {}  # already stopping or ended: stopping again changes nothing
    now = call.state.mock_state.clock.now()
    if backend.auto_advance_compositions:
        finish(backend, composition, "STOPPED", now)
    else:
        composition.state = "STOPPING"
        for destination in composition.destinations:
            destination.state = "STOPPING"
        backend.compositions.reindex(composition)
    return {}
