"""A new SQLite database made as a copy of one that Alembic migrated before, instead of
migrating it again.

Migrating an empty store costs about 0.2 s of CPU, most of it importing Alembic (and the
Mako and Pygments it loads); the service pays it at the start of every run on a new
database, while its workers wait for their first page. So the first time a new database
is migrated, a copy of it, made before anything else is written, is kept in the cache
folder (`cache:`, beside the compiled rules) under a key: a hash of every migration file
(name and bytes) and of the versions of SQLite, SQLAlchemy and Alembic, which shape the
schema they write. A later new database on this machine is that file copied into place:
the same schema and rows, to the byte, as Alembic would make, for about 5 ms.

Only a database whose file does not exist yet is made so, and the copy is put in place
with a hard link, which fails when the file has appeared meanwhile (another process made
it): then the database is opened and migrated as before. A database that exists, at
whatever revision, is never replaced. The copy runs no code, but its schema could hold
triggers, so, as for the compiled rules, only a file this user owns, that no one else
may write, in a folder no one else may write, is used.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import sqlite3
import stat
import tempfile
from pathlib import Path

from sqlalchemy import Engine

__all__ = ["KEEP", "copy_template", "keep_template", "new_file", "template_key"]

log = logging.getLogger("defwatch.store")

KEEP = 2  # templates kept (one per migration set lately in use); older ones are removed
_VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_LIBRARIES = ("SQLAlchemy", "alembic")


def template_key(versions: Path = _VERSIONS) -> str:
    """What a migrated empty database depends on: the migration files and the versions
    of SQLite and of the libraries that turn them into SQL."""
    digest = hashlib.sha256(f"sqlite {sqlite3.sqlite_version}\0".encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name} {importlib.metadata.version(name)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} -\0".encode())
    for file in sorted(versions.glob("*.py")):
        body = file.read_bytes()
        digest.update(f"{file.name}\0{len(body)}\0".encode() + body)
    return digest.hexdigest()[:32]


def new_file(engine: Engine) -> Path | None:
    """The file of a SQLite database that does not exist yet; None for anything else
    (another engine, memory, URI options, a file that is there already)."""
    url = engine.url
    if engine.dialect.name != "sqlite" or url.query or url.database in (None, "", ":memory:"):
        return None
    path = Path(str(url.database))
    if str(url.database).startswith("file:") or os.path.lexists(path):
        return None
    return path


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def copy_template(folder: Path, target: Path, key: str) -> bool:
    """Put a copy of the template for `key` at `target`, which must not exist; False
    (and nothing changed) when there is no usable template or `target` appeared."""
    template = folder / f"store-{key}.sqlite"
    try:
        if not (stat.S_ISDIR(os.lstat(folder).st_mode) and _private(os.lstat(folder))):
            return False
        fd = os.open(template, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False  # none kept yet
    with os.fdopen(fd, "rb") as source:
        st = os.fstat(source.fileno())
        if not (stat.S_ISREG(st.st_mode) and _private(st)):
            log.warning("store template %s: not private to this user, not used", template)
            return False
        body = source.read()
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=".defwatch-new-")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(body)
        os.link(name, target)  # fails if the database appeared meanwhile: it is kept
    except OSError:
        return False
    finally:
        Path(name).unlink(missing_ok=True)
    return True


def keep_template(folder: Path, database: Path, key: str) -> None:
    """Keep a copy of `database`, just migrated from nothing, as the template for `key`."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=".store-")  # mode 0600
        os.close(fd)
        try:
            Path(name).unlink()  # VACUUM INTO writes a file that is not there yet
            conn = sqlite3.connect(database)
            try:
                # one file, no WAL beside it, nothing but what the migrations wrote
                conn.execute("VACUUM INTO ?", (name,))
            finally:
                conn.close()
            Path(name).chmod(0o600)
            Path(name).replace(folder / f"store-{key}.sqlite")
        finally:
            Path(name).unlink(missing_ok=True)
        _prune(folder, key)
    except (OSError, sqlite3.Error) as exc:  # a read-only home: every new store migrates
        log.info("store template in %s not written (%s)", folder, exc)


def _prune(folder: Path, key: str) -> None:
    keep = folder / f"store-{key}.sqlite"
    old = sorted((f for f in folder.glob("store-*.sqlite") if f != keep),
                 key=lambda f: f.stat().st_mtime, reverse=True)
    for f in old[KEEP - 1:]:
        f.unlink(missing_ok=True)
