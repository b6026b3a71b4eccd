"""StartViewerSessionRevocation and BatchStartViewerSessionRevocation."""

from __future__ import annotations

from typing import Any

from ivsmock.simulation.ivs import IvsSimulation
from tests.helpers import aws_error

MISSING_CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/AbCdEfGhIjKl"


def test_revoke_on_a_private_channel(ivs: Any, sim: IvsSimulation) -> None:
    arn = ivs.create_channel(authorized=True)["channel"]["arn"]
    assert (
        ivs.start_viewer_session_revocation(channelArn=arn, viewerId="v1")["ResponseMetadata"][
            "HTTPStatusCode"
        ]
        == 200
    )
    ivs.start_viewer_session_revocation(
        channelArn=arn, viewerId="v2", viewerSessionVersionsLessThanOrEqualTo=3
    )
    assert sim.viewer_session_revocations(arn) == {"v1": 0, "v2": 3}


def test_revoke_on_a_public_channel_is_refused(ivs: Any, channel: dict[str, Any]) -> None:
    with aws_error("ValidationException", 400, r"channelArn: .*only on private channels"):
        ivs.start_viewer_session_revocation(channelArn=channel["arn"], viewerId="v1")


def test_revoke_on_an_unknown_channel(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, r"Channel not found"):
        ivs.start_viewer_session_revocation(channelArn=MISSING_CHANNEL, viewerId="v1")


def test_batch_reports_each_failure(ivs: Any, channel: dict[str, Any], sim: IvsSimulation) -> None:
    private = ivs.create_channel(authorized=True)["channel"]["arn"]
    answer = ivs.batch_start_viewer_session_revocation(
        viewerSessions=[
            {"channelArn": private, "viewerId": "a", "viewerSessionVersionsLessThanOrEqualTo": 2},
            {"channelArn": MISSING_CHANNEL, "viewerId": "b"},
            {"channelArn": channel["arn"], "viewerId": "c"},
        ]
    )
    assert [(e["channelArn"], e["viewerId"], e["code"]) for e in answer["errors"]] == [
        (MISSING_CHANNEL, "b", "404"),
        (channel["arn"], "c", "400"),
    ]
    assert "private channels" in answer["errors"][1]["message"]
    assert sim.viewer_session_revocations(private) == {"a": 2}
