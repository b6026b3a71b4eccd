"""Identifier and ARN formats shared by the services."""

from __future__ import annotations

import os
import random
import string
from dataclasses import dataclass

ALPHANUMERIC = string.ascii_letters + string.digits
# Seeded from the OS once: SystemRandom costs a system call per character, and ids here only
# need to be unique and unpredictable enough for tests, not cryptographically strong.
_random = random.Random(os.urandom(32))
# 256 byte values onto 62 characters: 8 of them a little more likely, which ids can afford.
_ALPHANUMERIC_TABLE = bytes(ord(ALPHANUMERIC[i % len(ALPHANUMERIC)]) for i in range(256))


def random_id(length: int = 12, alphabet: str = ALPHANUMERIC) -> str:
    """Mixed-case alphanumeric id, 12 characters unless told otherwise (the IVS id form)."""
    if alphabet is ALPHANUMERIC:
        # Random bytes mapped through a table: C speed, no per-character Python work.
        return _random.randbytes(length).translate(_ALPHANUMERIC_TABLE).decode()
    return "".join(_random.choices(alphabet, k=length))


def random_bits(count: int) -> int:
    return _random.getrandbits(count)


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
