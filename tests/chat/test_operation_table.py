"""Every ivschat operation of botocore's model is implemented."""

from __future__ import annotations

from ivsmock import IvsMock
from ivsmock.core.model import model_operations


def test_all_17_ivschat_operations_are_implemented() -> None:
    assert IvsMock.implemented_operations("ivschat") == model_operations("ivschat")
    assert len(model_operations("ivschat")) == 17
    assert IvsMock.not_yet_implemented("ivschat") == []
