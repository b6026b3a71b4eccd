"""Fixtures of the ivs-realtime tests: stages, tokens, configurations and the simulation."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ivsmock import IvsMock
from ivsmock.simulation.realtime import RealTimeSimulation


def p384() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP384R1())


def public_pem(key: Any) -> str:
    return str(
        key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()
    )


@pytest.fixture
def sim(ivs_mock: IvsMock) -> RealTimeSimulation:
    return ivs_mock.simulation.realtime


@pytest.fixture
def stage(realtime: Any) -> str:
    """The ARN of a new stage."""
    return str(realtime.create_stage(name="main")["stage"]["arn"])


def token(realtime: Any, stage_arn: str, **kwargs: Any) -> str:
    return str(
        realtime.create_participant_token(stageArn=stage_arn, **kwargs)["participantToken"]["token"]
    )


def joined(realtime: Any, sim: RealTimeSimulation, stage_arn: str, **kwargs: Any) -> str:
    """A participant id, after joining ``stage_arn`` with a new token."""
    return sim.join(stage_arn, token(realtime, stage_arn, **kwargs))


def session_of(realtime: Any, stage_arn: str) -> str:
    return str(realtime.get_stage(arn=stage_arn)["stage"]["activeSessionId"])


@pytest.fixture
def encoder(realtime: Any) -> str:
    return str(realtime.create_encoder_configuration(name="enc")["encoderConfiguration"]["arn"])


@pytest.fixture
def storage(realtime: Any) -> str:
    answer = realtime.create_storage_configuration(name="rec", s3={"bucketName": "my-bucket"})
    return str(answer["storageConfiguration"]["arn"])


def s3_destination(storage_arn: str, encoder_arn: str, **extra: Any) -> dict[str, Any]:
    return {
        "s3": {"storageConfigurationArn": storage_arn, "encoderConfigurationArns": [encoder_arn]},
        **extra,
    }


MISSING_STAGE = "arn:aws:ivs:us-east-1:123456789012:stage/NoSuchStage0"
MISSING_STORAGE = "arn:aws:ivs:us-east-1:123456789012:storage-configuration/NoSuchConfig"
MISSING_ENCODER = "arn:aws:ivs:us-east-1:123456789012:encoder-configuration/NoSuchConfig"
