"""Public keys: ImportPublicKey, GetPublicKey, ListPublicKeys, DeletePublicKey, and joining
with self-signed tokens they verify."""

from __future__ import annotations

import re
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from ivsmock import mock_ivs
from ivsmock.simulation.realtime import RealTimeSimulation, StageActivityError
from tests.helpers import aws_error
from tests.realtime.conftest import p384, public_pem

ARN = re.compile(r"^arn:aws:ivs:us-east-1:123456789012:public-key/[A-Za-z0-9]{12}$")
FINGERPRINT = re.compile(r"^[0-9a-f]{2}(:[0-9a-f]{2}){15}$")


def self_signed(key: Any, kid: str, stage: dict[str, Any], **claims: Any) -> str:
    now = int(time.time())
    payload = {
        "exp": now + 3600,
        "iat": now,
        "jti": "self-signed-1",
        "resource": stage["arn"],
        "topic": stage["arn"].rsplit("/", 1)[1],
        "events_url": stage["endpoints"]["events"],
        "whip_url": stage["endpoints"]["whip"],
        "capabilities": {"allow_publish": True, "allow_subscribe": True},
        "user_id": "self",
        "version": "1.0",
        **claims,
    }
    return jwt.encode(payload, key, algorithm="ES384", headers={"kid": kid})


def test_import_get_and_fingerprint(realtime: Any) -> None:
    pem = public_pem(p384())
    imported = realtime.import_public_key(publicKeyMaterial=pem, tags={"k": "v"})["publicKey"]
    assert ARN.match(imported["arn"])
    assert imported["publicKeyMaterial"] == pem  # unchanged, trailing newline included
    assert FINGERPRINT.match(imported["fingerprint"])
    assert (imported["name"], imported["tags"]) == ("", {"k": "v"})
    assert realtime.get_public_key(arn=imported["arn"])["publicKey"] == imported


@pytest.mark.parametrize(
    ("material", "match"),
    [
        (lambda: public_pem(ec.generate_private_key(ec.SECP256R1())), "secp256r1"),
        (
            lambda: public_pem(rsa.generate_private_key(public_exponent=65537, key_size=1024)),
            "RSAPublicKey",
        ),
        (
            lambda: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
            "readable public key",
        ),
    ],
    ids=["p256", "rsa", "garbage"],
)
def test_unsupported_or_bad_keys_are_validation_errors(
    realtime: Any, material: Any, match: str
) -> None:
    with aws_error("ValidationException", 400, match):
        realtime.import_public_key(publicKeyMaterial=material())
    assert realtime.list_public_keys()["publicKeys"] == []


def test_not_a_pem_at_all_fails_the_models_pattern(realtime: Any) -> None:
    with aws_error("ValidationException", 400, "publicKeyMaterial"):
        realtime.import_public_key(publicKeyMaterial="ssh-ed25519 AAAA")


def test_duplicate_material_is_a_conflict(realtime: Any) -> None:
    pem = public_pem(p384())
    first = realtime.import_public_key(publicKeyMaterial=pem)["publicKey"]["arn"]
    with aws_error("ConflictException", 409, f"already imported as {re.escape(first)}"):
        realtime.import_public_key(publicKeyMaterial=pem)


def test_at_most_three_keys(realtime: Any) -> None:
    for _ in range(3):
        realtime.import_public_key(publicKeyMaterial=public_pem(p384()))
    with aws_error("ServiceQuotaExceededException", 402, "Quota of 3 public keys"):
        realtime.import_public_key(publicKeyMaterial=public_pem(p384()))


def test_list_with_the_botocore_paginator(realtime: Any) -> None:
    with mock_ivs(quotas={"public-key": 5}):
        arns = [
            realtime.import_public_key(publicKeyMaterial=public_pem(p384()), name=f"k{i}")[
                "publicKey"
            ]["arn"]
            for i in range(4)
        ]
        pages = list(
            realtime.get_paginator("list_public_keys").paginate(PaginationConfig={"PageSize": 3})
        )
    assert [len(page["publicKeys"]) for page in pages] == [3, 1]
    summaries = [key for page in pages for key in page["publicKeys"]]
    assert [key["arn"] for key in summaries] == arns
    assert summaries[0] == {"arn": arns[0], "name": "k0", "tags": {}}


def test_delete_and_404s(realtime: Any) -> None:
    arn = realtime.import_public_key(publicKeyMaterial=public_pem(p384()))["publicKey"]["arn"]
    realtime.delete_public_key(arn=arn)
    with aws_error("ResourceNotFoundException", 404, "Public key not found"):
        realtime.get_public_key(arn=arn)
    with aws_error("ResourceNotFoundException", 404, "Public key not found"):
        realtime.delete_public_key(arn=arn)


def test_self_signed_token_joins_and_deleting_the_key_stops_new_joins(
    realtime: Any, sim: RealTimeSimulation
) -> None:
    stage = realtime.create_stage()["stage"]
    private = p384()
    kid = realtime.import_public_key(publicKeyMaterial=public_pem(private))["publicKey"]["arn"]
    token = self_signed(private, kid, stage)
    assert sim.join(stage["arn"], token) == "self-signed-1"
    session = realtime.get_stage(arn=stage["arn"])["stage"]["activeSessionId"]
    participant = realtime.get_participant(
        stageArn=stage["arn"], sessionId=session, participantId="self-signed-1"
    )["participant"]
    assert participant["userId"] == "self"
    sim.leave(stage["arn"], "self-signed-1")
    realtime.delete_public_key(arn=kid)
    with pytest.raises(StageActivityError, match="no imported public key"):
        sim.join(stage["arn"], token)


def test_self_signed_token_with_the_wrong_key_is_refused(
    realtime: Any, sim: RealTimeSimulation
) -> None:
    stage = realtime.create_stage()["stage"]
    kid = realtime.import_public_key(publicKeyMaterial=public_pem(p384()))["publicKey"]["arn"]
    with pytest.raises(StageActivityError, match="does not verify"):
        sim.join(stage["arn"], self_signed(p384(), kid, stage))


@pytest.mark.parametrize(
    ("claims", "match"),
    [
        ({"exp": int(time.time()) + 15 * 86400}, "at most 14 days"),
        ({"whip_url": "https://elsewhere.example"}, "claim whip_url must be"),
        ({"topic": "another"}, "claim topic must be"),
        ({"exp": int(time.time()) - 10, "iat": int(time.time()) - 100}, "expired"),
    ],
    ids=["too-long", "whip-url", "topic", "expired"],
)
def test_self_signed_payload_rules(
    realtime: Any, sim: RealTimeSimulation, claims: dict[str, Any], match: str
) -> None:
    stage = realtime.create_stage()["stage"]
    private = p384()
    kid = realtime.import_public_key(publicKeyMaterial=public_pem(private))["publicKey"]["arn"]
    with pytest.raises(StageActivityError, match=match):
        sim.join(stage["arn"], self_signed(private, kid, stage, **claims))
