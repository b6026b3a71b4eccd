"""ivsmock over HTTP, for the AWS CLI, the other SDKs and tools like Terraform (docs/server.md).

from ivsmock.server import IvsMockServer

with IvsMockServer() as server:
    ivs = server.client("ivs")  # or any SDK with endpoint_url=server.url
"""

from __future__ import annotations

from ivsmock.server.app import MAX_BODY_BYTES, IvsMockApp
from ivsmock.server.runner import IvsMockServer, ServerStartError

__all__ = ["MAX_BODY_BYTES", "IvsMockApp", "IvsMockServer", "ServerStartError"]
