"""CreateStreamKey, GetStreamKey, BatchGetStreamKey, ListStreamKeys, DeleteStreamKey."""

from __future__ import annotations

import re
from typing import Any

from tests.helpers import aws_error

MISSING_CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/AbCdEfGhIjKl"
MISSING_KEY = "arn:aws:ivs:us-east-1:123456789012:stream-key/AbCdEfGhIjKl"


def test_a_channel_has_one_key(ivs: Any) -> None:
    created = ivs.create_channel()
    channel, first = created["channel"]["arn"], created["streamKey"]["arn"]
    with aws_error(
        "ServiceQuotaExceededException", 402, rf"already has its one stream key \({first}\)"
    ):
        ivs.create_stream_key(channelArn=channel)
    ivs.delete_stream_key(arn=first)
    key = ivs.create_stream_key(channelArn=channel, tags={"k": "v"})["streamKey"]
    key_id = key["arn"].rsplit("/", 1)[1]
    assert re.fullmatch(rf"sk_us-east-1_{key_id}_[A-Za-z0-9]{{30}}", key["value"])
    assert key["channelArn"] == channel and key["tags"] == {"k": "v"}
    assert ivs.get_stream_key(arn=key["arn"])["streamKey"] == key


def test_create_for_unknown_channel(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, rf"Channel not found: {MISSING_CHANNEL}"):
        ivs.create_stream_key(channelArn=MISSING_CHANNEL)


def test_get_and_delete_unknown_key(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, rf"Stream key not found: {MISSING_KEY}"):
        ivs.get_stream_key(arn=MISSING_KEY)
    with aws_error("ResourceNotFoundException", 404, r"Stream key not found"):
        ivs.delete_stream_key(arn=MISSING_KEY)


def test_batch_get(ivs: Any) -> None:
    key = ivs.create_channel()["streamKey"]
    answer = ivs.batch_get_stream_key(arns=[MISSING_KEY, key["arn"]])
    assert answer["streamKeys"] == [key]
    assert [(e["arn"], e["code"]) for e in answer["errors"]] == [(MISSING_KEY, "404")]


def test_list_by_channel_has_no_values_and_pages_by_one(ivs: Any) -> None:
    created = ivs.create_channel()
    ivs.create_channel()
    channel, key = created["channel"]["arn"], created["streamKey"]
    page = ivs.list_stream_keys(channelArn=channel)
    assert page["streamKeys"] == [{"arn": key["arn"], "channelArn": channel, "tags": {}}]
    assert "nextToken" not in page
    pages = list(ivs.get_paginator("list_stream_keys").paginate(channelArn=channel))
    assert [k["arn"] for p in pages for k in p["streamKeys"]] == [key["arn"]]


def test_list_for_unknown_channel(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, r"Channel not found"):
        ivs.list_stream_keys(channelArn=MISSING_CHANNEL)


def test_stream_key_tags(ivs: Any) -> None:
    key = ivs.create_channel()["streamKey"]["arn"]
    ivs.tag_resource(resourceArn=key, tags={"a": "b"})
    assert ivs.list_tags_for_resource(resourceArn=key)["tags"] == {"a": "b"}
