"""One request through the pipeline: wire in, validate, semantics, wire out.

In-process interception and the HTTP server both end here, so they cannot disagree.
"""

from __future__ import annotations

import os
import time
from typing import Any

from ivsmock.core.errors import NotImplementedOperationError, ServiceError, validation_error
from ivsmock.core.model import OperationSpec, ServiceSpec, service_spec
from ivsmock.core.operations import Call, handler_for, implemented
from ivsmock.core.options import MockOptions
from ivsmock.core.registry import MockState
from ivsmock.core.wire_in import HttpRequest, parse_request
from ivsmock.core.wire_out import HttpAnswer, serialize_error, serialize_result
from ivsmock.services import load_service

# Strict mode checks every response against the operation's output shape and every error
# against the operation's modelled errors. The test suite turns it on.
STRICT = os.environ.get("IVSMOCK_STRICT", "") == "1"


class ContractViolation(AssertionError):
    """Strict mode: a handler produced something the model does not allow (an ivsmock bug)."""


def credential_scope(request: HttpRequest) -> list[str]:
    """The SigV4 credential of a request, ``[key id, date, region, service, "aws4_request"]``;
    empty for an unsigned request."""
    auth = request.headers.get("authorization", "")
    start = auth.find("Credential=")
    if start < 0:
        return []
    return str(auth[start + 11 :].split(",", 1)[0]).split("/")


def identify(request: HttpRequest, options: MockOptions) -> tuple[str, str]:
    """(account, region) of a request: from the SigV4 credential scope, else the defaults."""
    account, region = options.account_id, options.region
    scope = credential_scope(request)
    if len(scope) >= 3:
        key_id, region = scope[0], scope[2] or region
        if len(key_id) == 12 and key_id.isdigit():
            account = key_id
    return account, region


def dispatch(
    service: str,
    operation: str,
    request: HttpRequest,
    state: MockState,
    options: MockOptions,
) -> HttpAnswer:
    route = _ROUTES.get((service, operation))
    if route is None:
        route = _route(service, operation)
    spec, op = route
    handler = handler_for(service, operation)
    if handler is None:
        raise NotImplementedOperationError(
            f"ivsmock does not implement {service} {operation} yet, and never sends it to AWS. "
            f"Implemented {service} operations: {', '.join(implemented(service))}"
        )
    account, region = identify(request, options)
    params: dict[str, Any] = {}
    try:
        fault = state.faults.take(service, operation) if state.faults else None
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.error is not None:
                raise fault.to_error()
        params = parse_request(op, request)
        problems: list[tuple[str, str]] = []
        op.validate_input(params, "", problems)
        if problems:
            raise validation_error(problems)
        region_state = state.region(account, region)
        call = Call(service, operation, account, region, region_state, options)
        with region_state.lock:
            if region_state.backend(service).timers:
                region_state.backend(service).run_timers(state.clock.now())
            result = handler(call, params)
    except ServiceError as error:
        if STRICT and not error.injected:
            _check_error(op, error)
        state.calls.add(service, operation, account, region, params, error.code, None)
        return serialize_error(spec, error)
    if STRICT:
        _check_output(op, result)
    state.calls.add(service, operation, account, region, params, None, result)
    return serialize_result(op, result)


_ROUTES: dict[tuple[str, str], tuple[ServiceSpec, OperationSpec]] = {}


def _route(service: str, operation: str) -> tuple[ServiceSpec, OperationSpec]:
    """The model's spec of an operation, with its service loaded; cached per operation."""
    spec = service_spec(service)
    op = spec.operations.get(operation)
    if op is None:
        raise NotImplementedOperationError(
            f"{service} has no operation {operation!r} in botocore's model; "
            f"its operations are: {', '.join(sorted(spec.operations))}"
        )
    load_service(service)
    _ROUTES[(service, operation)] = (spec, op)
    return spec, op


def _check_error(op: OperationSpec, error: ServiceError) -> None:
    if error.code not in op.errors:
        raise ContractViolation(
            f"{op.service} {op.name} raised {error.code}, which the model does not list; "
            f"modelled: {sorted(op.errors)}"
        )


def _check_output(op: OperationSpec, result: dict[str, Any] | None) -> None:
    if op.validate_output is None:
        if result:
            raise ContractViolation(f"{op.service} {op.name} has no output, but returned {result}")
        return
    problems: list[tuple[str, str]] = []
    op.validate_output(result or {}, "", problems)
    if problems:
        detail = "; ".join(rule for _, rule in problems)
        raise ContractViolation(f"{op.service} {op.name} response breaks its shape: {detail}")
