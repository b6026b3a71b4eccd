"""What a channel's settings must satisfy beyond the model: cross-field rules and references.

``settle`` turns a Create or Update request (and, for Update, the channel as it is) into the
complete settings the channel will have, or raises before anything is changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import invalid
from ivsmock.core.ids import parse_arn
from ivsmock.core.operations import Call, Params
from ivsmock.services.ivs.common import not_found

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

ADVANCED = ("ADVANCED_SD", "ADVANCED_HD")
DEFAULT_PRESET = "HIGHER_BANDWIDTH_DELIVERY"
DEFAULT_MULTITRACK = {"enabled": False, "policy": "ALLOW", "maximumResolution": "FULL_HD"}
DEFAULTS: dict[str, Any] = {
    "name": "",
    "latencyMode": "LOW",
    "type": "STANDARD",
    "authorized": False,
    "insecureIngest": False,
    "preset": "",
    "containerFormat": "TS",
    "multitrackInputConfiguration": DEFAULT_MULTITRACK,
    "recordingConfigurationArn": "",
    "playbackRestrictionPolicyArn": "",
    "adConfigurationArn": "",
    "failoverSlateConfigurationArn": "",
}
# Request member -> (backend store attribute, label) of the resource it names.
REFERENCES = {
    "recordingConfigurationArn": ("recording_configurations", "Recording configuration"),
    "playbackRestrictionPolicyArn": (
        "playback_restriction_policies",
        "Playback restriction policy",
    ),
    "adConfigurationArn": ("ad_configurations", "Ad configuration"),
    "failoverSlateConfigurationArn": (
        "failover_slate_configurations",
        "Failover slate configuration",
    ),
}
UNUSABLE_STATES = ("CREATE_FAILED",)


def settle(call: Call, params: Params, current: dict[str, Any] | None) -> dict[str, Any]:
    """The channel's complete settings after the request; ValidationException or
    ResourceNotFoundException if they break a rule or name a missing resource."""
    base = current if current is not None else DEFAULTS
    settings = {name: params.get(name, base[name]) for name in DEFAULTS}
    settings["multitrackInputConfiguration"] = _multitrack(params, base)
    settings["preset"] = _preset(params, settings["type"], base)
    _check_multitrack(params, settings)
    if settings["adConfigurationArn"] and settings["containerFormat"] != "TS":
        raise invalid(
            "adConfigurationArn",
            "server-side ad insertion needs containerFormat TS; this channel would use "
            f"{settings['containerFormat']}",
        )
    backend: IvsBackend = call.backend()
    for member in REFERENCES:
        if params.get(member):
            _check_reference(call, backend, member, params[member])
    return settings


def _preset(params: Params, channel_type: str, base: dict[str, Any]) -> str:
    if channel_type not in ADVANCED:
        if params.get("preset"):
            raise invalid(
                "preset",
                f"a preset can be chosen only for ADVANCED_SD or ADVANCED_HD channels, "
                f"not {channel_type}; omit preset or change type",
            )
        return ""
    return str(params.get("preset") or base["preset"] or DEFAULT_PRESET)


def _multitrack(params: Params, base: dict[str, Any]) -> dict[str, Any]:
    given = params.get("multitrackInputConfiguration")
    if given is None:
        return dict(base["multitrackInputConfiguration"])
    if given.get("enabled"):
        missing = [name for name in ("policy", "maximumResolution") if name not in given]
        if missing:
            raise invalid(
                f"multitrackInputConfiguration.{missing[0]}",
                f"{' and '.join(missing)} must be set when multitrack input is enabled",
            )
    return {**base["multitrackInputConfiguration"], **given}


def _check_multitrack(params: Params, settings: dict[str, Any]) -> None:
    if not settings["multitrackInputConfiguration"]["enabled"]:
        return
    if settings["type"] != "STANDARD":
        raise invalid(
            "multitrackInputConfiguration.enabled",
            f"multitrack input is allowed only on STANDARD channels, not {settings['type']}",
        )
    if settings["containerFormat"] != "FRAGMENTED_MP4":
        raise invalid(
            "containerFormat",
            "multitrack input needs containerFormat FRAGMENTED_MP4; set it in the same request",
        )


def _check_reference(call: Call, backend: IvsBackend, member: str, target: str) -> None:
    store_name, label = REFERENCES[member]
    parsed = parse_arn(target)
    if parsed is None or parsed.account != call.account or parsed.region != call.region:
        raise invalid(
            member,
            f"{target} is not in this channel's account {call.account} and region "
            f"{call.region}; name a {label.lower()} of the same account and region",
        )
    found = getattr(backend, store_name).get(target)
    if found is None:
        raise not_found(label, target, call)
    state = getattr(found, "state", "")
    if state in UNUSABLE_STATES:
        raise invalid(member, f"{label} {target} is {state} and cannot be used; create a new one")
