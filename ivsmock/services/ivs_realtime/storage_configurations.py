"""Storage configurations (the S3 bucket recordings go to): Create, Get, List, Delete."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivsmock.core.errors import ServiceError, conflict, invalid, quota_exceeded
from ivsmock.core.ids import arn, random_id
from ivsmock.core.operations import Call, Params, Result, operation
from ivsmock.core.pagination import list_answer
from ivsmock.core.tagging import check_new_tags
from ivsmock.services.ivs_realtime.quotas import quota

if TYPE_CHECKING:
    from ivsmock.services.ivs_realtime.backend import RealTimeBackend

RESOURCE_TYPE = "storage-configuration"
_RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
_RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")
_BUCKET_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


@dataclass(slots=True)
class StorageConfiguration:
    arn: str
    name: str
    bucket_name: str
    tags: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "name": self.name,
            "s3": {"bucketName": self.bucket_name},
            "tags": dict(self.tags),
        }

    def describe(self) -> dict[str, Any]:
        return self.summary()


def bucket_problem(name: str) -> str | None:
    """Why ``name`` breaks S3's bucket naming rules (the model checks only length), or None."""
    if not set(name) <= _BUCKET_CHARACTERS:
        return "it may hold only lowercase letters, digits, dots and hyphens"
    if not (name[0].isalnum() and name[-1].isalnum()):
        return "it must begin and end with a letter or digit"
    if ".." in name:
        return "it must not hold two adjacent dots"
    try:
        ipaddress.IPv4Address(name)
        return "it must not be formatted as an IP address"
    except ValueError:
        pass
    for prefix in _RESERVED_PREFIXES:
        if name.startswith(prefix):
            return f"the prefix {prefix!r} is reserved"
    for suffix in _RESERVED_SUFFIXES:
        if name.endswith(suffix):
            return f"the suffix {suffix!r} is reserved"
    return None


def get_storage_configuration(backend: RealTimeBackend, target: str) -> StorageConfiguration:
    found = backend.storage_configurations.get(target)
    if found is None:
        raise ServiceError(
            "ResourceNotFoundException",
            f"Storage configuration not found: {target}; create it with "
            f"CreateStorageConfiguration first",
        )
    return found


@operation("ivs-realtime", "CreateStorageConfiguration")
def create_storage_configuration(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    bucket = params["s3"]["bucketName"]
    problem = bucket_problem(bucket)
    if problem is not None:
        raise invalid("s3.bucketName", f"{bucket!r} is not a valid S3 bucket name: {problem}")
    tags = params.get("tags") or {}
    check_new_tags(tags)
    limit = quota(call, "storage-configuration")
    if len(backend.storage_configurations) >= limit:
        raise quota_exceeded("storage configurations", limit)
    configuration = StorageConfiguration(
        arn=arn("ivs", call.region, call.account, RESOURCE_TYPE, random_id()),
        name=params.get("name", ""),
        bucket_name=bucket,
        tags=dict(tags),
    )
    backend.storage_configurations.add(configuration)
    return {"storageConfiguration": configuration.describe()}


@operation("ivs-realtime", "GetStorageConfiguration")
def get_storage_configuration_operation(call: Call, params: Params) -> Result:
    configuration = get_storage_configuration(call.backend(), params["arn"])
    return {"storageConfiguration": configuration.describe()}


@operation("ivs-realtime", "ListStorageConfigurations")
def list_storage_configurations(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    return list_answer(
        call,
        backend.storage_configurations,
        params,
        "storageConfigurations",
        default_size=min(quota(call, "storage-configuration"), 100),
    )


@operation("ivs-realtime", "DeleteStorageConfiguration")
def delete_storage_configuration(call: Call, params: Params) -> Result:
    backend: RealTimeBackend = call.backend()
    configuration = get_storage_configuration(backend, params["arn"])
    users = sorted(backend.storage_users.get(configuration.arn, ()))
    if users:
        raise conflict(
            f"Storage configuration {configuration.arn} is used by {len(users)} running "
            f"composition(s) ({', '.join(users[:5])}); stop them with StopComposition first"
        )
    stages = backend.stages.count("storage", configuration.arn)
    if stages:
        raise conflict(
            f"Storage configuration {configuration.arn} records participants of {stages} "
            f"stage(s); set their autoParticipantRecordingConfiguration.storageConfigurationArn "
            f"to '' with UpdateStage first"
        )
    backend.storage_configurations.remove(configuration.arn)
    return {}
