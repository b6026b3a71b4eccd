"""Playback key pairs: Import, Get, List, Delete.

The public key is parsed: it must be a PEM EC key on P-384 (secp384r1). The fingerprint is
the MD5 digest of the key's DER SubjectPublicKeyInfo, as 16 colon-separated hex octets.
At most 3 per account and region; the same key cannot be imported twice (409).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)

from ivsmock.core.errors import conflict, invalid, quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs.common import fetch

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

QUOTA = 3
RESOURCE_TYPE = "playback-key"
LABEL = "Playback key pair"
MEMBER = "publicKeyMaterial"


@dataclass(slots=True)
class PlaybackKeyPair:
    arn: str
    name: str
    fingerprint: str
    public_key_pem: str
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "name": self.name,
            "fingerprint": self.fingerprint,
            "tags": dict(self.tags),
        }

    def summary(self) -> dict[str, Any]:
        return {"arn": self.arn, "name": self.name, "tags": dict(self.tags)}


def fingerprint_of(material: str) -> str:
    """The fingerprint of a P-384 PEM public key; ValidationException for anything else."""
    try:
        key = load_pem_public_key(material.encode())
    except (ValueError, TypeError):
        raise invalid(
            MEMBER,
            "Request member: publicKeyMaterial failed to satisfy the constraints: it is not "
            "a PEM public key; pass the '-----BEGIN PUBLIC KEY-----' block of an EC P-384 key",
        ) from None
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp384r1":
        kind = key.curve.name if isinstance(key, ec.EllipticCurvePublicKey) else type(key).__name__
        raise invalid(
            MEMBER,
            f"Request member: publicKeyMaterial failed to satisfy the constraints: the key is "
            f"{kind}; IVS needs an ECDSA key on curve P-384 (secp384r1)",
        )
    der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    digest = hashlib.md5(der, usedforsecurity=False).hexdigest()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


@operation("ivs", "ImportPlaybackKeyPair")
def import_playback_key_pair(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    fingerprint = fingerprint_of(params["publicKeyMaterial"])
    tags = params.get("tags") or {}
    check_new_tags(tags)
    if backend.playback_key_pairs.count("fingerprint", fingerprint):
        existing, _ = backend.playback_key_pairs.page(0, 1, "fingerprint", fingerprint)
        raise conflict(
            f"This public key is already imported as {existing[0].arn} "
            f"(fingerprint {fingerprint}); use that key pair or import a different key"
        )
    quota = call.options.quota(RESOURCE_TYPE, QUOTA)
    if len(backend.playback_key_pairs) >= quota:
        raise quota_exceeded("playback key pairs", quota)
    pair = PlaybackKeyPair(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        fingerprint=fingerprint,
        public_key_pem=params["publicKeyMaterial"],
        tags=dict(tags),
    )
    backend.playback_key_pairs.add(pair)
    return {"keyPair": pair.describe()}


@operation("ivs", "GetPlaybackKeyPair")
def get_playback_key_pair(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    return {"keyPair": fetch(backend.playback_key_pairs, params["arn"], LABEL, call).describe()}


@operation("ivs", "ListPlaybackKeyPairs")
def list_playback_key_pairs(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    size = min(call.options.quota(RESOURCE_TYPE, QUOTA), 100)
    return list_answer(call, backend.playback_key_pairs, params, "keyPairs", default_size=size)


@operation("ivs", "DeletePlaybackKeyPair")
def delete_playback_key_pair(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    pair = fetch(backend.playback_key_pairs, params["arn"], LABEL, call)
    # Private channels may still rely on it; AWS allows the delete (tokens stop verifying).
    backend.playback_key_pairs.remove(pair.arn)
    return {}
