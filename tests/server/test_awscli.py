"""The AWS CLI (the ``awscli`` package) against the server, with --endpoint-url."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from ivsmock.server import IvsMockServer

AWS = Path(sys.executable).parent / "aws"
ACCOUNT = "111122223333"


class Cli:
    def __init__(self, tmp_path: Path, url: str) -> None:
        self.url = url
        # Fake credentials, and no config or credentials file of the machine's user.
        self.env = {
            **os.environ,
            "AWS_ACCESS_KEY_ID": ACCOUNT,
            "AWS_SECRET_ACCESS_KEY": "ivsmock-fake-secret",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": str(tmp_path / "no-config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-credentials"),
        }
        self.env.pop("AWS_PROFILE", None)

    def run(self, *args: str, endpoint: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(AWS), *(("--endpoint-url", self.url) if endpoint else ()), *args]
        return subprocess.run(command, capture_output=True, text=True, env=self.env, timeout=60)

    def __call__(self, *args: str) -> Any:
        result = self.run(*args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else None


@pytest.fixture
def aws(tmp_path: Path, server: IvsMockServer) -> Cli:
    return Cli(tmp_path, server.url)


def ivs_chain(aws: Cli) -> None:
    created = aws(
        "ivs",
        "create-recording-configuration",
        "--name",
        "from-cli",
        "--destination-configuration",
        "s3={bucketName=cli-bucket}",
    )["recordingConfiguration"]
    assert created["arn"].startswith(f"arn:aws:ivs:us-east-1:{ACCOUNT}:recording-configuration/")
    got = aws("ivs", "get-recording-configuration", "--arn", created["arn"])
    assert got["recordingConfiguration"]["name"] == "from-cli"
    listed = aws("ivs", "list-recording-configurations")["recordingConfigurations"]
    assert [item["arn"] for item in listed] == [created["arn"]]


def realtime_chain(aws: Cli) -> None:
    created = aws(
        "ivs-realtime", "create-ingest-configuration", "--ingest-protocol", "RTMPS", "--name", "obs"
    )["ingestConfiguration"]
    # The tag path is shared by the three services: the ARN routes it to ivs-realtime.
    assert (
        aws("ivs-realtime", "tag-resource", "--resource-arn", created["arn"], "--tags", "a=b")
        is None
    )
    tags = aws("ivs-realtime", "list-tags-for-resource", "--resource-arn", created["arn"])
    assert tags == {"tags": {"a": "b"}}
    listed = aws("ivs-realtime", "list-ingest-configurations")["ingestConfigurations"]
    assert [item["arn"] for item in listed] == [created["arn"]]


def chat_chain(aws: Cli) -> None:
    room = aws("ivschat", "create-room", "--name", "lobby")
    assert aws("ivschat", "get-room", "--identifier", room["arn"])["name"] == "lobby"
    assert [r["arn"] for r in aws("ivschat", "list-rooms")["rooms"]] == [room["arn"]]


def test_operations_of_all_three_services(aws: Cli, server: IvsMockServer) -> None:
    # Three independent chains at once: each CLI start costs a few hundred milliseconds.
    with ThreadPoolExecutor(3) as pool:
        for future in [
            pool.submit(chain, aws) for chain in (ivs_chain, realtime_chain, chat_chain)
        ]:
            future.result()
    state = server.state.region(ACCOUNT, "us-east-1").backends()
    assert sorted(state) == ["ivs", "ivs-realtime", "ivschat"]


def test_a_service_error_is_the_cli_client_error(aws: Cli) -> None:
    missing = f"arn:aws:ivs:us-east-1:{ACCOUNT}:recording-configuration/AbCdEfGh1234"
    result = aws.run("ivs", "get-recording-configuration", "--arn", missing)
    assert result.returncode == 255
    assert result.stderr.strip() == (
        "An error occurred (ResourceNotFoundException) when calling the "
        f"GetRecordingConfiguration operation: Recording configuration not found: {missing}"
    )


def test_aws_endpoint_url_in_the_environment_works_too(aws: Cli) -> None:
    aws.env["AWS_ENDPOINT_URL"] = aws.url
    result = aws.run("ivschat", "list-rooms", endpoint=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"rooms": []}
