"""Fixtures for the watchers tests: a fetcher without politeness delays, shared captures."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.beside import beside_repository
from watchers.fetch.http import Fetcher
from watchers.models import FetchSettings

# Third-party captures live beside the repository, never in it: read in place, or skip.
SHARED = beside_repository()

FAST = FetchSettings(per_host_concurrency=4, per_host_delay_s=0.0, timeout_s=5.0,
                     max_bytes=1 << 20, user_agent="defwatch-test/1 (+loopback)",
                     allow_private=True)


def shared_dir(name: str) -> Path:
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is not beside the repository")
    return path


@pytest.fixture
def feeds_dir() -> Path:
    return shared_dir("corpus/feeds")


@pytest.fixture
def seeds_dir() -> Path:
    return shared_dir("seeds")


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(FAST) as f:
        yield f
