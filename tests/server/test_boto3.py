"""boto3 pointed at the server with endpoint_url: the same answers as in process."""

from __future__ import annotations

from ivsmock.server import IvsMockServer
from tests.helpers import aws_error

S3 = {"s3": {"bucketName": "boto3-bucket"}}


def test_recording_configurations_round_trip(server: IvsMockServer) -> None:
    ivs = server.client("ivs")
    arns = [
        ivs.create_recording_configuration(name=f"rc-{i}", destinationConfiguration=S3)[
            "recordingConfiguration"
        ]["arn"]
        for i in range(5)
    ]
    got = ivs.get_recording_configuration(arn=arns[2])["recordingConfiguration"]
    assert (got["arn"], got["name"]) == (arns[2], "rc-2")
    pages = ivs.get_paginator("list_recording_configurations").paginate(
        PaginationConfig={"PageSize": 2}
    )
    listed = [[c["arn"] for c in page["recordingConfigurations"]] for page in pages]
    assert [len(page) for page in listed] == [2, 2, 1]
    assert sorted(arn for page in listed for arn in page) == sorted(arns)
    ivs.delete_recording_configuration(arn=arns[0])
    with aws_error("ResourceNotFoundException", 404, match=arns[0]):
        ivs.get_recording_configuration(arn=arns[0])


def test_tags_of_all_three_services_share_one_path(server: IvsMockServer) -> None:
    ivs = server.client("ivs")
    realtime = server.client("ivs-realtime")
    chat = server.client("ivschat")
    recording = ivs.create_recording_configuration(destinationConfiguration=S3)[
        "recordingConfiguration"
    ]["arn"]
    ingest = realtime.create_ingest_configuration(ingestProtocol="RTMPS")["ingestConfiguration"][
        "arn"
    ]
    room = chat.create_room()["arn"]
    for client, arn in ((ivs, recording), (realtime, ingest), (chat, room)):
        client.tag_resource(resourceArn=arn, tags={"team": "video", "gone": "soon"})
        client.untag_resource(resourceArn=arn, tagKeys=["gone"])
        assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "video"}


def test_a_service_error_reaches_boto3_as_a_client_error(server: IvsMockServer) -> None:
    realtime = server.client("ivs-realtime")
    with aws_error("ValidationException", 400, match="ingestProtocol"):
        realtime.create_ingest_configuration(ingestProtocol="SRT")
