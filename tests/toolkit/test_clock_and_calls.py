"""The controllable clock and the call records."""

from __future__ import annotations

import datetime
from typing import Any

import freezegun
import pytest
from botocore.exceptions import ClientError

from ivsmock import IvsMock, mock_ivs

UTC = datetime.timezone.utc


def test_clock_follows_the_wall_clock_by_default(ivs_mock: IvsMock) -> None:
    before = datetime.datetime.now(UTC)
    now = ivs_mock.clock.now()
    assert before <= now <= datetime.datetime.now(UTC)
    assert not ivs_mock.clock.frozen


def test_freeze_and_advance(ivs_mock: IvsMock) -> None:
    start = ivs_mock.clock.freeze("2026-01-02T03:04:05Z")
    assert start == datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert ivs_mock.clock.now() == start
    assert ivs_mock.clock.advance(seconds=90) == start + datetime.timedelta(seconds=90)
    assert ivs_mock.clock.advance(datetime.timedelta(hours=1)) == start + datetime.timedelta(
        hours=1, seconds=90
    )
    with pytest.raises(ValueError, match="only moves forward"):
        ivs_mock.clock.advance(-1)
    ivs_mock.clock.unfreeze()
    assert ivs_mock.clock.now().year >= 2026
    with pytest.raises(RuntimeError, match="freeze"):
        ivs_mock.clock.advance(1)
    with pytest.raises(ValueError, match="timezone-aware"):
        ivs_mock.clock.freeze(datetime.datetime(2026, 1, 1))


def test_clock_follows_freezegun() -> None:
    with freezegun.freeze_time("2030-05-06 07:08:09"), mock_ivs() as mock:
        assert mock.clock.now() == datetime.datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)


def test_nested_activations_share_the_clock() -> None:
    with mock_ivs() as outer:
        outer.clock.freeze("2026-06-01T00:00:00Z")
        with mock_ivs() as inner:
            assert inner.clock.now() == outer.clock.now()


def test_calls_are_recorded_in_order(ivs_mock: IvsMock, realtime: Any, ivs: Any) -> None:
    made = realtime.create_ingest_configuration(ingestProtocol="RTMPS", tags={"team": "a"})
    realtime.get_ingest_configuration(arn=made["ingestConfiguration"]["arn"])
    with pytest.raises(ClientError):  # the ValidationException is recorded too
        realtime.create_ingest_configuration(ingestProtocol="RTMP")
    ivs.list_recording_configurations()
    records = list(ivs_mock.calls)
    assert [(r.service, r.operation) for r in records] == [
        ("ivs-realtime", "CreateIngestConfiguration"),
        ("ivs-realtime", "GetIngestConfiguration"),
        ("ivs-realtime", "CreateIngestConfiguration"),
        ("ivs", "ListRecordingConfigurations"),
    ]
    created = ivs_mock.calls.find("CreateIngestConfiguration", succeeded=True)
    assert len(created) == 1
    assert created[0].input == {"ingestProtocol": "RTMPS", "tags": {"team": "a"}}
    assert created[0].output is not None
    assert created[0].output["ingestConfiguration"]["tags"] == {"team": "a"}
    assert (created[0].account, created[0].region) == ("123456789012", "us-east-1")
    failed = ivs_mock.calls.find(service="ivs-realtime", succeeded=False)
    assert [r.error for r in failed] == ["ValidationException"]
    assert ivs_mock.calls[-1].operation == "ListRecordingConfigurations"
    ivs_mock.calls.clear()
    assert len(ivs_mock.calls) == 0
