"""Public keys for self-signed participant tokens: Import, Get, List, Delete."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from ivsmock.core.errors import ServiceError, conflict, invalid, quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs_realtime.quotas import quota

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend

RESOURCE_TYPE = "public-key"


@dataclass(slots=True)
class PublicKey:
    arn: str
    name: str
    material: str
    fingerprint: str
    tags: dict[str, str] = field(default_factory=dict)

    def key(self) -> ec.EllipticCurvePublicKey:
        # Parsed on use, not stored: the state stays plain data (snapshots).
        return parse_key(self.material)

    def summary(self) -> dict[str, Any]:
        return {"arn": self.arn, "name": self.name, "tags": dict(self.tags)}

    def describe(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "publicKeyMaterial": self.material,
            "fingerprint": self.fingerprint,
        }


def parse_key(material: str) -> ec.EllipticCurvePublicKey:
    """The EC P-384 key a PEM holds; anything else is a ValidationException."""
    try:
        key = serialization.load_pem_public_key(material.encode())
    except (ValueError, TypeError) as exc:
        raise invalid(
            "publicKeyMaterial",
            f"the PEM does not hold a readable public key ({exc}); export it with "
            f"'openssl ec -pubout'",
        ) from None
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP384R1):
        kind = key.curve.name if isinstance(key, ec.EllipticCurvePublicKey) else type(key).__name__
        raise invalid(
            "publicKeyMaterial",
            f"the key is {kind}; IVS accepts only ECDSA P-384 (secp384r1) public keys",
        )
    return key


def fingerprint(key: ec.EllipticCurvePublicKey) -> str:
    """16 colon-separated hex octets (AWS's algorithm is undocumented; MD5 of the DER)."""
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    digest = hashlib.md5(der, usedforsecurity=False).hexdigest()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _get(backend: RealTimeBackend, target: str) -> PublicKey:
    found = backend.public_keys.get(target)
    if found is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Public key not found: {target}; ListPublicKeys shows the imported keys",
        )
    return found


@operation("ivs-realtime", "ImportPublicKey")
def import_public_key(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    key = parse_key(params["publicKeyMaterial"])
    print_ = fingerprint(key)
    tags = params.get("tags") or {}
    check_new_tags(tags)
    if backend.public_keys.count("fingerprint", print_):
        duplicate = backend.public_keys.page(0, 1, "fingerprint", print_)[0][0]
        raise conflict(
            f"This key is already imported as {duplicate.arn}; use that ARN as the kid of "
            f"your tokens"
        )
    limit = quota(call, "public-key")
    if len(backend.public_keys) >= limit:
        raise quota_exceeded("public keys", limit)
    public_key = PublicKey(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        material=params["publicKeyMaterial"],
        fingerprint=print_,
        tags=dict(tags),
    )
    backend.public_keys.add(public_key)
    return {"publicKey": public_key.describe()}


@operation("ivs-realtime", "GetPublicKey")
def get_public_key(call: Call, params: Params) -> Result:
    return {"publicKey": _get(call.backend(), params["arn"]).describe()}


@operation("ivs-realtime", "ListPublicKeys")
def list_public_keys(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    return list_answer(call, backend.public_keys, params, "publicKeys", default_size=50)


@operation("ivs-realtime", "DeletePublicKey")
def delete_public_key(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    # Deleting a key invalidates future joins with tokens it signed; it never conflicts.
    backend.public_keys.remove(_get(backend, params["arn"]).arn)
    return {}
