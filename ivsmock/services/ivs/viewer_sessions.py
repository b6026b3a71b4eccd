"""StartViewerSessionRevocation and BatchStartViewerSessionRevocation.

Viewer sessions exist only on private (``authorized``) channels, so revoking on a public
channel is refused. Revocations are recorded per channel and viewer (highest version wins)
and can be read with ``mock.simulation.ivs.viewer_session_revocations``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import invalid
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.services.ivs.common import BATCH_INVALID, BATCH_NOT_FOUND, fetch

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend
    from ivsmock.services.ivs.channels import Channel

PUBLIC_CHANNEL = "viewer sessions exist only on private channels; set authorized=true on {arn}"


def _revoke(backend: IvsBackend, channel: Channel, item: dict[str, Any]) -> None:
    viewers = backend.revocations.setdefault(channel.arn, {})
    version = item.get("viewerSessionVersionsLessThanOrEqualTo", 0)
    viewers[item["viewerId"]] = max(version, viewers.get(item["viewerId"], version))


@operation("ivs", "StartViewerSessionRevocation")
def start_viewer_session_revocation(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    channel = fetch(backend.channels, params["channelArn"], "Channel", call)
    if not channel.settings["authorized"]:
        raise invalid("channelArn", PUBLIC_CHANNEL.format(arn=channel.arn))
    _revoke(backend, channel, params)
    return {}


@operation("ivs", "BatchStartViewerSessionRevocation")
def batch_start_viewer_session_revocation(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    errors: list[dict[str, str]] = []
    for item in params["viewerSessions"]:
        channel = backend.channels.get(item["channelArn"])
        failure = None
        if channel is None:
            failure = (
                BATCH_NOT_FOUND,
                f"Channel not found in account {call.account}, region {call.region}",
            )
        elif not channel.settings["authorized"]:
            failure = (BATCH_INVALID, PUBLIC_CHANNEL.format(arn=channel.arn))
        if failure is not None:
            errors.append(
                {
                    "channelArn": item["channelArn"],
                    "viewerId": item["viewerId"],
                    "code": failure[0],
                    "message": failure[1],
                }
            )
        elif channel is not None:
            _revoke(backend, channel, item)
    return {"errors": errors}
