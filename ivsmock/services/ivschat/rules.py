"""Rules the ivschat documentation states but the model cannot express."""

from __future__ import annotations

import re

from ivsmock.core.attributes import check_attributes_size
from ivsmock.core.errors import invalid

# The model's LambdaArn pattern starts with "$|", which an unanchored search matches in every
# string, so the model accepts anything; the documented rule is "an ARN of a lambda function".
LAMBDA_ARN = re.compile(r"^arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:.+$")


def check_attributes(member: str, attributes: dict[str, str]) -> None:
    """At most 1 KB of UTF-8 keys and values in all (CreateChatToken, SendEvent)."""
    check_attributes_size(member, attributes, "Send less data or refer to it by an id")


def check_handler_uri(member: str, uri: str) -> None:
    """A message review handler is a Lambda function ARN, or "" for none."""
    if uri and not LAMBDA_ARN.match(uri):
        raise invalid(
            member,
            f"{uri!r} is not a Lambda function ARN; use "
            f"arn:aws:lambda:<region>:<12-digit account>:function:<name>, or '' for no handler",
        )
