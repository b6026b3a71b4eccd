"""Browsers may call the server from any origin, as they may call IVS."""

from __future__ import annotations

from ivsmock.server import IvsMockServer
from tests.server.rawhttp import send


def test_a_preflight_allows_every_origin_and_the_headers_asked_for(server: IvsMockServer) -> None:
    reply = send(
        server.url,
        "OPTIONS",
        "/CreateRoom",
        headers={
            "Origin": "http://localhost:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type,x-amz-date",
        },
    )
    assert reply.status == 204
    assert reply.headers["access-control-allow-origin"] == "*"
    assert reply.headers["access-control-allow-methods"] == "GET, POST, DELETE"
    assert reply.headers["access-control-allow-headers"] == "authorization,content-type,x-amz-date"
    assert reply.body == b""


def test_every_answer_allows_every_origin_once(server: IvsMockServer) -> None:
    chat = send(server.url, "POST", "/ListRooms", {}, scope="ivschat")
    ivs = send(server.url, "POST", "/ListChannels", {}, scope="ivs")
    missing = send(server.url, "POST", "/Nothing", {})
    for reply in (chat, ivs, missing):
        allowed = [v for k, v in reply.header_lines if k.lower() == "access-control-allow-origin"]
        # ivs sends the header itself: the server adds it only where it is missing.
        assert allowed == ["*"], reply.header_lines
