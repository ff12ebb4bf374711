"""events.max_age: an entry dated (by its feed, else its page) further back than max_age
when first seen is recorded and counted, and never alerted; `off` turns the cut-off off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli.status import StatusReport, render_status
from bot.config.options import BUNDLED_RULES, EventsConfig, load_config
from bot.ops.metrics import Metrics
from bot.pipeline.alert import Alerter
from bot.pipeline.process import Processor
from bot.rules.holder import RulesHolder
from bot.store import Database
from bot.store import entries as entry_rows
from bot.store import sources as source_rows
from bot.store.tables import articles, entries
from tests.loopback import LoopbackServer
from watchers.fetch.http import Fetcher
from watchers.models import Entry, Source

NOW = datetime(2026, 3, 10, 12, 0)  # the processor's clock (naive UTC, as the store's)
SOURCE = Source(id="src", kind="rss", url="http://127.0.0.1:9/feed")
MAX_AGE = timedelta(days=3)

PAGE = """<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>
<p>India and Japan held defence talks on {what}, and the two defence ministers agreed to
widen navy exercises and to keep working on the ACSA logistics pact.</p>
<p>The ministry said officials of both navies would meet again before the next round.</p>
</article></body></html>"""


def page(title: str, what: str, published: datetime | None = None) -> str:
    meta = (f'<meta property="article:published_time" content="{published.isoformat()}">'
            if published else "")
    return PAGE.format(title=title, what=what, meta=meta)


def queue(db: Database, server: LoopbackServer) -> None:
    """Three entries: fresh by the feed's date, old by the feed's date (the page would say
    otherwise), and undated in the feed but old by its page's date."""
    fresh, old = NOW - timedelta(hours=2), NOW - timedelta(days=5)
    aware = {d: d.replace(tzinfo=UTC) for d in (fresh, old)}
    items = [
        Entry(key="fresh", url=server.add("/fresh.html", page("Talks in Tokyo", "Monday")),
              title="Talks in Tokyo", source_id="src", published=aware[fresh]),
        Entry(key="old-feed", url=server.add("/old-feed.html", page(
            "Archive talks", "a Tuesday in spring", aware[fresh])),
              title="Archive talks", source_id="src", published=aware[old]),
        Entry(key="old-page", url=server.add("/old-page.html", page(
            "Earlier talks", "a Friday in winter", aware[old])),
              title="Earlier talks", source_id="src"),
    ]
    with db.engine.begin() as conn:
        source_rows.sync_sources(conn, [SOURCE], NOW)  # the processor reads it from here
        entry_rows.add_entries(conn, items, NOW)


def processor(db: Database, fetcher: Fetcher, max_age: timedelta | None,
              metrics: Metrics) -> Processor:
    return Processor(db, fetcher, RulesHolder(BUNDLED_RULES),
                     window_days=3.0, max_age=max_age, clock=lambda: NOW, metrics=metrics,
                     owner="p1")


async def test_old_entries_are_recorded_and_counted_but_not_alerted(
        db: Database, fetcher: Fetcher, loopback: LoopbackServer) -> None:
    queue(db, loopback)
    metrics = Metrics()
    done = await processor(db, fetcher, MAX_AGE, metrics).run_pending()
    assert sorted((p.entry_key, p.outcome) for p in done) == [
        ("fresh", "matched"), ("old-feed", "old"), ("old-page", "old")]
    assert loopback.hits("/old-feed.html") == 0  # the feed's date was enough: not fetched
    with db.engine.begin() as conn:
        status = {r.key: r.status for r in conn.execute(select(entries))}
        stored = {r.url: r.event_id for r in conn.execute(select(articles))}
    assert status == {"fresh": "done", "old-feed": "old", "old-page": "old"}
    # The old page is kept (a later copy of it is a duplicate), in no event.
    assert stored[loopback.url("/old-page.html")] is None
    assert stored[loopback.url("/fresh.html")] is not None
    assert metrics.articles.labels("old")._value.get() == 2
    with db.engine.begin() as conn:
        counts = entry_rows.entry_counts(conn)
    shown = render_status(StatusReport(database="-", rules="-", now=NOW, entries=counts,
                                       max_age_s=MAX_AGE.total_seconds()))
    assert ("entries:  1 done, 2 old news, not alerted (older than events.max_age 3d), "
            "0 pending, 0 failed") in shown
    alerts = Alerter(db, ["console"], update_every_s=600, clock=lambda: NOW).emit()
    assert len(alerts) == 1  # the fresh event only


async def test_off_alerts_old_news_too(db: Database, fetcher: Fetcher,
                                       loopback: LoopbackServer) -> None:
    queue(db, loopback)
    done = await processor(db, fetcher, None, Metrics()).run_pending()
    assert [p.outcome for p in done] == ["matched"] * 3
    events = {p.event_id for p in done}
    assert len(Alerter(db, ["console"], update_every_s=600, clock=lambda: NOW).emit()) == len(
        events)


async def test_the_cut_off_is_measured_by_the_processors_clock(
        db: Database, fetcher: Fetcher, loopback: LoopbackServer) -> None:
    """The same entries, seen ten days earlier, are all news."""
    queue(db, loopback)
    early = Processor(db, fetcher, RulesHolder(BUNDLED_RULES),
                      window_days=3.0, max_age=MAX_AGE,
                      clock=lambda: NOW - timedelta(days=4), owner="p1")
    done = await early.run_pending()
    assert {p.outcome for p in done} == {"matched"}


@pytest.mark.parametrize(("text", "seconds"), [
    ("", 3 * 86400.0), ("events: {max_age: 12h}\n", 12 * 3600.0),
    ("events: {max_age: off}\n", None), ("events: {max_age: 'off'}\n", None)])
def test_max_age_in_the_config(tmp_path: Path, text: str, seconds: float | None) -> None:
    (tmp_path / "defwatch.yaml").write_text(text or "database: sqlite:///x.db\n",
                                            encoding="utf-8")
    assert load_config(str(tmp_path / "defwatch.yaml")).events.max_age == seconds
    assert EventsConfig().max_age == 3 * 86400.0


def test_a_bad_max_age_says_off_is_allowed(tmp_path: Path) -> None:
    (tmp_path / "defwatch.yaml").write_text("events: {max_age: soon}\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"events.max_age: not a duration: 'soon' .*, or off "
                                        "for no limit"):
        load_config(str(tmp_path / "defwatch.yaml"))
