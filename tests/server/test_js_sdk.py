"""The AWS SDK for JavaScript v3 (from npm, run by Node) against the server, for each service.

The test installs the pinned packages (tests/server/js/package-lock.json) into
tests/server/js/node_modules itself when they are missing or out of date, so a fresh machine
passes too; later runs reuse them.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ivsmock.server import IvsMockServer

JS = Path(__file__).parent / "js"
STAMP = JS / "node_modules" / ".ivsmock-installed"
ACCOUNT = "111122223333"
MISSING = {
    "ivs": f"arn:aws:ivs:us-east-1:{ACCOUNT}:recording-configuration/AbCdEfGh1234",
    "ivs-realtime": f"arn:aws:ivs:us-east-1:{ACCOUNT}:ingest-configuration/AbCdEfGh1234",
    "ivschat": f"arn:aws:ivschat:us-east-1:{ACCOUNT}:room/AbCdEfGh1234",
}
RESOURCE_TYPES = {
    "ivs": "recording-configuration",
    "ivs-realtime": "ingest-configuration",
    "ivschat": "room",
}


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not on PATH: this test needs Node.js 18+ and npm to run the JS SDK")
    return found


def install_packages() -> None:
    """``npm ci`` when node_modules does not match package-lock.json; a no-op when it does."""
    wanted = hashlib.sha256(
        (JS / "package.json").read_bytes() + (JS / "package-lock.json").read_bytes()
    ).hexdigest()
    # Two test runs in one tree at once must not install over each other.
    with open(JS / "package.json", "rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if STAMP.is_file() and STAMP.read_text() == wanted:
            return
        result = subprocess.run(
            [tool("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=JS,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"npm ci failed:\n{result.stdout}\n{result.stderr}"
        STAMP.write_text(wanted)


@pytest.fixture(scope="module")
def node_modules() -> Path:
    install_packages()
    return JS / "node_modules"


def run_roundtrip(url: str) -> dict[str, Any]:
    # No AWS_* of the machine's: the script passes its own fake credentials and endpoint.
    env = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    env["NODE_NO_WARNINGS"] = "1"  # the SDK warns about Node 20's end of support
    result = subprocess.run(
        [tool("node"), "roundtrip.mjs", url],
        cwd=JS,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_create_get_paginated_list_tags_and_an_error_for_each_service(
    node_modules: Path, server: IvsMockServer
) -> None:
    results = run_roundtrip(server.url)
    assert sorted(results) == ["ivs", "ivs-realtime", "ivschat"]
    state = server.state.region(ACCOUNT, "us-east-1")
    for service, outcome in results.items():
        created = outcome["created"]
        assert len(set(created)) == 3, (service, created)
        assert outcome["got"] == created[0]
        # Three resources two per page: two pages, each resource exactly once.
        assert [len(page) for page in outcome["pages"]] == [2, 1], (service, outcome["pages"])
        assert sorted(arn for page in outcome["pages"] for arn in page) == sorted(created)
        assert outcome["tags"] == {"sdk": "js"}
        assert outcome["error"]["name"] == "ResourceNotFoundException"
        assert outcome["error"]["status"] == 404
        assert MISSING[service] in outcome["error"]["message"]
        # The server holds exactly what the SDK created, in the account of its access key.
        stored = next(
            store
            for store in state.backend(service).stores()
            if store.resource_type == RESOURCE_TYPES[service]
        )
        assert sorted(resource.arn for resource in stored.values()) == sorted(created)
