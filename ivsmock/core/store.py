"""Resources of one type in one account and region: dict by ARN, ordered for paging.

Every resource gets an ever-growing sequence number when stored. A page starts after the last
sequence number of the previous page (a bisection), so page 1,000 costs what page 1 costs, and
items added or deleted between pages cause neither duplicates nor gaps. Declared indexes keep
the same order per attribute value, so filtered lists page the same way without scanning.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Generic, Protocol, TypeVar

from sortedcontainers import SortedList


class Resource(Protocol):
    arn: str


R = TypeVar("R", bound=Resource)
IndexKey = Callable[[Any], Hashable]
# An index key of None files nothing: a resource with an unset attribute ("" made None by its
# key) is in no bucket, which saves the work on the common, never-filtered-for value.
# A multi-valued index files a resource under every value its key yields (a room under each of
# its logging configurations).
MultiIndexKey = Callable[[Any], Iterable[Hashable]]


class ResourceStore(Generic[R]):
    """Resources of one ``resource_type`` (the ARN's ``<type>/<id>`` part)."""

    def __init__(
        self,
        resource_type: str,
        *,
        taggable: bool = False,
        indexes: dict[str, IndexKey] | None = None,
        multi_indexes: dict[str, MultiIndexKey] | None = None,
    ) -> None:
        self.resource_type = resource_type
        self.taggable = taggable
        self._indexes: dict[str, IndexKey] = indexes or {}
        self._sequence = itertools.count(1)
        self._by_arn: dict[str, tuple[int, R]] = {}
        # Sequence numbers in order, and what each names. Buckets of the indexes are sorted
        # lists of sequence numbers too: far cheaper to make than sorted dicts, and a new
        # resource (the newest sequence) lands at their end.
        self._resources: dict[int, R] = {}
        self._order: SortedList = SortedList()
        self._indexed: dict[str, dict[Hashable, SortedList]] = {name: {} for name in self._indexes}
        self._keys: dict[str, dict[str, Hashable]] = {}
        self._multi: dict[str, MultiIndexKey] = multi_indexes or {}
        self._multi_keys: dict[str, dict[str, frozenset[Hashable]]] = {}
        for name in self._multi:
            self._indexed[name] = {}

    def __len__(self) -> int:
        return len(self._by_arn)

    def __contains__(self, arn: str) -> bool:
        return arn in self._by_arn

    def get(self, arn: str) -> R | None:
        found = self._by_arn.get(arn)
        return found[1] if found is not None else None

    def values(self) -> Iterator[R]:
        resources = self._resources
        return iter([resources[seq] for seq in self._order])

    def add(self, resource: R) -> None:
        seq = next(self._sequence)
        self._by_arn[resource.arn] = (seq, resource)
        self._resources[seq] = resource
        self._order.add(seq)
        if self._indexes:
            keys = {name: key(resource) for name, key in self._indexes.items()}
            self._keys[resource.arn] = keys
            for name, value in keys.items():
                if value is not None:
                    self._bucket(name, value).add(seq)
        if self._multi:
            multi = {name: frozenset(key(resource)) for name, key in self._multi.items()}
            self._multi_keys[resource.arn] = multi
            for name, values in multi.items():
                for value in values:
                    self._file(name, value, seq, resource)

    def _file(self, index: str, value: Hashable, seq: int, resource: R) -> None:
        self._bucket(index, value).add(seq)

    def _unfile(self, index: str, value: Hashable, seq: int) -> None:
        if value is None:
            return
        bucket = self._indexed[index][value]
        bucket.remove(seq)
        if not bucket:
            del self._indexed[index][value]

    def remove(self, arn: str) -> R | None:
        found = self._by_arn.pop(arn, None)
        if found is None:
            return None
        seq, resource = found
        del self._resources[seq]
        self._order.remove(seq)
        for name, value in self._keys.pop(arn, {}).items():
            self._unfile(name, value, seq)
        for name, values in self._multi_keys.pop(arn, {}).items():
            for value in values:
                self._unfile(name, value, seq)
        return resource

    def reindex(self, resource: R) -> None:
        """Call after changing an attribute an index is keyed on."""
        if self._multi:
            self._reindex_multi(resource)
        if not self._indexes:
            return
        seq, _ = self._by_arn[resource.arn]
        old = self._keys[resource.arn]
        for name, key in self._indexes.items():
            value = key(resource)
            if value == old[name]:
                continue
            self._unfile(name, old[name], seq)
            if value is not None:
                self._bucket(name, value).add(seq)
            old[name] = value

    def _reindex_multi(self, resource: R) -> None:
        seq, _ = self._by_arn[resource.arn]
        old = self._multi_keys[resource.arn]
        for name, key in self._multi.items():
            values = frozenset(key(resource))
            for value in old[name] - values:
                self._unfile(name, value, seq)
            for value in values - old[name]:
                self._file(name, value, seq, resource)
            old[name] = values

    def _bucket(self, index: str, value: Hashable) -> SortedList:
        buckets = self._indexed[index]
        bucket = buckets.get(value)
        if bucket is None:
            bucket = buckets[value] = SortedList()
        return bucket

    def count(self, index: str, value: Hashable) -> int:
        return len(self._indexed[index].get(value, ()))

    def page(
        self,
        after: int,
        limit: int,
        index: str | None = None,
        value: Hashable = None,
        *,
        descending: bool = False,
    ) -> tuple[list[R], int | None]:
        """Up to ``limit`` resources with sequence > ``after``; the cursor of the next page or None.

        ``descending`` pages newest first: sequence < ``after`` (0 starts at the newest).
        """
        if index is None:
            ordered = self._order
        else:
            ordered = self._indexed[index].get(value)
            if ordered is None:
                return [], None
        if descending:
            stop = ordered.bisect_left(after) if after else len(ordered)
            chunk = ordered[max(0, stop - limit - 1) : stop][::-1]
        else:
            start = ordered.bisect_right(after)
            chunk = ordered[start : start + limit + 1]
        more = len(chunk) > limit
        chunk = chunk[:limit]
        resources = self._resources
        items = [resources[seq] for seq in chunk]
        return items, (chunk[-1] if more else None)
