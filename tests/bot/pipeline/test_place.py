"""Placing a batch of examined pages: one transaction, the same events as `assign` gives
page by page, and a page another writer got to first is the only one given up."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Connection, select
from sqlalchemy.exc import OperationalError

from bot.events.cluster import Candidate, assign
from bot.events.signature import Signature, signature
from bot.models import Match, MatchResult
from bot.ops.metrics import Metrics
from bot.pipeline.examine import PageResult
from bot.pipeline.place import GatheredMemo, Placer, SignatureMemo, new_event_id
from bot.store import Database
from bot.store import articles as article_rows
from bot.store import entries as entry_rows
from bot.store import events as event_rows
from bot.store import sources as source_rows
from bot.store.tables import articles, entries, events
from tests.bot.events.reports import CORPUS, Fixture
from watchers.models import Entry, Source

NOW = datetime(2021, 1, 1, 12, 0, 0)  # naive UTC, the store's clock
WINDOW = 3.0


def _result(fx: Fixture) -> PageResult:
    match = MatchResult((Match("india-japan", 1.0, ()),), fx.entities)
    return PageResult("extracted", fx.article, match, signature(fx.article, fx.entities))


def _claimed(db: Database, fixtures: list[Fixture], owner: str) -> list[Entry]:
    """Entries of the fixtures' pages, pending and claimed by `owner`."""
    new = [Entry(key=f"k-{fx.name}", url=fx.article.url, title=fx.article.title,
                 source_id="src") for fx in fixtures]
    with db.engine.begin() as conn:
        source_rows.sync_sources(conn, [Source(id="src", kind="rss",
                                               url="http://127.0.0.1:9/feed")], NOW)
        entry_rows.add_entries(conn, new, NOW)
        entry_rows.LEASE.take(conn, [e.key for e in new], owner=owner,
                              until=NOW.replace(year=2100))
    return new


def _placer(db: Database, owner: str) -> Placer:
    return Placer(db, owner=owner, window_days=WINDOW, max_age=None, clock=lambda: NOW,
                  metrics=Metrics())


def _one_by_one(fixtures: list[Fixture]) -> dict[str, str]:
    """The events `assign` gives when the pages come one at a time, nothing stored."""
    members: dict[str, list[Signature]] = {}
    got = {}
    for fx in fixtures:
        sig = signature(fx.article, fx.entities)
        cands = [Candidate(eid, min((s.day for s in sigs if s.day), default=None), tuple(sigs))
                 for eid, sigs in members.items()]
        eid = assign(sig, cands, window_days=WINDOW) or new_event_id(fx.article)
        members.setdefault(eid, []).append(sig)
        got[fx.name] = eid
    return got


def test_batches_placed_by_two_replicas_group_as_assign_does_page_by_page(
        db: Database) -> None:
    fixtures = list(CORPUS)
    placers = [_placer(db, "a"), _placer(db, "b")]
    placed: dict[str, str | None] = {}
    # Replica a places batches 0, 2, 4 …, b the others: each reads the signatures the
    # other stored (its memo lacks them) besides those it holds.
    for n, start in enumerate(range(0, len(fixtures), 3)):
        batch = fixtures[start:start + 3]
        owner = "ab"[n % 2]
        todo = _claimed(db, batch, owner)
        done = placers[n % 2].place([(e, _result(fx)) for e, fx in zip(todo, batch,
                                                                       strict=True)])
        assert [p.outcome for p in done] == ["matched"] * len(batch)
        placed |= {fx.name: p.event_id for fx, p in zip(batch, done, strict=True)}
    assert placed == _one_by_one(fixtures)
    assert len(set(placed.values())) > 1  # the corpus has several events
    with db.engine.begin() as conn:
        stored = dict(conn.execute(select(articles.c.url, articles.c.event_id)).all())
        status = set(conn.execute(select(entries.c.status, entries.c.claimed_by)).all())
    assert stored == {fx.article.url: placed[fx.name] for fx in fixtures}
    assert status == {("done", None)}


def test_a_page_whose_event_another_writer_opened_is_the_only_duplicate(
        db: Database) -> None:
    first, clash, last = CORPUS[0], CORPUS[9], CORPUS[12]  # three different events
    todo = _claimed(db, [first, clash, last], "a")
    with db.engine.begin() as conn:  # another writer opened the event `clash` would open
        event_rows.create_event(conn, new_event_id(clash.article), None, NOW)
    done = _placer(db, "a").place([(e, _result(fx)) for e, fx in
                                   zip(todo, (first, clash, last), strict=True)])
    assert [p.outcome for p in done] == ["matched", "duplicate", "matched"]
    with db.engine.begin() as conn:
        stored = set(conn.execute(select(articles.c.url)).scalars())
        status = dict(conn.execute(select(entries.c.key, entries.c.status)).all())
    assert stored == {first.article.url, last.article.url}
    assert set(status.values()) == {"done"}


