"""Fixtures of the stage tests: a SQLite database of the test's own, and a fetcher for
loopback pages (no per-host delay, no robots.txt)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.store import Database, open_database
from watchers.fetch.http import Fetcher
from watchers.models import FetchSettings


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path}/dw.db")
    yield database
    database.close()


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(FetchSettings(per_host_delay_s=0, allow_private=True,
                                     respect_robots=False)) as f:
        yield f
