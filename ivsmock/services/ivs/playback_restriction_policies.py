"""Playback restriction policies: Create, Get, List, Update, Delete.

A policy is usable at once (no state). A policy a channel names cannot be deleted (409).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs.common import fetch, refuse_if_used

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

QUOTA = 100  # undocumented; see docs/ivs.md
RESOURCE_TYPE = "playback-restriction-policy"
LABEL = "Playback restriction policy"


@dataclass(slots=True)
class PlaybackRestrictionPolicy:
    arn: str
    name: str
    allowed_countries: list[str]
    allowed_origins: list[str]
    enable_strict_origin_enforcement: bool
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "name": self.name,
            "allowedCountries": list(self.allowed_countries),
            "allowedOrigins": list(self.allowed_origins),
            "enableStrictOriginEnforcement": self.enable_strict_origin_enforcement,
            "tags": dict(self.tags),
        }

    def summary(self) -> dict[str, Any]:
        return self.describe()


@operation("ivs", "CreatePlaybackRestrictionPolicy")
def create_playback_restriction_policy(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    tags = params.get("tags") or {}
    check_new_tags(tags)
    quota = call.options.quota(RESOURCE_TYPE, QUOTA)
    if len(backend.playback_restriction_policies) >= quota:
        raise quota_exceeded("playback restriction policies", quota)
    policy = PlaybackRestrictionPolicy(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        allowed_countries=list(params.get("allowedCountries") or []),
        allowed_origins=list(params.get("allowedOrigins") or []),
        enable_strict_origin_enforcement=params.get("enableStrictOriginEnforcement", False),
        tags=dict(tags),
    )
    backend.playback_restriction_policies.add(policy)
    return {"playbackRestrictionPolicy": policy.describe()}


@operation("ivs", "GetPlaybackRestrictionPolicy")
def get_playback_restriction_policy(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    policy = fetch(backend.playback_restriction_policies, params["arn"], LABEL, call)
    return {"playbackRestrictionPolicy": policy.describe()}


@operation("ivs", "ListPlaybackRestrictionPolicies")
def list_playback_restriction_policies(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    # The documented default page size is 1 (facts §0.4).
    return list_answer(
        call,
        backend.playback_restriction_policies,
        params,
        "playbackRestrictionPolicies",
        default_size=1,
    )


@operation("ivs", "UpdatePlaybackRestrictionPolicy")
def update_playback_restriction_policy(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    policy = fetch(backend.playback_restriction_policies, params["arn"], LABEL, call)
    if "name" in params:
        policy.name = params["name"]
    if "allowedCountries" in params:
        policy.allowed_countries = list(params["allowedCountries"])
    if "allowedOrigins" in params:
        policy.allowed_origins = list(params["allowedOrigins"])
    if "enableStrictOriginEnforcement" in params:
        policy.enable_strict_origin_enforcement = params["enableStrictOriginEnforcement"]
    return {"playbackRestrictionPolicy": policy.describe()}


@operation("ivs", "DeletePlaybackRestrictionPolicy")
def delete_playback_restriction_policy(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    policy = fetch(backend.playback_restriction_policies, params["arn"], LABEL, call)
    users = backend.channels_using("policy", policy.arn)
    refuse_if_used(users, LABEL, policy.arn, "playbackRestrictionPolicyArn")
    backend.playback_restriction_policies.remove(policy.arn)
    return None
