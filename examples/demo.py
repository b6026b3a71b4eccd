"""ivsmock demo: the decorator, the context manager and the pytest fixture on the first operations.

Run with `make demo`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import boto3
from botocore.exceptions import ClientError

from ivsmock import mock_ivs

S3 = {"s3": {"bucketName": "demo-recordings"}}


@mock_ivs
def with_the_decorator() -> None:
    print("== @mock_ivs: ivs recording configurations")
    ivs = boto3.client("ivs", region_name="us-west-2")
    created = ivs.create_recording_configuration(
        name="demo", destinationConfiguration=S3, tags={"team": "video"}
    )["recordingConfiguration"]
    print(f"created  {created['arn']}  state={created['state']}")
    got = ivs.get_recording_configuration(arn=created["arn"])["recordingConfiguration"]
    print(f"got      state={got['state']}  thumbnails={got['thumbnailConfiguration']}")
    try:
        ivs.create_recording_configuration(
            destinationConfiguration=S3,
            thumbnailConfiguration={"recordingMode": "DISABLED", "targetIntervalSeconds": 5},
        )
    except ClientError as error:
        status = error.response["ResponseMetadata"]["HTTPStatusCode"]
        print(f"refused  {error.response['Error']['Code']} ({status}): {error}")


def with_the_context_manager() -> None:
    print("\n== with mock_ivs(): ivs-realtime ingest configurations, two accounts")
    with mock_ivs() as mock:
        realtime = mock.client("ivs-realtime", region="eu-west-1")
        made = realtime.create_ingest_configuration(
            name="encoder-1", ingestProtocol="RTMPS", redundantIngest=True
        )["ingestConfiguration"]
        print(f"created  {made['arn']}")
        print(f"         streamKey={made['streamKey'][:40]}...")
        print(f"         {len(made['redundantIngestCredentials'])} redundant credential pairs")
        other = mock.client("ivs-realtime", region="eu-west-1", account_id="210987654321")
        other.create_ingest_configuration(ingestProtocol="RTMP", insecureIngest=True)
        print(f"state in {mock.locations()}")
        try:
            realtime.list_ingest_configurations(
                filterByStageArn="arn:aws:ivs:eu-west-1:123456789012:stage/AbCdEfGh1234",
                filterByState="ACTIVE",
            )
        except ClientError as error:
            print(
                f"refused  {error.response['Error']['Code']}: {error.response['Error']['Message']}"
            )


def with_the_fixture() -> None:
    print("\n== the ivs_mock pytest fixture")
    test = textwrap.dedent(
        """
        import pytest
        from ivsmock import IvsMock

        @pytest.mark.ivsmock(region="ap-south-1")
        def test_tags(ivs_mock: IvsMock) -> None:
            ivs = ivs_mock.client("ivs")
            arn = ivs.create_recording_configuration(
                destinationConfiguration={"s3": {"bucketName": "demo-recordings"}}
            )["recordingConfiguration"]["arn"]
            ivs.tag_resource(resourceArn=arn, tags={"stage": "demo"})
            assert ivs.list_tags_for_resource(resourceArn=arn)["tags"] == {"stage": "demo"}
            assert ":ap-south-1:" in arn
        """
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "test_demo.py"
        path.write_text(test)
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
    print(result.stdout.strip().splitlines()[-1])
    if result.returncode != 0:
        print(result.stdout)
        raise SystemExit(result.returncode)


if __name__ == "__main__":
    with_the_decorator()
    with_the_context_manager()
    with_the_fixture()
