"""Placing a batch of examined pages: one transaction, the same events as `assign` gives
page by page, and a page another writer got to first is the only one given up."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.events.cluster import Candidate, assign
from bot.events.signature import Signature, signature
from bot.models import Match, MatchResult
from bot.ops.metrics import Metrics
from bot.pipeline.examine import PageResult
from bot.pipeline.place import Placer, SignatureMemo, new_event_id
from bot.store import Database
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
