"""Bad HTTP gets a JSON error with the right status, never a 500 page; the server keeps serving."""

from __future__ import annotations

import http.client
import json
import logging
import re
import socket

import pytest

from ivsmock.core.operations import Call, Params, Result, handler_for, operation, unregister
from ivsmock.server import MAX_BODY_BYTES, IvsMockServer
from tests.server.rawhttp import Reply, send

LIST = "/ListRecordingConfigurations"
JSON = {"Content-Type": "application/json"}


def assert_json_error(reply: Reply, status: int, code: str) -> str:
    assert reply.status == status, reply
    assert reply.headers["content-type"] == "application/json"
    assert reply.code == code
    message = reply.json["message"]
    assert isinstance(message, str) and message
    assert "Traceback" not in message
    return message


def assert_still_serving(server: IvsMockServer) -> None:
    reply = send(server.url, "POST", LIST, {}, scope="ivs")
    assert reply.status == 200, reply
    assert reply.json == {"recordingConfigurations": []}


def test_malformed_json_is_a_400_validation_error(server: IvsMockServer) -> None:
    reply = send(server.url, "POST", LIST, '{"maxResults": ', headers=JSON)
    message = assert_json_error(reply, 400, "ValidationException")
    assert message.startswith("The request body is not valid JSON")
    assert_still_serving(server)


def test_a_json_body_that_is_not_an_object_is_a_400(server: IvsMockServer) -> None:
    reply = send(server.url, "POST", LIST, "[1, 2]", headers=JSON)
    message = assert_json_error(reply, 400, "ValidationException")
    assert message == "The request body must be a JSON object"


def test_a_body_of_another_content_type_is_a_415(server: IvsMockServer) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    reply = send(server.url, "POST", LIST, "maxResults=5", headers=form)
    message = assert_json_error(reply, 415, "UnsupportedMediaTypeException")
    assert message == (
        "ivs ListRecordingConfigurations takes a JSON body, but the request's Content-Type is "
        "'application/x-www-form-urlencoded'; send Content-Type: application/json"
    )
    assert_still_serving(server)


def test_a_json_body_without_content_type_is_read_as_json(server: IvsMockServer) -> None:
    reply = send(server.url, "POST", LIST, '{"maxResults": 5}')
    assert reply.status == 200, reply
    assert reply.json == {"recordingConfigurations": []}


def test_a_body_over_1_mb_is_a_413(server: IvsMockServer) -> None:
    body = json.dumps({"name": "x" * MAX_BODY_BYTES})
    reply = send(server.url, "POST", "/CreateRecordingConfiguration", body, headers=JSON)
    message = assert_json_error(reply, 413, "RequestEntityTooLargeException")
    assert message == (
        "The request body is over 1048576 bytes, the most ivsmock's server reads; "
        "send a smaller one"
    )
    assert_still_serving(server)


def test_a_body_of_exactly_1_mb_is_read(server: IvsMockServer) -> None:
    body = b"{}" + b" " * (MAX_BODY_BYTES - 2)
    reply = send(server.url, "POST", LIST, body, headers=JSON)
    assert reply.status == 200, reply


def test_an_unknown_path_is_a_404_naming_it(server: IvsMockServer) -> None:
    reply = send(server.url, "GET", "/index.html")
    message = assert_json_error(reply, 404, "UnknownOperationException")
    assert message.startswith(
        "No ivs, ivs-realtime or ivschat operation is at GET /index.html; "
        "operations are POST /<OperationName> and /tags/<url-encoded ARN>"
    )
    assert_still_serving(server)


def test_an_unknown_operation_is_a_404_naming_it(server: IvsMockServer) -> None:
    reply = send(server.url, "POST", "/CreateBroadcast", {}, scope="ivs")
    message = assert_json_error(reply, 404, "UnknownOperationException")
    assert message.startswith("No operation 'CreateBroadcast' (POST /CreateBroadcast) in ivs or ")


def test_a_wrong_method_is_a_405(server: IvsMockServer) -> None:
    reply = send(server.url, "GET", LIST)
    message = assert_json_error(reply, 405, "MethodNotAllowedException")
    assert message == f"GET is not allowed on {LIST}; use POST"


