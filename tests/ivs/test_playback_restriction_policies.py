"""Create/Get/List/Update/DeletePlaybackRestrictionPolicy."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import aws_error

MISSING = "arn:aws:ivs:us-east-1:123456789012:playback-restriction-policy/AbCdEfGhIjKl"


def test_create_fills_defaults(ivs: Any) -> None:
    policy = ivs.create_playback_restriction_policy()["playbackRestrictionPolicy"]
    assert policy == {
        "arn": policy["arn"],
        "name": "",
        "allowedCountries": [],
        "allowedOrigins": [],
        "enableStrictOriginEnforcement": False,
        "tags": {},
    }
    assert (
        ivs.get_playback_restriction_policy(arn=policy["arn"])["playbackRestrictionPolicy"]
        == policy
    )


def test_update_is_partial(ivs: Any) -> None:
    policy = ivs.create_playback_restriction_policy(
        name="p", allowedCountries=["US"], allowedOrigins=["https://example.com"]
    )["playbackRestrictionPolicy"]
    updated = ivs.update_playback_restriction_policy(
        arn=policy["arn"], allowedCountries=["US", "CA"], enableStrictOriginEnforcement=True
    )["playbackRestrictionPolicy"]
    assert updated == {
        **policy,
        "allowedCountries": ["US", "CA"],
        "enableStrictOriginEnforcement": True,
    }
    assert (
        ivs.get_playback_restriction_policy(arn=policy["arn"])["playbackRestrictionPolicy"]
        == updated
    )


def test_list_default_page_is_one(ivs: Any) -> None:
    arns = [
        ivs.create_playback_restriction_policy()["playbackRestrictionPolicy"]["arn"]
        for _ in range(3)
    ]
    first = ivs.list_playback_restriction_policies()
    assert [p["arn"] for p in first["playbackRestrictionPolicies"]] == arns[:1]
    rest = ivs.list_playback_restriction_policies(nextToken=first["nextToken"], maxResults=10)
    assert [p["arn"] for p in rest["playbackRestrictionPolicies"]] == arns[1:]
    assert "nextToken" not in rest


@pytest.mark.ivsmock(quotas={"playback-restriction-policy": 1})
def test_quota(ivs: Any) -> None:
    ivs.create_playback_restriction_policy()
    with aws_error("ServiceQuotaExceededException", 402, r"Quota of 1 playback restriction"):
        ivs.create_playback_restriction_policy()


@pytest.mark.parametrize(
    ("method", "extra"),
    [
        ("get_playback_restriction_policy", {}),
        ("update_playback_restriction_policy", {"name": "x"}),
        ("delete_playback_restriction_policy", {}),
    ],
)
def test_unknown_policy(ivs: Any, method: str, extra: dict[str, Any]) -> None:
    with aws_error(
        "ResourceNotFoundException", 404, rf"Playback restriction policy not found: {MISSING}"
    ):
        getattr(ivs, method)(arn=MISSING, **extra)


def test_delete(ivs: Any) -> None:
    arn = ivs.create_playback_restriction_policy()["playbackRestrictionPolicy"]["arn"]
    assert (
        ivs.delete_playback_restriction_policy(arn=arn)["ResponseMetadata"]["HTTPStatusCode"] == 204
    )
    assert ivs.list_playback_restriction_policies()["playbackRestrictionPolicies"] == []


def test_tags(ivs: Any) -> None:
    arn = ivs.create_playback_restriction_policy(tags={"a": "1"})["playbackRestrictionPolicy"][
        "arn"
    ]
    ivs.tag_resource(resourceArn=arn, tags={"b": "2"})
    assert ivs.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "1", "b": "2"}
