"""16 concurrent clients x 500 mixed calls: no 5xx, nothing lost, nothing duplicated.

The server runs as ``ivsmock server`` in its own process, as it is deployed, and the clients
speak plain HTTP, so the run loads the server rather than SDK code sharing its interpreter; the
SDK tests (boto3, AWS CLI, JavaScript) cover what real clients send.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.server.processes import server_process
from tests.server.rawhttp import send, tag_path

CLIENTS = 16
CYCLES = 50  # of ten calls each: 500 calls per client
ACCOUNTS = 4  # four clients share each account, so they contend for its lock
S3 = {"s3": {"bucketName": "load-bucket"}}


class Client:
    def __init__(self, url: str, account: str) -> None:
        self.url = url
        self.account = account
        self.statuses: Counter[int] = Counter()

    def __call__(self, scope: str, path: str, body: dict[str, Any], method: str = "POST") -> Any:
        reply = send(self.url, method, path, body, scope=scope, key=self.account)
        self.statuses[reply.status] += 1
        assert 200 <= reply.status < 300, (path, reply.status, reply.body)
        return reply.json if reply.body else None


def work(url: str, number: int) -> dict[str, Any]:
    """One client's 500 calls; returns what it created and what it believes still exists."""
    call = Client(url, f"{100000000000 + number % ACCOUNTS}")
    created: list[str] = []
    ingest: list[str] = []
    rooms: list[str] = []
    for cycle in range(CYCLES):
        name = f"c{number}-{cycle}"
        arn = call("ivs", "/CreateIngestConfiguration", {"name": name, "ingestProtocol": "RTMPS"})[
            "ingestConfiguration"
        ]["arn"]
        created.append(arn)
        ingest.append(arn)
        got = call("ivs", "/GetIngestConfiguration", {"arn": arn})
        assert got["ingestConfiguration"]["name"] == name
        call("ivs", tag_path(arn), {"tags": {"client": str(number)}})
        listed = call("ivs", "/ListIngestConfigurations", {"maxResults": 100})
        arns = [item["arn"] for item in listed["ingestConfigurations"]]
        assert len(arns) == len(set(arns)), "a list returned a resource twice"
        assert set(ingest) <= set(arns), "a list lost a resource of this client"

        room = call("ivschat", "/CreateRoom", {"name": name})["arn"]
        created.append(room)
        rooms.append(room)
        assert call("ivschat", "/GetRoom", {"identifier": room})["name"] == name

        recording = call(
            "ivs", "/CreateRecordingConfiguration", {"name": name, "destinationConfiguration": S3}
        )["recordingConfiguration"]["arn"]
        created.append(recording)
        listed = call("ivs", "/ListRecordingConfigurations", {})
        assert recording in {item["arn"] for item in listed["recordingConfigurations"]}
        call("ivs", "/DeleteRecordingConfiguration", {"arn": recording})

        if len(ingest) > 3:
            call("ivs", "/DeleteIngestConfiguration", {"arn": ingest.pop(0)})
        else:
            tags = call("ivs", tag_path(arn), {}, method="GET")
            assert tags == {"tags": {"client": str(number)}}
    return {
        "account": call.account,
        "created": created,
        "ingest": ingest,
        "rooms": rooms,
        "statuses": call.statuses,
    }


def stored(state: dict[str, Any], account: str, service: str, resource_type: str) -> list[str]:
    """The ARNs of one resource type in the admin state dump."""
    by_type = state["accounts"][account]["us-east-1"][service]
    return [resource["arn"] for resource in by_type[resource_type]]


def test_concurrent_clients_lose_and_duplicate_nothing() -> None:
    start = threading.Barrier(CLIENTS)
    with server_process() as (process, url):

        def client(number: int) -> dict[str, Any]:
            start.wait()
            return work(url, number)

        with ThreadPoolExecutor(CLIENTS) as pool:
            outcomes = list(pool.map(client, range(CLIENTS)))
        state = send(url, "GET", "/_ivsmock/state").json
        assert process.poll() is None, "the server died"

    statuses = sum((outcome["statuses"] for outcome in outcomes), Counter())
    assert sum(statuses.values()) == CLIENTS * CYCLES * 10
    assert set(statuses) <= {200, 204}, statuses  # 204: the Delete operations of ivs
    created = [arn for outcome in outcomes for arn in outcome["created"]]
    assert len(created) == len(set(created)) == CLIENTS * CYCLES * 3
    expected: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for outcome in outcomes:
        expected[outcome["account"]]["ingest"].update(outcome["ingest"])
        expected[outcome["account"]]["rooms"].update(outcome["rooms"])
    assert sorted(expected) == sorted(state["accounts"])
    for account, kinds in expected.items():
        ingest = stored(state, account, "ivs-realtime", "ingest-configuration")
        rooms = stored(state, account, "ivschat", "room")
        assert len(ingest) == len(set(ingest)) and set(ingest) == kinds["ingest"]
        assert len(rooms) == len(set(rooms)) and set(rooms) == kinds["rooms"]
        assert stored(state, account, "ivs", "recording-configuration") == []
