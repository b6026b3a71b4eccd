"""State machines and expiries that follow the mock's clock."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from ivsmock import IvsMock
from ivsmock.simulation.chat import ChatConnectionError
from tests.helpers import aws_error

S3 = {"s3": {"bucketName": "my-recordings"}}


def test_recording_configuration_settles_when_the_clock_moves(ivs_mock: IvsMock, ivs: Any) -> None:
    ivs_mock.clock.freeze("2026-02-03T04:05:06Z")
    arn = ivs.create_recording_configuration(destinationConfiguration=S3)["recordingConfiguration"][
        "arn"
    ]
    assert ivs.get_recording_configuration(arn=arn)["recordingConfiguration"]["state"] == "CREATING"
    ivs_mock.clock.advance(seconds=1)
    assert ivs.get_recording_configuration(arn=arn)["recordingConfiguration"]["state"] == "ACTIVE"


def test_composition_starts_stops_and_is_forgotten_by_the_clock(
    ivs_mock: IvsMock, ivs: Any, realtime: Any
) -> None:
    ivs_mock.clock.freeze("2026-02-03T04:05:06Z")
    stage = realtime.create_stage(name="studio")["stage"]["arn"]
    channel = ivs.create_channel(name="out")["channel"]["arn"]
    arn = realtime.start_composition(
        stageArn=stage, destinations=[{"channel": {"channelArn": channel}}]
    )["composition"]["arn"]
    assert realtime.get_composition(arn=arn)["composition"]["state"] == "STARTING"
    ivs_mock.clock.advance(seconds=2)
    assert realtime.get_composition(arn=arn)["composition"]["state"] == "ACTIVE"
    realtime.stop_composition(arn=arn)
    ended = realtime.get_composition(arn=arn)["composition"]
    assert ended["state"] == "STOPPED"
    ivs_mock.clock.advance(datetime.timedelta(minutes=4, seconds=59))
    assert realtime.get_composition(arn=arn)["composition"]["state"] == "STOPPED"
    ivs_mock.clock.advance(seconds=2)
    with aws_error("ResourceNotFoundException", 404, "forgotten"):
        realtime.get_composition(arn=arn)
    assert realtime.list_compositions()["compositions"] == []


def test_participant_token_expires_by_the_clock(ivs_mock: IvsMock, realtime: Any) -> None:
    ivs_mock.clock.freeze("2026-02-03T04:05:06Z")
    stage = realtime.create_stage(name="studio")["stage"]["arn"]
    token = realtime.create_participant_token(stageArn=stage, duration=10)["participantToken"]
    assert token["expirationTime"] == datetime.datetime(
        2026, 2, 3, 4, 15, 6, tzinfo=datetime.timezone.utc
    )
    ivs_mock.clock.advance(datetime.timedelta(minutes=10))
    with pytest.raises(ValueError, match="expired"):
        ivs_mock.simulation.realtime.join(stage, token["token"])


def test_chat_token_expires_by_the_clock(ivs_mock: IvsMock, chat: Any) -> None:
    ivs_mock.clock.freeze("2026-02-03T04:05:06Z")
    room = chat.create_room(name="lobby")["arn"]
    token = chat.create_chat_token(roomIdentifier=room, userId="u1", sessionDurationInMinutes=5)
    ivs_mock.clock.advance(datetime.timedelta(minutes=61))
    with pytest.raises(ChatConnectionError, match="expired"):
        ivs_mock.simulation.chat.connect(room, token["token"])
