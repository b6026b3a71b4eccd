"""Tags on the six taggable ivs-realtime resource types, and operation coverage."""

from __future__ import annotations

from typing import Any

import botocore.session

from ivsmock import IvsMock
from tests.helpers import aws_error
from tests.realtime.conftest import p384, public_pem, s3_destination


def test_all_40_operations_are_implemented() -> None:
    model = botocore.session.get_session().get_service_model("ivs-realtime")
    assert len(model.operation_names) == 40
    assert IvsMock.implemented_operations("ivs-realtime") == sorted(model.operation_names)
    assert IvsMock.not_yet_implemented("ivs-realtime") == []


def test_six_resource_types_are_taggable(
    realtime: Any, stage: str, storage: str, encoder: str
) -> None:
    arns = [
        stage,
        storage,
        encoder,
        realtime.start_composition(stageArn=stage, destinations=[s3_destination(storage, encoder)])[
            "composition"
        ]["arn"],
        realtime.create_ingest_configuration(ingestProtocol="RTMPS")["ingestConfiguration"]["arn"],
        realtime.import_public_key(publicKeyMaterial=public_pem(p384()))["publicKey"]["arn"],
    ]
    for arn in arns:
        realtime.tag_resource(resourceArn=arn, tags={"team": "video", "tmp": "1"})
        realtime.untag_resource(resourceArn=arn, tagKeys=["tmp"])
        assert realtime.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "video"}
    assert realtime.get_stage(arn=stage)["stage"]["tags"] == {"team": "video"}


def test_tagging_an_unknown_resource_is_404(realtime: Any) -> None:
    missing = "arn:aws:ivs:us-east-1:123456789012:stage/NoSuchStage0"
    with aws_error("ResourceNotFoundException", 404, "Resource not found"):
        realtime.tag_resource(resourceArn=missing, tags={"a": "b"})


def test_realtime_state_survives_a_snapshot(
    realtime: Any, ivs_mock: IvsMock, stage: str, storage: str, encoder: str
) -> None:
    import json

    realtime.import_public_key(publicKeyMaterial=public_pem(p384()))
    tok = realtime.create_participant_token(stageArn=stage)["participantToken"]["token"]
    pid = ivs_mock.simulation.realtime.join(stage, tok)
    realtime.start_composition(stageArn=stage, destinations=[s3_destination(storage, encoder)])
    snapshot = json.loads(json.dumps(ivs_mock.snapshot()))
    ivs_mock.reset()
    ivs_mock.restore(snapshot)
    session = realtime.get_stage(arn=stage)["stage"]["activeSessionId"]
    got = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    assert got["participant"]["state"] == "CONNECTED"
    assert (
        len(realtime.list_compositions(filterByEncoderConfigurationArn=encoder)["compositions"])
        == 1
    )
    assert len(realtime.list_public_keys()["publicKeys"]) == 1
