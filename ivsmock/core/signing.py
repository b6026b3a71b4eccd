"""SigV4 without the signature, for requests the mock answers in process.

SigV4 costs about a third of a botocore call (a canonical request, a payload hash and five
HMACs), and in process nothing ever checks the result: the mock reads only the credential scope,
for the account and region. So requests to the three services carry every header SigV4 writes
(``X-Amz-Date``, ``X-Amz-Security-Token``, ``Authorization`` with the real credential scope),
with a signature of zeros instead of a computed one. ``mock_ivs(sign_requests=True)`` keeps
botocore's real signing.
"""

from __future__ import annotations

from typing import Any

from botocore.auth import SIGV4_TIMESTAMP, SigV4Auth
from botocore.compat import get_current_datetime
from botocore.exceptions import NoCredentialsError

UNCOMPUTED_SIGNATURE = "0" * 64
_WITHOUT_TOKEN = "host;x-amz-date"
_WITH_TOKEN = "host;x-amz-date;x-amz-security-token"


class ScopeOnlySigV4Auth(SigV4Auth):  # type: ignore[misc]  # botocore is untyped
    """SigV4's headers and credential scope; the signature is not computed."""

    def add_auth(self, request: Any) -> None:
        if self.credentials is None:
            raise NoCredentialsError()
        request.context["timestamp"] = get_current_datetime().strftime(SIGV4_TIMESTAMP)
        self._modify_request_before_signing(request)  # date and token headers, as SigV4 does
        signed = _WITH_TOKEN if self.credentials.token else _WITHOUT_TOKEN
        request.headers["Authorization"] = (
            f"AWS4-HMAC-SHA256 Credential={self.scope(request)}, "
            f"SignedHeaders={signed}, Signature={UNCOMPUTED_SIGNATURE}"
        )


def without_signature(auth: Any) -> Any:
    """The scope-only equivalent of a header-SigV4 signer; any other signer unchanged
    (presigned URLs, SigV4a, bearer tokens keep botocore's own)."""
    if type(auth) is SigV4Auth:
        return ScopeOnlySigV4Auth(auth.credentials, auth._service_name, auth._region_name)
    return auth
