"""Create/Get/List/Update/DeleteAdConfiguration."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import aws_error

MEDIATAILOR = "arn:aws:mediatailor:us-east-1:123456789012:playbackConfiguration/ads"
MISSING = "arn:aws:ivs:us-east-1:123456789012:ad-configuration/AbCdEfGhIjKl"


def _create(ivs: Any, **extra: Any) -> dict[str, Any]:
    return dict(
        ivs.create_ad_configuration(
            mediaTailorPlaybackConfigurations=[{"playbackConfigurationArn": MEDIATAILOR}], **extra
        )["adConfiguration"]
    )


def test_create_fills_defaults(ivs: Any) -> None:
    configuration = _create(ivs)
    assert configuration == {
        "arn": configuration["arn"],
        "name": "",
        "mediaTailorPlaybackConfigurations": [{"playbackConfigurationArn": MEDIATAILOR}],
        "postRollConfiguration": {"enabled": False, "durationSeconds": 15},
        "tags": {},
    }
    assert ivs.get_ad_configuration(arn=configuration["arn"])["adConfiguration"] == configuration


def test_mediatailor_configuration_must_be_in_the_same_region(ivs: Any) -> None:
    elsewhere = "arn:aws:mediatailor:eu-west-1:123456789012:playbackConfiguration/ads"
    with aws_error(
        "ValidationException",
        400,
        r"mediaTailorPlaybackConfigurations\[0\].playbackConfigurationArn: .*us-east-1",
    ):
        ivs.create_ad_configuration(
            mediaTailorPlaybackConfigurations=[{"playbackConfigurationArn": elsewhere}]
        )
    configuration = _create(ivs)
    with aws_error("ValidationException", 400, r"must be a MediaTailor playback configuration"):
        ivs.update_ad_configuration(
            arn=configuration["arn"],
            name="changed",
            mediaTailorPlaybackConfigurations=[{"playbackConfigurationArn": elsewhere}],
        )
    assert ivs.get_ad_configuration(arn=configuration["arn"])["adConfiguration"] == configuration


def test_update_is_partial(ivs: Any) -> None:
    configuration = _create(ivs, name="ads")
    updated = ivs.update_ad_configuration(
        arn=configuration["arn"], postRollConfiguration={"enabled": True, "durationSeconds": 30}
    )["adConfiguration"]
    assert updated == {
        **configuration,
        "postRollConfiguration": {"enabled": True, "durationSeconds": 30},
    }


@pytest.mark.ivsmock(quotas={"ad-configuration": 1})
def test_quota(ivs: Any) -> None:
    _create(ivs)
    with aws_error("ServiceQuotaExceededException", 402, r"Quota of 1 ad configurations"):
        _create(ivs)


def test_list_pages(ivs: Any) -> None:
    arns = [_create(ivs)["arn"] for _ in range(3)]
    pages = ivs.get_paginator("list_ad_configurations").paginate(PaginationConfig={"PageSize": 2})
    assert [c["arn"] for p in pages for c in p["adConfigurations"]] == arns


@pytest.mark.parametrize(
    ("method", "extra"),
    [
        ("get_ad_configuration", {}),
        ("update_ad_configuration", {"name": "x"}),
        ("delete_ad_configuration", {}),
    ],
)
def test_unknown(ivs: Any, method: str, extra: dict[str, Any]) -> None:
    with aws_error("ResourceNotFoundException", 404, rf"Ad configuration not found: {MISSING}"):
        getattr(ivs, method)(arn=MISSING, **extra)


def test_delete(ivs: Any) -> None:
    arn = _create(ivs)["arn"]
    ivs.delete_ad_configuration(arn=arn)
    assert ivs.list_ad_configurations()["adConfigurations"] == []
