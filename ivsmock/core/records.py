"""The record of the calls a mock answered, in order."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CallRecord:
    """One answered call: who, where, what was asked and how it ended.

    ``error`` is the error code, or None for a success; ``output`` is the result on success.
    """

    service: str
    operation: str
    account: str
    region: str
    input: dict[str, Any]
    error: str | None
    output: dict[str, Any] | None

    @property
    def succeeded(self) -> bool:
        return self.error is None


Entry = tuple[str, str, str, str, dict[str, Any], "str | None", "dict[str, Any] | None"]


class CallLog:
    """An append-only, ordered list of CallRecords with small query helpers.

    Every answered call appends here, so entries are stored as plain tuples (cheap to make) and
    become CallRecords when read.
    """

    def __init__(self) -> None:
        self._entries: list[Entry] = []

    def add(
        self,
        service: str,
        operation: str,
        account: str,
        region: str,
        params: dict[str, Any],
        error: str | None,
        output: dict[str, Any] | None,
    ) -> None:
        # list.append is atomic under the GIL: no lock needed.
        self._entries.append((service, operation, account, region, params, error, output))

    @property
    def _records(self) -> list[CallRecord]:
        return [_record(entry) for entry in list(self._entries)]

    def __iter__(self) -> Iterator[CallRecord]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index: int) -> CallRecord:
        return _record(self._entries[index])

    def find(
        self,
        operation: str | None = None,
        *,
        service: str | None = None,
        account: str | None = None,
        region: str | None = None,
        succeeded: bool | None = None,
    ) -> list[CallRecord]:
        """The records that match every criterion given, in call order."""
        return [
            record
            for record in self._records
            if (operation is None or record.operation == operation)
            and (service is None or record.service == service)
            and (account is None or record.account == account)
            and (region is None or record.region == region)
            and (succeeded is None or record.succeeded == succeeded)
        ]

    def clear(self) -> None:
        self._entries.clear()


def _record(entry: Entry) -> CallRecord:
    # Copied when read, not when answered: outputs share the resources' own data, which a test
    # changing a record must not reach.
    return CallRecord(*copy.deepcopy(entry))
