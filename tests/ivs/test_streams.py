"""GetStream, ListStreams, StopStream, PutMetadata, InsertAdBreak, GetStreamSession and
ListStreamSessions over broadcasts started by the simulation."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ivsmock.simulation.ivs import IvsSimulation
from tests.helpers import aws_error

MISSING_CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/AbCdEfGhIjKl"


def test_offline_channel_is_not_broadcasting(ivs: Any, channel: dict[str, Any]) -> None:
    arn = channel["arn"]
    for call in (
        lambda: ivs.get_stream(channelArn=arn),
        lambda: ivs.stop_stream(channelArn=arn),
        lambda: ivs.put_metadata(channelArn=arn, metadata="x"),
        lambda: ivs.insert_ad_break(channelArn=arn, durationSeconds=30),
    ):
        with aws_error("ChannelNotBroadcasting", 404, rf"Channel {arn} is not live; start"):
            call()
    assert ivs.list_streams()["streams"] == []


def test_unknown_channel_is_not_found(ivs: Any) -> None:
    for call in (
        lambda: ivs.get_stream(channelArn=MISSING_CHANNEL),
        lambda: ivs.stop_stream(channelArn=MISSING_CHANNEL),
        lambda: ivs.put_metadata(channelArn=MISSING_CHANNEL, metadata="x"),
        lambda: ivs.insert_ad_break(channelArn=MISSING_CHANNEL, durationSeconds=30),
        lambda: ivs.get_stream_session(channelArn=MISSING_CHANNEL),
        lambda: ivs.list_stream_sessions(channelArn=MISSING_CHANNEL),
    ):
        with aws_error("ResourceNotFoundException", 404, rf"Channel not found: {MISSING_CHANNEL}"):
            call()


def test_get_stream_of_a_live_channel(
    ivs: Any, channel: dict[str, Any], sim: IvsSimulation
) -> None:
    stream_id = sim.start_broadcast(channel["arn"], health="STARVING", viewer_count=12)
    assert re.fullmatch(r"st-[A-Za-z0-9]{23}", stream_id)
    stream = ivs.get_stream(channelArn=channel["arn"])["stream"]
    assert stream == {
        "channelArn": channel["arn"],
        "streamId": stream_id,
        "playbackUrl": channel["playbackUrl"],
        "startTime": stream["startTime"],
        "state": "LIVE",
        "health": "STARVING",
        "viewerCount": 12,
    }
    age = datetime.datetime.now(datetime.timezone.utc) - stream["startTime"]
    assert datetime.timedelta(0) <= age < datetime.timedelta(seconds=5)


def test_list_streams_filters_by_health_and_pages(ivs: Any, sim: IvsSimulation) -> None:
    arns = [ivs.create_channel()["channel"]["arn"] for _ in range(4)]
    for arn in arns:
        sim.start_broadcast(arn)
    sim.set_stream_health(arns[1], "STARVING")
    sim.set_viewer_count(arns[2], 40)
    starving = ivs.list_streams(filterBy={"health": "STARVING"})["streams"]
    assert [s["channelArn"] for s in starving] == [arns[1]]
    assert "playbackUrl" not in starving[0]
    pages = ivs.get_paginator("list_streams").paginate(PaginationConfig={"PageSize": 3})
    streams = [s for p in pages for s in p["streams"]]
    assert [s["channelArn"] for s in streams] == arns
    assert streams[2]["viewerCount"] == 40
    ivs.stop_stream(channelArn=arns[0])
    assert [s["channelArn"] for s in ivs.list_streams()["streams"]] == arns[1:]


def test_stop_stream_ends_the_session(
    ivs: Any, channel: dict[str, Any], sim: IvsSimulation
) -> None:
    stream_id = sim.start_broadcast(channel["arn"])
    live = ivs.get_stream_session(channelArn=channel["arn"])["streamSession"]
    assert live["streamId"] == stream_id and "endTime" not in live
    assert ivs.stop_stream(channelArn=channel["arn"])["ResponseMetadata"]["HTTPStatusCode"] == 200
    with aws_error("ChannelNotBroadcasting", 404):
        ivs.get_stream(channelArn=channel["arn"])
    ended = ivs.get_stream_session(channelArn=channel["arn"], streamId=stream_id)["streamSession"]
    assert ended["endTime"] >= ended["startTime"]
    assert [e["name"] for e in ended["truncatedEvents"]] == [
        "Session Ended",
        "Stream End",
        "Stream Start",
        "Session Created",
    ]
    assert {e["type"] for e in ended["truncatedEvents"]} == {"IVS Stream State Change"}


def test_session_snapshots_channel_recording_and_slate(
    ivs: Any, recording: str, sim: IvsSimulation
) -> None:
    slate = ivs.create_failover_slate_configuration()["failoverSlateConfiguration"]["arn"]
    channel = ivs.create_channel(
        recordingConfigurationArn=recording, failoverSlateConfigurationArn=slate
    )["channel"]
    sim.start_broadcast(
        channel["arn"], ingest_configuration={"video": {"videoHeight": 720, "videoWidth": 1280}}
    )
    session = ivs.get_stream_session(channelArn=channel["arn"])["streamSession"]
    assert session["channel"] == channel
    assert (
        session["recordingConfiguration"]
        == ivs.get_recording_configuration(arn=recording)["recordingConfiguration"]
    )
    assert session["failoverSlateConfiguration"]["arn"] == slate
    assert session["ingestConfiguration"]["video"]["videoHeight"] == 720
    assert session["ingestConfiguration"]["video"]["track"] == "Track0"
    assert session["ingestConfigurations"]["videoConfigurations"] == [
        session["ingestConfiguration"]["video"]
    ]
    assert [e["name"] for e in session["truncatedEvents"]] == [
        "Recording Start",
        "Stream Start",
        "Session Created",
    ]
    assert session["truncatedEvents"][0]["type"] == "IVS Recording State Change"
    sim.end_broadcast(channel["arn"])
    ended = ivs.get_stream_session(channelArn=channel["arn"])["streamSession"]
    assert [e["name"] for e in ended["truncatedEvents"]][:3] == [
        "Session Ended",
        "Stream End",
        "Recording End",
    ]


def test_sessions_of_a_channel(ivs: Any, channel: dict[str, Any], sim: IvsSimulation) -> None:
    first = sim.start_broadcast(channel["arn"])
    sim.end_broadcast(channel["arn"], failure=True)
    second = sim.start_broadcast(channel["arn"])
    sessions = ivs.list_stream_sessions(channelArn=channel["arn"])["streamSessions"]
    assert [s["streamId"] for s in sessions] == [second, first]
    assert sessions[1]["hasErrorEvent"] is True and "endTime" in sessions[1]
    assert sessions[0]["hasErrorEvent"] is False and "endTime" not in sessions[0]
    page = ivs.list_stream_sessions(channelArn=channel["arn"], maxResults=1)
    rest = ivs.list_stream_sessions(channelArn=channel["arn"], nextToken=page["nextToken"])
    assert [s["streamId"] for s in page["streamSessions"] + rest["streamSessions"]] == [
        second,
        first,
    ]
    assert "nextToken" not in rest
    latest = ivs.get_stream_session(channelArn=channel["arn"])["streamSession"]
    assert latest["streamId"] == second
    failed = ivs.get_stream_session(channelArn=channel["arn"], streamId=first)["streamSession"]
    assert "Stream Failure" in [e["name"] for e in failed["truncatedEvents"]]


def test_stream_session_not_found(ivs: Any, channel: dict[str, Any], sim: IvsSimulation) -> None:
    with aws_error("ResourceNotFoundException", 404, r"has never been live"):
        ivs.get_stream_session(channelArn=channel["arn"])
    sim.start_broadcast(channel["arn"])
    unknown = "st-" + "A" * 23
    with aws_error(
        "ResourceNotFoundException", 404, rf"Stream session {unknown} of channel not found"
    ):
        ivs.get_stream_session(channelArn=channel["arn"], streamId=unknown)
    assert (
        ivs.list_stream_sessions(channelArn=ivs.create_channel()["channel"]["arn"])[
            "streamSessions"
        ]
        == []
    )


def test_put_metadata(ivs: Any, channel: dict[str, Any], sim: IvsSimulation) -> None:
    sim.start_broadcast(channel["arn"])
    answer = ivs.put_metadata(channelArn=channel["arn"], metadata='{"q": 1}')
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    ivs.put_metadata(channelArn=channel["arn"], metadata="é" * 512)
    with aws_error(
        "ValidationException", 400, r"metadata: the payload is 1026 bytes.*at most 1024"
    ):
        ivs.put_metadata(channelArn=channel["arn"], metadata="é" * 513)
    assert sim.metadata(channel["arn"]) == ['{"q": 1}', "é" * 512]


def test_insert_ad_break_needs_an_ad_configuration(
    ivs: Any, channel: dict[str, Any], sim: IvsSimulation
) -> None:
    sim.start_broadcast(channel["arn"])
    with aws_error("ConflictException", 409, r"has no ad configuration; set adConfigurationArn"):
        ivs.insert_ad_break(channelArn=channel["arn"], durationSeconds=30)


def test_insert_ad_break(ivs: Any, ad_configuration: str, sim: IvsSimulation) -> None:
    arn = ivs.create_channel(adConfigurationArn=ad_configuration)["channel"]["arn"]
    sim.start_broadcast(arn)
    answer = ivs.insert_ad_break(channelArn=arn, durationSeconds=30)
    assert re.fullmatch(r"[A-Za-z0-9]{12}", answer["adBreakId"])
    at = datetime.datetime(2030, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)
    chosen = ivs.insert_ad_break(
        channelArn=arn, durationSeconds=60, adBreakId="break0000001", targetStartAt=at
    )
    assert chosen["adBreakId"] == "break0000001" and chosen["targetStartAt"] == at
    with aws_error("ConflictException", 409, r"Ad break break0000001 was already inserted"):
        ivs.insert_ad_break(channelArn=arn, durationSeconds=60, adBreakId="break0000001")
    assert [b["durationSeconds"] for b in sim.ad_breaks(arn)] == [30, 60]
