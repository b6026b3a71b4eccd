"""Identifier and ARN formats shared by the services."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

ALPHANUMERIC = string.ascii_letters + string.digits
_random = random.SystemRandom()


def random_id(length: int = 12, alphabet: str = ALPHANUMERIC) -> str:
    """Mixed-case alphanumeric id, 12 characters unless told otherwise (the IVS id form)."""
    return "".join(_random.choices(alphabet, k=length))


def arn(partition_service: str, region: str, account: str, resource_type: str, rid: str) -> str:
    return f"arn:aws:{partition_service}:{region}:{account}:{resource_type}/{rid}"


@dataclass(frozen=True)
class ParsedArn:
    service: str
    region: str
    account: str
    resource_type: str
    resource_id: str


def parse_arn(value: str) -> ParsedArn | None:
    """The parts of an ``arn:aws:<service>:<region>:<account>:<type>/<id>`` ARN, else None."""
    parts = value.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or "/" not in parts[5]:
        return None
    resource_type, resource_id = parts[5].split("/", 1)
    return ParsedArn(parts[2], parts[3], parts[4], resource_type, resource_id)
