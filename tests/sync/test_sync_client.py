"""The open-data client against a local server: a body over the size limit is refused while it
comes in (or by its Content-Length), never read whole into memory first."""

from __future__ import annotations

import pytest
from feedserver import FeedServer

from conftest import fast_client
from kamerlens.errors import SyncError
from kamerlens.sync import client as client_module

LIMIT = 1024 * 1024
RESOURCE = "/SyncFeed/2.0/Resources/d0c00000-0000-4000-8000-00000000dead"


@pytest.mark.parametrize("announced", [None, 10 * 1024**3], ids=["no-length", "length-10GB"])
def test_sync_client_stops_reading_at_the_size_limit(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch, announced: int | None
) -> None:
    monkeypatch.setattr(client_module, "MAX_BODY", LIMIT)
    server.endless[RESOURCE] = announced
    with fast_client() as client, pytest.raises(SyncError) as err:
        client.get(server.url + RESOURCE)
    assert str(err.value).startswith(f"{server.url}{RESOURCE}: answer larger than {LIMIT} bytes")
    assert client.requests == 1  # a body too large is not asked for again
    # the server wrote little beyond the limit before the client hung up (socket buffers aside)
    assert server.sent.get(RESOURCE, 0) < 16 * LIMIT, server.sent


def test_sync_client_body_within_the_limit_is_read_whole(server: FeedServer) -> None:
    path = "/SyncFeed/2.0/Resources/d0c00000-0000-4000-8000-000000000002"
    with fast_client() as client:
        body = client.get(server.url + path)
    assert body.startswith(b"PK\x03\x04") and len(body) > 1000
