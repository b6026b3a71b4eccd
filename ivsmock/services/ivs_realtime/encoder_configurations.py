"""Encoder configurations (how a composition encodes its output): Create, Get, List, Delete."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import ServiceError, conflict, invalid, quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs_realtime.quotas import quota

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend

RESOURCE_TYPE = "encoder-configuration"
DEFAULT_VIDEO: dict[str, Any] = {"width": 1280, "height": 720, "framerate": 30, "bitrate": 2500000}
MAX_PIXELS = 2_073_600  # 1920 x 1080, either orientation


@dataclass(slots=True)
class EncoderConfiguration:
    arn: str
    name: str
    video: dict[str, Any]
    tags: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {"arn": self.arn, "name": self.name, "tags": dict(self.tags)}

    def describe(self) -> dict[str, Any]:
        return {**self.summary(), "video": dict(self.video)}


def video_settings(given: dict[str, Any] | None) -> dict[str, Any]:
    video = {**DEFAULT_VIDEO, **{k: v for k, v in (given or {}).items() if v is not None}}
    for side in ("width", "height"):
        if video[side] % 2:
            raise invalid(f"video.{side}", f"{side} must be even; {video[side]} is odd")
    pixels = video["width"] * video["height"]
    if pixels > MAX_PIXELS:
        raise invalid(
            "video",
            f"width x height may be at most {MAX_PIXELS} (1920x1080 or 1080x1920); "
            f"{video['width']}x{video['height']} is {pixels}",
        )
    return video


def get_encoder_configuration(backend: RealTimeBackend, target: str) -> EncoderConfiguration:
    found = backend.encoder_configurations.get(target)
    if found is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Encoder configuration not found: {target}; create it with "
            f"CreateEncoderConfiguration first",
        )
    return found


@operation("ivs-realtime", "CreateEncoderConfiguration")
def create_encoder_configuration(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    video = video_settings(params.get("video"))
    tags = params.get("tags") or {}
    check_new_tags(tags)
    limit = quota(call, "encoder-configuration")
    if len(backend.encoder_configurations) >= limit:
        raise quota_exceeded("encoder configurations", limit)
    configuration = EncoderConfiguration(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        video=video,
        tags=dict(tags),
    )
    backend.encoder_configurations.add(configuration)
    return {"encoderConfiguration": configuration.describe()}


@operation("ivs-realtime", "GetEncoderConfiguration")
def get_encoder_configuration_operation(call: Call, params: Params) -> Result:
    configuration = get_encoder_configuration(call.backend(), params["arn"])
    return {"encoderConfiguration": configuration.describe()}


@operation("ivs-realtime", "ListEncoderConfigurations")
def list_encoder_configurations(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    return list_answer(
        call, backend.encoder_configurations, params, "encoderConfigurations", default_size=100
    )


@operation("ivs-realtime", "DeleteEncoderConfiguration")
def delete_encoder_configuration(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    configuration = get_encoder_configuration(backend, params["arn"])
    users = sorted(backend.encoder_users.get(configuration.arn, ()))
    if users:
        raise conflict(
            f"Encoder configuration {configuration.arn} is used by {len(users)} running "
            f"composition(s) ({', '.join(users[:5])}); stop them with StopComposition first"
        )
    backend.encoder_configurations.remove(configuration.arn)
    return {}
