"""Ad configurations (server-side ad insertion): Create, Get, List, Update, Delete.

The MediaTailor playback configurations are stored and echoed; ivsmock does not mock
MediaTailor, so only their account and region are checked. A configuration a channel names
cannot be deleted (409).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import invalid, quota_exceeded
from ivsmock.core.ids import arn, parse_arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs.common import fetch, refuse_if_used

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

QUOTA = 100  # undocumented; see docs/ivs.md
RESOURCE_TYPE = "ad-configuration"
LABEL = "Ad configuration"
DEFAULT_POST_ROLL = {"enabled": False, "durationSeconds": 15}


@dataclass(slots=True)
class AdConfiguration:
    arn: str
    name: str
    media_tailor_playback_configurations: list[dict[str, str]]
    post_roll_configuration: dict[str, Any]
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "name": self.name,
            "mediaTailorPlaybackConfigurations": [
                dict(item) for item in self.media_tailor_playback_configurations
            ],
            "postRollConfiguration": dict(self.post_roll_configuration),
            "tags": dict(self.tags),
        }

    def summary(self) -> dict[str, Any]:
        return self.describe()


def _playback_configurations(call: Call, given: list[dict[str, str]]) -> list[dict[str, str]]:
    """Each item must name a MediaTailor configuration of the caller's account and region."""
    result = []
    for position, item in enumerate(given):
        target = item.get("playbackConfigurationArn", "")
        parsed = parse_arn(target)
        if parsed is None or parsed.region != call.region or parsed.account != call.account:
            raise invalid(
                f"mediaTailorPlaybackConfigurations[{position}].playbackConfigurationArn",
                f"{target!r} must be a MediaTailor playback configuration ARN in account "
                f"{call.account}, region {call.region}",
            )
        result.append({"playbackConfigurationArn": target})
    return result


@operation("ivs", "CreateAdConfiguration")
def create_ad_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configurations = _playback_configurations(call, params["mediaTailorPlaybackConfigurations"])
    tags = params.get("tags") or {}
    check_new_tags(tags)
    quota = call.options.quota(RESOURCE_TYPE, QUOTA)
    if len(backend.ad_configurations) >= quota:
        raise quota_exceeded("ad configurations", quota)
    configuration = AdConfiguration(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        media_tailor_playback_configurations=configurations,
        post_roll_configuration=dict(params.get("postRollConfiguration") or DEFAULT_POST_ROLL),
        tags=dict(tags),
    )
    backend.ad_configurations.add(configuration)
    return {"adConfiguration": configuration.describe()}


@operation("ivs", "GetAdConfiguration")
def get_ad_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configuration = fetch(backend.ad_configurations, params["arn"], LABEL, call)
    return {"adConfiguration": configuration.describe()}


@operation("ivs", "ListAdConfigurations")
def list_ad_configurations(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    size = min(call.options.quota(RESOURCE_TYPE, QUOTA), 100)
    return list_answer(
        call, backend.ad_configurations, params, "adConfigurations", default_size=size
    )


@operation("ivs", "UpdateAdConfiguration")
def update_ad_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configuration = fetch(backend.ad_configurations, params["arn"], LABEL, call)
    given = params.get("mediaTailorPlaybackConfigurations")
    configurations = _playback_configurations(call, given) if given is not None else None
    if "name" in params:
        configuration.name = params["name"]
    if configurations is not None:
        configuration.media_tailor_playback_configurations = configurations
    if "postRollConfiguration" in params:
        configuration.post_roll_configuration = dict(params["postRollConfiguration"])
    return {"adConfiguration": configuration.describe()}


@operation("ivs", "DeleteAdConfiguration")
def delete_ad_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configuration = fetch(backend.ad_configurations, params["arn"], LABEL, call)
    users = backend.channels_using("ad", configuration.arn)
    refuse_if_used(users, LABEL, configuration.arn, "adConfigurationArn")
    backend.ad_configurations.remove(configuration.arn)
    return None
