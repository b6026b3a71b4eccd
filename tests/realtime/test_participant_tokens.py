"""CreateParticipantToken: real ES384 JWTs with the documented claims."""

from __future__ import annotations

import datetime
from typing import Any

import jwt
import pytest

from ivsmock.simulation.realtime import RealTimeSimulation
from tests.helpers import aws_error
from tests.realtime.conftest import MISSING_STAGE


def decode(sim: RealTimeSimulation, token: str) -> dict[str, Any]:
    return jwt.decode(token, sim.token_public_key_pem(), algorithms=["ES384"])  # type: ignore[no-any-return]


def test_defaults_and_claims(realtime: Any, sim: RealTimeSimulation, stage: str) -> None:
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    issued = realtime.create_participant_token(stageArn=stage)["participantToken"]
    assert set(issued) == {"participantId", "token", "expirationTime"}
    claims = decode(sim, issued["token"])
    assert jwt.get_unverified_header(issued["token"])["alg"] == "ES384"
    endpoints = realtime.get_stage(arn=stage)["stage"]["endpoints"]
    assert claims == {
        "exp": claims["iat"] + 720 * 60,
        "iat": claims["iat"],
        "jti": issued["participantId"],
        "resource": stage,
        "topic": stage.rsplit("/", 1)[1],
        "events_url": endpoints["events"],
        "whip_url": endpoints["whip"],
        "capabilities": {"allow_publish": True, "allow_subscribe": True},
        "version": "0.3",
    }
    assert claims["iat"] >= int(before.timestamp())
    expiration = issued["expirationTime"]
    assert abs(expiration.timestamp() - claims["exp"]) < 1


def test_given_fields_are_echoed_and_carried(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    issued = realtime.create_participant_token(
        stageArn=stage,
        userId="bob",
        attributes={"seat": "3"},
        duration=5,
        capabilities=["PUBLISH"],
    )["participantToken"]
    assert (issued["userId"], issued["attributes"], issued["duration"]) == ("bob", {"seat": "3"}, 5)
    assert issued["capabilities"] == ["PUBLISH"]
    claims = decode(sim, issued["token"])
    assert claims["user_id"] == "bob"
    assert claims["attributes"] == {"seat": "3"}
    assert claims["exp"] - claims["iat"] == 300
    assert claims["capabilities"] == {"allow_publish": True, "allow_subscribe": False}


def test_empty_capabilities_allow_nothing_and_duplicates_collapse(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    none = realtime.create_participant_token(stageArn=stage, capabilities=[])["participantToken"]
    assert none["capabilities"] == []
    assert decode(sim, none["token"])["capabilities"] == {
        "allow_publish": False,
        "allow_subscribe": False,
    }
    twice = realtime.create_participant_token(stageArn=stage, capabilities=["PUBLISH", "PUBLISH"])[
        "participantToken"
    ]
    assert twice["capabilities"] == ["PUBLISH"]


def test_a_token_signed_by_another_key_does_not_verify(realtime: Any, stage: str) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    from tests.realtime.conftest import public_pem

    issued = realtime.create_participant_token(stageArn=stage)["participantToken"]["token"]
    stranger = public_pem(ec.generate_private_key(ec.SECP384R1()))
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(issued, stranger, algorithms=["ES384"])


def test_unknown_stage_is_404(realtime: Any) -> None:
    with aws_error("ResourceNotFoundException", 404, "Stage not found.*CreateStage"):
        realtime.create_participant_token(stageArn=MISSING_STAGE)


def test_attributes_over_1kb_are_refused(realtime: Any, stage: str) -> None:
    with aws_error("ValidationException", 400, "at most 1024 bytes"):
        realtime.create_participant_token(stageArn=stage, attributes={"k": "é" * 600})


def test_model_rules_come_from_the_model(realtime: Any, stage: str) -> None:
    with aws_error("ValidationException", 400, "duration"):
        realtime.create_participant_token(stageArn=stage, duration=20161)
