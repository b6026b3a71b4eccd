"""Simulation of chat connections (``ivschat``)."""

from __future__ import annotations

from ivsmock.simulation.base import SimulationArea


class ChatSimulation(SimulationArea):
    service = "ivschat"
