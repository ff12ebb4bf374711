"""The processor works only on entries it has claimed, isolates an extractor's crash to
its page, and gives unfinished claims back when it is cancelled."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

import watchers
from bot.config.options import BUNDLED_RULES
from bot.pipeline.process import Processor
from bot.rules.holder import RulesHolder
from bot.store import Database
from bot.store import entries as entry_rows
from bot.store import sources as source_rows
from bot.store.tables import entries
from tests.bot.store.helpers import T0
from tests.loopback import LoopbackServer
from watchers.fetch.http import Fetcher
from watchers.models import Entry, Source
from watchers.page.extract import extract

# Names two states, a service and an exercise, so the early-rejection pass (which ignores
# `exclude`) lets it through; no rule matches it: it is about hockey.
PAGE = ("<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
        "<p>Residents of the town met on Tuesday to discuss the new bus timetable, the "
        "price of parking near the market and the India and Japan hockey teams visiting "
        "the stadium for a navy exercise match, story {n}.</p></article></body>"
        "</html>")


def pending(db: Database, server: LoopbackServer, n: int) -> list[Entry]:
    new = [Entry(key=f"k{i}", url=server.add(f"/p/{i}.html", PAGE.format(n=i)),
                 title=f"Story {i}", source_id="src") for i in range(n)]
    with db.engine.begin() as conn:
        source_rows.sync_sources(conn, [Source(id="src", kind="rss",
                                               url="http://127.0.0.1:9/feed")], T0)
        entry_rows.add_entries(conn, new, T0)
    return new


def processor(db: Database, fetcher: Any, owner: str) -> Processor:
    return Processor(db, fetcher, RulesHolder(BUNDLED_RULES),
                     window_days=3.0, clock=lambda: T0, owner=owner)


def states(db: Database) -> dict[str, tuple[str, str | None]]:
    with db.engine.begin() as conn:
        rows = conn.execute(select(entries.c.key, entries.c.status, entries.c.claimed_by))
        return {r.key: (r.status, r.claimed_by) for r in rows}


async def test_an_extractor_crash_fails_its_page_only(db: Database, fetcher: Fetcher,
                                                      loopback: LoopbackServer,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    pending(db, loopback, 3)

    def flaky(response: Any, source: Source, entry: Entry | None = None, *,
              now: datetime, tree: Any = None) -> Any:
        if entry is not None and entry.key == "k1":
            raise KeyError("surprise")
        return extract(response, source, entry, now=now, tree=tree)

    monkeypatch.setattr(watchers, "extract", flaky)
    done = await processor(db, fetcher, "p1").run_pending()
    assert sorted((p.entry_key, p.outcome) for p in done) == [
        ("k0", "unmatched"), ("k1", "failed"), ("k2", "unmatched")]
    assert states(db) == {"k0": ("done", None), "k1": ("failed", None), "k2": ("done", None)}


async def test_entries_claimed_by_another_processor_are_left_to_it(
        db: Database, fetcher: Fetcher, loopback: LoopbackServer) -> None:
    pending(db, loopback, 4)
    with db.engine.begin() as conn:
        entry_rows.claim_entries(conn, T0, owner="other", until=T0.replace(year=2100),
                                   limit=2)
    done = await processor(db, fetcher, "p1").run_pending()
    assert sorted(p.entry_key for p in done) == ["k2", "k3"]
    assert [loopback.hits(f"/p/{i}.html") for i in range(4)] == [0, 0, 1, 1]


async def test_a_cancelled_run_gives_its_claims_back(db: Database,
                                                     loopback: LoopbackServer) -> None:
    pending(db, loopback, 3)
    started = asyncio.Event()

    class Hanging:
        async def get(self, url: str, **_: object) -> Any:
            started.set()
            await asyncio.Event().wait()

    run = asyncio.create_task(processor(db, Hanging(), "p1").run_pending())
    await asyncio.wait_for(started.wait(), 10)
    assert {claimed for _, claimed in states(db).values()} == {"p1"}
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    assert states(db) == {f"k{i}": ("pending", None) for i in range(3)}
