"""Workers and their claims on both engines: a dead worker's claims are freed at once,
a live one's never are, and a worker that cannot be checked by pid is dead once its
heartbeat is stale."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.service.liveness import STALE_AFTER, Identity, Worker
from bot.service.procinfo import pid_space, process_start
from bot.store import Database, open_database
from bot.store import entries as entry_rows
from bot.store import events as event_rows
from bot.store import host_slots as slot_rows
from bot.store import outbox as delivery_rows
from bot.store import sources as source_rows
from bot.store import telegram_posts as post_rows
from bot.store import workers as rows
from bot.store.db import utcnow
from bot.store.tables import deliveries, entries, sources, telegram_posts
from bot.store.telegram_posts import PartKey
from bot.store.workers import Freed, WorkerRow
from tests.bot.store.helpers import T0, entry, race, source

if pid_space() is None:
    pytest.skip("needs Linux /proc to tell processes apart", allow_module_level=True)

HERE = pid_space()
ELSEWHERE = "another-boot/pid:[4026531836]"  # another host or container
LEASE = timedelta(minutes=5)
ME = os.getpid()


def ended_pid() -> int:
    """The pid of a process that has exited and been waited for."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def worker(owner: str, *, pid: int = ME, start: int | None = None, space: str | None = HERE,
           seen: datetime = T0) -> WorkerRow:
    return WorkerRow(owner=owner, host="vm", pid=pid,
                     pid_start=process_start(pid) if start is None else start,
                     pid_space=space, started_at=T0, seen_at=seen)


def reaper(db: Database, now: datetime) -> Worker:
    me = Identity(owner="reaper", host="vm", pid=ME, pid_start=process_start(ME),
                  pid_space=HERE)
    return Worker(db, me, clock=lambda: now)


def hold(db: Database, owner: str, n: int, row: WorkerRow | None) -> None:
    """`owner` registers (with `row`) and claims a source, an entry, a delivery and a
    Telegram post in flight, each its own (n tells owners' rows apart)."""
    with db.engine.begin() as conn:
        if row is not None:
            rows.register(conn, row)
        source_rows.sync_sources(conn, [source(i) for i in range(1, 7)], T0)
        assert len(source_rows.claim_due(conn, T0, owner=owner, until=T0 + LEASE,
                                         since=T0, limit=1)) == 1
        entry_rows.add_entries(conn, [entry(n)], T0)
        assert len(entry_rows.claim_entries(conn, T0, owner=owner, until=T0 + LEASE,
                                            limit=1)) == 1
        event_rows.create_event(conn, f"ev-{n}", None, T0)
        delivery_rows.add_alert(conn, f"ev-{n}", "new", {}, ["a"], now=T0)
        assert len(delivery_rows.claim_deliveries(conn, T0, ["a"], owner=owner,
                                                  until=T0 + LEASE, limit=1)) == 1
        post_rows.begin(conn, PartKey(n, "telegram:@c", 0), f"@chat{n}", "x", None, now=T0,
                        lease_until=T0 + LEASE, owner=owner)


def holders(db: Database) -> dict[str, set[str | None]]:
    """Who holds what: table -> the owners of rows claimed (a lease still running)."""
    with db.engine.begin() as conn:
        return {
            "sources": set(conn.execute(select(sources.c.claimed_by)
                                        .where(sources.c.claimed_until.is_not(None))).scalars()),
            "entries": set(conn.execute(select(entries.c.claimed_by)
                                        .where(entries.c.claimed_until.is_not(None))).scalars()),
            "deliveries": set(conn.execute(
                select(deliveries.c.claimed_by)
                .where(deliveries.c.claimed_until.is_not(None))).scalars()),
            "posts": set(conn.execute(
                select(telegram_posts.c.claimed_by)
                .where(telegram_posts.c.lease_until.is_not(None))).scalars()),
        }


def registered(db: Database) -> list[str]:
    with db.engine.begin() as conn:
        return [w.owner for w in rows.listing(conn)]


ALL_FOUR = Freed(sources=1, entries=1, deliveries=1, posts=1)


def test_a_dead_process_loses_its_claims_at_once_and_a_live_one_keeps_them(
        db: Database) -> None:
    hold(db, "dead", 1, worker("dead", pid=ended_pid(), start=12345))
    hold(db, "live", 2, worker("live"))
    # Seconds after the kill, long before any lease or heartbeat bound runs out.
    freed = reaper(db, T0 + timedelta(seconds=1)).join()
    assert freed == ALL_FOUR
    assert registered(db) == ["live", "reaper"]
    assert holders(db) == {table: {"live"} for table in ("sources", "entries", "deliveries",
                                                          "posts")}
    # What was freed is claimable now, by anyone.
    with db.engine.begin() as conn:
        assert entry_rows.claim_entries(conn, T0, owner="next", until=T0 + LEASE) != []


