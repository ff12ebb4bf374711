"""`defwatch backup`: a consistent copy of a live SQLite database, without a sqlite3 program."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.errors import StoreError
from bot.store import open_database
from bot.store import sources as rows
from bot.store.backup import backup_sqlite
from tests.bot.store.helpers import T0, source


def test_a_backup_holds_what_was_committed_and_not_a_write_in_flight(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/live.db"
    db = open_database(url)
    try:
        with db.engine.begin() as conn:
            rows.sync_sources(conn, [source(1), source(2)], T0)
        writer = sqlite3.connect(tmp_path / "live.db", isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # the service in the middle of a transaction
        writer.execute("UPDATE sources SET failures = 7")
        copied = backup_sqlite(url, tmp_path / "copy.db")
        writer.execute("ROLLBACK")
        writer.close()
    finally:
        db.close()
    assert copied.target == tmp_path / "copy.db" and copied.pages > 0
    assert copied.size == (tmp_path / "copy.db").stat().st_size
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("SELECT id, failures FROM sources ORDER BY id").fetchall() == [
        (source(1).id, 0), (source(2).id, 0)]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize(("url", "message"), [
    ("postgresql://u@127.0.0.1/db", "for postgresql use its own tool (PostgreSQL: pg_dump"),
    ("sqlite:///:memory:", "an in-memory database has nothing to back up"),
    ("sqlite:///{tmp}/missing.db", "no database at"),
])
def test_what_cannot_be_backed_up_says_why(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message.replace("(", r"\(")):
        backup_sqlite(url.format(tmp=tmp_path), tmp_path / "copy.db")


def test_the_command_never_overwrites(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "defwatch.yaml"
    config.write_text("database: sqlite:///data/dw.db\n", encoding="utf-8")
    open_database(f"sqlite:///{tmp_path}/data/dw.db").close()
    assert main(["backup", "-c", str(config), str(tmp_path / "one.db")]) == 0
    assert capsys.readouterr().out.startswith(
        f"backed up {tmp_path}/data/dw.db to {tmp_path}/one.db (")
    (tmp_path / "two.db").write_bytes(b"keep me")
    assert main(["backup", "-c", str(config), str(tmp_path / "two.db")]) == 2
    assert "exists; name a new file" in capsys.readouterr().err
    assert (tmp_path / "two.db").read_bytes() == b"keep me"
