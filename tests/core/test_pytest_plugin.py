"""The pytest plugin, run in a separate pytest session through pytester."""

from __future__ import annotations

import pytest


def test_fixture_and_marker(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest
        from ivsmock import IvsMock

        S3 = {"s3": {"bucketName": "my-recordings"}}

        def test_fixture_yields_an_active_handle(ivs_mock: IvsMock) -> None:
            assert isinstance(ivs_mock, IvsMock) and ivs_mock.active
            ivs = ivs_mock.client("ivs")
            ivs.create_recording_configuration(destinationConfiguration=S3)
            assert len(ivs_mock.resources("ivs", "recording-configuration")) == 1

        def test_each_test_starts_empty(ivs_mock: IvsMock) -> None:
            assert ivs_mock.resources("ivs", "recording-configuration") == []

        @pytest.mark.ivsmock(account_id="111122223333", region="eu-central-1")
        def test_marker_configures(ivs_mock: IvsMock) -> None:
            made = ivs_mock.client("ivs").create_recording_configuration(
                destinationConfiguration=S3
            )
            assert made["recordingConfiguration"]["arn"].startswith(
                "arn:aws:ivs:eu-central-1:111122223333:"
            )

        @pytest.mark.ivsmock(account_id="111122223333")
        def test_server_fixture(ivs_server) -> None:
            ivs = ivs_server.client("ivs")
            made = ivs.create_recording_configuration(destinationConfiguration=S3)
            assert ":111122223333:" in made["recordingConfiguration"]["arn"]
            assert ivs_server.url.startswith("http://127.0.0.1:")

        @pytest.mark.ivsmock("positional")
        def test_marker_with_positional_is_an_error(ivs_mock: IvsMock) -> None:
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, errors=1)
    result.stdout.fnmatch_lines(["*keyword arguments only*"])


def test_marker_is_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--markers")
    result.stdout.fnmatch_lines(["*@pytest.mark.ivsmock(account_id=*"])
