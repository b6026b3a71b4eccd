"""The broadcast simulation's own contract: what it refuses, and that it works per region."""

from __future__ import annotations

from typing import Any

import pytest

from ivsmock import IvsMock
from ivsmock.simulation.ivs import IvsSimulation

MISSING_CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/AbCdEfGhIjKl"


def test_start_refuses_what_an_encoder_could_not_do(
    ivs: Any, channel: dict[str, Any], sim: IvsSimulation
) -> None:
    with pytest.raises(KeyError, match=r"no channel .* create it with CreateChannel"):
        sim.start_broadcast(MISSING_CHANNEL)
    with pytest.raises(ValueError, match="health must be one of HEALTHY, STARVING, UNKNOWN"):
        sim.start_broadcast(channel["arn"], health="GOOD")
    other_key = ivs.create_channel()["streamKey"]["arn"]
    with pytest.raises(ValueError, match="is not a key of channel"):
        sim.start_broadcast(channel["arn"], stream_key_arn=other_key)
    sim.start_broadcast(channel["arn"])
    with pytest.raises(ValueError, match=r"already live .* call end_broadcast first"):
        sim.start_broadcast(channel["arn"])


def test_start_needs_a_stream_key(ivs: Any, channel: dict[str, Any], sim: IvsSimulation) -> None:
    key = ivs.list_stream_keys(channelArn=channel["arn"])["streamKeys"][0]["arn"]
    ivs.delete_stream_key(arn=key)
    with pytest.raises(ValueError, match="has no stream key to stream with"):
        sim.start_broadcast(channel["arn"])
    new_key = ivs.create_stream_key(channelArn=channel["arn"])["streamKey"]["arn"]
    sim.start_broadcast(channel["arn"], stream_key_arn=new_key)
    assert sim.is_live(channel["arn"])


def test_offline_channel(channel: dict[str, Any], sim: IvsSimulation) -> None:
    assert not sim.is_live(channel["arn"])
    for action in (
        lambda: sim.end_broadcast(channel["arn"]),
        lambda: sim.set_stream_health(channel["arn"], "STARVING"),
        lambda: sim.set_viewer_count(channel["arn"], 3),
        lambda: sim.metadata(channel["arn"]),
    ):
        with pytest.raises(ValueError, match="is not live; call start_broadcast first"):
            action()


def test_viewer_count_bounds(channel: dict[str, Any], sim: IvsSimulation) -> None:
    with pytest.raises(ValueError, match="viewer_count must be -1"):
        sim.start_broadcast(channel["arn"], viewer_count=-2)
    sim.start_broadcast(channel["arn"], viewer_count=-1)
    with pytest.raises(ValueError, match="viewer_count must be -1"):
        sim.set_viewer_count(channel["arn"], -5)


def test_acts_in_the_region_of_the_arn(make_client: Any, ivs_mock: IvsMock) -> None:
    elsewhere = make_client("ivs", region="eu-west-1")
    arn = elsewhere.create_channel()["channel"]["arn"]
    stream_id = ivs_mock.simulation.ivs.start_broadcast(arn)
    assert elsewhere.get_stream(channelArn=arn)["stream"]["streamId"] == stream_id
    assert ivs_mock.simulation.ivs.end_broadcast(arn) == stream_id


def test_needs_an_active_mock() -> None:
    mock = IvsMock()
    with pytest.raises(Exception, match="not active"):
        mock.simulation.ivs.start_broadcast(MISSING_CHANNEL)
