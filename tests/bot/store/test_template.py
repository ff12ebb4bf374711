"""A new SQLite store is a copy of one Alembic migrated before: the same schema and rows,
without loading Alembic; a store that exists is never replaced, and only a private
template made from the same migration files is used."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.store import db as db_module
from bot.store.db import at_head, migrate_database, open_database, upgrade
from bot.store.template import copy_template, new_file, template_key


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _migrate(path: Path, templates: Path | None) -> None:
    db = open_database(f"sqlite:///{path}", migrate=False)
    try:
        migrate_database(db, templates)
        assert at_head(db)
    finally:
        db.close()


def _count_upgrades(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = db_module.upgrade

    def counted(db: db_module.Database, revision: str = "head") -> None:
        calls.append(revision)
        real(db, revision)

    monkeypatch.setattr(db_module, "upgrade", counted)
    return calls


def test_a_new_store_is_a_copy_of_one_alembic_migrated(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    calls = _count_upgrades(monkeypatch)
    _migrate(tmp_path / "first.db", cache)  # nothing kept yet: Alembic, then kept
    assert calls == ["head"]
    assert [f.name for f in cache.iterdir()] == [f"store-{template_key()}.sqlite"]
    _migrate(tmp_path / "second.db", cache)
    _migrate(tmp_path / "third.db", cache)
    assert calls == ["head"]  # made from the copy
    _migrate(tmp_path / "plain.db", None)  # as every store was made before
    assert calls == ["head", "head"]
    assert _dump(tmp_path / "second.db") == _dump(tmp_path / "plain.db")
    assert _dump(tmp_path / "third.db") == _dump(tmp_path / "first.db")
    # it works as a store: written and read through the engine, in WAL mode
    db = open_database(f"sqlite:///{tmp_path / 'second.db'}")
    try:
        with db.engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        db.close()


def test_a_store_that_exists_is_migrated_never_replaced(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _migrate(tmp_path / "first.db", cache)
    behind = tmp_path / "behind.db"
    db = open_database(f"sqlite:///{behind}", migrate=False)
    try:
        upgrade(db, "0008")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE ours (x INTEGER)")
            conn.exec_driver_sql("INSERT INTO ours VALUES (7)")
        calls = _count_upgrades(monkeypatch)
        migrate_database(db, cache)
        assert calls == ["head"] and at_head(db)
        with db.engine.begin() as conn:
            assert conn.exec_driver_sql("SELECT x FROM ours").scalar() == 7
    finally:
        db.close()


def test_a_file_that_appeared_meanwhile_is_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _migrate(tmp_path / "first.db", cache)
    target = tmp_path / "raced.db"
    target.write_bytes(b"another process's store")
    assert not copy_template(cache, target, template_key())
    assert target.read_bytes() == b"another process's store"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "first.db", "raced.db"]


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:",
                                 "sqlite:///file:x.db?mode=ro&uri=true"])
def test_only_a_file_that_does_not_exist_yet_is_new(url: str, tmp_path: Path) -> None:
    db = open_database(url, migrate=False)
    try:
        assert new_file(db.engine) is None
    finally:
        db.close()
    there = tmp_path / "there.db"
    there.touch()  # an empty file is still someone's: Alembic migrates it
    db = open_database(f"sqlite:///{there}", migrate=False)
    try:
        assert new_file(db.engine) is None
    finally:
        db.close()


def test_a_template_others_may_write_is_not_used(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _migrate(tmp_path / "first.db", cache)
    (cache / f"store-{template_key()}.sqlite").chmod(0o666)
    calls = _count_upgrades(monkeypatch)
    _migrate(tmp_path / "second.db", cache)
    assert calls == ["head"]


def test_the_key_follows_the_migration_files(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    shutil.copytree(db_module.MIGRATIONS / "versions", versions,
                    ignore=shutil.ignore_patterns("__pycache__"))
    assert template_key(versions) == template_key()
    last = sorted(versions.glob("0*.py"))[-1]
    last.write_text(last.read_text() + "\n# one more line\n")
    assert template_key(versions) != template_key()
