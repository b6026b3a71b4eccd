"""ivsmock: a fast, model-driven mock of Amazon IVS for boto3 and botocore.

from ivsmock import mock_ivs

@mock_ivs
def test_something():
    ...
"""

from __future__ import annotations

from ivsmock.activation import IvsMock, mock_ivs
from ivsmock.core.errors import IvsmockError, MockNotActiveError, NotImplementedOperationError

__all__ = [
    "IvsMock",
    "IvsmockError",
    "MockNotActiveError",
    "NotImplementedOperationError",
    "mock_ivs",
]
__version__ = "0.1.0"
