"""Recording configurations: Create, Get, List, Delete.

A new configuration is ``CREATING`` and becomes ``ACTIVE`` once the mock's clock has moved past
its creation: with the clock running, that is every later call; with a frozen clock, after
``mock.clock.advance(...)``. With ``settle_recording_configurations=False`` it stays ``CREATING``
until ``IvsMock.simulation.settle_recording_configuration`` moves it on.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import ServiceError, invalid, quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs.common import refuse_if_used

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

QUOTA = 20
RESOURCE_TYPE = "recording-configuration"


@dataclass(slots=True)
class RecordingConfiguration:
    arn: str
    name: str
    destination_configuration: dict[str, Any]
    state: str
    thumbnail_configuration: dict[str, Any]
    rendition_configuration: dict[str, Any]
    recording_reconnect_window_seconds: int
    tags: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "name": self.name,
            "destinationConfiguration": self.destination_configuration,
            "state": self.state,
            "tags": dict(self.tags),
        }

    def describe(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "thumbnailConfiguration": self.thumbnail_configuration,
            "renditionConfiguration": self.rendition_configuration,
            "recordingReconnectWindowSeconds": self.recording_reconnect_window_seconds,
        }


def _thumbnails(given: dict[str, Any] | None) -> dict[str, Any]:
    given = given or {}
    mode = given.get("recordingMode", "INTERVAL")
    if mode != "INTERVAL" and "targetIntervalSeconds" in given:
        raise invalid(
            "thumbnailConfiguration.targetIntervalSeconds",
            f"can be set only when recordingMode is INTERVAL, not {mode}",
        )
    result: dict[str, Any] = {"recordingMode": mode}
    if mode == "INTERVAL":
        result["targetIntervalSeconds"] = given.get("targetIntervalSeconds", 60)
    if "resolution" in given:
        result["resolution"] = given["resolution"]
    result["storage"] = list(given.get("storage") or ["SEQUENTIAL"])
    return result


def _renditions(given: dict[str, Any] | None) -> dict[str, Any]:
    given = given or {}
    selection = given.get("renditionSelection", "ALL")
    renditions = list(given.get("renditions") or [])
    if selection == "CUSTOM" and not renditions:
        raise invalid(
            "renditionConfiguration.renditions",
            "renditionSelection CUSTOM needs at least one rendition "
            "(LOWEST_RESOLUTION, SD, HD or FULL_HD)",
        )
    result: dict[str, Any] = {"renditionSelection": selection}
    if selection == "CUSTOM":
        result["renditions"] = renditions
    return result


def _get(backend: IvsBackend, target: str) -> RecordingConfiguration:
    found = backend.recording_configurations.get(target)
    if found is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Recording configuration not found: {target}",
        )
    return found


@operation("ivs", "CreateRecordingConfiguration")
def create_recording_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    destination = params["destinationConfiguration"]
    if "s3" not in destination:
        raise invalid(
            "destinationConfiguration.s3",
            "a destination is required; set s3.bucketName",
        )
    thumbnails = _thumbnails(params.get("thumbnailConfiguration"))
    renditions = _renditions(params.get("renditionConfiguration"))
    tags = params.get("tags") or {}
    check_new_tags(tags)
    quota = call.options.quota(RESOURCE_TYPE, QUOTA)
    if len(backend.recording_configurations) >= quota:
        raise quota_exceeded("recording configurations", quota)
    configuration = RecordingConfiguration(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        destination_configuration=copy.deepcopy(destination),
        state="CREATING",
        thumbnail_configuration=thumbnails,
        rendition_configuration=renditions,
        recording_reconnect_window_seconds=params.get("recordingReconnectWindowSeconds", 0),
        tags=dict(tags),
    )
    backend.recording_configurations.add(configuration)
    if call.options.settle_recording_configurations:
        now = call.state.mock_state.clock.now()
        backend.schedule(now, "settle_recording_configuration", configuration.arn)
    return {"recordingConfiguration": configuration.describe()}


@operation("ivs", "GetRecordingConfiguration")
def get_recording_configuration(call: Call, params: Params) -> Result:
    return {"recordingConfiguration": _get(call.backend(), params["arn"]).describe()}


@operation("ivs", "ListRecordingConfigurations")
def list_recording_configurations(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    return list_answer(
        call,
        backend.recording_configurations,
        params,
        "recordingConfigurations",
        default_size=min(call.options.quota(RESOURCE_TYPE, QUOTA), 100),
    )


@operation("ivs", "DeleteRecordingConfiguration")
def delete_recording_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configuration = _get(backend, params["arn"])
    users = backend.channels_using_recording_configuration(configuration.arn)
    refuse_if_used(users, "Recording configuration", configuration.arn, "recordingConfigurationArn")
    backend.recording_configurations.remove(configuration.arn)
    return None
