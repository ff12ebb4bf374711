"""Migrations on both engines: 0003 keeps a database's data and loses duplicate entry
URLs (now a unique constraint); 0005 adds workers; 0008 files the events alerted before
it; each can go back down; the result is the schema bot/store/tables.py describes; and no
migration calls the application's code, whose meaning may change after it."""

from __future__ import annotations

import ast
from datetime import date, datetime

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.store import open_database
from bot.store.db import MIGRATIONS, Database, upgrade
from bot.store.tables import metadata


def downgrade(db: Database, revision: str) -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def test_0003_adds_claims_and_keeps_one_entry_per_url(db_url: str) -> None:
    db = open_database(db_url, migrate=False)
    try:
        upgrade(db, "0002")
        with db.engine.begin() as conn:
            for key, url in (("b", "http://x/1"), ("a", "http://x/1"), ("c", "http://x/2")):
                conn.execute(text(
                    "INSERT INTO entries (key, url, source_id, title, summary, first_seen, "
                    "status, attempts) VALUES (:k, :u, 's', 't', '', '2020-12-22', 'done', 1)"
                ), {"k": key, "u": url})
        upgrade(db)
        with db.engine.begin() as conn:
            kept = conn.execute(text("SELECT key FROM entries ORDER BY key")).scalars().all()
        assert kept == ["a", "c"]
        columns = {c["name"] for c in inspect(db.engine).get_columns("sources")}
        assert {"claimed_until", "current_interval_s", "quiet_polls", "disabled"} <= columns
        unique = [i for i in inspect(db.engine).get_indexes("entries") if i["unique"]]
        assert [i["column_names"] for i in unique] == [["url"]]
        downgrade(db, "0002")
        assert "claimed_until" not in {c["name"] for c in inspect(db.engine).get_columns(
            "entries")}
        upgrade(db)
    finally:
        db.close()


def _described(name: str | None, kind: str, _parent: object) -> bool:
    # The archive's text index is engine-specific (FTS5 and its shadow tables, or a
    # tsvector table): made by the migration alone, outside the portable metadata.
    return not (kind == "table" and (name or "").startswith("archive_fts"))


def test_the_migrations_build_the_tables_schema_py_describes(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                         "include_name": _described})
        assert compare_metadata(context, metadata) == []


def test_0005_adds_workers_and_owners_and_can_go_back_down(db: Database) -> None:
    downgrade(db, "0004")
    tables = inspect(db.engine).get_table_names()
    assert "workers" not in tables
    assert "claimed_by" not in {c["name"] for c in inspect(db.engine).get_columns("sources")}
    # The partial unique index of posts in flight survives the way down.
    indexes = {i["name"]: i for i in inspect(db.engine).get_indexes("telegram_posts")}
    assert indexes["uq_telegram_posts_sending"]["unique"]
    upgrade(db)
    assert "workers" in inspect(db.engine).get_table_names()
    for table in ("sources", "telegram_posts"):
        assert "claimed_by" in {c["name"] for c in inspect(db.engine).get_columns(table)}


# alerts and events as they stood at 0007: this test writes the rows an old database holds
_EVENTS = sa.table("events", *(sa.column(c) for c in (
    "id", "created_at", "updated_at", "dirty", "alert_count")))
_ALERTS = sa.table("alerts", sa.column("event_id"), sa.column("action"),
                   sa.column("payload", sa.JSON), sa.column("created_at"))


def _alert(title: str, rules: list[str], countries: list[str], day: str | None,
           outlet: str) -> dict[str, object]:
    facts: dict[str, object] = {"countries": countries, "people": ["Kishi Nobuo"]}
    if day is not None:
        facts["date"] = day
    return {"event_id": "ignored", "action": "new", "rules": rules, "title": title,
            "summary": "", "facts": facts, "matched": {},
            "sources": [{"url": "http://127.0.0.1/a", "outlet": outlet, "title": title}]}


