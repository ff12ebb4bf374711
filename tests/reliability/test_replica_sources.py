"""Replicas whose source lists differ (a sources change reloaded on one replica first, a
rolling restart): the database row is the truth for a source. An entry is processed with
the source as the database has it, whichever replica's list names it; and a list written
before the one in force never disables what the newer one added."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from bot.config.options import BUNDLED_RULES, load_config
from bot.service.app import App
from bot.service.reload import reload_sources
from bot.store.tables import entries, sources
from tests.loopback import LoopbackServer
from tests.reliability.newsgen import feed_xml, page_html, stories

OLD, NEW = 1_700_000_000, 1_700_000_600  # the two sources files' mtimes


def site(server: LoopbackServer, name: str, first: int) -> str:
    tales = stories(first + 2)[first:first + 2]
    listed = [(t, server.add(f"/{name}/{i}.html", page_html(t, name))) for i, t in
              enumerate(tales)]
    return server.add(f"/{name}.xml", feed_xml(name, server.url("/"), listed),
                      content_type="application/rss+xml")


def config(tmp_path: Path, name: str, feeds: dict[str, str], mtime: int) -> Path:
    listing = tmp_path / f"{name}-sources.yaml"
    listing.write_text("sources:\n" + "".join(
        f"  - {{id: {sid}, kind: rss, url: '{url}'}}\n" for sid, url in feeds.items()),
        encoding="utf-8")
    os.utime(listing, (mtime, mtime))
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"database: sqlite:///{tmp_path}/shared.db\nrules: {BUNDLED_RULES}\n"
                    f"sources: {listing.name}\nchannels: ['jsonl:alerts.jsonl']\n"
                    "http: {listen: 'off'}\n"
                    "fetch: {per_host_delay: 0s, allow_private: true, respect_robots: false}\n",
                    encoding="utf-8")
    return path


def enabled(app: App) -> dict[str, bool]:
    with app.db.engine.begin() as conn:
        return {r.id: r.enabled for r in conn.execute(select(sources.c.id, sources.c.enabled))}


async def test_an_entry_of_a_source_only_the_newer_list_names_is_processed_anywhere(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    old_feeds = {"one": site(loopback, "one", 0)}
    new_feeds = {**old_feeds, "two": site(loopback, "two", 2)}
    async with App(load_config(str(config(tmp_path, "old", old_feeds, OLD)))) as old, \
            App(load_config(str(config(tmp_path, "new", new_feeds, NEW)))) as new:
        polled = await new.poller.poll_due(everything=True)
        assert {p.source_id for p in polled} == {"one", "two"}
        done = await old.processor.run_pending()  # the replica that never heard of "two"
    assert len(done) == 4 and not [p for p in done if p.outcome == "failed"], done
    with new.db.engine.begin() as conn:
        errors = list(conn.execute(select(entries.c.error).where(entries.c.error.is_not(None))))
    assert errors == []


async def test_an_older_list_never_disables_what_a_newer_one_added(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    old_feeds = {"one": site(loopback, "one", 0)}
    new_feeds = {**old_feeds, "two": site(loopback, "two", 2)}
    newer = config(tmp_path, "new", new_feeds, NEW)
    async with App(load_config(str(newer))) as new:
        assert enabled(new) == {"one": True, "two": True}
        # A replica restarted with the older list (a rolling restart, one file not yet
        # updated): the database keeps the newer list, and this replica polls it too.
        async with App(load_config(str(config(tmp_path, "old", old_feeds, OLD)))) as old:
            assert enabled(old) == {"one": True, "two": True}
            polled = await old.poller.poll_due(everything=True)
            assert {p.source_id for p in polled} == {"one", "two"}
            assert reload_sources(old) is True  # SIGHUP with the same old file: no change
            assert enabled(old) == {"one": True, "two": True}
        # A list written later than the one in force applies, removals included.
        config(tmp_path, "new", old_feeds, NEW + 60)
        assert reload_sources(new) is True
        assert enabled(new) == {"one": True, "two": False}
