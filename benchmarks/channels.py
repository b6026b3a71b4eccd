"""Channel operations side by side: botocore's floor, ivsmock and moto (one run, same machine).

For CreateChannel, GetChannel and ListChannels (a page of 100) at 100 and at 10,000 stored
channels, the per-call cost of:

- the floor: botocore with a canned ``before-send`` answer (the same bytes ivsmock sends), i.e.
  what a call costs with no mock work at all;
- ivsmock (``mock_ivs``), which skips the SigV4 signature nobody checks in process
  (core/signing.py);
- ivsmock with ``sign_requests=True`` ("signed"): botocore's full work, signing included, as in
  the floor and in moto, so "signed/floor" is the mock's own cost;
- moto (``mock_aws``);
- the floor of a client made with ``signature_version=UNSIGNED``: botocore's work with no
  signing at all, which no mock answering at ``before-send`` can go below, so "moto/ivsmock
  bound" (moto over it) is the highest "moto/ivsmock" any such mock could reach.

The channel quota of an account and region is 5,000 (facts §0.6); to store 10,000 channels the
ivsmock runs raise it with ``mock_ivs(quotas={"channel": ...})``, the documented override for
load tests. The stores are filled below the API (ivsmock: its dispatch; moto: its backend) to
keep the run short; every measured call goes through a real boto3 client. GetChannel reads
the channel stored in the middle. Per-call cost is the best of several rounds.

"moto/ivsmock" compares whole calls, botocore's own serialising and parsing included, so it is
bounded by moto/floor divided by ivsmock/floor; "moto/ivsmock above floor" compares only what
each mock adds to the same botocore work (the signed column).

Run: ``.venv/bin/python benchmarks/channels.py``; ``run()`` returns the rows.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import boto3
from botocore import UNSIGNED
from botocore.config import Config

from benchmarks.harness import canned_response, per_call, table
from ivsmock import mock_ivs
from ivsmock.core.dispatch import dispatch
from ivsmock.core.interception import current_options, current_state
from ivsmock.core.wire_in import HttpRequest

REGION = "us-east-1"
ACCOUNT = "123456789012"
SIZES = (100, 10_000)
CALLS = {"CreateChannel": 200, "GetChannel": 300, "ListChannels": 40}
QUOTA_FOR_BENCHMARK = 1_000_000
REPEATS = 3
Action = Callable[[], Any]


def _client(signed: bool = True) -> Any:
    config = Config(retries={"max_attempts": 0})
    if not signed:
        config = config.merge(Config(signature_version=UNSIGNED))
    return boto3.session.Session().client(
        "ivs",
        region_name=REGION,
        aws_access_key_id="AKIAEXAMPLEEXAMPLE00",
        aws_secret_access_key="x",
        config=config,
    )


def _actions(client: Any, arn: str) -> dict[str, Action]:
    return {
        "CreateChannel": lambda: client.create_channel(name="bench"),
        "GetChannel": lambda: client.get_channel(arn=arn),
        "ListChannels": lambda: client.list_channels(maxResults=100),
    }


def _measure(actions: dict[str, Action]) -> dict[str, float]:
    return {name: per_call(action, CALLS[name]) for name, action in actions.items()}


# -- ivsmock -----------------------------------------------------------------------------------


def _fill_ivsmock(count: int) -> list[str]:
    state, options = current_state(), current_options()
    assert state is not None and options is not None
    request = HttpRequest("POST", "/CreateChannel", "", {}, json.dumps({"name": "bench"}).encode())
    arns = []
    for _ in range(count):
        answer = dispatch("ivs", "CreateChannel", request, state, options)
        arns.append(json.loads(answer.body)["channel"]["arn"])
    return arns


def _ivsmock(
    count: int, sign_requests: bool = False
) -> tuple[dict[str, float], dict[str, tuple[int, dict[str, str], bytes]]]:
    """Per-call costs, and ivsmock's answers (to serve the same bytes from the floor)."""
    captured: dict[str, tuple[int, dict[str, str], bytes]] = {}
    with mock_ivs(quotas={"channel": QUOTA_FOR_BENCHMARK}, sign_requests=sign_requests):
        arns = _fill_ivsmock(count)
        client = _client()
        actions = _actions(client, arns[count // 2])
        costs = _measure(actions)
        state, options = current_state(), current_options()
        assert state is not None and options is not None
        for name, body in (
            ("CreateChannel", {"name": "bench"}),
            ("GetChannel", {"arn": arns[count // 2]}),
            ("ListChannels", {"maxResults": 100}),
        ):
            request = HttpRequest("POST", f"/{name}", "", {}, json.dumps(body).encode())
            answer = dispatch("ivs", name, request, state, options)
            captured[name] = (answer.status, answer.headers, answer.body)
    return costs, captured


# -- the floor ---------------------------------------------------------------------------------


def _floor(
    answers: dict[str, tuple[int, dict[str, str], bytes]], arn: str, signed: bool = True
) -> dict[str, float]:
    client = _client(signed)
    for name, (status, headers, body) in answers.items():
        canned_response(client, f"before-send.ivs.{name}", status, body, headers)
    return _measure(_actions(client, arn))


# -- moto --------------------------------------------------------------------------------------


def _moto(count: int) -> dict[str, float]:
    from moto import mock_aws
    from moto.ivs.models import ivs_backends

    with mock_aws():
        backend = ivs_backends[ACCOUNT][REGION]
        arns = [
            backend.create_channel(
                authorized=False,
                insecure_ingest=False,
                latency_mode="LOW",
                name="bench",
                preset="",
                recording_configuration_arn="",
                tags={},
                channel_type="STANDARD",
            )[0]["arn"]
            for _ in range(count)
        ]
        return _measure(_actions(_client(), arns[count // 2]))


def _side_by_side(count: int) -> list[dict[str, float]]:
    """Per-call costs of ivsmock, ivsmock with ``sign_requests=True``, the floor, the floor of an
    unsigned client, and moto: each
    the best over REPEATS passes, taken in turn, so a burst of load on a shared machine spoils
    one pass, not one column."""
    best: list[dict[str, float]] = [{}, {}, {}, {}, {}]
    for _ in range(REPEATS):
        mocked, answers = _ivsmock(count)
        signed, _ = _ivsmock(count, sign_requests=True)
        arn = json.loads(answers["GetChannel"][2])["channel"]["arn"]
        passes = (
            mocked,
            signed,
            _floor(answers, arn),
            _floor(answers, arn, signed=False),
            _moto(count),
        )
        for column, costs in zip(best, passes, strict=True):
            for name, cost in costs.items():
                column[name] = min(cost, column.get(name, cost))
    return best


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for count in SIZES:
        mocked, signed, floor, unsigned_floor, moto = _side_by_side(count)
        for name in CALLS:
            rows.append(
                {
                    "operation": f"{name}{' (page of 100)' if name == 'ListChannels' else ''}",
                    "stored": count,
                    "floor_us": floor[name] * 1e6,
                    "ivsmock_us": mocked[name] * 1e6,
                    "signed_us": signed[name] * 1e6,
                    "moto_us": moto[name] * 1e6,
                    "ivsmock/floor": mocked[name] / floor[name],
                    "signed/floor": signed[name] / floor[name],
                    "moto/ivsmock": moto[name] / mocked[name],
                    # The most any mock answering at before-send could score: botocore's own
                    # work, signing left out, is in every call.
                    "moto/ivsmock bound": moto[name] / unsigned_floor[name],
                    # What each mock adds to botocore's own cost (signing included), compared.
                    "moto/ivsmock above floor": (moto[name] - floor[name])
                    / max(signed[name] - floor[name], 1e-9),
                    "target": f"ivsmock/floor <= 1.15, moto/ivsmock >= {2 if count <= 100 else 4}",
                }
            )
    return rows


COLUMNS = [
    "operation",
    "stored",
    "floor_us",
    "ivsmock_us",
    "signed_us",
    "moto_us",
    "ivsmock/floor",
    "signed/floor",
    "moto/ivsmock",
    "moto/ivsmock bound",
    "moto/ivsmock above floor",
    "target",
]


if __name__ == "__main__":
    started = time.perf_counter()
    print(table(run(), COLUMNS))
    print(f"({time.perf_counter() - started:.0f} s)")
