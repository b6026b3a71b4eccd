"""Rules the ivschat documentation states but the model cannot express."""

from __future__ import annotations

import re

from ivsmock.core.errors import invalid

MAX_ATTRIBUTES_BYTES = 1024  # "The maximum length of this field is 1 KB total."

# The model's LambdaArn pattern starts with "$|", which an unanchored search matches in every
# string, so the model accepts anything; the documented rule is "an ARN of a lambda function".
LAMBDA_ARN = re.compile(r"^arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:.+$")


def check_attributes(member: str, attributes: dict[str, str]) -> None:
    """At most 1 KB of UTF-8 keys and values in all (CreateChatToken, SendEvent)."""
    size = sum(len(k.encode()) + len(v.encode()) for k, v in attributes.items())
    if size > MAX_ATTRIBUTES_BYTES:
        raise invalid(
            member,
            f"{member} may hold at most {MAX_ATTRIBUTES_BYTES} bytes (1 KB) of UTF-8 keys and "
            f"values in all; these hold {size}. Send less data or refer to it by an id",
        )


def check_handler_uri(member: str, uri: str) -> None:
    """A message review handler is a Lambda function ARN, or "" for none."""
    if uri and not LAMBDA_ARN.match(uri):
        raise invalid(
            member,
            f"{uri!r} is not a Lambda function ARN; use "
            f"arn:aws:lambda:<region>:<12-digit account>:function:<name>, or '' for no handler",
        )
