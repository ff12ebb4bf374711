"""A throwaway PostgreSQL 15 cluster on 127.0.0.1 for the tests that need the real engine.

    with PostgresServer.start() as server:
        url = server.create_database()      # postgresql://postgres@127.0.0.1:PORT/t_1
        ...
        server.drop_database(url)

The cluster lives in a temporary directory (initdb -A trust, no fsync) and is stopped and
deleted on exit. Run as root, the server runs as the `postgres` user (PostgreSQL refuses
root). Binaries come from Debian's postgresql-15 (`make test` installs it); without them
tests are skipped locally and fail under CI=true, so a missing install step cannot hide.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg
import pytest
from psycopg import sql

__all__ = ["PG_BIN", "PostgresServer", "require_postgres"]

PG_BIN = Path(os.environ.get("DEFWATCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
_SETTINGS = ("-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
             "-c full_page_writes=off -c max_connections=200")


def require_postgres() -> None:
    """Skip (fail under CI=true) when the PostgreSQL binaries are missing."""
    if (PG_BIN / "initdb").exists():
        return
    why = (f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing); `make test` "
           "installs it with apt-get install -y postgresql-15")
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(why)
    pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self, root: Path, port: int, as_user: list[str]) -> None:
        self.root = root
        self.port = port
        self._as_user = as_user
        self._names = itertools.count(1)

    @classmethod
    def start(cls) -> Self:
        require_postgres()
        root = Path(tempfile.mkdtemp(prefix="defwatch-pg-"))
        as_user: list[str] = []
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(root, pw.pw_uid, pw.pw_gid)
            as_user = ["runuser", "-u", "postgres", "--"]
        server = cls(root, _free_port(), as_user)
        try:
            server._run("initdb", "-A", "trust", "-U", "postgres", "-E", "UTF8",
                        "--locale=C", "--no-sync", "-D", str(root / "data"))
            (root / "sock").mkdir()
            if as_user:
                shutil.chown(root / "sock", "postgres", "postgres")
            server._run("pg_ctl", "-D", str(root / "data"), "-l", str(root / "server.log"),
                        "-w", "-t", "60", "-o", f"-k {root / 'sock'} -p {server.port} "
                        f"{_SETTINGS}", "start")
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
        return server

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self._as_user, str(PG_BIN / tool), *args],
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr[-2000:]}"
                               f"\n{tail}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, statement: sql.Composed) -> None:
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(statement)

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        name = f"t_{next(self._names)}"
        self._admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = sql.Identifier(url.rsplit("/", 1)[1])
        self._admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
