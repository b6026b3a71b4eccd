"""ImportPlaybackKeyPair, GetPlaybackKeyPair, ListPlaybackKeyPairs, DeletePlaybackKeyPair."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)

from tests.helpers import aws_error
from tests.ivs.conftest import p256_pem, p384_pem, rsa_pem

MISSING = "arn:aws:ivs:us-east-1:123456789012:playback-key/AbCdEfGhIjKl"


def test_import_computes_the_fingerprint_from_the_key(ivs: Any) -> None:
    pem = p384_pem()
    pair = ivs.import_playback_key_pair(publicKeyMaterial=pem, name="k1", tags={"a": "b"})[
        "keyPair"
    ]
    der = load_pem_public_key(pem.encode()).public_bytes(
        Encoding.DER, PublicFormat.SubjectPublicKeyInfo
    )
    digest = hashlib.md5(der).hexdigest()
    assert pair["fingerprint"] == ":".join(digest[i : i + 2] for i in range(0, 32, 2))
    assert re.fullmatch(
        r"arn:aws:ivs:us-east-1:123456789012:playback-key/[A-Za-z0-9]{12}", pair["arn"]
    )
    assert pair["name"] == "k1" and pair["tags"] == {"a": "b"}
    assert ivs.get_playback_key_pair(arn=pair["arn"])["keyPair"] == pair


@pytest.mark.parametrize(
    ("material", "why"),
    [
        ("not a key", r"it is not a PEM public key"),
        (p256_pem(), r"the key is secp256r1; IVS needs an ECDSA key on curve P-384"),
        (rsa_pem(), r"the key is .*RSA.*P-384"),
    ],
)
def test_only_p384_keys_are_accepted(ivs: Any, material: str, why: str) -> None:
    with aws_error("ValidationException", 400, rf"publicKeyMaterial failed to satisfy.*{why}"):
        ivs.import_playback_key_pair(publicKeyMaterial=material)
    assert ivs.list_playback_key_pairs()["keyPairs"] == []


def test_the_same_key_twice_is_a_conflict(ivs: Any) -> None:
    pem = p384_pem()
    first = ivs.import_playback_key_pair(publicKeyMaterial=pem)["keyPair"]["arn"]
    with aws_error("ConflictException", 409, rf"already imported as {first}"):
        ivs.import_playback_key_pair(publicKeyMaterial=pem)


def test_at_most_three_key_pairs(ivs: Any) -> None:
    for _ in range(3):
        ivs.import_playback_key_pair(publicKeyMaterial=p384_pem())
    with aws_error("ServiceQuotaExceededException", 402, r"Quota of 3 playback key pairs"):
        ivs.import_playback_key_pair(publicKeyMaterial=p384_pem())


def test_list_has_no_fingerprint_and_pages(ivs: Any) -> None:
    arns = [
        ivs.import_playback_key_pair(publicKeyMaterial=p384_pem())["keyPair"]["arn"]
        for _ in range(3)
    ]
    summaries = ivs.list_playback_key_pairs()["keyPairs"]
    assert [s["arn"] for s in summaries] == arns
    assert all(set(s) == {"arn", "name", "tags"} for s in summaries)
    pages = ivs.get_paginator("list_playback_key_pairs").paginate(PaginationConfig={"PageSize": 2})
    assert [k["arn"] for p in pages for k in p["keyPairs"]] == arns


def test_delete_answers_200(ivs: Any) -> None:
    arn = ivs.import_playback_key_pair(publicKeyMaterial=p384_pem())["keyPair"]["arn"]
    answer = ivs.delete_playback_key_pair(arn=arn)
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    with aws_error("ResourceNotFoundException", 404, rf"Playback key pair not found: {arn}"):
        ivs.get_playback_key_pair(arn=arn)


def test_delete_unknown(ivs: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, r"Playback key pair not found"):
        ivs.delete_playback_key_pair(arn=MISSING)
