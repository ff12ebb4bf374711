"""A sitemap index's child validators survive the round trip through the sources table."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.store import open_database
from bot.store import sources as rows
from watchers.models import ChildState, Source, SourceState

NOW = datetime(2025, 9, 16)


def test_child_state_round_trip(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/dw.db")
    with db.engine.begin() as conn:
        rows.sync_sources(conn, [Source(id="s", kind="sitemap", url="https://a.example/i.xml")],
                          NOW)
    children = (ChildState("https://a.example/1.xml", etag='"e"',
                           lastmod=datetime(2025, 9, 16, 8, tzinfo=UTC), skips=2),
                ChildState("https://a.example/2.xml",
                           last_modified="Tue, 16 Sep 2025 08:00:00 GMT"))
    with db.engine.begin() as conn:
        rows.record_success(conn, "s", SourceState(etag='"i"', children=children),
                            status="ok", now=NOW, next_due=NOW, items=0)
    with db.engine.begin() as conn:
        [claimed] = rows.claim_due(conn, NOW, owner="test", until=NOW,
                                     since=datetime(2025, 9, 17))
    assert claimed.state == SourceState(etag='"i"', children=children)
