"""A start whose database is already at the newest revision does not load Alembic; the
heads it compares with are read from the migration files, as Alembic reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ops.probes import head_revisions
from bot.store import db as db_module
from bot.store import open_database
from bot.store.db import at_head, migrate_database, migration_heads, upgrade


def test_the_heads_read_from_the_files_are_alembics() -> None:
    assert migration_heads() == head_revisions()
    assert len(migration_heads()) == 1


@pytest.mark.parametrize(("files", "heads"), [
    ({"a.py": 'revision = "1"\ndown_revision = None\n',
      "b.py": "revision = '2'\ndown_revision = '1'\n"}, {"2"}),
    ({"a.py": 'revision = "1"\ndown_revision = None\n',
      "b.py": 'revision = "2a"\ndown_revision = "1"\n',
      "c.py": 'revision = "2b"\ndown_revision = "1"\n'}, {"2a", "2b"}),  # two branches
    ({"a.py": 'revision = "1"\ndown_revision = None\n',
      "b.py": 'revision = "2a"\ndown_revision = "1"\n',
      "c.py": 'revision = "2b"\ndown_revision = "1"\n',
      "d.py": 'revision = "3"\ndown_revision = ("2a", "2b")\n'}, {"3"}),  # merged
])
def test_heads_are_the_revisions_nothing_builds_on(tmp_path: Path, files: dict[str, str],
                                                   heads: set[str]) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(f'"""A migration."""\n{text}')
    assert migration_heads(tmp_path) == heads


def test_only_a_database_at_head_skips_alembic(db_url: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_url, migrate=False)
    try:
        assert not at_head(db)  # empty: no alembic_version table
        upgrade(db, "0002")
        assert not at_head(db)
        migrate_database(db)
        assert at_head(db)
        calls: list[object] = []
        monkeypatch.setattr(db_module, "upgrade", lambda *a: calls.append(a))
        migrate_database(db)
        assert calls == []
    finally:
        db.close()


def test_a_database_behind_is_still_migrated(db_url: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_url, migrate=False)
    try:
        upgrade(db, "0008")
        calls: list[object] = []
        real = db_module.upgrade

        def counted(db: db_module.Database, revision: str = "head") -> None:
            calls.append(revision)
            real(db, revision)

        monkeypatch.setattr(db_module, "upgrade", counted)
        migrate_database(db)
        assert len(calls) == 1 and at_head(db)
    finally:
        db.close()
