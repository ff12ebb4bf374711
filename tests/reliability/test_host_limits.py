"""Politeness across replicas: `per_host_concurrency` and `per_host_delay` bound what
all replicas together send to one host, because the slots live in the shared database
(bot/store/host_slots.py). Two fetchers stand for two replicas here."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import event

from bot.service.hostturns import LINGER_S, RENEW_AFTER, DatabaseHostTurns
from bot.store import Database, open_database
from bot.store import host_slots as slot_rows
from bot.store.db import utcnow
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


def replica(db: Database, name: str, *, linger_s: float = LINGER_S) -> Fetcher:
    settings = FetchSettings(per_host_concurrency=LIMIT, per_host_delay_s=0.0, timeout_s=30,
                             allow_private=True, respect_robots=False)
    turns = DatabaseHostTurns(db, name, limit=LIMIT, lease=timedelta(seconds=60),
                              linger_s=linger_s)
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


def count_slot_writes(db: Database, owner: str) -> list[str]:
    """The statements that write host_slots for `owner`, as they run."""
    writes: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, parameters: object,
             *_: object) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")) and \
                "host_slots" in statement and owner in repr(parameters):
            writes.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    return writes


def slots_free(db: Database, host: str) -> bool:
    """Whether another owner could take every slot of `host` now."""
    with db.engine.begin() as conn:
        got = [slot_rows.take(conn, host, owner="probe", limit=LIMIT, delay_s=0,
                              now=utcnow(), lease=timedelta(seconds=1)).slot
               for _ in range(LIMIT)]
        conn.rollback()
    return None not in got


async def test_pages_one_after_another_reuse_the_hosts_slot(db: Database) -> None:
    """Without a delay, a used slot goes to the next request to its host without the
    database; once nobody asks for it, it is given back."""
    settings = FetchSettings(per_host_concurrency=LIMIT, per_host_delay_s=0.0, timeout_s=30,
                             allow_private=True, respect_robots=False)
    with InFlightServer(limit=LIMIT, prefix="/p/") as server:
        urls = [server.add(f"/p/{i}.html", "<p>page</p>") for i in range(10)]
        host = urlsplit(urls[0]).netloc.lower()
        writes = count_slot_writes(db, "replica-a")
        turns = DatabaseHostTurns(db, "replica-a", limit=LIMIT, lease=timedelta(seconds=60),
                                  linger_s=600)
        async with Fetcher(settings, turns=turns) as fetcher:
            for url in urls:
                await fetcher.get(url)
        assert len(writes) == 1  # one take for ten pages (was a take and a give-back each)
        assert not slots_free(db, host)  # kept for the next page
        await turns.aclose()
        assert slots_free(db, host) and len(writes) == 2
        async with replica(db, "replica-b", linger_s=0.05) as fetcher:
            await fetcher.get(urls[0])
            deadline = time.monotonic() + 30
            while not slots_free(db, host):  # nobody asked for it: given back
                assert time.monotonic() < deadline, "the kept slot was never given back"
                await asyncio.sleep(0.02)
        assert max(server.most.values()) <= LIMIT


async def test_a_kept_slot_is_given_back_at_close_and_renewed_when_old(
        db: Database) -> None:
    now = [T0]
    turns = DatabaseHostTurns(db, "replica-a", limit=LIMIT, lease=timedelta(seconds=60),
                              clock=lambda: now[0])
    writes = count_slot_writes(db, "replica-a")
    async with turns.turn("h", 0.0):
        pass
    async with turns.turn("h", 0.0):  # kept: no statement
        pass
    assert len(writes) == 1
    now[0] += RENEW_AFTER  # its lease is getting old: given back and asked for anew
    async with turns.turn("h", 0.0):
        pass
    await turns.aclose()
    assert len(writes) == 4  # take, give back, take, give back at close
    with db.engine.begin() as conn:
        got = [slot_rows.take(conn, "h", owner="b", limit=LIMIT, delay_s=0, now=now[0],
                              lease=timedelta(seconds=1)).slot for _ in range(LIMIT)]
    assert got == [0, 1]


async def test_with_a_delay_every_start_asks_the_database(db: Database) -> None:
    turns = DatabaseHostTurns(db, "replica-a", limit=LIMIT, lease=timedelta(seconds=60))
    writes = count_slot_writes(db, "replica-a")
    for _ in range(3):
        async with turns.turn("h", 0.001):
            pass
    assert len(writes) == 6  # each start recorded, each slot given back at once
    await turns.aclose()
