"""The operation table against the three botocore models, and the generated docs table."""

from __future__ import annotations

import pytest

from ivsmock import IvsMock
from ivsmock.core.model import SERVICES, model_operations
from ivsmock.docs import TARGET, render


@pytest.mark.parametrize("service", SERVICES)
def test_every_operation_is_implemented_or_listed_as_not_yet(service: str) -> None:
    in_model = set(model_operations(service))
    done = set(IvsMock.implemented_operations(service))
    pending = set(IvsMock.not_yet_implemented(service))
    assert done | pending == in_model, "operations neither implemented nor listed"
    assert not done & pending, "operations both implemented and listed as not yet"
    assert done <= in_model, "handlers for operations the model does not have"


def test_model_operation_counts() -> None:
    assert [len(model_operations(s)) for s in SERVICES] == [46, 40, 17]


def test_supported_operations_doc_is_current() -> None:
    assert TARGET.read_text() == render(), "run `python -m ivsmock.docs` and commit the result"
