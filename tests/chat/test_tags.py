"""TagResource, UntagResource and ListTagsForResource on rooms and logging configurations."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import aws_error


@pytest.fixture(params=["room", "logging-configuration"])
def resource_arn(request: pytest.FixtureRequest, chat: Any) -> str:
    if request.param == "room":
        return str(chat.create_room(tags={"a": "1"})["arn"])
    return str(
        chat.create_logging_configuration(
            destinationConfiguration={"s3": {"bucketName": "logs"}}, tags={"a": "1"}
        )["arn"]
    )


def test_tag_untag_and_list(chat: Any, resource_arn: str) -> None:
    assert chat.list_tags_for_resource(resourceArn=resource_arn)["tags"] == {"a": "1"}
    chat.tag_resource(resourceArn=resource_arn, tags={"a": "2", "b": "3"})
    assert chat.list_tags_for_resource(resourceArn=resource_arn)["tags"] == {"a": "2", "b": "3"}
    chat.untag_resource(resourceArn=resource_arn, tagKeys=["a", "absent"])
    assert chat.list_tags_for_resource(resourceArn=resource_arn)["tags"] == {"b": "3"}


def test_tags_show_in_get_and_list(chat: Any) -> None:
    room = chat.create_room()
    chat.tag_resource(resourceArn=room["arn"], tags={"team": "chat"})
    assert chat.get_room(identifier=room["arn"])["tags"] == {"team": "chat"}
    assert chat.list_rooms()["rooms"][0]["tags"] == {"team": "chat"}


def test_tagging_does_not_touch_update_time(chat: Any) -> None:
    first = chat.create_room(name="first")
    chat.create_room(name="second")
    chat.tag_resource(resourceArn=first["arn"], tags={"k": "v"})
    assert [room["name"] for room in chat.list_rooms()["rooms"]] == ["second", "first"]
    assert chat.get_room(identifier=first["arn"])["updateTime"] == first["updateTime"]


def test_reserved_prefix_and_limit(chat: Any, resource_arn: str) -> None:
    with aws_error("ValidationException", 400, "aws:"):
        chat.tag_resource(resourceArn=resource_arn, tags={"aws:x": "y"})
    with aws_error("ValidationException", 400, "at most 50"):
        chat.tag_resource(resourceArn=resource_arn, tags={f"k{i}": "v" for i in range(50)})


def test_unknown_resource_is_404(chat: Any) -> None:
    missing = "arn:aws:ivschat:us-east-1:123456789012:room/JJJJJJJJJJJJ"
    with aws_error("ResourceNotFoundException", 404):
        chat.list_tags_for_resource(resourceArn=missing)
    with aws_error("ResourceNotFoundException", 404):
        chat.tag_resource(resourceArn=missing, tags={"k": "v"})
    with aws_error("ResourceNotFoundException", 404):
        chat.untag_resource(resourceArn=missing, tagKeys=["k"])
