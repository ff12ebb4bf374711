"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.loopback import LoopbackServer
from tests.pg import PostgresServer


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled rule sets (bot/rules/cache.py) go to a folder of this session, not the
    user's ~/.cache; the `defwatch` commands tests start inherit it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A started HTTP server on 127.0.0.1, stopped after the test; see tests/loopback.py."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL cluster for the session (see tests/pg.py); skipped when
    PostgreSQL is not installed, failed instead under CI=true."""
    with PostgresServer.start() as server:
        yield server


@pytest.fixture
def postgres_url(postgres: PostgresServer) -> Iterator[str]:
    """A fresh database of the session cluster, dropped after the test."""
    url = postgres.create_database()
    yield url
    postgres.drop_database(url)