def _found(conn: sa.Connection, word: str) -> list[int]:
    where = ("doc @@ plainto_tsquery('english', :w)" if conn.dialect.name == "postgresql"
             else "archive_fts MATCH :w")
    return sorted(conn.execute(sa.text(f"SELECT rowid FROM archive_fts WHERE {where}"),
                               {"w": word}).scalars())


def test_0008_files_each_alerted_event_from_its_latest_alert(db_url: str) -> None:
    db = open_database(db_url, migrate=False)
    try:
        upgrade(db, "0007")
        with db.engine.begin() as conn:
            for event, created in (("ev-a", datetime(2024, 1, 1, 9)),
                                   ("ev-b", datetime(2024, 2, 3, 10)),
                                   ("ev-quiet", datetime(2024, 2, 4))):  # never alerted
                conn.execute(sa.insert(_EVENTS).values(id=event, created_at=created,
                                                       updated_at=created, dirty=False,
                                                       alert_count=0))
            conn.execute(sa.insert(_ALERTS), [
                {"event_id": "ev-a", "action": "new", "created_at": datetime(2024, 1, 1, 9),
                 "payload": _alert("Ministers speak by phone", ["india-japan"], ["India"],
                                   "2023-12-31", "Harbour Gazette")},
                {"event_id": "ev-b", "action": "new", "created_at": datetime(2024, 2, 3, 10),
                 "payload": _alert("Navies sail together", ["US-Japan"], ["United States",
                                   "Japan"], "soon", "Coastal Times")},
                {"event_id": "ev-a", "action": "update", "created_at": datetime(2024, 1, 2),
                 "payload": _alert("Ministers sign a supply pact", ["India-Japan", "acsa"],
                                   ["India", "Japan"], "2024-01-01", "Morning Ledger")},
            ])
        upgrade(db, "0008")
        with db.engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT id, event_id, alert_id, happened, first_seen, updated FROM archive "
                "ORDER BY id")).all()
            tags = conn.execute(sa.text(
                "SELECT archive_id, kind, value, happened FROM archive_tags")).all()
            topics = {r.topic: r.events for r in conn.execute(sa.text(
                "SELECT topic, events FROM archive_topics"))}
            found = {w: _found(conn, w) for w in ("ledger", "supply", "gazette", "coastal")}
        # in the order of their latest alerts; an undated event's day is its first day
        b, a = (r.id for r in rows)
        assert [(r.event_id, r.alert_id, _day(r.happened), _time(r.first_seen),
                 _time(r.updated)) for r in rows] == [
            ("ev-b", 2, date(2024, 2, 3), datetime(2024, 2, 3, 10), datetime(2024, 2, 3, 10)),
            ("ev-a", 3, date(2024, 1, 1), datetime(2024, 1, 1, 9), datetime(2024, 1, 2))]
        assert sorted((t.archive_id, t.kind, t.value, _day(t.happened)) for t in tags) == sorted([
            (a, "country", "india", date(2024, 1, 1)), (a, "country", "japan", date(2024, 1, 1)),
            (a, "topic", "acsa", date(2024, 1, 1)), (a, "topic", "india-japan", date(2024, 1, 1)),
            (b, "country", "japan", date(2024, 2, 3)),
            (b, "country", "united states", date(2024, 2, 3)),
            (b, "topic", "us-japan", date(2024, 2, 3))])
        assert topics == {"acsa": 1, "india-japan": 1, "us-japan": 1}
        # the latest alert's title and outlets are searched, an earlier alert's are not
        assert found == {"ledger": [a], "supply": [a], "gazette": [], "coastal": [b]}
        upgrade(db)
    finally:
        db.close()


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _time(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def test_no_migration_imports_the_application() -> None:
    """A migration runs years after it was written: what it does must be in its own file,
    not in application code that will have changed by then."""
    for file in sorted((MIGRATIONS / "versions").glob("*.py")):
        tree = ast.parse(file.read_text(), str(file))
        imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import)
                     for a in n.names]
        assert [m for m in imported if m.split(".")[0] in ("bot", "watchers")] == [], file
