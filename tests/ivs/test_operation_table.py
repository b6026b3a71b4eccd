from __future__ import annotations

import botocore.session

from ivsmock import IvsMock


def test_all_46_ivs_operations_are_implemented() -> None:
    model = botocore.session.get_session().get_service_model("ivs")
    assert len(model.operation_names) == 46
    assert IvsMock.implemented_operations("ivs") == sorted(model.operation_names)
    assert IvsMock.not_yet_implemented("ivs") == []
