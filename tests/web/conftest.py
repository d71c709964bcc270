"""Fixtures of the web tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from zorgkracht.demo import demo_path

from .helpers import signed_in_client


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    """A signed-in client with the Karel demo case stored (a test module may define its own)."""
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=json.loads(demo_path("karel").read_text()))
        assert created.status_code == 201, created.text
        yield test_client