def test_an_operation_not_implemented_is_a_501_listing_the_implemented(
    server: IvsMockServer,
) -> None:
    # Take a handler out for the test: the operation is then one ivsmock does not implement.
    removed = unregister("ivs", "GetRecordingConfiguration")
    assert removed is not None
    try:
        reply = send(server.url, "POST", "/GetRecordingConfiguration", {"arn": "x"}, scope="ivs")
    finally:
        operation("ivs", "GetRecordingConfiguration")(removed)
    message = assert_json_error(reply, 501, "NotImplementedException")
    assert message.startswith("ivsmock does not implement ivs GetRecordingConfiguration yet")
    assert "Implemented ivs operations: " in message
    assert "CreateRecordingConfiguration" in message
    assert_still_serving(server)


def test_an_ivsmock_bug_is_a_500_with_a_short_message(
    server: IvsMockServer, caplog: pytest.LogCaptureFixture
) -> None:
    original = handler_for("ivs", "ListRecordingConfigurations")
    assert original is not None

    def broken(call: Call, params: Params) -> Result:
        raise KeyError("boom")

    operation("ivs", "ListRecordingConfigurations")(broken)
    try:
        with caplog.at_level(logging.ERROR, logger="ivsmock.server"):
            reply = send(server.url, "POST", LIST, {}, scope="ivs")
    finally:
        operation("ivs", "ListRecordingConfigurations")(original)
    message = assert_json_error(reply, 500, "InternalServerException")
    assert message.startswith(
        "ivsmock failed answering ivs ListRecordingConfigurations (KeyError: 'boom'). "
        "This is an ivsmock bug"
    )
    # The traceback goes to the log, not to the client.
    logged = [record.exc_info[1] for record in caplog.records if record.exc_info]
    assert [type(error) for error in logged] == [KeyError]
    assert_still_serving(server)


def exchange(server: IvsMockServer, request: bytes) -> tuple[bytes, bytes]:
    """Raw bytes in; the answer's head and its Content-Length of body out."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += connection.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(re.search(rb"\r\nContent-Length: (\d+)", head, re.IGNORECASE)[1])  # type: ignore[index]
        while len(body) < length:
            body += connection.recv(65536)
    return head, body


def test_headers_http_server_refuses_get_a_json_error(server: IvsMockServer) -> None:
    many = b"".join(b"X-Header-%d: y\r\n" % i for i in range(101))
    head, body = exchange(
        server, b"POST /ListChannels HTTP/1.1\r\nHost: 127.0.0.1\r\n" + many + b"\r\n"
    )
    assert head.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"), head
    assert b"\r\nContent-Type: application/json\r\n" in head
    assert b"\r\nx-amzn-ErrorType: BadRequestException\r\n" in head
    assert json.loads(body) == {"message": "The server cannot read this request: Too many headers"}
    assert_still_serving(server)


def send_chunked(server: IvsMockServer, chunks: list[bytes]) -> Reply:
    """A POST whose body goes chunked (no Content-Length), as streaming clients send it."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request(
            "POST",
            "/CreateRecordingConfiguration",
            body=iter(chunks),
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        return Reply(
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            response.read(),
        )
    finally:
        connection.close()


def test_a_chunked_body_over_1_mb_is_a_413(server: IvsMockServer) -> None:
    reply = send_chunked(server, [b"x" * 65536] * 17)
    message = assert_json_error(reply, 413, "RequestEntityTooLargeException")
    assert message.startswith("The request body is over 1048576 bytes")
    assert_still_serving(server)


def test_a_malformed_chunked_body_is_a_400(server: IvsMockServer) -> None:
    head, body = exchange(
        server,
        b"POST /ListChannels HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Type: application/json\r\n\r\nnot-a-size\r\n{}\r\n0\r\n\r\n",
    )
    assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n"), head
    assert json.loads(body)["message"].startswith("The request body is unreadable: ")
    assert_still_serving(server)


def test_a_chunked_body_is_read(server: IvsMockServer) -> None:
    document = json.dumps({"destinationConfiguration": {"s3": {"bucketName": "chunked"}}})
    reply = send_chunked(server, [document[:10].encode(), document[10:].encode()])
    assert reply.status == 200, reply
    assert reply.json["recordingConfiguration"]["destinationConfiguration"] == {
        "s3": {"bucketName": "chunked"}
    }
