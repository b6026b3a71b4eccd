"""Stage sessions and participants from simulated activity: GetStageSession, ListStageSessions,
GetParticipant, ListParticipants, ListParticipantEvents, DisconnectParticipant,
RevokeConnectionToken."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivsmock.simulation.realtime import RealTimeSimulation, StageActivityError
from tests.helpers import aws_error
from tests.realtime.conftest import MISSING_STAGE, joined, session_of, token

SESSION = re.compile(r"^st-[A-Za-z0-9]{13}$")


def events(realtime: Any, stage: str, session: str, pid: str) -> list[dict[str, Any]]:
    answer = realtime.list_participant_events(stageArn=stage, sessionId=session, participantId=pid)
    return list(answer["events"])


def test_a_session_starts_at_the_first_join_and_ends_after_the_last_leave(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    assert realtime.list_stage_sessions(stageArn=stage)["stageSessions"] == []
    alice = joined(realtime, sim, stage)
    session = session_of(realtime, stage)
    assert SESSION.match(session)
    bob = joined(realtime, sim, stage)
    assert session_of(realtime, stage) == session
    sim.leave(stage, alice)
    live = realtime.get_stage_session(stageArn=stage, sessionId=session)["stageSession"]
    assert "endTime" not in live
    sim.leave(stage, bob)
    ended = realtime.get_stage_session(stageArn=stage, sessionId=session)["stageSession"]
    assert ended["sessionId"] == session and ended["endTime"] >= ended["startTime"]
    assert "activeSessionId" not in realtime.get_stage(arn=stage)["stage"]
    joined(realtime, sim, stage)
    second = session_of(realtime, stage)
    assert second != session
    listed = realtime.list_stage_sessions(stageArn=stage, maxResults=1)
    assert [s["sessionId"] for s in listed["stageSessions"]] == [session]
    rest = realtime.list_stage_sessions(stageArn=stage, nextToken=listed["nextToken"])
    assert [s["sessionId"] for s in rest["stageSessions"]] == [second]


def test_stage_session_404s_and_unknown_stage_lists_nothing(realtime: Any, stage: str) -> None:
    with aws_error("ResourceNotFoundException", 404, "Stage session not found"):
        realtime.get_stage_session(stageArn=stage, sessionId="st-AAAAAAAAAAAAA")
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.get_stage_session(stageArn=MISSING_STAGE, sessionId="st-AAAAAAAAAAAAA")
    assert realtime.list_stage_sessions(stageArn=MISSING_STAGE)["stageSessions"] == []


def test_get_participant_reports_what_happened(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    pid = sim.join(
        stage,
        token(realtime, stage, userId="alice", attributes={"role": "host"}),
        client={"osName": "Linux", "sdkVersion": "1.20.0"},
    )
    session = session_of(realtime, stage)
    participant = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)[
        "participant"
    ]
    assert participant == {
        "participantId": pid,
        "userId": "alice",
        "state": "CONNECTED",
        "firstJoinTime": participant["firstJoinTime"],
        "attributes": {"role": "host"},
        "published": False,
        "osName": "Linux",
        "sdkVersion": "1.20.0",
        "recordingS3BucketName": "",
        "recordingS3Prefix": "",
        "recordingState": "DISABLED",
        "protocol": "WHIP",
        "replicationType": "NONE",
    }
    sim.publish(stage, pid)
    sim.stop_publishing(stage, pid)
    sim.leave(stage, pid)
    after = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    assert after["participant"]["state"] == "DISCONNECTED"
    assert after["participant"]["published"] is True  # latches for the session


def test_get_participant_404(realtime: Any, sim: RealTimeSimulation, stage: str) -> None:
    joined(realtime, sim, stage)
    session = session_of(realtime, stage)
    with aws_error("ResourceNotFoundException", 404, "Participant not found: nobody"):
        realtime.get_participant(stageArn=stage, sessionId=session, participantId="nobody")


def test_rejoining_keeps_the_participant_record(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    tok = token(realtime, stage)
    keeper = joined(realtime, sim, stage)  # keeps the session open
    pid = sim.join(stage, tok)
    session = session_of(realtime, stage)
    first = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    sim.leave(stage, pid)
    assert sim.join(stage, tok) == pid
    again = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    assert again["participant"]["state"] == "CONNECTED"
    assert again["participant"]["firstJoinTime"] == first["participant"]["firstJoinTime"]
    assert keeper != pid


def test_recording_state_and_prefix_on_a_recording_stage(
    realtime: Any, sim: RealTimeSimulation, storage: str
) -> None:
    stage = realtime.create_stage(
        autoParticipantRecordingConfiguration={"storageConfigurationArn": storage}
    )["stage"]["arn"]
    pid = joined(realtime, sim, stage)
    session = session_of(realtime, stage)
    sim.publish(stage, pid)
    participant = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)[
        "participant"
    ]
    assert participant["recordingState"] == "ACTIVE"
    assert participant["recordingS3BucketName"] == "my-bucket"
    assert re.fullmatch(
        rf"{stage.rsplit('/', 1)[1]}/{session}/{pid}/\d{{4}}-\d\d-\d\dT\d\d-\d\d-\d\dZ",
        participant["recordingS3Prefix"],
    )
    sim.stop_publishing(stage, pid)
    stopped = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    assert stopped["participant"]["recordingState"] == "STOPPED"


def test_list_participants_filters_one_at_a_time(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    alice = joined(realtime, sim, stage, userId="alice")
    bob = joined(realtime, sim, stage, userId="bob")
    carol = joined(realtime, sim, stage, userId="carol")
    session = session_of(realtime, stage)
    sim.publish(stage, alice)
    sim.leave(stage, carol)

    def ids(**kwargs: Any) -> list[str]:
        answer = realtime.list_participants(stageArn=stage, sessionId=session, **kwargs)
        return [p["participantId"] for p in answer["participants"]]

    assert ids() == [alice, bob, carol]
    assert ids(filterByUserId="bob") == [bob]
    assert ids(filterByPublished=True) == [alice]
    assert ids(filterByPublished=False) == [bob, carol]
    assert ids(filterByState="DISCONNECTED") == [carol]
    assert ids(filterByState="CONNECTED") == [alice, bob]
    assert ids(filterByRecordingState="ACTIVE") == []  # the stage does not record
    with aws_error("ValidationException", 400, "only one filter.*filterByUserId, filterByState"):
        realtime.list_participants(
            stageArn=stage, sessionId=session, filterByUserId="bob", filterByState="CONNECTED"
        )
    first = realtime.list_participants(stageArn=stage, sessionId=session, maxResults=2)
    assert len(first["participants"]) == 2
    rest = realtime.list_participants(
        stageArn=stage, sessionId=session, maxResults=2, nextToken=first["nextToken"]
    )
    assert [p["participantId"] for p in rest["participants"]] == [carol]
    summary = first["participants"][0]
    assert "attributes" not in summary and "protocol" not in summary
    assert (
        realtime.list_participants(stageArn=MISSING_STAGE, sessionId=session)["participants"] == []
    )


def test_filter_by_recording_state(realtime: Any, sim: RealTimeSimulation, storage: str) -> None:
    stage = realtime.create_stage(
        autoParticipantRecordingConfiguration={"storageConfigurationArn": storage}
    )["stage"]["arn"]
    recorded = joined(realtime, sim, stage)
    idle = joined(realtime, sim, stage)
    sim.publish(stage, recorded)
    session = session_of(realtime, stage)
    active = realtime.list_participants(
        stageArn=stage, sessionId=session, filterByRecordingState="ACTIVE"
    )
    assert [p["participantId"] for p in active["participants"]] == [recorded]
    stopped = realtime.list_participants(
        stageArn=stage, sessionId=session, filterByRecordingState="STOPPED"
    )
    assert [p["participantId"] for p in stopped["participants"]] == [idle]


def test_participant_events_in_order(realtime: Any, sim: RealTimeSimulation, stage: str) -> None:
    publisher = joined(realtime, sim, stage)
    viewer = joined(realtime, sim, stage)
    session = session_of(realtime, stage)
    sim.publish(stage, publisher)
    sim.subscribe(stage, viewer, publisher)
    sim.leave(stage, viewer)
    names = [
        (e["name"], e.get("remoteParticipantId")) for e in events(realtime, stage, session, viewer)
    ]
    assert names == [
        ("JOINED", None),
        ("SUBSCRIBE_STARTED", publisher),
        ("SUBSCRIBE_STOPPED", publisher),
        ("LEFT", None),
    ]
    first = realtime.list_participant_events(
        stageArn=stage, sessionId=session, participantId=viewer, maxResults=3
    )
    assert len(first["events"]) == 3 and first["nextToken"]
    assert all(e["replica"] is False for e in first["events"])
    assert events(realtime, MISSING_STAGE, session, viewer) == []


def test_capabilities_are_enforced_with_error_events(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    viewer = joined(realtime, sim, stage, capabilities=["SUBSCRIBE"])
    silent = joined(realtime, sim, stage, capabilities=["PUBLISH"])
    session = session_of(realtime, stage)
    with pytest.raises(StageActivityError, match="PUBLISH capability"):
        sim.publish(stage, viewer)
    with pytest.raises(StageActivityError, match="SUBSCRIBE capability"):
        sim.subscribe(stage, silent, viewer)
    with pytest.raises(StageActivityError, match="not publishing"):
        sim.subscribe(stage, viewer, silent)
    errors = [(e["name"], e.get("errorCode")) for e in events(realtime, stage, session, viewer)]
    assert ("PUBLISH_ERROR", "INSUFFICIENT_CAPABILITIES") in errors
    assert ("SUBSCRIBE_ERROR", "PUBLISHER_NOT_FOUND") in errors
    sim.report_error(stage, silent, "PUBLISH_ERROR", "BITRATE_EXCEEDED")
    assert events(realtime, stage, session, silent)[-1]["errorCode"] == "BITRATE_EXCEEDED"


def test_join_refuses_bad_tokens(realtime: Any, sim: RealTimeSimulation, stage: str) -> None:
    other = realtime.create_stage()["stage"]["arn"]
    with pytest.raises(StageActivityError, match="is for stage"):
        sim.join(stage, token(realtime, other))
    with pytest.raises(StageActivityError, match="not a JWT"):
        sim.join(stage, "not-a-token")
    with pytest.raises(KeyError):
        sim.join(MISSING_STAGE, token(realtime, stage))


def test_disconnect_revokes_for_good(realtime: Any, sim: RealTimeSimulation, stage: str) -> None:
    tok = token(realtime, stage)
    pid = sim.join(stage, tok)
    session = session_of(realtime, stage)
    realtime.disconnect_participant(stageArn=stage, participantId=pid, reason="bye")
    got = realtime.get_participant(stageArn=stage, sessionId=session, participantId=pid)
    assert got["participant"]["state"] == "DISCONNECTED"
    assert events(realtime, stage, session, pid)[-1]["name"] == "LEFT"
    with pytest.raises(StageActivityError, match="can never join again"):
        sim.join(stage, tok)
    # Disconnecting again, or an issued token that never joined, succeeds.
    realtime.disconnect_participant(stageArn=stage, participantId=pid)
    never = realtime.create_participant_token(stageArn=stage)["participantToken"]
    realtime.disconnect_participant(stageArn=stage, participantId=never["participantId"])
    with pytest.raises(StageActivityError, match="can never join again"):
        sim.join(stage, never["token"])


def test_disconnect_404s(realtime: Any, stage: str) -> None:
    with aws_error("ResourceNotFoundException", 404, "Stage not found"):
        realtime.disconnect_participant(stageArn=MISSING_STAGE, participantId="abc")
    with aws_error("ResourceNotFoundException", 404, "never issued a token"):
        realtime.disconnect_participant(stageArn=stage, participantId="stranger")


def test_revoke_connection_token_accepts_any_id(realtime: Any, sim: RealTimeSimulation) -> None:
    realtime.revoke_connection_token(tokenId="conn-token-1")
    assert sim.connection_token_revoked("conn-token-1")
    assert not sim.connection_token_revoked("conn-token-2")
    with aws_error("ValidationException", 400, "tokenId"):
        realtime.revoke_connection_token(tokenId="")


def test_a_second_join_with_the_same_token_replaces_the_connection(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    tok = token(realtime, stage)
    pid = sim.join(stage, tok)
    sim.publish(stage, pid)
    session = session_of(realtime, stage)
    assert sim.join(stage, tok) == pid
    names = [e["name"] for e in events(realtime, stage, session, pid)]
    assert names == ["JOINED", "PUBLISH_STARTED", "PUBLISH_STOPPED", "LEFT", "JOINED"]
    participants = realtime.list_participants(stageArn=stage, sessionId=session)["participants"]
    assert [(p["participantId"], p["state"]) for p in participants] == [(pid, "CONNECTED")]


def test_at_most_twelve_publishers(realtime: Any, sim: RealTimeSimulation, stage: str) -> None:
    for _ in range(12):
        sim.publish(stage, joined(realtime, sim, stage))
    late = joined(realtime, sim, stage)
    with pytest.raises(StageActivityError, match="12 publishers"):
        sim.publish(stage, late)
    last = events(realtime, stage, session_of(realtime, stage), late)[-1]
    assert (last["name"], last["errorCode"]) == ("PUBLISH_ERROR", "QUOTA_EXCEEDED")


def test_simulation_and_api_calls_from_threads_lose_nothing(
    realtime: Any, sim: RealTimeSimulation, stage: str
) -> None:
    import threading

    tokens = [token(realtime, stage) for _ in range(8)]
    joined_ids: list[str] = []

    def run(tok: str) -> None:
        pid = sim.join(stage, tok)
        sim.publish(stage, pid)
        joined_ids.append(pid)

    threads = [threading.Thread(target=run, args=(tok,)) for tok in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    session = session_of(realtime, stage)
    published = realtime.list_participants(
        stageArn=stage, sessionId=session, filterByPublished=True
    )["participants"]
    assert sorted(p["participantId"] for p in published) == sorted(joined_ids)
    assert len(joined_ids) == 8
    assert len(realtime.list_stage_sessions(stageArn=stage)["stageSessions"]) == 1
