"""Claiming due sources: leases, one poll per cycle, replicas that never share a source,
and sources that disable themselves until an operator enables them."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.store import Database, open_database
from bot.store import sources as rows
from bot.store.sources import Claimed
from bot.store.tables import sources
from tests.bot.store.helpers import T0, race, source
from watchers.models import SourceState

LEASE = timedelta(minutes=5)


def sync(db: Database, n: int, now: datetime = T0) -> None:
    with db.engine.begin() as conn:
        rows.sync_sources(conn, [source(i) for i in range(1, n + 1)], now)


def claim(db: Database, now: datetime, *, since: datetime | None = None, limit: int = 100,
          everything: bool = False) -> list[Claimed]:
    with db.engine.begin() as conn:
        return rows.claim_due(conn, now, owner="p", until=now + LEASE, since=since or now,
                              limit=limit,
                              horizon=now + timedelta(days=999) if everything else None)


def ids(claimed: list[Claimed]) -> list[str]:
    return [c.source.id for c in claimed]


def succeed(db: Database, source_id: str, now: datetime, next_due: datetime) -> None:
    with db.engine.begin() as conn:
        rows.record_success(conn, source_id, SourceState(etag='"1"'), status="ok", now=now,
                            next_due=next_due, items=1, interval_s=300.0, quiet_polls=0)


def test_a_claim_holds_a_source_until_it_is_recorded_or_its_lease_runs_out(db: Database,
                                                                           ) -> None:
    sync(db, 2)
    first = claim(db, T0, limit=1)
    assert ids(first) == ["s001"]
    assert first[0].first and first[0].interval_s == 600.0
    assert ids(claim(db, T0 + timedelta(minutes=1))) == ["s002"]
    assert claim(db, T0 + timedelta(minutes=2)) == []
    # The poller holding s002 died: its lease runs out and another takes it over.
    succeed(db, "s001", T0 + timedelta(minutes=1), next_due=T0 + timedelta(hours=1))
    assert ids(claim(db, T0 + timedelta(minutes=7))) == ["s002"]


def test_a_cycle_polls_each_source_once_even_when_everything_is_due(db: Database) -> None:
    sync(db, 3)
    cycle = T0
    got = claim(db, cycle, everything=True)
    assert ids(got) == ["s001", "s002", "s003"]
    for c in got:
        succeed(db, c.source.id, cycle, next_due=cycle + timedelta(seconds=1))
    later = cycle + timedelta(seconds=30)
    assert claim(db, later, since=cycle, everything=True) == []  # same cycle: done
    assert len(claim(db, later, since=later)) == 3  # the next cycle: due again


def test_the_claim_carries_what_the_poll_needs(db: Database) -> None:
    sync(db, 1)
    [c] = claim(db, T0)
    succeed(db, c.source.id, T0, next_due=T0 + timedelta(minutes=5))
    [again] = claim(db, T0 + timedelta(minutes=6))
    assert again.state == SourceState(etag='"1"')
    assert (again.interval_s, again.quiet_polls, again.failures, again.first) == (
        300.0, 0, 0, False)


def test_replicas_racing_for_sources_claim_each_exactly_once(db_url: str) -> None:
    replicas = [open_database(db_url) for _ in range(6)]
    try:
        sync(replicas[0], 150)

        def work(n: int) -> list[str]:
            mine: list[str] = []
            while batch := claim(replicas[n], T0, limit=3):
                mine += ids(batch)
            return mine

        taken = race(len(replicas), work)
    finally:
        for r in replicas:
            r.close()
    counts = Counter(sid for mine in taken for sid in mine)
    assert len(counts) == 150
    assert set(counts.values()) == {1}
    if db_url.startswith("postgresql"):  # SQLite's lock is not fair: one may take all
        assert sum(1 for mine in taken if mine) >= 2  # the work was shared


def test_postgres_skips_a_claim_in_progress_instead_of_waiting(postgres_url: str) -> None:
    # (SQLite has one writer: there a second claimer waits for the first to commit.)
    a, b = open_database(postgres_url), open_database(postgres_url)
    try:
        sync(a, 6)
        with a.engine.begin() as conn:
            held = rows.claim_due(conn, T0, owner="p", until=T0 + LEASE, since=T0, limit=3)
            # Not committed yet: b neither waits for nor takes a's rows.
            other = claim(b, T0)
        assert set(ids(held)).isdisjoint(ids(other))
        assert len(ids(held) + ids(other)) == 6
    finally:
        a.close()
        b.close()


def test_a_source_disabled_by_failures_stays_disabled_until_enabled(db: Database) -> None:
    sync(db, 2)
    reason = "disabled: 20 consecutive failures, last: HTTP 500"
    with db.engine.begin() as conn:
        conn.execute(update(sources).where(sources.c.id == "s001").values(failures=19))
        failures = rows.record_failure(conn, "s001", "HTTP 500", now=T0,
                                       next_due=T0 + timedelta(hours=6), disable=reason)
    assert failures == 20
    sync(db, 2, now=T0 + timedelta(days=1))  # a restart does not bring it back
    assert ids(claim(db, T0 + timedelta(days=2))) == ["s002"]
    with db.engine.begin() as conn:
        status = {s.source.id: s for s in rows.all_sources(conn)}
    assert not status["s001"].enabled
    assert status["s001"].disabled == reason
    assert status["s001"].last_error == reason
    assert status["s002"].enabled and status["s002"].disabled is None
    with db.engine.begin() as conn:
        assert rows.enable(conn, "s001", T0 + timedelta(days=3)) == reason
        assert rows.enable(conn, "s002", T0 + timedelta(days=3)) == ""
        with pytest.raises(LookupError):
            rows.enable(conn, "nope", T0)
    [back] = claim(db, T0 + timedelta(days=3), limit=1)
    assert (back.source.id, back.failures) == ("s001", 0)


def test_a_new_url_gives_a_disabled_source_a_fresh_start(db: Database) -> None:
    sync(db, 1)
    with db.engine.begin() as conn:
        rows.record_failure(conn, "s001", "HTTP 404", now=T0, next_due=T0 + timedelta(days=1),
                            disable="disabled: 20 consecutive failures, last: HTTP 404")
        moved = replace(source(1), url="http://127.0.0.1:9/new")
        rows.sync_sources(conn, [moved], T0 + timedelta(hours=1))
    [c] = claim(db, T0 + timedelta(hours=1))
    assert (c.source.url, c.failures) == ("http://127.0.0.1:9/new", 0)


def test_a_new_url_is_not_sent_the_old_urls_validators(db: Database) -> None:
    def validators() -> tuple[object, ...]:
        with db.engine.begin() as conn:
            row = conn.execute(select(sources.c.etag, sources.c.last_modified,
                                      sources.c.children)).one()
        return tuple(row)

    sync(db, 1)
    [c] = claim(db, T0)
    with db.engine.begin() as conn:
        rows.record_success(conn, c.source.id,
                            SourceState(etag='"v1"', last_modified="Mon, 23 Nov 2026"),
                            status="ok", now=T0, next_due=T0, items=0)
        rows.sync_sources(conn, [source(1)], T0)  # same URL: the validators stay
    assert validators()[:2] == ('"v1"', "Mon, 23 Nov 2026")
    with db.engine.begin() as conn:
        rows.sync_sources(conn, [replace(source(1), url="http://127.0.0.1:9/new")], T0)
    assert validators() == (None, None, None)


def test_a_changed_interval_restarts_the_adaptive_one(db: Database) -> None:
    sync(db, 1)
    [c] = claim(db, T0)
    succeed(db, c.source.id, T0, next_due=T0)  # effective interval now 300s
    with db.engine.begin() as conn:
        rows.sync_sources(conn, [source(1, interval_s=1200.0)], T0)
    [again] = claim(db, T0 + timedelta(seconds=1), since=T0 + timedelta(seconds=1))
    assert again.interval_s == 1200.0
