"""Fixtures of the ivs tests: a channel, the broadcast simulation and P-384 public keys."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ivsmock import IvsMock
from ivsmock.simulation.ivs import IvsSimulation

OTHER_REGION_RECORDING = "arn:aws:ivs:eu-west-1:123456789012:recording-configuration/AbCdEfGhIjKl"


def public_pem(key: Any) -> str:
    return str(
        key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()
    )


def p384_pem() -> str:
    return public_pem(ec.generate_private_key(ec.SECP384R1()))


def p256_pem() -> str:
    return public_pem(ec.generate_private_key(ec.SECP256R1()))


def rsa_pem() -> str:
    return public_pem(rsa.generate_private_key(public_exponent=65537, key_size=1024))


@pytest.fixture
def sim(ivs_mock: IvsMock) -> IvsSimulation:
    return ivs_mock.simulation.ivs


@pytest.fixture
def channel(ivs: Any) -> dict[str, Any]:
    """A new default channel (the CreateChannel answer's ``channel``)."""
    return dict(ivs.create_channel(name="main")["channel"])


@pytest.fixture
def recording(ivs: Any) -> str:
    """The ARN of a new (ACTIVE) recording configuration."""
    answer = ivs.create_recording_configuration(
        name="rec", destinationConfiguration={"s3": {"bucketName": "my-bucket"}}
    )
    return str(answer["recordingConfiguration"]["arn"])


@pytest.fixture
def ad_configuration(ivs: Any) -> str:
    answer = ivs.create_ad_configuration(
        mediaTailorPlaybackConfigurations=[
            {
                "playbackConfigurationArn": (
                    "arn:aws:mediatailor:us-east-1:123456789012:playbackConfiguration/ads"
                )
            }
        ]
    )
    return str(answer["adConfiguration"]["arn"])
