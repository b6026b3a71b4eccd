"""Which service and operation an HTTP request is for, from the botocore models' routes.

Every operation of the three services is ``POST /<Operation>`` with a name no other service
uses, except the three tag operations, which all three services serve on ``/tags/{resourceArn}``.
So the service is, in this order: the one an AWS endpoint in the Host header names
(``ivsrealtime.<region>.amazonaws.com``); else the services the SigV4 credential scope allows
(``ivschat``, or ``ivs`` for both ``ivs`` and ``ivs-realtime``); and among those, the one whose
route table has the path — for a tag path, the one whose model names the ARN's resource type.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote

from botocore.loaders import create_loader

from ivsmock.core.dispatch import credential_scope
from ivsmock.core.ids import parse_arn
from ivsmock.core.model import SERVICES, service_spec
from ivsmock.core.wire_in import HttpRequest

_ARN_TYPE = re.compile(r"arn:aws:([a-z]+):[^/]*:([a-z-]+)/")
_OPERATION_PATH = re.compile(r"^/[A-Za-z]+$")
_AWS_DOMAINS = (".amazonaws.com", ".amazonaws.com.cn", ".api.aws")


@dataclass(frozen=True)
class Route:
    service: str
    operation: str


class RoutingError(Exception):
    """No operation answers this request; ``status`` and ``code`` go on the error response."""

    def __init__(self, status: int, code: str, message: str, service: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.service = service


@dataclass(frozen=True)
class _Entry:
    method: str
    regex: re.Pattern[str]
    route: Route


class Router:
    """The route tables of the three services, indexed for a dict lookup on ``POST /<Name>``."""

    def __init__(self) -> None:
        self._literal: dict[tuple[str, str], list[Route]] = {}
        self._patterned: list[_Entry] = []
        self._by_host: dict[str, str] = {}
        self._by_signing_name: dict[str, list[str]] = {}
        self._owner: dict[tuple[str, str], str] = {}
        self._operations: set[str] = set()
        loader = create_loader()
        for service in SERVICES:
            spec = service_spec(service)
            model = loader.load_service_model(service, "service-2")
            metadata = model["metadata"]
            self._by_host[metadata["endpointPrefix"]] = service
            signing_name = metadata.get("signingName", metadata["endpointPrefix"])
            self._by_signing_name.setdefault(signing_name, []).append(service)
            # The first service (in SERVICES order) whose model names a resource type owns it:
            # ivs-realtime's model also mentions channel ARNs, which belong to ivs.
            for shape in model["shapes"].values():
                for arn_service, resource_type in _ARN_TYPE.findall(shape.get("pattern", "")):
                    self._owner.setdefault((arn_service, resource_type), service)
            for method, regex, operation in spec.routes:
                self._operations.add(operation)
                route = Route(service, operation)
                if regex.pattern == f"^{re.escape('/' + operation)}$":
                    self._literal.setdefault((method, f"/{operation}"), []).append(route)
                else:
                    self._patterned.append(_Entry(method, regex, route))

    def resolve(self, request: HttpRequest) -> Route:
        candidates = self._candidates(request)
        matches: list[tuple[Route, re.Match[str] | None]] = [
            (route, None)
            for route in self._literal.get((request.method, request.path), ())
            if route.service in candidates
        ]
        if not matches:
            for entry in self._patterned:
                if entry.method == request.method and entry.route.service in candidates:
                    found = entry.regex.match(request.path)
                    if found is not None:
                        matches.append((entry.route, found))
        if not matches:
            raise self._no_route(request, candidates)
        if len(matches) == 1:
            return matches[0][0]
        # Only the shared tag routes get here: the ARN decides.
        found = matches[0][1]
        owner = self.owner_of(unquote(found.groupdict().get("resourceArn", "")) if found else "")
        return next((route for route, _ in matches if route.service == owner), matches[0][0])

    def owner_of(self, arn: str) -> str | None:
        """The service whose resources have ARNs like this one, or None."""
        parsed = parse_arn(arn)
        if parsed is None:
            return None
        owner = self._owner.get((parsed.service, parsed.resource_type))
        if owner is not None:
            return owner
        # An unknown type: the first service whose ARNs start the same way.
        for service in SERVICES:
            if service_spec(service).target_prefix == f"arn:aws:{parsed.service}:":
                return service
        return None

    def _candidates(self, request: HttpRequest) -> tuple[str, ...]:
        host = request.headers.get("host", "").split(":", 1)[0].lower()
        # Only an AWS endpoint name counts: a container or machine called "ivs" says nothing.
        if host.endswith(_AWS_DOMAINS):
            named = self._by_host.get(host.split(".", 1)[0])
            if named is not None:
                return (named,)
        scope = credential_scope(request)
        if len(scope) >= 4 and scope[3] in self._by_signing_name:
            return tuple(self._by_signing_name[scope[3]])
        return SERVICES

    def _no_route(self, request: HttpRequest, candidates: tuple[str, ...]) -> RoutingError:
        where = _either(candidates)
        service = candidates[0] if len(candidates) == 1 else None
        elsewhere = [
            route.service for route in self._literal.get((request.method, request.path), ())
        ]
        if elsewhere:
            return RoutingError(
                404,
                "UnknownOperationException",
                f"{request.path[1:]} is an operation of {_either(elsewhere)}, but the "
                f"request's Host header or credential scope names {where}; "
                f"send it with a client of {_either(elsewhere)}",
                service,
            )
        allowed = sorted(
            {
                method
                for (method, path), routes in self._literal.items()
                if path == request.path and any(r.service in candidates for r in routes)
            }
            | {
                e.method
                for e in self._patterned
                if e.route.service in candidates and e.regex.match(request.path)
            }
        )
        if allowed:
            return RoutingError(
                405,
                "MethodNotAllowedException",
                f"{request.method} is not allowed on {request.path}; use {' or '.join(allowed)}",
                service,
            )
        if _OPERATION_PATH.match(request.path):
            name = request.path[1:]
            close = difflib.get_close_matches(name, sorted(self._operations), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else "."
            return RoutingError(
                404,
                "UnknownOperationException",
                f"No operation {name!r} (POST /{name}) in {where}{hint} "
                f"The operations are listed in docs/supported-operations.md",
                service,
            )
        return RoutingError(
            404,
            "UnknownOperationException",
            f"No {where} operation is at {request.method} {request.path}; "
            f"operations are POST /<OperationName> and /tags/<url-encoded ARN>, "
            f"admin paths are under /_ivsmock/",
            service,
        )


@functools.cache
def shared_router() -> Router:
    """One router for every app: it only reads the models, which never change."""
    return Router()


def _either(services: list[str] | tuple[str, ...]) -> str:
    """``ivs``, ``ivs or ivs-realtime``, ``ivs, ivs-realtime or ivschat``."""
    if len(services) == 1:
        return services[0]
    return f"{', '.join(services[:-1])} or {services[-1]}"
