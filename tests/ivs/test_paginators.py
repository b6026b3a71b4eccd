"""botocore's ivs paginators see every item once while items come and go between pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ivsmock.simulation.ivs import IvsSimulation

MEDIATAILOR = "arn:aws:mediatailor:us-east-1:123456789012:playbackConfiguration/ads"


def _ad(ivs: Any) -> str:
    return str(
        ivs.create_ad_configuration(
            mediaTailorPlaybackConfigurations=[{"playbackConfigurationArn": MEDIATAILOR}]
        )["adConfiguration"]["arn"]
    )


def _slate(ivs: Any) -> str:
    return str(ivs.create_failover_slate_configuration()["failoverSlateConfiguration"]["arn"])


def _recording(ivs: Any) -> str:
    return str(
        ivs.create_recording_configuration(
            destinationConfiguration={"s3": {"bucketName": "bucket"}}
        )["recordingConfiguration"]["arn"]
    )


CASES: list[tuple[str, str, Callable[[Any], str], str]] = [
    ("list_ad_configurations", "adConfigurations", _ad, "delete_ad_configuration"),
    (
        "list_failover_slate_configurations",
        "failoverSlateConfigurations",
        _slate,
        "delete_failover_slate_configuration",
    ),
    (
        "list_recording_configurations",
        "recordingConfigurations",
        _recording,
        "delete_recording_configuration",
    ),
]


@pytest.mark.parametrize(("operation", "key", "make", "delete"), CASES)
def test_no_duplicates_or_gaps(
    ivs: Any, operation: str, key: str, make: Callable[[Any], str], delete: str
) -> None:
    arns = [make(ivs) for _ in range(5)]
    seen: list[str] = []
    added: list[str] = []
    pages = ivs.get_paginator(operation).paginate(PaginationConfig={"PageSize": 2})
    for number, page in enumerate(pages):
        seen.extend(item["arn"] for item in page[key])
        if number == 0:
            getattr(ivs, delete)(arn=arns[0])  # seen already
            getattr(ivs, delete)(arn=arns[3])  # not reached yet
            added.append(make(ivs))
    assert seen == [arns[0], arns[1], arns[2], arns[4], *added]


def test_streams_paginator_while_channels_go_on_and_off_air(ivs: Any, sim: IvsSimulation) -> None:
    arns = [ivs.create_channel()["channel"]["arn"] for _ in range(6)]
    for arn in arns[:5]:
        sim.start_broadcast(arn)
    seen: list[str] = []
    pages = ivs.get_paginator("list_streams").paginate(PaginationConfig={"PageSize": 2})
    for number, page in enumerate(pages):
        seen.extend(stream["channelArn"] for stream in page["streams"])
        if number == 0:
            ivs.stop_stream(channelArn=arns[3])
            sim.start_broadcast(arns[5])
    assert seen == [arns[0], arns[1], arns[2], arns[4], arns[5]]
