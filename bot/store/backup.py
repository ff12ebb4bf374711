"""`defwatch backup FILE`: a consistent copy of a live SQLite database.

The database runs in WAL mode, so copying the file while the service writes is not safe;
SQLite's online backup API copies a consistent snapshot while writers carry on. It is
Python's own sqlite3 module, so it works where no `sqlite3` program is installed (the
container image). PostgreSQL has pg_dump for this.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.errors import StoreError

__all__ = ["Copied", "backup_sqlite"]


@dataclass(frozen=True)
class Copied:
    source: Path
    target: Path
    pages: int
    size: int  # bytes


def backup_sqlite(url: str, target: Path) -> Copied:
    """Copy the SQLite database of `url` to `target` (which must not exist yet)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"database URL {url!r} is not valid: {exc}") from exc
    if not parsed.drivername.startswith("sqlite"):
        raise StoreError(f"`defwatch backup` copies SQLite databases; for "
                         f"{parsed.get_backend_name()} use its own tool (PostgreSQL: "
                         "pg_dump -Fc, see deploy/README.md)")
    if parsed.database in (None, "", ":memory:"):
        raise StoreError("an in-memory database has nothing to back up")
    source = Path(parsed.database)
    if not source.is_file():
        raise StoreError(f"no database at {source}")
    if target.exists():
        raise StoreError(f"{target} exists; name a new file (a backup never overwrites)")
    # Read-only: a backup must never create, migrate or lock the live database for writing.
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
        finally:
            dst.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise StoreError(f"backup of {source} failed: {exc}") from exc
    finally:
        src.close()
    return Copied(source, target, pages, target.stat().st_size)
