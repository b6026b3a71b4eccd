"""Simulation of the low-latency service (``ivs``)."""

from __future__ import annotations

from ivsmock.simulation.base import SimulationArea

RECORDING_CONFIGURATION_STATES = ("CREATING", "ACTIVE", "CREATE_FAILED")


class IvsSimulation(SimulationArea):
    service = "ivs"

    def settle_recording_configuration(self, arn: str, state: str = "ACTIVE") -> None:
        """Move a recording configuration to ``state`` (ACTIVE or CREATE_FAILED).

        With ``mock_ivs(settle_recording_configurations=False)`` new configurations stay
        CREATING until this is called.
        """
        if state not in RECORDING_CONFIGURATION_STATES:
            raise ValueError(
                f"state must be one of {', '.join(RECORDING_CONFIGURATION_STATES)}; got {state!r}"
            )
        account, region = self._region_of_arn(arn)
        region_state = self._region_state(account, region)
        with region_state.lock:
            configuration = region_state.backend("ivs").recording_configurations.get(arn)
            if configuration is None:
                raise KeyError(f"no recording configuration {arn} in account {account}, {region}")
            configuration.state = state
