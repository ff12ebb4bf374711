"""Seen entries and their claims: each URL is stored once whoever polls it, and each
pending entry is worked on by one processor at a time."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.store import Database, open_database
from bot.store import articles as article_rows
from bot.store import entries as rows
from bot.store.tables import entries
from tests.bot.store.helpers import T0, entry, race
from watchers.models import Article, Entry

LEASE = timedelta(minutes=10)


def add(db: Database, new: list[Entry], now: datetime = T0) -> list[str]:
    with db.engine.begin() as conn:
        return [e.key for e in rows.add_entries(conn, new, now)]


def claim(db: Database, now: datetime, owner: str, limit: int = 32) -> list[str]:
    with db.engine.begin() as conn:
        return [e.key for e in rows.claim_entries(conn, now, owner=owner, until=now + LEASE,
                                                  limit=limit)]


def count(db: Database) -> int:
    with db.engine.begin() as conn:
        return int(conn.execute(select(func.count()).select_from(entries)).scalar_one())


def test_known_keys_and_urls_are_not_added_again(db: Database) -> None:
    assert add(db, [entry(1), entry(2)]) == ["k00001", "k00002"]
    same_url_elsewhere = entry(3, source_id="s002", url=entry(1).url)
    twice_in_one_poll = [entry(4), entry(5, url=entry(4).url)]
    assert add(db, [entry(1), same_url_elsewhere, *twice_in_one_poll]) == ["k00004"]
    assert count(db) == 3


def test_replicas_adding_the_same_entries_at_once_store_each_once(db_url: str) -> None:
    replicas = [open_database(db_url) for _ in range(4)]
    batch = [entry(i) for i in range(200)]
    try:
        fresh = race(len(replicas), lambda n: add(replicas[n], batch))
        assert count(replicas[0]) == 200
    finally:
        for r in replicas:
            r.close()
    added = Counter(k for keys in fresh for k in keys)
    assert len(added) == 200  # every entry was new to exactly one replica
    assert set(added.values()) == {1}


def test_a_claimed_entry_is_held_until_finished_or_its_lease_runs_out(db: Database) -> None:
    add(db, [entry(i) for i in range(5)])
    assert claim(db, T0, "a", limit=2) == ["k00000", "k00001"]
    assert claim(db, T0 + timedelta(minutes=1), "b") == ["k00002", "k00003", "k00004"]
    assert claim(db, T0 + timedelta(minutes=2), "c") == []
    with db.engine.begin() as conn:
        assert rows.hold_entry(conn, "k00000", "a")
        assert not rows.hold_entry(conn, "k00000", "b")
        rows.finish_entry(conn, "k00000")
        assert not rows.hold_entry(conn, "k00000", "a")  # done: nobody's any more
    # a died holding k00001: after the lease it passes to c, and a can no longer place it.
    assert claim(db, T0 + LEASE + timedelta(seconds=1), "c") == ["k00001"]
    with db.engine.begin() as conn:
        assert not rows.hold_entry(conn, "k00001", "a")


def test_a_failed_try_waits_before_it_is_claimed_again(db: Database) -> None:
    add(db, [entry(1)])
    [key] = claim(db, T0, "a")
    with db.engine.begin() as conn:
        rows.finish_entry(conn, key, error="HTTP 503", retry=True,
                          not_before=T0 + timedelta(minutes=5))
    assert claim(db, T0 + timedelta(minutes=1), "a") == []
    assert claim(db, T0 + timedelta(minutes=5), "b") == [key]
    with db.engine.begin() as conn:
        rows.finish_entry(conn, key, error="HTTP 503", retry=True, max_attempts=2,
                          not_before=T0 + timedelta(minutes=10))
    assert claim(db, T0 + timedelta(hours=1), "a") == []  # failed for good


def test_processors_racing_for_entries_claim_each_exactly_once(db_url: str) -> None:
    replicas = [open_database(db_url) for _ in range(6)]
    try:
        add(replicas[0], [entry(i) for i in range(300)])

        def work(n: int) -> list[str]:
            mine: list[str] = []
            while keys := claim(replicas[n], T0, f"p{n}", limit=4):
                mine += keys
            return mine

        taken = race(len(replicas), work)
    finally:
        for r in replicas:
            r.close()
    counts = Counter(k for mine in taken for k in mine)
    assert len(counts) == 300
    assert set(counts.values()) == {1}


def test_one_article_per_url(db: Database) -> None:
    article = Article(url="http://127.0.0.1:9/news/1.html", title="T", text="Text.",
                      source_id="s001", outlet="O")

    def save(key: str) -> int:
        with db.engine.begin() as conn:
            return article_rows.save_article(conn, key, article, now=T0, rules=(), matched={},
                                     entities={}, signature=None)

    save("k1")
    with pytest.raises(IntegrityError):
        save("k2")