def test_a_reused_pid_with_another_start_time_counts_as_dead(db: Database) -> None:
    start = process_start(ME)
    assert start is not None
    hold(db, "earlier", 1, worker("earlier", pid=ME, start=start - 1))
    assert reaper(db, T0).join() == ALL_FOUR
    assert registered(db) == ["reaper"]


def test_a_live_process_here_is_never_reaped_for_a_late_heartbeat(db: Database) -> None:
    hold(db, "slow", 1, worker("slow", seen=T0))
    assert reaper(db, T0 + timedelta(hours=1)).join() == Freed()
    assert holders(db)["entries"] == {"slow"}


def test_elsewhere_a_stale_heartbeat_frees_the_claims(db: Database) -> None:
    far = worker("far", pid=1, space=ELSEWHERE, seen=T0)
    hold(db, "far", 1, far)
    assert reaper(db, T0 + STALE_AFTER).join() == Freed()  # not yet: still in bound
    assert holders(db)["sources"] == {"far"}
    with db.engine.begin() as conn:  # it beats: the bound starts again
        assert rows.beat(conn, "far", T0 + STALE_AFTER)
    assert reaper(db, T0 + 2 * STALE_AFTER).beat() == Freed()
    assert reaper(db, T0 + 2 * STALE_AFTER + timedelta(seconds=1)).beat() == ALL_FOUR
    assert registered(db) == ["reaper"]


def test_a_failed_entrys_wait_is_not_a_claim_and_stays(db: Database) -> None:
    hold(db, "dead", 1, worker("dead", pid=ended_pid()))
    not_before = T0 + timedelta(minutes=5)
    with db.engine.begin() as conn:
        entry_rows.finish_entry(conn, "k00001", error="HTTP 503", retry=True,
                                not_before=not_before)
    assert reaper(db, T0).join().entries == 0
    with db.engine.begin() as conn:
        assert conn.execute(select(entries.c.claimed_until)).scalar_one() == not_before


def test_leaving_frees_what_is_left_and_a_worker_taken_for_dead_registers_again(
        db: Database) -> None:
    me = reaper(db, T0)
    me.join()
    hold(db, "reaper", 1, None)
    assert me.leave() == ALL_FOUR
    assert registered(db) == []
    assert me.beat() == Freed()  # its row was gone: it comes back, claims and all lost
    assert registered(db) == ["reaper"]


def test_reapers_racing_free_a_dead_workers_claims_once(db_url: str) -> None:
    replicas = [open_database(db_url) for _ in range(4)]
    try:
        hold(replicas[0], "dead", 1, worker("dead", pid=ended_pid()))
        freed = race(len(replicas), lambda n: Worker(
            replicas[n], Identity(f"r{n}", "vm", ME, process_start(ME), HERE),
            clock=lambda: T0).join())
    finally:
        for r in replicas:
            r.close()
    assert sum(freed, Freed()) == ALL_FOUR


def test_heartbeats_go_by_the_databases_clock(db: Database) -> None:
    """Without an injected clock a worker writes and judges heartbeats by the database's
    clock (naive UTC), so replicas whose own clocks disagree agree on who is silent."""
    with db.engine.begin() as conn:
        now = rows.db_now(conn)
    assert now.tzinfo is None
    assert abs((now - utcnow()).total_seconds()) < 5
    worker = Worker(db, Identity(owner="c" * 32, host="elsewhere", pid=1, pid_start=None,
                                 pid_space=None))
    worker.join()
    with db.engine.begin() as conn:
        [row] = [r for r in rows.listing(conn) if r.owner == "c" * 32]
    assert abs((row.seen_at - now).total_seconds()) < 5


def test_a_dead_process_gives_up_its_per_host_slots_at_once(db: Database) -> None:
    hold(db, "dead", 1, worker("dead", pid=ended_pid(), start=12345))
    hold(db, "live", 2, worker("live"))
    long = timedelta(minutes=10, seconds=30)  # a fetch timeout of 10 min plus 30 s
    with db.engine.begin() as conn:
        for owner in ("dead", "live"):
            turn = slot_rows.take(conn, "news.test", owner=owner, limit=2, delay_s=0,
                                  now=T0, lease=long)
            assert turn.slot is not None
        assert slot_rows.take(conn, "news.test", owner="next", limit=2, delay_s=0, now=T0,
                              lease=long).slot is None
    reaper(db, T0 + timedelta(seconds=1)).join()
    # The dead one's slot is free long before its lease would run out; the live one's holds.
    with db.engine.begin() as conn:
        assert slot_rows.take(conn, "news.test", owner="next", limit=2, delay_s=0,
                              now=T0 + timedelta(seconds=2), lease=long).slot is not None
        assert slot_rows.take(conn, "news.test", owner="other", limit=2, delay_s=0,
                              now=T0 + timedelta(seconds=2), lease=long).slot is None
