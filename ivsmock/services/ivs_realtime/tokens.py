"""Participant tokens as JWTs: the mock's signing key, issuing, and reading tokens at join time.

AWS signs API-issued tokens with a KMS key (header ``alg: KMS``); the mock signs them ES384 with
one EC P-384 key per process, so a test can verify them with any JWT library against
``token_public_key_pem()``. Self-signed tokens (``kid`` = an imported public key's ARN) are
verified against that imported key.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

ALGORITHM = "ES384"
EVENTS_URL = "wss://global.events.live-video.net"
API_TOKEN_VERSION = "0.3"  # what AWS-issued tokens carry (decoded AWS samples)
REQUIRED_CLAIMS = ["exp", "iat", "jti", "resource"]
MAX_SELF_SIGNED_SECONDS = 14 * 24 * 3600

_key: ec.EllipticCurvePrivateKey | None = None
_lock = threading.Lock()


class TokenError(ValueError):
    """A token that cannot be used to join a stage (bad signature, expired, malformed...)."""


def signing_key() -> ec.EllipticCurvePrivateKey:
    """The process-wide signing key, generated on first use (key generation is not free)."""
    global _key
    if _key is None:
        with _lock:
            if _key is None:
                _key = ec.generate_private_key(ec.SECP384R1())
    return _key


def token_public_key_pem() -> str:
    """PEM of the key that verifies every token the mock issues (``algorithms=["ES384"]``)."""
    return (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def sign(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, signing_key(), algorithm=ALGORITHM, headers={"typ": "JWT"})


KeyResolver = Callable[[str], "ec.EllipticCurvePublicKey | None"]


def read(token: str, resolve_key: KeyResolver, now: datetime.datetime) -> dict[str, Any]:
    """The verified claims of a participant token; ``resolve_key`` maps a ``kid`` to a key.

    A token without ``kid`` must be one the mock issued; with ``kid`` it is self-signed and
    ``kid`` must be the ARN of an imported public key. Expiry is judged by the mock's clock
    ``now``, the clock that issued the token.
    """
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise TokenError(f"the token is not a JWT: {exc}") from None
    kid = header.get("kid")
    if kid is None:
        key: Any = signing_key().public_key()
    else:
        key = resolve_key(str(kid))
        if key is None:
            raise TokenError(
                f"the token is self-signed with kid {kid!r}, but no imported public key has "
                f"this ARN; import it with ImportPublicKey first"
            )
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            options={"require": REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(f"the token does not verify: {exc}") from None
    if not isinstance(claims["exp"], int) or claims["exp"] <= now.timestamp():
        raise TokenError(f"the token expired (exp {claims['exp']}); issue a new one")
    return claims


def is_self_signed(token: str) -> bool:
    return "kid" in jwt.get_unverified_header(token)


def self_signed_problem(
    claims: dict[str, Any], stage_id: str, endpoints: dict[str, str]
) -> str | None:
    """What a verified self-signed token breaks of the documented payload rules, or None."""
    if claims["exp"] - claims["iat"] > MAX_SELF_SIGNED_SECONDS:
        return "exp may be at most 14 days after iat"
    expected = {
        "topic": stage_id,
        "events_url": endpoints["events"],
        "whip_url": endpoints["whip"],
    }
    for claim, value in expected.items():
        if claims.get(claim) != value:
            return f"claim {claim} must be {value!r} (the stage's), not {claims.get(claim)!r}"
    return None
