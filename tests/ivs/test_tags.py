"""TagResource, UntagResource and ListTagsForResource on every taggable ivs resource."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import aws_error
from tests.ivs.conftest import p384_pem


def _arns(ivs: Any, recording: str, ad_configuration: str) -> dict[str, str]:
    created = ivs.create_channel()
    return {
        "channel": created["channel"]["arn"],
        "stream-key": created["streamKey"]["arn"],
        "playback-key": ivs.import_playback_key_pair(publicKeyMaterial=p384_pem())["keyPair"][
            "arn"
        ],
        "recording-configuration": recording,
        "playback-restriction-policy": ivs.create_playback_restriction_policy()[
            "playbackRestrictionPolicy"
        ]["arn"],
        "ad-configuration": ad_configuration,
        "failover-slate-configuration": ivs.create_failover_slate_configuration()[
            "failoverSlateConfiguration"
        ]["arn"],
    }


def test_every_resource_type_is_taggable(ivs: Any, recording: str, ad_configuration: str) -> None:
    for resource_type, arn in _arns(ivs, recording, ad_configuration).items():
        ivs.tag_resource(resourceArn=arn, tags={"type": resource_type, "drop": "me"})
        ivs.untag_resource(resourceArn=arn, tagKeys=["drop"])
        assert ivs.list_tags_for_resource(resourceArn=arn)["tags"] == {"type": resource_type}


@pytest.mark.parametrize("resource_type", ["channel", "stream", "stream-session"])
def test_unknown_or_untaggable_arn(ivs: Any, resource_type: str) -> None:
    arn = f"arn:aws:ivs:us-east-1:123456789012:{resource_type}/AbCdEfGhIjKl"
    with aws_error("ResourceNotFoundException", 404, r"Resource not found"):
        ivs.tag_resource(resourceArn=arn, tags={"a": "b"})
