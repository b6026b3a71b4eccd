"""``IvsMockServer``: the HTTP server in a background thread, for test suites and the CLI.

with IvsMockServer() as server:      # a free port on 127.0.0.1, serving on return
    ivs = server.client("ivs")        # or any SDK with endpoint_url=server.url
    ...
"""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from werkzeug.serving import BaseWSGIServer, make_server

from ivsmock.core.errors import IvsmockError, MockNotActiveError
from ivsmock.core.options import DEFAULT_ACCOUNT_ID, DEFAULT_REGION, MockOptions
from ivsmock.core.registry import MockState
from ivsmock.server.app import IvsMockApp
from ivsmock.server.handler import LoggingHandler, QuietHandler

if TYPE_CHECKING:
    from ivsmock.core.records import CallLog
    from ivsmock.faults import Faults

DEFAULT_HOST = "127.0.0.1"
# How long stop() may wait for serve_forever to notice; also its polling period.
_POLL_SECONDS = 0.05
# What to do about the reasons a port cannot be listened on.
_HINTS = {
    errno.EADDRINUSE: "Choose another --port (0 takes a free one) or stop what is using it",
    errno.EADDRNOTAVAIL: "This machine has no such address: use 127.0.0.1, 0.0.0.0 or its own",
    errno.EACCES: "Ports below 1024 need privileges: choose a higher --port, or 0 for a free one",
}
_OTHER_HINT = "Check --host and --port"


class ServerStartError(IvsmockError, OSError):
    """The server could not listen on the address asked for (in use, not local, no permission)."""


class IvsMockServer:
    """ivsmock's ``ivs``, ``ivs-realtime`` and ``ivschat`` over HTTP on one port.

    ``port=0`` (the default) takes a free port; ``url`` says which. ``start()`` returns once the
    server accepts connections and raises ``ServerStartError`` at once if it cannot listen.
    Requests whose access key id is 12 digits land in that account, others in ``account_id``;
    the region is the SigV4 credential scope's, else ``region``. The other options are those
    of ``mock_ivs``.
    """

    def __init__(
        self,
        host: str = DEFAULT_HOST,
        port: int = 0,
        *,
        account_id: str = DEFAULT_ACCOUNT_ID,
        region: str = DEFAULT_REGION,
        settle_recording_configurations: bool = True,
        quotas: Mapping[str, int] | None = None,
        log_requests: bool = False,
    ) -> None:
        self.host = host
        self._requested_port = port
        options = MockOptions(
            account_id=account_id,
            region=region,
            settle_recording_configurations=settle_recording_configurations,
            quotas=quotas or {},
        )
        self.app = IvsMockApp(options)
        self._log_requests = log_requests
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ----------------------------------------------------------------------------

    def start(self) -> IvsMockServer:
        if self._server is not None:
            raise ServerStartError(f"this server is already running at {self.url}")
        listener = self._listen()
        try:
            handler = LoggingHandler if self._log_requests else QuietHandler
            # Werkzeug serves the socket we bound: binding it ourselves turns a busy port into
            # an exception here, where Werkzeug's own bind would print and sys.exit(1).
            server = make_server(
                self.host,
                0,
                self.app,
                threaded=True,
                request_handler=handler,
                fd=listener.fileno(),
            )
        finally:
            listener.close()  # the server holds its own duplicate of the descriptor
        ready = threading.Event()

        def serve() -> None:
            ready.set()
            server.serve_forever(poll_interval=_POLL_SECONDS)

        thread = threading.Thread(target=serve, name=f"ivsmock-server-{server.port}", daemon=True)
        thread.start()
        ready.wait()
        self._server, self._thread = server, thread
        return self

    def _listen(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        try:
            return socket.create_server((self.host, self._requested_port), family=family)
        except OSError as exc:
            # create_server() adds "(while attempting to bind ...)": we name the address already.
            reason = (exc.strerror or str(exc)).split(" (while attempting", 1)[0]
            raise ServerStartError(
                exc.errno,
                f"ivsmock server cannot listen on {self.host}:{self._requested_port}: "
                f"{reason or exc}. {_HINTS.get(exc.errno or 0, _OTHER_HINT)}",
            ) from None

    def stop(self) -> None:
        """Stop serving and close the port; a stopped or never-started server is left alone."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._server = self._thread = None
        server.shutdown()  # waits for serve_forever to return; it closes the socket
        thread.join()

    def __enter__(self) -> IvsMockServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- the handle ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._server is None:
            raise MockNotActiveError("the server is not running; call start() or use `with`")
        return int(self._server.port)

    @property
    def url(self) -> str:
        """The endpoint URL to give SDKs (``--endpoint-url``, ``AWS_ENDPOINT_URL``)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if host in ("0.0.0.0", "[::]"):
            host = "127.0.0.1" if host == "0.0.0.0" else "[::1]"
        return f"http://{host}:{self.port}"

    @property
    def state(self) -> MockState:
        return self.app.state

    @property
    def options(self) -> MockOptions:
        return self.app.options

    @property
    def faults(self) -> Faults:
        """Fault injection for the server's calls (docs/faults.md)."""
        from ivsmock.faults import Faults

        return Faults(self.state.faults)

    @property
    def calls(self) -> CallLog:
        """The calls the server answered, in order."""
        return self.state.calls

    def reset(self) -> None:
        """Forget every resource of every account and region (as ``POST /_ivsmock/reset``)."""
        self.app.reset()

    def client(
        self,
        service: str,
        *,
        region: str | None = None,
        account_id: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """A boto3 client for ``service`` pointed at this server, in that account and region."""
        import boto3

        return boto3.session.Session().client(
            service,
            endpoint_url=self.url,
            region_name=region or self.options.region,
            aws_access_key_id=account_id or self.options.account_id,
            aws_secret_access_key="ivsmock-fake-secret",
            **kwargs,
        )
