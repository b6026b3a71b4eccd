"""What every simulation area shares: the mock it acts on and its (account, region) state."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ivsmock.core.ids import parse_arn

if TYPE_CHECKING:
    from ivsmock.activation import IvsMock
    from ivsmock.core.registry import RegionState


class SimulationArea:
    service: str = ""

    def __init__(self, mock: IvsMock) -> None:
        self._mock = mock

    def _region_state(self, account_id: str | None, region: str | None) -> RegionState:
        # Through the handle, so using a simulation outside an active mock is a clear error.
        self._mock.backend(self.service, account_id=account_id, region=region)
        state = self._mock._state()
        return state.region(account_id or self._mock.account_id, region or self._mock.region)

    def _backend(self, account_id: str | None = None, region: str | None = None) -> Any:
        return self._mock.backend(self.service, account_id=account_id, region=region)

    def _region_of_arn(self, arn: str) -> tuple[str, str]:
        """(account, region) an ARN names, so callers need not repeat them."""
        parsed = parse_arn(arn)
        if parsed is None:
            raise ValueError(f"{arn!r} is not an ARN")
        return parsed.account, parsed.region
