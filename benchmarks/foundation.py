"""Foundation benchmarks (ratios, not absolute times; one run, all measured side by side).

- per call (create, get, list a page of 50) against botocore's own cost with a canned response;
- Get with 100,000 stored resources against Get with 100;
- mock_ivs enter + exit; a whole small test against moto's mock_aws;
- what `import ivsmock` adds to `import boto3`.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from typing import Any

import boto3
from botocore.config import Config

from benchmarks.harness import canned_response, per_call, table
from ivsmock import mock_ivs
from ivsmock.core.dispatch import dispatch
from ivsmock.core.interception import current_options, current_state
from ivsmock.core.wire_in import HttpRequest

CALLS = 300
REGION = "us-east-1"


def _client(service: str = "ivs-realtime") -> Any:
    return boto3.session.Session().client(
        service,
        region_name=REGION,
        aws_access_key_id="AKIAEXAMPLEEXAMPLE00",
        aws_secret_access_key="x",
        config=Config(retries={"max_attempts": 0}),
    )


def _fill(count: int) -> None:
    """Store ``count`` ingest configurations quickly (dispatch directly, botocore skipped)."""
    state, options = current_state(), current_options()
    assert state is not None and options is not None
    body = json.dumps({"ingestProtocol": "RTMPS"}).encode()
    request = HttpRequest("POST", "/CreateIngestConfiguration", "", {}, body)
    for _ in range(count):
        dispatch("ivs-realtime", "CreateIngestConfiguration", request, state, options)


def _sample_responses() -> dict[str, tuple[int, dict[str, str], bytes]]:
    """What ivsmock answers for each operation, to serve the same bytes from the floor."""
    captured: dict[str, tuple[int, dict[str, str], bytes]] = {}
    with mock_ivs(quotas={"ingest-configuration": 1_000_000}):
        client = _client()

        def keep(http_response: Any, operation_name: str, **_: Any) -> None:
            captured[operation_name] = (
                http_response.status_code,
                dict(http_response.headers),
                http_response.content,
            )

        client.meta.events.register("after-call.ivs-realtime", lambda **kw: None)
        client.meta.events.register("needs-retry.ivs-realtime", _retry_spy(keep))
        _fill(60)
        arn = client.create_ingest_configuration(ingestProtocol="RTMPS")["ingestConfiguration"][
            "arn"
        ]
        client.get_ingest_configuration(arn=arn)
        client.list_ingest_configurations(maxResults=50)
    return captured


def _retry_spy(keep: Any) -> Any:
    def spy(response: Any, operation: Any, **_: Any) -> None:
        if response and response[0] is not None:
            keep(response[0], operation.name)

    return spy


OPERATIONS = (
    "CreateIngestConfiguration",
    "GetIngestConfiguration",
    "ListIngestConfigurations (page of 50)",
)
REPEATS = 3


def _per_call(client: Any, arn: str) -> dict[str, float]:
    costs = (
        per_call(lambda: client.create_ingest_configuration(ingestProtocol="RTMPS"), CALLS),
        per_call(lambda: client.get_ingest_configuration(arn=arn), CALLS),
        per_call(lambda: client.list_ingest_configurations(maxResults=50), CALLS),
    )
    return dict(zip(OPERATIONS, costs, strict=True))


def _mocked(sign_requests: bool) -> dict[str, float]:
    with mock_ivs(quotas={"ingest-configuration": 10_000_000}, sign_requests=sign_requests):
        client = _client()
        _fill(100)
        made = client.create_ingest_configuration(ingestProtocol="RTMPS")
        return _per_call(client, made["ingestConfiguration"]["arn"])


def _floor(samples: dict[str, tuple[int, dict[str, str], bytes]]) -> dict[str, float]:
    client = _client()
    for operation, (status, headers, body) in samples.items():
        canned_response(client, f"before-send.ivs-realtime.{operation}", status, body, headers)
    return _per_call(client, "arn:aws:ivs:us-east-1:123456789012:ingest-configuration/canned")


def per_call_against_floor() -> list[dict[str, Any]]:
    """ivsmock as users get it (SigV4 signature skipped, core/signing.py), and with
    ``sign_requests=True`` (botocore's full work, as in the floor), against the floor; the
    three are measured in turn, REPEATS times, and each keeps its best."""
    samples = _sample_responses()
    best: dict[str, dict[str, float]] = {"default": {}, "signed": {}, "floor": {}}
    for _ in range(REPEATS):
        for column, costs in (
            ("default", _mocked(sign_requests=False)),
            ("signed", _mocked(sign_requests=True)),
            ("floor", _floor(samples)),
        ):
            for name, cost in costs.items():
                best[column][name] = min(cost, best[column].get(name, cost))
    rows = []
    for name in OPERATIONS:
        floor = best["floor"][name]
        rows.append(
            {
                "measure": f"{name}: ivsmock / botocore floor",
                "ratio": best["default"][name] / floor,
                "target": "<= 1.15",
            }
        )
        rows.append(
            {
                "measure": f"{name}: ivsmock, sign_requests=True / floor (same botocore work)",
                "ratio": best["signed"][name] / floor,
                "target": "",
            }
        )
    return rows


def get_at_scale() -> list[dict[str, Any]]:
    costs = {}
    for count in (100, 100_000):
        with mock_ivs(quotas={"ingest-configuration": count + 10}):
            client = _client()
            _fill(count - 1)
            arn = client.create_ingest_configuration(ingestProtocol="RTMPS")["ingestConfiguration"][
                "arn"
            ]
            costs[count] = per_call(lambda: client.get_ingest_configuration(arn=arn), CALLS)  # noqa: B023
    return [
        {
            "measure": "GetIngestConfiguration with 100,000 stored / with 100",
            "ratio": costs[100_000] / costs[100],
            "target": "<= 1.05",
        }
    ]


def activation_costs() -> list[dict[str, Any]]:
    def enter_exit() -> None:
        with mock_ivs():
            pass

    enter_exit_cost = per_call(enter_exit, 2000)

    def small_test_ivsmock() -> None:
        with mock_ivs():
            boto3.client("ivs", region_name=REGION).list_recording_configurations()

    def small_test_moto() -> None:
        with _moto().mock_aws():
            boto3.client("ivs", region_name=REGION).list_channels()

    ivsmock_test = per_call(small_test_ivsmock, 20, rounds=3)
    moto_test = per_call(small_test_moto, 5, rounds=3)
    return [
        {
            "measure": "mock_ivs enter + exit (ms)",
            "ratio": enter_exit_cost * 1000,
            "target": "<= 0.2 ms",
        },
        {
            "measure": "whole small test, ivsmock (ms)",
            "ratio": ivsmock_test * 1000,
            "target": "<= 5 ms",
        },
        {
            "measure": "whole small test, moto mock_aws (ms)",
            "ratio": moto_test * 1000,
            "target": "~80 ms",
        },
        {
            "measure": "whole small test: moto / ivsmock",
            "ratio": moto_test / ivsmock_test,
            "target": "",
        },
    ]


def _moto() -> Any:
    import moto

    return moto


IMPORT_PROBE = """
import time
t0 = time.perf_counter()
import boto3
t1 = time.perf_counter()
import ivsmock
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def import_cost() -> list[dict[str, Any]]:
    added, base = [], []
    for _ in range(7):
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE], capture_output=True, text=True, check=True
        ).stdout.split()
        base.append(float(out[0]))
        added.append(float(out[1]))
    return [
        {
            "measure": "import ivsmock after import boto3 (ms)",
            "ratio": statistics.median(added) * 1000,
            "target": "<= 30 ms",
        },
        {
            "measure": "import boto3 itself (ms)",
            "ratio": statistics.median(base) * 1000,
            "target": "",
        },
    ]


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    rows += per_call_against_floor()
    rows += get_at_scale()
    rows += activation_costs()
    rows += import_cost()
    return rows


if __name__ == "__main__":
    started = time.perf_counter()
    print(table(run(), ["measure", "ratio", "target"]))
    print(f"({time.perf_counter() - started:.0f} s)")
