"""ResourceStore: lookups, ordered pages, indexes kept in step with changes."""

from __future__ import annotations

from dataclasses import dataclass

from ivsmock.core.store import ResourceStore


@dataclass
class Thing:
    arn: str
    colour: str


def make(count: int) -> ResourceStore[Thing]:
    store: ResourceStore[Thing] = ResourceStore("thing", indexes={"colour": lambda t: t.colour})
    for index in range(count):
        store.add(Thing(f"arn:{index}", "red" if index % 2 else "blue"))
    return store


def test_pages_follow_insertion_order_and_resume_after_cursor() -> None:
    store = make(10)
    first, cursor = store.page(0, 4)
    assert [t.arn for t in first] == ["arn:0", "arn:1", "arn:2", "arn:3"]
    assert cursor is not None
    store.remove("arn:4")
    store.add(Thing("arn:new", "red"))
    second, cursor = store.page(cursor, 4)
    assert [t.arn for t in second] == ["arn:5", "arn:6", "arn:7", "arn:8"]
    third, cursor = store.page(cursor, 4)
    assert [t.arn for t in third] == ["arn:9", "arn:new"]
    assert cursor is None


def test_index_pages_and_reindex() -> None:
    store = make(6)
    reds, _ = store.page(0, 10, "colour", "red")
    assert [t.arn for t in reds] == ["arn:1", "arn:3", "arn:5"]
    thing = store.get("arn:1")
    assert thing is not None
    thing.colour = "green"
    store.reindex(thing)
    assert store.count("colour", "red") == 2
    assert [t.arn for t in store.page(0, 10, "colour", "green")[0]] == ["arn:1"]
    store.remove("arn:1")
    assert store.count("colour", "green") == 0
    assert store.page(0, 10, "colour", "purple") == ([], None)


def test_lookup_and_length() -> None:
    store = make(3)
    assert len(store) == 3 and "arn:2" in store
    assert store.get("arn:9") is None
    assert store.remove("arn:9") is None


def test_a_key_of_none_files_nothing_and_follows_changes() -> None:
    store: ResourceStore[Thing] = ResourceStore(
        "thing", indexes={"colour": lambda t: t.colour or None}
    )
    plain, red = Thing("arn:plain", ""), Thing("arn:red", "red")
    store.add(plain)
    store.add(red)
    assert store.count("colour", None) == 0 and store.count("colour", "") == 0
    assert store.page(0, 10, "colour", None) == ([], None)
    plain.colour = "red"
    store.reindex(plain)
    assert [t.arn for t in store.page(0, 10, "colour", "red")[0]] == ["arn:plain", "arn:red"]
    red.colour = ""
    store.reindex(red)
    assert [t.arn for t in store.page(0, 10, "colour", "red")[0]] == ["arn:plain"]
    store.remove("arn:red")  # unfiled: nothing to take out of a bucket
    store.remove("arn:plain")
    assert store.count("colour", "red") == 0 and len(store) == 0
