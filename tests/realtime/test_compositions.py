"""Compositions: StartComposition, GetComposition, ListCompositions, StopComposition, and the
state machine the simulation drives."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivsmock import mock_ivs
from ivsmock.simulation.realtime import RealTimeSimulation, StageActivityError
from tests.helpers import aws_error
from tests.realtime.conftest import MISSING_ENCODER, MISSING_STAGE, MISSING_STORAGE, s3_destination

ARN = re.compile(r"^arn:aws:ivs:us-east-1:123456789012:composition/([A-Za-z0-9]{12})$")


def start(realtime: Any, stage: str, destinations: list[dict[str, Any]], **kwargs: Any) -> Any:
    return realtime.start_composition(stageArn=stage, destinations=destinations, **kwargs)[
        "composition"
    ]


def test_start_fills_defaults_and_says_starting(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    composition = start(realtime, stage, [s3_destination(storage, encoder)], tags={"t": "1"})
    composition_id = ARN.match(composition["arn"]).group(1)  # type: ignore[union-attr]
    assert composition["state"] == "STARTING"
    assert composition["stageArn"] == stage
    assert composition["tags"] == {"t": "1"}
    assert "startTime" in composition and "endTime" not in composition
    assert composition["layout"] == {
        "grid": {
            "featuredParticipantAttribute": "",
            "gridGap": 2,
            "omitStoppedVideo": False,
            "participantOrderAttribute": "",
            "videoAspectRatio": "VIDEO",
        }
    }
    (destination,) = composition["destinations"]
    assert destination["state"] == "STARTING" and "startTime" not in destination
    assert destination["configuration"] == {
        "name": "",
        "s3": {
            "storageConfigurationArn": storage,
            "encoderConfigurationArns": [encoder],
            "recordingConfiguration": {
                "format": "HLS",
                "hlsConfiguration": {"targetSegmentDurationSeconds": 2},
            },
        },
    }
    assert destination["detail"]["s3"]["recordingPrefix"] == (
        f"{stage.rsplit('/', 1)[1]}/{composition_id}/{destination['id']}/composite"
    )


def test_next_read_shows_active(realtime: Any, stage: str, storage: str, encoder: str) -> None:
    arn = start(realtime, stage, [s3_destination(storage, encoder)])["arn"]
    got = realtime.get_composition(arn=arn)["composition"]
    assert got["state"] == "ACTIVE"
    assert got["destinations"][0]["state"] == "ACTIVE"
    assert "startTime" in got["destinations"][0]


def test_pip_layout_and_thumbnails_defaults(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    composition = start(
        realtime,
        stage,
        [s3_destination(storage, encoder)],
        layout={"pip": {"pipParticipantAttribute": "host"}},
    )
    assert composition["layout"] == {
        "pip": {
            "gridGap": 0,
            "omitStoppedVideo": False,
            "participantOrderAttribute": "",
            "pipBehavior": "STATIC",
            "pipOffset": 0,
            "pipParticipantAttribute": "host",
            "pipPosition": "BOTTOM_RIGHT",
            "videoFillMode": "COVER",
        }
    }
    with_thumbnails = s3_destination(storage, encoder)
    with_thumbnails["s3"]["thumbnailConfigurations"] = [{"storage": ["LATEST"]}]
    thumbnails = start(realtime, stage, [with_thumbnails])["destinations"][0]["configuration"]
    assert thumbnails["s3"]["thumbnailConfigurations"] == [
        {"targetIntervalSeconds": 60, "storage": ["LATEST"]}
    ]


def test_channel_destination(
    realtime: Any, ivs: Any, stage: str, storage: str, encoder: str
) -> None:
    channel = ivs.create_channel(name="out")["channel"]["arn"]
    composition = start(
        realtime,
        stage,
        [
            {
                "channel": {"channelArn": channel, "encoderConfigurationArn": encoder},
                "name": "live",
            },
            s3_destination(storage, encoder),
        ],
    )
    first = composition["destinations"][0]
    assert first["configuration"] == {
        "name": "live",
        "channel": {"channelArn": channel, "encoderConfigurationArn": encoder},
    }
    assert "detail" not in first


@pytest.mark.parametrize(
    ("destinations", "match"),
    [
        (
            lambda s, e: [
                {
                    "channel": {"channelArn": "arn:aws:ivs:us-east-1:123456789012:channel/x"},
                    **s3_destination(s, e),
                }
            ],
            "exactly one of channel or s3",
        ),
        (lambda s, e: [{"name": "empty"}], "exactly one of channel or s3"),
        (lambda s, e: [s3_destination(s, e), s3_destination(s, e)], "one s3 destination"),
        (
            lambda s, e: [
                {
                    "channel": {
                        "channelArn": "arn:aws:ivs:eu-west-1:123456789012:channel/AbCdEfGhIjKl"
                    }
                }
            ],
            "must be in the caller's account",
        ),
    ],
    ids=["both", "neither", "two-s3", "other-region-channel"],
)
def test_destination_rules(
    realtime: Any, stage: str, storage: str, encoder: str, destinations: Any, match: str
) -> None:
    with aws_error("ValidationException", 400, match):
        start(realtime, stage, destinations(storage, encoder))
    assert realtime.list_compositions()["compositions"] == []


def test_grid_and_pip_together_are_refused(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    with aws_error("ValidationException", 400, "^layout: "):
        start(realtime, stage, [s3_destination(storage, encoder)], layout={"grid": {}, "pip": {}})


def test_missing_references_are_404(realtime: Any, stage: str, storage: str, encoder: str) -> None:
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        start(realtime, MISSING_STAGE, [s3_destination(storage, encoder)])
    with aws_error("ResourceNotFoundException", 404, "Storage configuration not found"):
        start(realtime, stage, [s3_destination(MISSING_STORAGE, encoder)])
    with aws_error("ResourceNotFoundException", 404, "Encoder configuration not found"):
        start(realtime, stage, [s3_destination(storage, MISSING_ENCODER)])
    missing_channel = "arn:aws:ivs:us-east-1:123456789012:channel/NoSuchChanne"
    with aws_error("ResourceNotFoundException", 404, "Channel not found"):
        start(realtime, stage, [{"channel": {"channelArn": missing_channel}}])
    assert realtime.list_compositions()["compositions"] == []


def test_idempotency_token(realtime: Any, stage: str, storage: str, encoder: str) -> None:
    destinations = [s3_destination(storage, encoder)]
    first = start(realtime, stage, destinations, idempotencyToken="retry-1")
    again = start(realtime, stage, destinations, idempotencyToken="retry-1")
    assert again["arn"] == first["arn"]
    assert len(realtime.list_compositions()["compositions"]) == 1
    with aws_error("ConflictException", 409, "idempotencyToken retry-1 was already used"):
        start(realtime, stage, destinations, idempotencyToken="retry-1", tags={"other": "x"})


def test_botocore_fills_the_idempotency_token(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    destinations = [s3_destination(storage, encoder)]
    assert (
        start(realtime, stage, destinations)["arn"] != start(realtime, stage, destinations)["arn"]
    )


def test_per_stage_and_per_account_quotas(realtime: Any, storage: str, encoder: str) -> None:
    first, second = (realtime.create_stage()["stage"]["arn"] for _ in range(2))
    destinations = [s3_destination(storage, encoder)]
    with mock_ivs(quotas={"composition-per-stage": 1, "composition": 2}):
        running = start(realtime, first, destinations)["arn"]
        with aws_error("ServiceQuotaExceededException", 402, "quota per stage"):
            start(realtime, first, destinations)
        start(realtime, second, destinations)
        third = realtime.create_stage()["stage"]["arn"]
        with aws_error("ServiceQuotaExceededException", 402, "2 compositions are running"):
            start(realtime, third, destinations)
        realtime.stop_composition(arn=running)  # ended compositions do not count
        start(realtime, first, destinations)


def test_list_filters_and_pages(realtime: Any, ivs: Any, storage: str) -> None:
    stage_a, stage_b = (realtime.create_stage()["stage"]["arn"] for _ in range(2))
    enc_1, enc_2 = (
        realtime.create_encoder_configuration()["encoderConfiguration"]["arn"] for _ in range(2)
    )
    a1 = start(realtime, stage_a, [s3_destination(storage, enc_1)])["arn"]
    a2 = start(realtime, stage_a, [s3_destination(storage, enc_2)])["arn"]
    b1 = start(
        realtime,
        stage_b,
        [
            {
                "channel": {
                    "channelArn": ivs.create_channel()["channel"]["arn"],
                    "encoderConfigurationArn": enc_2,
                }
            }
        ],
    )["arn"]

    def arns(**kwargs: Any) -> list[str]:
        return [c["arn"] for c in realtime.list_compositions(**kwargs)["compositions"]]

    assert arns() == [a1, a2, b1]
    assert arns(filterByStageArn=stage_b) == [b1]
    assert arns(filterByEncoderConfigurationArn=enc_2) == [a2, b1]
    assert arns(filterByStageArn=stage_a, filterByEncoderConfigurationArn=enc_2) == [a2]
    first = realtime.list_compositions(maxResults=2)
    assert len(first["compositions"]) == 2
    rest = realtime.list_compositions(maxResults=2, nextToken=first["nextToken"])
    assert [c["arn"] for c in rest["compositions"]] == [b1]
    summary = realtime.list_compositions(filterByStageArn=stage_b)["compositions"][0]
    assert set(summary) == {"arn", "stageArn", "destinations", "state", "tags", "startTime"}
    assert set(summary["destinations"][0]) == {"id", "state", "startTime"}


def test_stop_ends_it_and_stopping_again_changes_nothing(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    arn = start(realtime, stage, [s3_destination(storage, encoder)])["arn"]
    realtime.stop_composition(arn=arn)
    stopped = realtime.get_composition(arn=arn)["composition"]
    assert stopped["state"] == "STOPPED"
    assert stopped["destinations"][0]["state"] == "STOPPED"
    assert "endTime" in stopped and "endTime" in stopped["destinations"][0]
    realtime.stop_composition(arn=arn)
    assert realtime.get_composition(arn=arn)["composition"]["endTime"] == stopped["endTime"]


def test_get_and_stop_404(realtime: Any) -> None:
    missing = "arn:aws:ivs:us-east-1:123456789012:composition/NoSuchCompos"
    with aws_error("ResourceNotFoundException", 404, "Composition not found"):
        realtime.get_composition(arn=missing)
    with aws_error("ResourceNotFoundException", 404, "Composition not found"):
        realtime.stop_composition(arn=missing)


def test_simulation_drives_the_state_machine(
    realtime: Any, sim: RealTimeSimulation, stage: str, storage: str, encoder: str
) -> None:
    sim.auto_advance_compositions(False)
    arn = start(realtime, stage, [s3_destination(storage, encoder)])["arn"]
    assert realtime.get_composition(arn=arn)["composition"]["state"] == "STARTING"
    assert sim.advance_composition(arn) == "ACTIVE"
    realtime.stop_composition(arn=arn)
    stopping = realtime.get_composition(arn=arn)["composition"]
    assert stopping["state"] == "STOPPING"
    assert stopping["destinations"][0]["state"] == "STOPPING"
    with aws_error("ConflictException", 409, "used by 1 running composition"):
        realtime.delete_encoder_configuration(arn=encoder)  # still in use while stopping
    assert sim.advance_composition(arn) == "STOPPED"
    with pytest.raises(StageActivityError, match="only STARTING and STOPPING"):
        sim.advance_composition(arn)


def test_failure_and_purge(
    realtime: Any, sim: RealTimeSimulation, stage: str, storage: str, encoder: str
) -> None:
    failed = start(realtime, stage, [s3_destination(storage, encoder)])["arn"]
    running = start(realtime, stage, [s3_destination(storage, encoder)])["arn"]
    sim.fail_composition(failed)
    got = realtime.get_composition(arn=failed)["composition"]
    assert got["state"] == "FAILED" and got["destinations"][0]["state"] == "FAILED"
    with pytest.raises(StageActivityError, match="already ended"):
        sim.fail_composition(failed)
    assert sim.purge_compositions() == 1
    with aws_error("ResourceNotFoundException", 404, "Composition not found"):
        realtime.get_composition(arn=failed)
    assert [c["arn"] for c in realtime.list_compositions()["compositions"]] == [running]
