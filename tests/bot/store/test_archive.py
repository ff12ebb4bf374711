"""The archive's rows on both engines: filed with each alert, filtered, searched in full
text (FTS5 / tsvector), ranked, counted, backfilled by the migration, and read-only
through the reader engine."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError

from bot.store import Database, archive_query, open_database
from bot.store.archive_query import TimelineQuery, best, between, by_id, timeline, topic_counts
from bot.store.db import open_reader, upgrade
from bot.store.tables import alerts, events
from tests.bot.store.test_migrations import downgrade
from tests.bot.web.archive import file_alert

AT = datetime(2024, 3, 1, 12)


def fill(db: Database) -> None:
    file_alert(db, "ev-1", title="India and Japan hold 2+2 dialogue in Tokyo",
               rules=["india-japan", "bilateral-defence"], countries=["India", "Japan"],
               day=date(2024, 1, 10), at=datetime(2024, 1, 10, 8))
    file_alert(db, "ev-2", title="Malabar exercise begins off Okinawa",
               rules=["malabar", "india-japan"], countries=["Japan", "India"],
               day=date(2024, 2, 5), at=datetime(2024, 2, 5, 8),
               summary="Navies of India, Japan, Australia and the United States exercise.")
    file_alert(db, "ev-3", title="Japan and Australia sign access pact",
               rules=["japan-australia"], countries=["Japan", "Australia"],
               day=date(2024, 3, 1), at=AT)


def ids(db: Database, query: TimelineQuery) -> tuple[list[str], int]:
    with db.engine.connect() as conn:
        found, total = timeline(conn, query)
    return [e.event_id for e in found], total


@pytest.mark.parametrize(("query", "expected"), [
    (TimelineQuery(), ["ev-3", "ev-2", "ev-1"]),
    (TimelineQuery(topic="india-japan"), ["ev-2", "ev-1"]),
    (TimelineQuery(country="AUSTRALIA"), ["ev-3"]),
    (TimelineQuery(topic="india-japan", country="japan"), ["ev-2", "ev-1"]),
    (TimelineQuery(topic="japan-australia", country="india"), []),
    (TimelineQuery(since=date(2024, 2, 1), until=date(2024, 2, 29)), ["ev-2"]),
    (TimelineQuery(q="tokyo DIALOGUE"), ["ev-1"]),
    (TimelineQuery(q="exercises"), ["ev-2"]),  # stemmed: "exercise" in the title
    (TimelineQuery(q="japan"), ["ev-3", "ev-2", "ev-1"]),
    (TimelineQuery(q='"japan*'), ["ev-3", "ev-2", "ev-1"]),  # quotes, stars are not syntax
    (TimelineQuery(q='okinawa OR tokyo'), []),  # every word must be there, "or" too
    (TimelineQuery(topic="india-japan", q="okinawa"), ["ev-2"]),
    (TimelineQuery(q="submarine"), []),
    (TimelineQuery(limit=1, offset=1), ["ev-2"]),
])
def test_timeline_filters(db: Database, query: TimelineQuery, expected: list[str]) -> None:
    fill(db)
    found, total = ids(db, query)
    assert found == expected
    assert total == (len(expected) if query.limit >= 3 else 3)


def test_an_update_moves_the_row_on_and_keeps_its_history(db: Database) -> None:
    fill(db)
    file_alert(db, "ev-1", title="India and Japan hold 2+2 dialogue; joint statement out",
               rules=["india-japan", "bilateral-defence", "acsa"], countries=["India", "Japan"],
               day=date(2024, 1, 10), at=datetime(2024, 3, 5), action="update",
               sources=[{"url": f"https://n.example/{i}", "outlet": "N", "title": "t",
                         "published": None, "rules": []} for i in range(2)])
    with db.engine.connect() as conn:
        found = by_id(conn, "ev-1")
        assert found is not None
        assert [(h.action, h.sources) for h in found.alerts] == [("new", 1), ("update", 2)]
        assert found.event.updated == datetime(2024, 3, 5)
        assert found.event.first_seen == datetime(2024, 1, 10, 8)
        assert ("acsa", 1) in topic_counts(conn) and ("india-japan", 2) in topic_counts(conn)
        assert [e.event_id for e in best(conn, "joint statement")] == ["ev-1"]
        assert best(conn, "dialogue", limit=5)[0].alert.title.endswith("statement out")
        assert [e.event_id for e in between(conn, datetime(2024, 2, 1), datetime(2024, 3, 2))
                ] == ["ev-3", "ev-2"]
    assert ids(db, TimelineQuery(q="dialogue"))[0] == ["ev-1"]


def test_best_ranks_the_closer_match_first(db: Database) -> None:
    fill(db)
    with db.engine.connect() as conn:
        assert [e.event_id for e in best(conn, "malabar")] == ["ev-2"]
        assert best(conn, "") == [] and best(conn, "!!!") == []
        assert len(best(conn, "japan", limit=2)) == 2


def test_the_reader_cannot_write(db: Database) -> None:
    reader = open_reader(db)
    try:
        with pytest.raises(DBAPIError), reader.begin() as conn:
            conn.execute(insert(events).values(id="ev-x", created_at=AT, updated_at=AT,
                                               dirty=False, alert_count=0))
    finally:
        if reader is not db.engine:
            reader.dispose()


def test_the_migration_files_events_alerted_before_it(db_url: str) -> None:
    db = open_database(db_url)
    try:
        downgrade(db, "0007")
        payload = {"event_id": "ev-old", "action": "update", "rules": ["india-japan"],
                   "title": "An old call", "summary": "", "facts": {"date": "2023-05-01",
                   "countries": ["India", "Japan"]}, "sources": [], "matched": {}}
        with db.engine.begin() as conn:
            conn.execute(insert(events).values(id="ev-old", created_at=AT, updated_at=AT,
                                               dirty=False, alert_count=2))
            for i, title in enumerate(("An old call", "An old call, updated")):
                conn.execute(insert(alerts).values(event_id="ev-old", action="update",
                                                   payload={**payload, "title": title},
                                                   created_at=datetime(2024, 1, 1 + i)))
        upgrade(db)
        with db.engine.connect() as conn:
            found = by_id(conn, "ev-old")
            assert found is not None and found.event.alert.title == "An old call, updated"
            assert found.event.updated == datetime(2024, 1, 2)
            assert found.event.happened == date(2023, 5, 1)
            assert conn.execute(text("SELECT count(*) FROM archive_tags")).scalar() == 3
        assert ids(db, TimelineQuery(q="updated", country="japan"))[0] == ["ev-old"]
    finally:
        db.close()


@pytest.mark.parametrize(("sort_below", "probe_from"), [
    (10**9, 10**9),  # look the matches up and sort them
    (0, 10**9),  # walk the timeline index, checking each row against the matches
    (0, 0),  # walk it, probing the text index for each row
])
def test_a_search_finds_the_same_whichever_way_it_reads(
        db: Database, monkeypatch: pytest.MonkeyPatch, sort_below: int,
        probe_from: int) -> None:
    monkeypatch.setattr(archive_query, "SORT_MATCHES", sort_below)
    monkeypatch.setattr(archive_query, "PROBE_MATCHES", probe_from)
    fill(db)
    assert ids(db, TimelineQuery(q="japan")) == (["ev-3", "ev-2", "ev-1"], 3)
    assert ids(db, TimelineQuery(q="japan", limit=1, offset=1)) == (["ev-2"], 3)
    assert ids(db, TimelineQuery(q="japan", topic="india-japan")) == (["ev-2", "ev-1"], 2)
    assert ids(db, TimelineQuery(q="india", country="japan", since=date(2024, 2, 1))
               ) == (["ev-2"], 1)
    assert ids(db, TimelineQuery(q="tokyo", until=date(2024, 1, 31))) == (["ev-1"], 1)
    assert ids(db, TimelineQuery(q="okinawa", topic="japan-australia")) == ([], 0)


def test_topic_counts_follow_updates(db: Database) -> None:
    fill(db)
    file_alert(db, "ev-2", title="Malabar exercise ends", rules=["malabar"],
               countries=["Japan", "India"], day=date(2024, 2, 5), at=datetime(2024, 2, 9),
               action="update")
    with db.engine.connect() as conn:
        counts = dict(topic_counts(conn))
        assert counts == {"bilateral-defence": 1, "india-japan": 1, "japan-australia": 1,
                          "malabar": 1}
        tagged = conn.execute(text("SELECT value, count(*) FROM archive_tags WHERE "
                                   "kind = 'topic' GROUP BY value")).all()
        assert counts == {str(v): int(n) for v, n in tagged}
