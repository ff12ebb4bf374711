"""Politeness across replicas: `per_host_concurrency` and `per_host_delay` bound what
all replicas together send to one host, because the slots live in the shared database
(bot/store/host_slots.py). Two fetchers stand for two replicas here."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.service.hostturns import DatabaseHostTurns
from bot.store import Database, open_database
from bot.store import host_slots as slot_rows
from tests.scaling.inflight import InFlightServer
from watchers import FetchSettings
from watchers.fetch.http import Fetcher

LIMIT = 2
T0 = datetime(2026, 12, 6, 8, 0, 0)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    url = (str(request.getfixturevalue("postgres_url")) if request.param == "postgresql"
           else f"sqlite:///{tmp_path}/shared.db")
    database = open_database(url)
    yield database
    database.close()


def replica(db: Database, name: str) -> Fetcher:
    settings = FetchSettings(per_host_concurrency=LIMIT, per_host_delay_s=0.0, timeout_s=30,
                             allow_private=True, respect_robots=False)
    turns = DatabaseHostTurns(db, name, limit=LIMIT, lease=timedelta(seconds=60))
    return Fetcher(settings, turns=turns)


async def test_two_replicas_keep_one_hosts_limit_between_them(db: Database) -> None:
    with InFlightServer(limit=LIMIT, prefix="/p/") as server:
        urls = [server.add(f"/p/{i}.html", "<p>page</p>") for i in range(12)]
        async with replica(db, "replica-a") as a, replica(db, "replica-b") as b:
            await asyncio.gather(*(f.get(u) for u in urls for f in (a, b)))
        assert server.hits("/p/0.html") == 2
        assert max(server.most.values()) <= LIMIT, server.most
    with db.engine.begin() as conn:  # every slot was given back
        assert slot_rows.take(conn, "x", owner="c", limit=1, delay_s=0, now=T0,
                              lease=timedelta(seconds=1)).slot == 0


def test_a_dead_holders_slot_frees_when_its_lease_runs_out(db: Database) -> None:
    lease = timedelta(seconds=60)
    with db.engine.begin() as conn:
        assert slot_rows.take(conn, "h", owner="dead", limit=1, delay_s=0, now=T0,
                              lease=lease).slot == 0
        busy = slot_rows.take(conn, "h", owner="alive", limit=1, delay_s=0, now=T0, lease=lease)
        assert busy.slot is None and busy.wait_s == 60
        later = slot_rows.take(conn, "h", owner="alive", limit=1, delay_s=0,
                               now=T0 + lease, lease=lease)
        assert later.slot == 0


def test_the_delay_spaces_starts_across_holders(db: Database) -> None:
    lease = timedelta(seconds=60)
    with db.engine.begin() as conn:
        assert slot_rows.take(conn, "h", owner="a", limit=2, delay_s=5, now=T0,
                              lease=lease).slot == 0
        early = slot_rows.take(conn, "h", owner="b", limit=2, delay_s=5,
                               now=T0 + timedelta(seconds=2), lease=lease)
        assert early.slot is None and early.wait_s == 3
        assert slot_rows.take(conn, "h", owner="b", limit=2, delay_s=5,
                              now=T0 + timedelta(seconds=5), lease=lease).slot == 1
