"""CreateChannel, GetChannel, BatchGetChannel, ListChannels, UpdateChannel, DeleteChannel."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivsmock.simulation.ivs import IvsSimulation
from tests.helpers import aws_error
from tests.ivs.conftest import OTHER_REGION_RECORDING

MISSING_CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/AbCdEfGhIjKl"


def test_create_fills_every_default_and_returns_the_stream_key(ivs: Any) -> None:
    answer = ivs.create_channel()
    channel, key = answer["channel"], answer["streamKey"]
    channel_id = channel["arn"].rsplit("/", 1)[1]
    assert re.fullmatch(
        r"arn:aws:ivs:us-east-1:123456789012:channel/[A-Za-z0-9]{12}", channel["arn"]
    )
    prefix = channel["ingestEndpoint"].split(".")[0]
    assert re.fullmatch(r"[0-9a-f]{12}", prefix)
    assert channel == {
        "arn": channel["arn"],
        "name": "",
        "latencyMode": "LOW",
        "type": "STANDARD",
        "authorized": False,
        "insecureIngest": False,
        "preset": "",
        "containerFormat": "TS",
        "multitrackInputConfiguration": {
            "enabled": False,
            "policy": "ALLOW",
            "maximumResolution": "FULL_HD",
        },
        "recordingConfigurationArn": "",
        "playbackRestrictionPolicyArn": "",
        "adConfigurationArn": "",
        "failoverSlateConfigurationArn": "",
        "ingestEndpoint": f"{prefix}.global-contribute.live-video.net",
        "playbackUrl": (
            f"https://{prefix}.us-east-1.playback.live-video.net/api/video/v1/"
            f"us-east-1.123456789012.channel.{channel_id}.m3u8"
        ),
        "srt": {
            "endpoint": f"{prefix}.srt.live-video.net",
            "passphrase": channel["srt"]["passphrase"],
        },
        "tags": {},
    }
    assert re.fullmatch(r"[A-Za-z0-9]{79}", channel["srt"]["passphrase"])
    key_id = key["arn"].rsplit("/", 1)[1]
    assert key["channelArn"] == channel["arn"]
    assert re.fullmatch(rf"sk_us-east-1_{key_id}_[A-Za-z0-9]{{30}}", key["value"])
    assert ivs.get_stream_key(arn=key["arn"])["streamKey"] == key


def test_endpoint_prefix_is_stable_per_account_and_region(ivs: Any, make_client: Any) -> None:
    first = ivs.create_channel()["channel"]["ingestEndpoint"]
    second = ivs.create_channel()["channel"]["ingestEndpoint"]
    elsewhere = make_client("ivs", region="eu-west-1").create_channel()["channel"]
    assert first == second
    assert elsewhere["ingestEndpoint"] != first
    assert ".eu-west-1.playback.live-video.net/api/video/v1/eu-west-1." in elsewhere["playbackUrl"]


def test_advanced_channel_gets_the_default_preset(ivs: Any) -> None:
    channel = ivs.create_channel(type="ADVANCED_HD")["channel"]
    assert channel["preset"] == "HIGHER_BANDWIDTH_DELIVERY"
    chosen = ivs.create_channel(type="ADVANCED_SD", preset="CONSTRAINED_BANDWIDTH_DELIVERY")
    assert chosen["channel"]["preset"] == "CONSTRAINED_BANDWIDTH_DELIVERY"


def test_preset_on_a_standard_channel_is_refused(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"preset.*ADVANCED_SD or ADVANCED_HD.*not STANDARD"):
        ivs.create_channel(preset="HIGHER_BANDWIDTH_DELIVERY")


def test_multitrack_needs_a_standard_channel(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"only on STANDARD channels, not BASIC"):
        ivs.create_channel(
            type="BASIC",
            containerFormat="FRAGMENTED_MP4",
            multitrackInputConfiguration={
                "enabled": True,
                "policy": "ALLOW",
                "maximumResolution": "HD",
            },
        )


def test_multitrack_needs_fragmented_mp4(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"containerFormat: multitrack input needs"):
        ivs.create_channel(
            multitrackInputConfiguration={
                "enabled": True,
                "policy": "REQUIRE",
                "maximumResolution": "HD",
            },
        )


def test_multitrack_needs_policy_and_maximum_resolution(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"policy and maximumResolution must be set"):
        ivs.create_channel(
            containerFormat="FRAGMENTED_MP4", multitrackInputConfiguration={"enabled": True}
        )


def test_multitrack_on_standard_with_fragmented_mp4(ivs: Any) -> None:
    channel = ivs.create_channel(
        containerFormat="FRAGMENTED_MP4",
        multitrackInputConfiguration={
            "enabled": True,
            "policy": "REQUIRE",
            "maximumResolution": "HD",
        },
    )["channel"]
    assert channel["multitrackInputConfiguration"] == {
        "enabled": True,
        "policy": "REQUIRE",
        "maximumResolution": "HD",
    }
    assert channel["containerFormat"] == "FRAGMENTED_MP4"


def test_ad_insertion_needs_ts(ivs: Any, ad_configuration: str) -> None:
    with aws_error("ValidationException", 400, r"adConfigurationArn: .*needs containerFormat TS"):
        ivs.create_channel(adConfigurationArn=ad_configuration, containerFormat="FRAGMENTED_MP4")
    channel = ivs.create_channel(adConfigurationArn=ad_configuration)["channel"]
    assert channel["adConfigurationArn"] == ad_configuration


def test_authorized_with_a_playback_restriction_policy_is_allowed(ivs: Any) -> None:
    policy = ivs.create_playback_restriction_policy()["playbackRestrictionPolicy"]["arn"]
    channel = ivs.create_channel(authorized=True, playbackRestrictionPolicyArn=policy)["channel"]
    assert channel["authorized"] is True
    assert channel["playbackRestrictionPolicyArn"] == policy


@pytest.mark.parametrize(
    ("member", "resource_type", "label"),
    [
        ("recordingConfigurationArn", "recording-configuration", "Recording configuration"),
        ("playbackRestrictionPolicyArn", "playback-restriction-policy", "Playback restriction"),
        ("adConfigurationArn", "ad-configuration", "Ad configuration"),
        ("failoverSlateConfigurationArn", "failover-slate-configuration", "Failover slate"),
    ],
)
def test_a_referenced_resource_must_exist(
    ivs: Any, channel: dict[str, Any], member: str, resource_type: str, label: str
) -> None:
    missing = f"arn:aws:ivs:us-east-1:123456789012:{resource_type}/AbCdEfGhIjKl"
    with aws_error("ResourceNotFoundException", 404, rf"{label}.* not found: {missing}"):
        ivs.create_channel(**{member: missing})
    with aws_error("ResourceNotFoundException", 404, rf"{label}.* not found: {missing}"):
        ivs.update_channel(arn=channel["arn"], **{member: missing})
    assert ivs.get_channel(arn=channel["arn"])["channel"] == channel


def test_a_reference_to_another_region_is_refused(ivs: Any) -> None:
    with aws_error(
        "ValidationException", 400, r"recordingConfigurationArn: .*same account and region"
    ):
        ivs.create_channel(recordingConfigurationArn=OTHER_REGION_RECORDING)


def test_a_failed_recording_configuration_cannot_be_used(
    ivs: Any, recording: str, sim: IvsSimulation
) -> None:
    sim.settle_recording_configuration(recording, "CREATE_FAILED")
    with aws_error("ValidationException", 400, r"is CREATE_FAILED and cannot be used"):
        ivs.create_channel(recordingConfigurationArn=recording)


@pytest.mark.ivsmock(quotas={"channel": 2})
def test_channel_quota(ivs: Any) -> None:
    ivs.create_channel()
    ivs.create_channel()
    with aws_error("ServiceQuotaExceededException", 402, r"Quota of 2 channels"):
        ivs.create_channel()
    assert len(ivs.list_channels()["channels"]) == 2


def test_invalid_tags_change_nothing(ivs: Any) -> None:
    with aws_error("ValidationException", 400, r"reserved prefix 'aws:'"):
        ivs.create_channel(tags={"aws:x": "1"})
    assert ivs.list_channels()["channels"] == []


def test_get_unknown_channel(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, rf"Channel not found: {MISSING_CHANNEL}"):
        ivs.get_channel(arn=MISSING_CHANNEL)


def test_batch_get_returns_found_channels_and_per_arn_errors(
    ivs: Any, channel: dict[str, Any]
) -> None:
    answer = ivs.batch_get_channel(arns=[channel["arn"], MISSING_CHANNEL, channel["arn"]])
    assert answer["channels"] == [channel]
    assert answer["errors"] == [
        {
            "arn": MISSING_CHANNEL,
            "code": "404",
            "message": "Channel not found in account 123456789012, region us-east-1",
        }
    ]


def test_list_summaries(ivs: Any, channel: dict[str, Any]) -> None:
    summary = ivs.list_channels()["channels"][0]
    assert set(summary) == {
        "arn", "name", "latencyMode", "authorized", "recordingConfigurationArn", "tags",
        "insecureIngest", "type", "preset", "playbackRestrictionPolicyArn",
        "adConfigurationArn", "failoverSlateConfigurationArn",
    }  # fmt: skip
    assert all(summary[name] == channel[name] for name in summary)


def test_list_filters(ivs: Any, recording: str, ad_configuration: str) -> None:
    policy = ivs.create_playback_restriction_policy()["playbackRestrictionPolicy"]["arn"]
    slate = ivs.create_failover_slate_configuration()["failoverSlateConfiguration"]["arn"]
    ivs.create_channel(name="plain")
    by = {
        "filterByName": ivs.create_channel(name="named")["channel"]["arn"],
        "filterByRecordingConfigurationArn": ivs.create_channel(
            recordingConfigurationArn=recording
        )["channel"]["arn"],
        "filterByPlaybackRestrictionPolicyArn": ivs.create_channel(
            playbackRestrictionPolicyArn=policy
        )["channel"]["arn"],
        "filterByAdConfigurationArn": ivs.create_channel(adConfigurationArn=ad_configuration)[
            "channel"
        ]["arn"],
        "filterByFailoverSlateConfigurationArn": ivs.create_channel(
            failoverSlateConfigurationArn=slate
        )["channel"]["arn"],
    }
    values = {
        "filterByName": "named",
        "filterByRecordingConfigurationArn": recording,
        "filterByPlaybackRestrictionPolicyArn": policy,
        "filterByAdConfigurationArn": ad_configuration,
        "filterByFailoverSlateConfigurationArn": slate,
    }
    for member, expected in by.items():
        found = ivs.list_channels(**{member: values[member]})["channels"]
        assert [c["arn"] for c in found] == [expected], member
    assert ivs.list_channels(filterByName="nobody")["channels"] == []
    assert len(ivs.list_channels(filterByName="")["channels"]) == 6


def test_more_than_one_filter_is_a_conflict(ivs: Any, recording: str) -> None:
    with aws_error(
        "ConflictException",
        409,
        r"one filter at a time, got 2 \(filterByName, filterByRecordingConfigurationArn\)",
    ):
        ivs.list_channels(filterByName="a", filterByRecordingConfigurationArn=recording)


def test_paginator_sees_every_channel_once_while_channels_come_and_go(ivs: Any) -> None:
    arns = [ivs.create_channel(name=f"c{i}")["channel"]["arn"] for i in range(7)]
    pages = ivs.get_paginator("list_channels").paginate(PaginationConfig={"PageSize": 2})
    seen: list[str] = []
    added: list[str] = []
    for number, page in enumerate(pages):
        seen.extend(c["arn"] for c in page["channels"])
        if number == 0:
            ivs.delete_channel(arn=arns[5])  # not reached yet: must not appear
            ivs.delete_channel(arn=arns[0])  # already seen: must not shift the rest
            added.append(ivs.create_channel(name="late")["channel"]["arn"])
    assert seen == arns[:5] + arns[6:] + added
    assert len(set(seen)) == len(seen)


def test_filtered_pages_use_the_filter_token(ivs: Any) -> None:
    for _ in range(3):
        ivs.create_channel(name="same")
    ivs.create_channel(name="other")
    first = ivs.list_channels(filterByName="same", maxResults=2)
    rest = ivs.list_channels(filterByName="same", maxResults=2, nextToken=first["nextToken"])
    assert len(first["channels"]) == 2 and len(rest["channels"]) == 1
    assert "nextToken" not in rest
    with aws_error("ValidationException", 400, r"nextToken is not valid.*another list request"):
        ivs.list_channels(maxResults=2, nextToken=first["nextToken"])


def test_update_is_partial(ivs: Any, channel: dict[str, Any], recording: str) -> None:
    updated = ivs.update_channel(
        arn=channel["arn"], latencyMode="NORMAL", recordingConfigurationArn=recording
    )["channel"]
    assert updated == {**channel, "latencyMode": "NORMAL", "recordingConfigurationArn": recording}
    assert ivs.get_channel(arn=channel["arn"])["channel"] == updated
    detached = ivs.update_channel(arn=channel["arn"], recordingConfigurationArn="")["channel"]
    assert detached["recordingConfigurationArn"] == ""
    assert ivs.list_channels(filterByRecordingConfigurationArn=recording)["channels"] == []


def test_update_type_moves_the_preset(ivs: Any, channel: dict[str, Any]) -> None:
    advanced = ivs.update_channel(arn=channel["arn"], type="ADVANCED_SD")["channel"]
    assert advanced["preset"] == "HIGHER_BANDWIDTH_DELIVERY"
    standard = ivs.update_channel(arn=channel["arn"], type="STANDARD")["channel"]
    assert standard["preset"] == ""


def test_update_checks_rules_against_the_resulting_channel(ivs: Any) -> None:
    channel = ivs.create_channel(
        containerFormat="FRAGMENTED_MP4",
        multitrackInputConfiguration={
            "enabled": True,
            "policy": "ALLOW",
            "maximumResolution": "SD",
        },
    )["channel"]
    with aws_error("ValidationException", 400, r"only on STANDARD channels, not ADVANCED_HD"):
        ivs.update_channel(arn=channel["arn"], type="ADVANCED_HD")
    with aws_error("ValidationException", 400, r"containerFormat: multitrack input needs"):
        ivs.update_channel(arn=channel["arn"], containerFormat="TS")
    assert ivs.get_channel(arn=channel["arn"])["channel"] == channel
    off = ivs.update_channel(
        arn=channel["arn"], multitrackInputConfiguration={"enabled": False}, containerFormat="TS"
    )["channel"]
    assert off["multitrackInputConfiguration"]["enabled"] is False


def test_update_unknown_channel(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, r"Channel not found"):
        ivs.update_channel(arn=MISSING_CHANNEL, name="x")


def test_a_live_channel_cannot_be_updated_or_deleted(
    ivs: Any, channel: dict[str, Any], sim: IvsSimulation
) -> None:
    stream_id = sim.start_broadcast(channel["arn"])
    with aws_error("ConflictException", 409, rf"is live \(stream {stream_id}\).*StopStream"):
        ivs.update_channel(arn=channel["arn"], name="renamed")
    with aws_error("ConflictException", 409, r"cannot be deleted; stop the stream"):
        ivs.delete_channel(arn=channel["arn"])
    ivs.stop_stream(channelArn=channel["arn"])
    ivs.delete_channel(arn=channel["arn"])


def test_delete_takes_the_stream_keys_and_sessions(ivs: Any, sim: IvsSimulation) -> None:
    created = ivs.create_channel()
    arn, key = created["channel"]["arn"], created["streamKey"]["arn"]
    sim.start_broadcast(arn)
    sim.end_broadcast(arn)
    answer = ivs.delete_channel(arn=arn)
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    with aws_error("ResourceNotFoundException", 404, r"Stream key not found"):
        ivs.get_stream_key(arn=key)
    with aws_error("ResourceNotFoundException", 404, r"Channel not found"):
        ivs.get_channel(arn=arn)
    with aws_error("ResourceNotFoundException", 404, r"Channel not found"):
        ivs.list_stream_sessions(channelArn=arn)


def test_delete_unknown_channel(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, r"Channel not found"):
        ivs.delete_channel(arn=MISSING_CHANNEL)


def test_channel_tags(ivs: Any) -> None:
    arn = ivs.create_channel(tags={"team": "video"})["channel"]["arn"]
    ivs.tag_resource(resourceArn=arn, tags={"env": "test"})
    ivs.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert ivs.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "test"}
    assert ivs.get_channel(arn=arn)["channel"]["tags"] == {"env": "test"}
