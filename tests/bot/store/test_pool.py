"""The connections each replica opens on PostgreSQL: the numbers deploy/README.md plans with."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import QueuePool

from bot.store import open_database
from bot.store.db import MAX_OVERFLOW, POOL_SIZE, POOL_TIMEOUT_S

DEPLOY_README = Path(__file__).resolve().parents[3] / "deploy" / "README.md"


def test_a_postgresql_engine_pools_as_documented(postgres_url: str) -> None:
    db = open_database(postgres_url)
    try:
        pool = db.engine.pool
        assert isinstance(pool, QueuePool)
        assert pool.size() == POOL_SIZE
        assert pool._max_overflow == MAX_OVERFLOW  # no public reader for these two
        assert pool._timeout == POOL_TIMEOUT_S
    finally:
        db.close()


def test_the_deploy_guide_states_the_pool() -> None:
    text = " ".join(DEPLOY_README.read_text(encoding="utf-8").split())
    found = re.search(r"pool of (\d+) connections .*? up to (\d+) more .*? at most (\d+) "
                      r"connections per replica", text)
    assert found, "deploy/README.md: the PostgreSQL connection plan is missing"
    assert tuple(map(int, found.groups())) == (POOL_SIZE, MAX_OVERFLOW,
                                                 POOL_SIZE + MAX_OVERFLOW)
