"""The 1 KB rule on string maps named ``attributes`` (participant tokens, ingest configurations,
chat tokens and events): documented by AWS, not expressible in the model."""

from __future__ import annotations

from ivsmock.core.errors import invalid

MAX_ATTRIBUTES_BYTES = 1024  # "The maximum length of this field is 1 KB total."


def check_attributes_size(member: str, attributes: dict[str, str], advice: str) -> None:
    """ValidationException naming ``member`` when its UTF-8 keys and values exceed 1 KB."""
    size = sum(len(k.encode()) + len(v.encode()) for k, v in attributes.items())
    if size > MAX_ATTRIBUTES_BYTES:
        raise invalid(
            member,
            f"{member} may hold at most {MAX_ATTRIBUTES_BYTES} bytes (1 KB) of UTF-8 keys and "
            f"values in all; these hold {size}. {advice}",
        )
