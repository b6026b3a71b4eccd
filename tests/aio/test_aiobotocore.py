"""aiobotocore clients, intercepted like botocore ones (run in the aiobotocore environment).

aiobotocore pins an older botocore than the main environment, so `make test` runs this folder
in `.venv-aio`; see the Makefile.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiobotocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from ivsmock import IvsMock, mock_ivs

S3 = {"s3": {"bucketName": "my-recordings"}}
NO_RETRY = Config(retries={"max_attempts": 0})


def session() -> Any:
    return aiobotocore.session.get_session()


def keyed_client(region: str, access_key_id: str) -> Any:
    """An ivs client context with explicit credentials (the key id may name the account)."""
    return session().create_client(
        "ivs", region_name=region, aws_access_key_id=access_key_id, aws_secret_access_key="x"
    )


async def recording_round_trip(client: Any) -> dict[str, Any]:
    made = await client.create_recording_configuration(
        name="async", destinationConfiguration=S3, tags={"a": "b"}
    )
    arn = made["recordingConfiguration"]["arn"]
    got = await client.get_recording_configuration(arn=arn)
    listed = await client.list_recording_configurations()
    return {"made": made, "got": got, "listed": listed}


@mock_ivs
async def decorated() -> dict[str, Any]:
    async with session().create_client("ivs", region_name="us-west-2") as client:
        return await recording_round_trip(client)


def test_decorator_on_async_def() -> None:
    result = asyncio.run(decorated())
    assert result["made"]["recordingConfiguration"]["state"] == "CREATING"
    assert result["got"]["recordingConfiguration"]["state"] == "ACTIVE"
    assert ":us-west-2:" in result["got"]["recordingConfiguration"]["arn"]
    assert [c["name"] for c in result["listed"]["recordingConfigurations"]] == ["async"]


def test_async_context_manager_and_errors() -> None:
    async def scenario() -> None:
        async with (
            mock_ivs() as mock,
            session().create_client(
                "ivs-realtime", region_name="eu-west-1", config=NO_RETRY
            ) as realtime,
        ):
            made = await realtime.create_ingest_configuration(ingestProtocol="RTMPS")
            arn = made["ingestConfiguration"]["arn"]
            assert mock.resources("ivs-realtime", "ingest-configuration", region="eu-west-1")
            await realtime.delete_ingest_configuration(arn=arn)
            with pytest.raises(ClientError) as info:
                await realtime.get_ingest_configuration(arn=arn)
            error = info.value.response
            assert error["Error"]["Code"] == "ResourceNotFoundException"
            assert error["ResponseMetadata"]["HTTPStatusCode"] == 404
            assert arn in error["Error"]["Message"]

    asyncio.run(scenario())


def test_client_created_before_the_mock(ivs_mock: IvsMock) -> None:
    async def scenario() -> None:
        async with keyed_client("us-east-1", "210987654321") as client:
            result = await recording_round_trip(client)
            assert ":210987654321:" in result["got"]["recordingConfiguration"]["arn"]

    asyncio.run(scenario())


def test_fixture_and_faults(ivs_mock: IvsMock) -> None:
    ivs_mock.faults.throttle("ivs", "ListRecordingConfigurations")

    async def scenario() -> None:
        async with session().create_client("ivs", region_name="us-east-1", config=NO_RETRY) as c:
            with pytest.raises(ClientError) as info:
                await c.list_recording_configurations()
            assert info.value.response["Error"]["Code"] == "ThrottlingException"
            assert (await c.list_recording_configurations())["recordingConfigurations"] == []

    asyncio.run(scenario())
    assert [r.error for r in ivs_mock.calls] == ["ThrottlingException", None]


def test_requests_carry_the_scope_without_a_computed_signature() -> None:
    from botocore.history import BaseHistoryHandler, get_global_history_recorder

    from ivsmock.core.signing import UNCOMPUTED_SIGNATURE

    seen: list[str] = []

    class Keep(BaseHistoryHandler):  # type: ignore[misc]
        def emit(self, event_type: str, payload: Any, source: str) -> None:
            if event_type == "HTTP_REQUEST":
                value = payload["headers"]["Authorization"]
                seen.append(value.decode() if isinstance(value, bytes) else value)

    async def call(sign_requests: bool) -> None:
        with mock_ivs(sign_requests=sign_requests):
            async with keyed_client("eu-west-1", "AKIAEXAMPLEKEY000001") as client:
                await client.list_channels()

    recorder, keep = get_global_history_recorder(), Keep()
    recorder.add_handler(keep)
    recorder.enable()
    try:
        asyncio.run(call(sign_requests=False))
        asyncio.run(call(sign_requests=True))
    finally:
        recorder.disable()
        recorder._handlers.remove(keep)
    assert seen[0].startswith("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEKEY000001/")
    assert "/eu-west-1/ivs/aws4_request" in seen[0]
    assert seen[0].endswith(f"Signature={UNCOMPUTED_SIGNATURE}")
    assert not seen[1].endswith(f"Signature={UNCOMPUTED_SIGNATURE}")
