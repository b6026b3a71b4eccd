"""Simulation of real-time stages (``ivs-realtime``)."""

from __future__ import annotations

from ivsmock.simulation.base import SimulationArea


class RealTimeSimulation(SimulationArea):
    service = "ivs-realtime"
