"""Migrations on both engines: 0003 keeps a database's data and loses duplicate entry
URLs (now a unique constraint); 0005 adds workers; each can go back down; and the
result is the schema bot/store/tables.py describes."""

from __future__ import annotations

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
