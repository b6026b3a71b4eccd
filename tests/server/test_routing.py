"""Service and operation of a request: Host header, then credential scope, then path and ARN."""

from __future__ import annotations

import pytest

from ivsmock.core.wire_in import HttpRequest
from ivsmock.server.routing import Route, Router, RoutingError
from tests.server.rawhttp import AUTH, tag_path

CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/AbCdEfGh1234"
STAGE = "arn:aws:ivs:us-east-1:123456789012:stage/AbCdEfGh1234"
INGEST = "arn:aws:ivs:us-east-1:123456789012:ingest-configuration/AbCdEfGh1234"
ROOM = "arn:aws:ivschat:us-east-1:123456789012:room/AbCdEfGh1234"


@pytest.fixture(scope="module")
def router() -> Router:
    return Router()


def request(
    method: str, path: str, *, host: str = "127.0.0.1:4870", scope: str | None = None
) -> HttpRequest:
    headers = {"host": host}
    if scope is not None:
        headers["authorization"] = AUTH.format(key="123456789012", region="us-east-1", scope=scope)
    return HttpRequest(method, path, "", headers, b"{}")


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/CreateRecordingConfiguration", "ivs"),
        ("/CreateIngestConfiguration", "ivs-realtime"),
        ("/CreateRoom", "ivschat"),
    ],
)
def test_an_operation_path_names_its_service(router: Router, path: str, service: str) -> None:
    assert router.resolve(request("POST", path)) == Route(service, path[1:])


@pytest.mark.parametrize(
    ("arn", "service"),
    [
        (CHANNEL, "ivs"),
        (STAGE, "ivs-realtime"),
        (INGEST, "ivs-realtime"),
        (ROOM, "ivschat"),
        # A type no model names: the service whose ARNs start the same way.
        ("arn:aws:ivs:us-east-1:123456789012:gizmo/AbCdEfGh1234", "ivs"),
    ],
)
def test_a_tag_path_is_routed_by_the_arn(router: Router, arn: str, service: str) -> None:
    assert router.resolve(request("GET", tag_path(arn))) == Route(service, "ListTagsForResource")
    assert router.resolve(request("POST", tag_path(arn))) == Route(service, "TagResource")
    assert router.resolve(request("DELETE", tag_path(arn))) == Route(service, "UntagResource")


def test_the_host_header_wins_over_the_arn(router: Router) -> None:
    route = router.resolve(
        request("GET", tag_path(CHANNEL), host="ivsrealtime.us-east-1.amazonaws.com")
    )
    assert route == Route("ivs-realtime", "ListTagsForResource")


def test_a_host_that_is_no_aws_endpoint_names_no_service(router: Router) -> None:
    # e.g. a container called "ivs" serving all three services
    route = router.resolve(request("POST", "/CreateStage", host="ivs:4870"))
    assert route == Route("ivs-realtime", "CreateStage")


def test_the_credential_scope_wins_over_the_arn(router: Router) -> None:
    route = router.resolve(request("GET", tag_path(CHANNEL), scope="ivschat"))
    assert route == Route("ivschat", "ListTagsForResource")


def test_scope_ivs_leaves_the_choice_between_ivs_and_ivs_realtime_to_the_arn(
    router: Router,
) -> None:
    # ivs-realtime signs as "ivs" too.
    assert router.resolve(request("GET", tag_path(STAGE), scope="ivs")).service == "ivs-realtime"
    assert router.resolve(request("GET", tag_path(CHANNEL), scope="ivs")).service == "ivs"
    assert router.resolve(request("POST", "/CreateStage", scope="ivs")).service == "ivs-realtime"


def test_an_unknown_operation_is_404_with_close_names(router: Router) -> None:
    with pytest.raises(RoutingError) as info:
        router.resolve(request("POST", "/CreateRecordingConfig"))
    assert info.value.status == 404
    assert info.value.code == "UnknownOperationException"
    assert info.value.message.startswith(
        "No operation 'CreateRecordingConfig' (POST /CreateRecordingConfig) in ivs, "
        "ivs-realtime or ivschat; did you mean CreateRecordingConfiguration"
    )


def test_an_unknown_path_is_404_naming_it(router: Router) -> None:
    with pytest.raises(RoutingError) as info:
        router.resolve(request("GET", "/v1/channels/abc"))
    assert info.value.status == 404
    assert "GET /v1/channels/abc" in info.value.message
    assert "POST /<OperationName>" in info.value.message


def test_a_wrong_method_is_405_naming_the_right_one(router: Router) -> None:
    with pytest.raises(RoutingError) as info:
        router.resolve(request("GET", "/ListRooms"))
    assert info.value.status == 405
    assert info.value.message == "GET is not allowed on /ListRooms; use POST"


def test_an_operation_of_another_service_than_the_scope_says_so(router: Router) -> None:
    with pytest.raises(RoutingError) as info:
        router.resolve(request("POST", "/CreateRoom", scope="ivs"))
    assert info.value.status == 404
    assert info.value.message.startswith(
        "CreateRoom is an operation of ivschat, but the request's Host header or credential "
        "scope names ivs or ivs-realtime"
    )