def test_an_event_keeps_the_earliest_day_of_its_members(db: Database) -> None:
    with db.engine.begin() as conn:
        event_rows.create_event(conn, "ev-1", None, NOW)
        days = []
        for day in (None, datetime(2021, 1, 5).date(), datetime(2021, 1, 7).date(),
                    datetime(2021, 1, 3).date(), None):
            event_rows.joined(conn, "ev-1", NOW, day)
            days.append(conn.execute(select(events.c.day)).scalar_one())
    assert [d.isoformat() if d else None for d in days] == [
        None, "2021-01-05", "2021-01-05", "2021-01-03", "2021-01-03"]


def test_the_memo_drops_the_signature_least_recently_used() -> None:
    memo = SignatureMemo(capacity=2)
    sigs = {i: Signature(day=None, shingles=i) for i in range(3)}
    memo.keep({0: sigs[0], 1: sigs[1]})
    assert memo.get(0) == sigs[0]  # 0 is now the more recent
    memo.keep({2: sigs[2]})
    assert (memo.get(0), memo.get(1), memo.get(2), len(memo)) == (sigs[0], None, sigs[2], 2)


def test_gathered_events_follow_the_member_ids_the_store_gives() -> None:
    memo = GatheredMemo()
    sigs = {i: Signature(day=None, shingles=i) for i in range(6)}
    asked: list[list[int]] = []

    def load(ids: list[int]) -> dict[int, Signature]:
        asked.append(ids)
        return {i: sigs[i] for i in ids if i != 3}  # 3 has no signature: no member

    assert memo.get("ev", [0, 1], load).members == [sigs[0], sigs[1]]
    assert memo.get("ev", [0, 1], load).members == [sigs[0], sigs[1]]  # held
    memo.joined("ev", 2, sigs[2])  # placed here: nothing to read back
    assert memo.get("ev", [0, 1, 2], load).members == [sigs[0], sigs[1], sigs[2]]
    # another writer added 3 and 4: only those are read
    assert memo.get("ev", [0, 1, 2, 3, 4], load).members == [sigs[i] for i in (0, 1, 2, 4)]
    assert asked == [[0, 1], [3, 4]]
    # a member left (the event was merged and rebuilt elsewhere): gathered afresh
    assert memo.get("ev", [1, 5], load).members == [sigs[1], sigs[5]]
    assert asked[-1] == [1, 5]
    assert len(memo) == 2


def test_gathered_events_are_dropped_least_recently_used_beyond_their_members() -> None:
    memo = GatheredMemo(capacity=3)
    sigs = {i: Signature(day=None, shingles=i) for i in range(4)}
    read: list[int] = []

    def load(ids: list[int]) -> dict[int, Signature]:
        read.extend(ids)
        return {i: sigs[i] for i in ids}

    memo.get("a", [0, 1], load)
    memo.get("b", [2], load)
    memo.get("a", [0, 1], load)  # a is now the more recent
    memo.get("c", [3], load)  # four members: b goes
    assert len(memo) == 3
    read.clear()
    memo.get("a", [0, 1], load)
    memo.get("b", [2], load)
    assert read == [2]


def test_a_failed_batch_leaves_nothing_gathered_that_was_not_stored(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # A page is gathered with its event, then a later page of its batch fails and the
    # batch rolls back; another writer's page of the same event gets the article id the
    # first had. What the placer holds for the event must be what the store has, as a
    # restarted placer would gather it.
    first, lost, other, last = CORPUS[0], CORPUS[1], CORPUS[2], CORPUS[3]
    assert len({first.event, lost.event, other.event, last.event}) == 1
    placer = _placer(db, "a")
    todo = _claimed(db, [first, lost, last], "a")
    placer.place([(todo[0], _result(first))])
    save = article_rows.save_article

    def fail(conn: Connection, key: str, *args: Any, **kw: Any) -> int:
        if key == todo[2].key:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return save(conn, key, *args, **kw)

    monkeypatch.setattr(article_rows, "save_article", fail)
    with pytest.raises(OperationalError):
        placer.place([(todo[1], _result(lost)), (todo[2], _result(last))])
    monkeypatch.setattr(article_rows, "save_article", save)
    [written] = _claimed(db, [other], "b")
    assert _placer(db, "b").place([(written, _result(other))])[0].outcome == "matched"
    [done] = placer.place([(todo[2], _result(last))])
    with db.engine.begin() as conn:
        ids = sorted(conn.execute(select(articles.c.id)
                                  .where(articles.c.event_id == done.event_id)).scalars())
        stored = {i: Signature.from_json(j) for i, j in article_rows.signatures(conn, ids).items()}
    assert len(ids) == 3  # first, other's and last: the lost page is not stored
    held = placer._events.get(str(done.event_id), ids, lambda _: {})
    # as multisets: a frozenset's repr follows its insertion history, so sorting by repr
    # can order two equal lists differently
    left = list(held.members)
    for sig in stored.values():
        left.remove(sig)
    assert not left
