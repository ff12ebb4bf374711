"""Migration 0003 on both engines: a database of 0002 keeps its data, loses duplicate
entry URLs (now a unique constraint), and can go back down."""

from __future__ import annotations

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import inspect, text

from bot.store import open_database
from bot.store.db import MIGRATIONS, Database, upgrade


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
