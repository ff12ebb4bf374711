"""The subscriptions table: migration 0002 and the queries the bot and the Alerter use."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import inspect

from bot.store import Database, open_database
from bot.store import subscriptions as subs
from bot.store.db import MIGRATIONS, upgrade
from tests.bot.channels.conftest import T0


def test_migration_0002_adds_the_table_to_a_0001_database_and_removes_it(
        tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/old.db", migrate=False)
    try:
        upgrade(db, "0001")
        assert "subscriptions" not in inspect(db.engine).get_table_names()
        upgrade(db)
        assert "subscriptions" in inspect(db.engine).get_table_names()
        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        assert "subscriptions" not in inspect(db.engine).get_table_names()
    finally:
        db.close()


def test_subscribe_unsubscribe_and_who_follows_what(db: Database) -> None:
    with db.engine.begin() as conn:
        assert subs.subscribe(conn, 1, ["acsa", "malabar"], chat_type="private",
                              now=T0) == ["acsa", "malabar"]
        assert subs.subscribe(conn, 1, ["acsa", "india-japan"], chat_type="private",
                              now=T0) == ["india-japan"]
        subs.subscribe(conn, -5, ["malabar"], chat_type="group", now=T0)
        assert subs.chats_for(conn, ["malabar", "acsa"]) == [-5, 1]
        assert subs.chats_for(conn, []) == []
        assert subs.unsubscribe(conn, 1, ["acsa", "unknown"]) == ["acsa"]
        assert subs.topics_of(conn, 1) == ["india-japan", "malabar"]
        assert subs.unsubscribe(conn, 1) == ["india-japan", "malabar"]
        assert subs.subscriber_count(conn) == 1


def test_a_migrated_group_keeps_its_topics_once(db: Database) -> None:
    with db.engine.begin() as conn:
        subs.subscribe(conn, -5, ["malabar", "acsa"], chat_type="group", now=T0)
        subs.subscribe(conn, -1005, ["acsa"], chat_type="supergroup", now=T0)
        subs.move_chat(conn, -5, -1005)
        assert subs.topics_of(conn, -5) == []
        assert subs.topics_of(conn, -1005) == ["acsa", "malabar"]
