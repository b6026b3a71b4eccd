"""Failover slate configurations: Create, Get, List, Update, Delete.

Create answers ``CREATING`` and Update ``UPDATING``; every later call sees ``CREATED`` (the
settled state of this resource is CREATED, not ACTIVE). A configuration a channel names cannot
be deleted (409).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs.common import fetch, refuse_if_used

if TYPE_CHECKING:
    from ivsmock.services.ivs.backend import IvsBackend

QUOTA = 100  # undocumented; see docs/ivs.md
RESOURCE_TYPE = "failover-slate-configuration"
LABEL = "Failover slate configuration"
SETTLED = "CREATED"
TIMINGS = {
    "activationThresholdSeconds": 3,
    "minSlateDisplaySeconds": 3,
    "maxSlateDisplaySeconds": 60,
}


@dataclass(slots=True)
class FailoverSlateConfiguration:
    arn: str
    name: str
    timings: dict[str, int]
    state: str = SETTLED
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "name": self.name,
            **self.timings,
            "state": self.state,
            "tags": dict(self.tags),
        }

    def summary(self) -> dict[str, Any]:
        return self.describe()


def _answer(configuration: FailoverSlateConfiguration, transient: str) -> Result:
    # The caller sees the transient state once; the stored one is already settled.
    return {"failoverSlateConfiguration": {**configuration.describe(), "state": transient}}


@operation("ivs", "CreateFailoverSlateConfiguration")
def create_failover_slate_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    tags = params.get("tags") or {}
    check_new_tags(tags)
    quota = call.options.quota(RESOURCE_TYPE, QUOTA)
    if len(backend.failover_slate_configurations) >= quota:
        raise quota_exceeded("failover slate configurations", quota)
    configuration = FailoverSlateConfiguration(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        timings={name: params.get(name, default) for name, default in TIMINGS.items()},
        tags=dict(tags),
    )
    backend.failover_slate_configurations.add(configuration)
    return _answer(configuration, "CREATING")


@operation("ivs", "GetFailoverSlateConfiguration")
def get_failover_slate_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configuration = fetch(backend.failover_slate_configurations, params["arn"], LABEL, call)
    return {"failoverSlateConfiguration": configuration.describe()}


@operation("ivs", "ListFailoverSlateConfigurations")
def list_failover_slate_configurations(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    size = min(call.options.quota(RESOURCE_TYPE, QUOTA), 100)
    return list_answer(
        call,
        backend.failover_slate_configurations,
        params,
        "failoverSlateConfigurations",
        default_size=size,
    )


@operation("ivs", "UpdateFailoverSlateConfiguration")
def update_failover_slate_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configuration = fetch(backend.failover_slate_configurations, params["arn"], LABEL, call)
    if "name" in params:
        configuration.name = params["name"]
    for name in TIMINGS:
        if name in params:
            configuration.timings[name] = params[name]
    return _answer(configuration, "UPDATING")


@operation("ivs", "DeleteFailoverSlateConfiguration")
def delete_failover_slate_configuration(call: Call, params: Params) -> Result:
    backend: IvsBackend = call.backend()
    configuration = fetch(backend.failover_slate_configurations, params["arn"], LABEL, call)
    users = backend.channels_using("slate", configuration.arn)
    refuse_if_used(users, LABEL, configuration.arn, "failoverSlateConfigurationArn")
    backend.failover_slate_configurations.remove(configuration.arn)
    return None
