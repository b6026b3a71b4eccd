"""In process, IVS requests carry SigV4's headers and credential scope but no computed signature;
``sign_requests=True``, other services and presigned URLs keep botocore's real signing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.history import BaseHistoryHandler, get_global_history_recorder

from ivsmock import mock_ivs
from ivsmock.core.signing import UNCOMPUTED_SIGNATURE

SCOPE = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/"
    r"(?P<service>[^/]+)/aws4_request, SignedHeaders=(?P<signed>[a-z0-9;-]+), "
    r"Signature=(?P<sig>[0-9a-f]{64})$"
)


class _Keep(BaseHistoryHandler):  # type: ignore[misc]
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []

    def emit(self, event_type: str, payload: Any, source: str) -> None:
        if event_type == "HTTP_REQUEST":
            self.requests.append({"url": payload["url"], "headers": dict(payload["headers"])})


@pytest.fixture
def sent() -> Iterator[list[dict[str, Any]]]:
    """The requests botocore hands to its transport (or to the mock), as its history sees them."""
    recorder = get_global_history_recorder()
    keep = _Keep()
    recorder.add_handler(keep)
    recorder.enable()
    yield keep.requests
    recorder.disable()
    recorder._handlers.remove(keep)


def _authorization(request: dict[str, Any]) -> re.Match[str]:
    value = request["headers"]["Authorization"]
    value = value.decode() if isinstance(value, bytes) else value
    found = SCOPE.match(value)
    assert found is not None, value
    return found


def _client(service: str, **extra: Any) -> Any:
    return boto3.session.Session().client(
        service,
        region_name="eu-west-1",
        aws_access_key_id="AKIAEXAMPLEKEY000001",
        aws_secret_access_key="secret",
        **extra,
    )


def test_ivs_requests_carry_the_scope_and_headers_but_no_computed_signature(
    sent: list[dict[str, Any]],
) -> None:
    with mock_ivs():
        _client("ivs", aws_session_token="session-token").list_channels()
        _client("ivs-realtime").list_stages()
        _client("ivschat").list_rooms()
    assert len(sent) == 3
    for request, service in zip(sent, ("ivs", "ivs", "ivschat"), strict=True):
        scope = _authorization(request)
        assert scope["key"] == "AKIAEXAMPLEKEY000001"
        assert scope["region"] == "eu-west-1"
        assert scope["service"] == service
        assert scope["sig"] == UNCOMPUTED_SIGNATURE
        amz_date = request["headers"]["X-Amz-Date"]
        amz_date = amz_date.decode() if isinstance(amz_date, bytes) else amz_date
        assert re.fullmatch(r"\d{8}T\d{6}Z", amz_date)
        assert amz_date[:8] == scope["date"]
    assert _authorization(sent[0])["signed"] == "host;x-amz-date;x-amz-security-token"
    assert _authorization(sent[1])["signed"] == "host;x-amz-date"
    token = sent[0]["headers"]["X-Amz-Security-Token"]
    assert (token.decode() if isinstance(token, bytes) else token) == "session-token"
    assert "X-Amz-Security-Token" not in sent[1]["headers"]


def test_sign_requests_keeps_botocores_real_signature(sent: list[dict[str, Any]]) -> None:
    with mock_ivs(sign_requests=True):
        _client("ivs").list_channels()
    scope = _authorization(sent[0])
    assert scope["sig"] != UNCOMPUTED_SIGNATURE


def test_the_account_still_comes_from_the_access_key_without_a_signature() -> None:
    with mock_ivs() as mock:
        client = boto3.session.Session().client(
            "ivs",
            region_name="ap-south-1",
            aws_access_key_id="111122223333",
            aws_secret_access_key="secret",
        )
        arn = client.create_channel()["channel"]["arn"]
        assert arn.startswith("arn:aws:ivs:ap-south-1:111122223333:channel/")
        stored = mock.resources("ivs", "channel", account_id="111122223333", region="ap-south-1")
        assert [channel["arn"] for channel in stored] == [arn]
        assert mock.resources("ivs", "channel") == []  # not the default account


def test_other_services_keep_real_signatures(sent: list[dict[str, Any]]) -> None:
    with mock_ivs():
        sts = _client("sts")
        sts.meta.events.register(
            "before-send.sts.GetCallerIdentity",
            lambda request, **_: AWSResponse(request.url, 200, {}, _Raw(_CALLER)),
        )
        sts.get_caller_identity()
    assert _authorization(sent[0])["sig"] != UNCOMPUTED_SIGNATURE


def test_presigned_urls_keep_real_signatures() -> None:
    with mock_ivs():
        url = _client("ivs").generate_presigned_url("get_channel", Params={"arn": "x"})
    signature = re.search(r"X-Amz-Signature=([0-9a-f]{64})", url)
    assert signature is not None and signature[1] != UNCOMPUTED_SIGNATURE


_CALLER = (
    b"<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/u"
    b"</Arn><UserId>U</UserId><Account>111122223333</Account></GetCallerIdentityResult>"
    b"</GetCallerIdentityResponse>"
)


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body
