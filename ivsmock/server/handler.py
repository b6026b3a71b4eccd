"""How each connection is served: Werkzeug's handler, adjusted for an API mock."""

from __future__ import annotations

import json
from http import HTTPStatus

from werkzeug.serving import WSGIRequestHandler


class LoggingHandler(WSGIRequestHandler):
    """Werkzeug's request handler, with JSON errors and without Nagle's algorithm."""

    # Werkzeug writes the headers and the body separately: with Nagle's algorithm the body
    # waits for the client to acknowledge the headers.
    disable_nagle_algorithm = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """What http.server answers before the app sees a request (a request line that is not
        HTTP, headers too long, ...): JSON like every other error, not its HTML page."""
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = ""
        reason = message or phrase
        self.log_error("code %d, message %s", code, reason)
        body = json.dumps({"message": f"The server cannot read this request: {reason}"}).encode()
        self.send_response(code, phrase)
        self.send_header("Connection", "close")
        self.send_header("Content-Type", "application/json")
        self.send_header("x-amzn-ErrorType", "BadRequestException")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietHandler(LoggingHandler):
    """Without a log line per request (thousands in a test run)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None
