"""The model-driven wire layer and constraint checks, through dispatch and unit by unit."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from ivsmock.core.dispatch import dispatch, identify
from ivsmock.core.model import service_spec
from ivsmock.core.options import MockOptions
from ivsmock.core.registry import MockState
from ivsmock.core.validation import Compiler
from ivsmock.core.wire_in import HttpRequest, parse_request
from ivsmock.core.wire_out import iso8601, serialize_result
from tests.helpers import aws_error

S3 = {"s3": {"bucketName": "my-recordings"}}
AUTH = (
    "AWS4-HMAC-SHA256 Credential=210987654321/20261121/eu-west-1/ivs/aws4_request, "
    "SignedHeaders=host, Signature=abc"
)


def request(
    method: str, path: str, body: Any = b"", query: str = "", **headers: str
) -> HttpRequest:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return HttpRequest(method, path, query, {k.lower(): v for k, v in headers.items()}, data)


def answer(service: str, operation: str, http: HttpRequest) -> tuple[int, dict[str, str], Any]:
    result = dispatch(service, operation, http, MockState(), MockOptions())
    return result.status, result.headers, json.loads(result.body) if result.body else None


def test_account_and_region_from_the_credential_scope() -> None:
    assert identify(request("GET", "/", authorization=AUTH), MockOptions()) == (
        "210987654321",
        "eu-west-1",
    )
    unsigned = request("GET", "/")
    assert identify(unsigned, MockOptions(account_id="111122223333", region="ap-south-1")) == (
        "111122223333",
        "ap-south-1",
    )


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "must be a JSON object"),
        (b"\xff\xfe", "not valid JSON"),
    ],
)
def test_undecodable_bodies_are_validation_errors(body: bytes, fragment: str) -> None:
    status, headers, payload = answer(
        "ivs",
        "CreateRecordingConfiguration",
        request("POST", "/CreateRecordingConfiguration", body),
    )
    assert status == 400
    assert headers["x-amzn-ErrorType"] == "ValidationException"
    assert fragment in payload["message"]
    assert payload["exceptionMessage"] == payload["message"]


def test_every_problem_is_reported_with_its_path() -> None:
    body = {
        "name": "n" * 200,
        "destinationConfiguration": {"s3": {"bucketName": "x"}},
        "recordingReconnectWindowSeconds": "soon",
        "thumbnailConfiguration": {"storage": ["SEQUENTIAL", "SOMETIMES"]},
        "renditionConfiguration": [],
        "tags": {"k": 5},
    }
    status, _, payload = answer(
        "ivs",
        "CreateRecordingConfiguration",
        request("POST", "/CreateRecordingConfiguration", body),
    )
    assert status == 400
    message = payload["message"]
    assert message.startswith("6 validation errors detected: ")
    for fragment in (
        "at 'name' failed to satisfy constraint: Member must have length less than or equal to 128",
        "at 'destinationConfiguration.s3.bucketName' failed to satisfy constraint: "
        "Member must have length greater than or equal to 3",
        "at 'recordingReconnectWindowSeconds' failed to satisfy constraint: "
        "Member must be of type integer",
        "at 'thumbnailConfiguration.storage.2.member' failed to satisfy constraint: "
        "Member must satisfy enum value set: [SEQUENTIAL, LATEST]",
        "at 'renditionConfiguration' failed to satisfy constraint: Member must be a structure",
        "at 'tags.k' failed to satisfy constraint: Member must be a string",
    ):
        assert fragment in message


def test_hostile_values_are_cut_short_in_messages() -> None:
    body = {"destinationConfiguration": S3, "name": "<script>" + "x" * 5000}
    _, _, payload = answer(
        "ivs",
        "CreateRecordingConfiguration",
        request("POST", "/CreateRecordingConfiguration", body),
    )
    assert len(payload["message"]) < 300
    assert "..." in payload["message"]


def test_path_labels_are_url_decoded_and_query_lists_parsed() -> None:
    state, options = MockState(), MockOptions()
    created = dispatch(
        "ivs",
        "CreateRecordingConfiguration",
        request(
            "POST",
            "/CreateRecordingConfiguration",
            {"destinationConfiguration": S3, "tags": {"a": "1", "b": "2", "c": "3"}},
        ),
        state,
        options,
    )
    arn = json.loads(created.body)["recordingConfiguration"]["arn"]
    encoded = arn.replace(":", "%3A").replace("/", "%2F")
    untag = dispatch(
        "ivs",
        "UntagResource",
        request("DELETE", f"/tags/{encoded}", query="tagKeys=a&tagKeys=c"),
        state,
        options,
    )
    assert untag.status == 200
    listed = dispatch(
        "ivs", "ListTagsForResource", request("GET", f"/tags/{encoded}"), state, options
    )
    assert json.loads(listed.body) == {"tags": {"b": "2"}}


def test_query_values_are_typed() -> None:
    spec = service_spec("ivs").operations["UntagResource"]
    params = parse_request(spec, request("DELETE", "/tags/arn", query="tagKeys=&tagKeys=x"))
    assert params == {"resourceArn": "arn", "tagKeys": ["", "x"]}


def test_unknown_operation_names_the_model_operations() -> None:
    from ivsmock import NotImplementedOperationError

    with pytest.raises(NotImplementedOperationError, match=r"no operation 'Launch'.*GetChannel"):
        answer("ivs", "Launch", request("POST", "/Launch", {}))


def test_timestamps_serialise_as_iso8601() -> None:
    moment = datetime.datetime(2026, 11, 21, 5, 6, 7, 891234, tzinfo=datetime.timezone.utc)
    assert iso8601(moment) == "2026-11-21T05:06:07.891Z"
    spec = service_spec("ivs-realtime").operations["GetStageSession"]
    result = {"stageSession": {"sessionId": "st-a1b2c3d4e5f6g7h", "startTime": moment}}
    body = json.loads(serialize_result(spec, result).body)
    assert body["stageSession"]["startTime"] == "2026-11-21T05:06:07.891Z"


def test_header_bound_outputs_travel_as_headers() -> None:
    spec = service_spec("ivs-realtime").operations["StartParticipantReplication"]
    answer_ = serialize_result(spec, {"accessControlAllowOrigin": "*", "cacheControl": "x"})
    assert answer_.headers["Access-Control-Allow-Origin"] == "*"
    assert json.loads(answer_.body) == {}


def test_output_compiler_reports_unmodelled_members() -> None:
    spec = service_spec("ivs")
    check = Compiler(spec.shapes, {}, for_output=True).compile("RecordingConfigurationSummary")
    problems: list[tuple[str, str]] = []
    check({"arn": "arn:aws:ivs:us-east-1:1:recording-configuration/a", "state": "ACTIVE",
           "destinationConfiguration": {}, "typo": 1}, "", problems)  # fmt: skip
    assert [path for path, _ in problems] == ["typo"]


def test_numeric_ranges_and_booleans(realtime: Any) -> None:
    with aws_error("ValidationException", 400, r"at 'maxResults' .*less than or equal to 100"):
        realtime.list_ingest_configurations(maxResults=101)
    with aws_error("ValidationException", 400, r"at 'maxResults' .*greater than or equal to 1"):
        realtime.list_ingest_configurations(maxResults=0)
    with aws_error("ValidationException", 400, r"at 'redundantIngest' .*type boolean"):
        realtime.create_ingest_configuration(ingestProtocol="RTMPS", redundantIngest="yes")
