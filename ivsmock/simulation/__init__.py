"""The live side of IVS that no API call starts: broadcasts, stage activity, chat connections.

Reached through a mock's handle: ``mock.simulation.ivs``, ``mock.simulation.realtime`` and
``mock.simulation.chat``. Each works on the state of the active mock, in the handle's default
account and region unless told otherwise, and changes it the way AWS would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ivsmock.activation import IvsMock
    from ivsmock.simulation.chat import ChatSimulation
    from ivsmock.simulation.ivs import IvsSimulation
    from ivsmock.simulation.realtime import RealTimeSimulation


class Simulation:
    def __init__(self, mock: IvsMock) -> None:
        self._mock = mock

    @property
    def ivs(self) -> IvsSimulation:
        """Low-latency streaming: broadcasts going on and off air, recording configurations."""
        from ivsmock.simulation.ivs import IvsSimulation

        return IvsSimulation(self._mock)

    @property
    def realtime(self) -> RealTimeSimulation:
        """Real-time stages: participants joining, publishing, leaving; compositions."""
        from ivsmock.simulation.realtime import RealTimeSimulation

        return RealTimeSimulation(self._mock)

    @property
    def chat(self) -> ChatSimulation:
        """Chat rooms: users connecting with chat tokens and receiving events."""
        from ivsmock.simulation.chat import ChatSimulation

        return ChatSimulation(self._mock)
