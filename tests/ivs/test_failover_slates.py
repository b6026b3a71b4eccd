"""Create/Get/List/Update/DeleteFailoverSlateConfiguration and their states."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import aws_error

MISSING = "arn:aws:ivs:us-east-1:123456789012:failover-slate-configuration/AbCdEfGhIjKl"


def test_create_answers_creating_then_settles_at_created(ivs: Any) -> None:
    created = ivs.create_failover_slate_configuration(tags={"a": "b"})["failoverSlateConfiguration"]
    assert created == {
        "arn": created["arn"],
        "name": "",
        "activationThresholdSeconds": 3,
        "minSlateDisplaySeconds": 3,
        "maxSlateDisplaySeconds": 60,
        "state": "CREATING",
        "tags": {"a": "b"},
    }
    got = ivs.get_failover_slate_configuration(arn=created["arn"])["failoverSlateConfiguration"]
    assert got == {**created, "state": "CREATED"}


def test_update_answers_updating(ivs: Any) -> None:
    arn = ivs.create_failover_slate_configuration()["failoverSlateConfiguration"]["arn"]
    updated = ivs.update_failover_slate_configuration(
        arn=arn, maxSlateDisplaySeconds=120, name="s"
    )["failoverSlateConfiguration"]
    assert (updated["state"], updated["maxSlateDisplaySeconds"], updated["name"]) == (
        "UPDATING",
        120,
        "s",
    )
    got = ivs.get_failover_slate_configuration(arn=arn)["failoverSlateConfiguration"]
    assert got == {**updated, "state": "CREATED"}


@pytest.mark.ivsmock(quotas={"failover-slate-configuration": 1})
def test_quota(ivs: Any) -> None:
    ivs.create_failover_slate_configuration()
    with aws_error("ServiceQuotaExceededException", 402, r"Quota of 1 failover slate"):
        ivs.create_failover_slate_configuration()


def test_list_pages(ivs: Any) -> None:
    arns = [
        ivs.create_failover_slate_configuration()["failoverSlateConfiguration"]["arn"]
        for _ in range(3)
    ]
    pages = ivs.get_paginator("list_failover_slate_configurations").paginate(
        PaginationConfig={"PageSize": 2}
    )
    items = [c for p in pages for c in p["failoverSlateConfigurations"]]
    assert [c["arn"] for c in items] == arns
    assert {c["state"] for c in items} == {"CREATED"}


@pytest.mark.parametrize(
    ("method", "extra"),
    [
        ("get_failover_slate_configuration", {}),
        ("update_failover_slate_configuration", {"name": "x"}),
        ("delete_failover_slate_configuration", {}),
    ],
)
def test_unknown(ivs: Any, method: str, extra: dict[str, Any]) -> None:
    with aws_error(
        "ResourceNotFoundException", 404, rf"Failover slate configuration not found: {MISSING}"
    ):
        getattr(ivs, method)(arn=MISSING, **extra)


def test_delete(ivs: Any) -> None:
    arn = ivs.create_failover_slate_configuration()["failoverSlateConfiguration"]["arn"]
    ivs.delete_failover_slate_configuration(arn=arn)
    assert ivs.list_failover_slate_configurations()["failoverSlateConfigurations"] == []
