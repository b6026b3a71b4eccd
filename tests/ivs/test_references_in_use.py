"""A configuration a channel names cannot be deleted (409) until the channel lets go of it."""

from __future__ import annotations

from typing import Any

import pytest

from ivsmock import IvsMock
from tests.helpers import aws_error


def _slate(ivs: Any) -> str:
    return str(ivs.create_failover_slate_configuration()["failoverSlateConfiguration"]["arn"])


def _policy(ivs: Any) -> str:
    return str(ivs.create_playback_restriction_policy()["playbackRestrictionPolicy"]["arn"])


def test_recording_configuration_in_use(ivs: Any, recording: str, ivs_mock: IvsMock) -> None:
    channel = ivs.create_channel(recordingConfigurationArn=recording)["channel"]["arn"]
    backend = ivs_mock.backend("ivs")
    assert backend.channels_using_recording_configuration(recording) == [channel]
    with aws_error(
        "ConflictException", 409, rf"{recording} is used by 1 channel\(s\) \({channel}\)"
    ):
        ivs.delete_recording_configuration(arn=recording)
    ivs.update_channel(arn=channel, recordingConfigurationArn="")
    assert backend.channels_using_recording_configuration(recording) == []
    ivs.delete_recording_configuration(arn=recording)


def test_a_deleted_channel_releases_its_recording_configuration(ivs: Any, recording: str) -> None:
    channel = ivs.create_channel(recordingConfigurationArn=recording)["channel"]["arn"]
    ivs.delete_channel(arn=channel)
    response = ivs.delete_recording_configuration(arn=recording)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 204
    with aws_error("ResourceNotFoundException", 404):
        ivs.get_recording_configuration(arn=recording)


@pytest.mark.parametrize(
    ("make", "member", "delete", "label"),
    [
        (_policy, "playbackRestrictionPolicyArn", "delete_playback_restriction_policy", "policy"),
        (_slate, "failoverSlateConfigurationArn", "delete_failover_slate_configuration", "slate"),
    ],
)
def test_other_configurations_in_use(
    ivs: Any, make: Any, member: str, delete: str, label: str
) -> None:
    target = make(ivs)
    channel = ivs.create_channel(**{member: target})["channel"]["arn"]
    with aws_error("ConflictException", 409, rf"used by 1 channel.*set their {member} to ''"):
        getattr(ivs, delete)(arn=target)
    ivs.update_channel(arn=channel, **{member: ""})
    getattr(ivs, delete)(arn=target)


def test_ad_configuration_in_use(ivs: Any, ad_configuration: str) -> None:
    channel = ivs.create_channel(adConfigurationArn=ad_configuration)["channel"]["arn"]
    with aws_error("ConflictException", 409, r"used by 1 channel.*adConfigurationArn"):
        ivs.delete_ad_configuration(arn=ad_configuration)
    ivs.update_channel(arn=channel, adConfigurationArn="")
    ivs.delete_ad_configuration(arn=ad_configuration)
