"""Engine set-up (SQLite in WAL mode, or PostgreSQL) and Alembic migrations on start."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bot.errors import StoreError
from bot.store.template import copy_template, keep_template, new_file, template_key

log = logging.getLogger("defwatch.store")
T = TypeVar("T")
# Threads that run the service's SQL; a query that waits for a lock holds one of them,
# never the event loop. Below the connection pool's 15, so none waits for a connection.
DB_THREADS = 12

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# PostgreSQL advisory locks (transaction-scoped): work that replicas must do one at a time.
LOCK_MIGRATE = 0x64770001  # Alembic upgrade at start-up
LOCK_SOURCES = 0x64770002  # making the sources table match the configuration
LOCK_EVENTS = 0x64770003  # placing an article into an event (read candidates, then write)
LOCK_OUTBOX = 0x64770004  # claiming deliveries (an update must not overtake its message)
LOCK_WORKERS = 0x64770005  # removing dead workers and freeing their claims
LOCK_HOSTS = 0x64770006  # taking a per-host request slot (count, then write)


# PostgreSQL connections each process keeps (SQLAlchemy's QueuePool): POOL_SIZE stay open
# once used, MAX_OVERFLOW more are opened under a burst and closed after. A replica's loop
# uses one at a time, its heartbeat thread one, /healthz /readyz /metrics one each while
# they run: about 5 at most in practice, never more than POOL_SIZE + MAX_OVERFLOW (a
# further request waits up to POOL_TIMEOUT_S, then fails). deploy/README.md plans with these.
POOL_SIZE = 5
MAX_OVERFLOW = 10
POOL_TIMEOUT_S = 30.0


def utcnow() -> datetime:
    """Naive UTC, the form every datetime column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


def to_naive_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def to_aware(value: datetime | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Database:
    engine: Engine
    url: str
    _threads: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(DB_THREADS, thread_name_prefix="db"),
        repr=False, compare=False)

    def transaction(self, fn: Callable[[Connection], T]) -> T:
        with self.engine.begin() as conn:
            return fn(conn)

    async def run(self, fn: Callable[[Connection], T]) -> T:
        """fn(conn) in one transaction, in one of the database threads: async code never
        waits for the database (a slow query, a lock) on the event loop thread."""
        return await self.call(self.transaction, fn)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(*args), a function that does its own transactions, in a database thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads, fn, *args)

    async def claim(self, fn: Callable[..., T], *args: Any, undo: Callable[[T], None]) -> T:
        """call(fn, *args) for a claim: cancelled while the thread runs it, the claim it
        made is given back with undo(result) before the cancellation goes on, so a
        shutdown never leaves rows held until their lease runs out."""
        running = asyncio.ensure_future(self.call(fn, *args))
        try:
            return await asyncio.shield(running)
        except asyncio.CancelledError:
            if running.cancelled():
                raise
            got = await running
            await self.call(undo, got)
            raise

    def close(self) -> None:
        self._threads.shutdown(wait=True)
        self.engine.dispose()


def guard_event_loop(db: Database, found: Callable[[str], None]) -> None:
    """Call found(statement) for every SQL statement run on a thread that runs an event
    loop: the check behind "no SQL on the loop" (tests, `DEFWATCH_DEBUG_LOOP=1`)."""

    def check(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # not an event loop's thread
        found(statement)

    event.listen(db.engine, "before_cursor_execute", check)


def log_loop_sql(statement: str) -> None:
    log.error("SQL on the event loop thread: %s", " ".join(statement.split())[:200],
              stack_info=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets readers (status, the HTTP endpoint) run beside the writer; busy_timeout makes
    # a second process wait for the lock instead of failing at once.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
    # Transactions begin IMMEDIATE (see _sqlite_begin): pysqlite must not emit its own BEGIN.
    dbapi_conn.isolation_level = None


def _sqlite_begin(conn: Connection) -> None:
    # Take the write lock up front. A deferred transaction that reads and then writes
    # fails at once with "database is locked" when another process committed in between
    # (busy_timeout does not apply to a stale snapshot); IMMEDIATE waits its turn instead,
    # so two processes on one file take turns at claims, placements and alerts.
    dbapi = conn.connection.dbapi_connection
    turns = dbapi if isinstance(dbapi, _WriterTurns) else None
    if turns is not None:
        turns.wait_turn()
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    except BaseException:
        if turns is not None:
            turns.end_turn()
        raise


class _WriterTurns(sqlite3.Connection):
    """A SQLite connection whose write transactions queue on a lock of its engine.

    SQLite's busy handler does not queue: it sleeps and retries, so under a stream of
    short transactions (per-host slots, claims) from the service's database threads a
    long-waiting one can lose every retry until busy_timeout runs out and fail with
    "database is locked". The threads of one process wait here instead, in turn; only
    other processes still meet the busy handler. Subclassed per engine (`_writer_turns`).
    """

    _lock: threading.Lock  # set on the per-engine subclass, as is _thread
    _thread: threading.local
    _holds = False

    def wait_turn(self) -> None:
        if getattr(self._thread, "holds", False):
            # A second transaction inside this thread's first: it meets SQLite's busy
            # timeout as it did before, not a lock its own thread holds.
            return
        self._lock.acquire()
        self._thread.holds = self._holds = True

    def end_turn(self) -> None:
        if self._holds:
            self._thread.holds = self._holds = False
            self._lock.release()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.end_turn()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.end_turn()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.end_turn()


def _writer_turns() -> type[_WriterTurns]:
    return type("EngineWriterTurns", (_WriterTurns,),
                {"_lock": threading.Lock(), "_thread": threading.local()})


def serialize(conn: Connection, lock: int) -> None:
    """Hold `lock` until this transaction ends, so replicas take turns at its work.
    SQLite needs nothing: its transactions begin IMMEDIATE, one writer at a time."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": lock})


_PASSWORD = re.compile(r"(://[^/@]*?:)[^@]*@")


def masked_url(url: str) -> str:
    """The URL with its password shown as *** (even when the URL does not parse)."""
    return _PASSWORD.sub(r"\1***@", url)


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Connect and bring the schema up to date. Errors say which database and why."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        reason = str(exc).replace(url, masked_url(url))
        raise StoreError(f"database URL {masked_url(url)!r} is not valid: {reason}") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    shown = parsed.render_as_string(hide_password=True)
    if parsed.drivername.startswith("sqlite") and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    pool: dict[str, Any] = {}
    if parsed.drivername.startswith("postgresql"):
        pool = {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW,
                "pool_timeout": POOL_TIMEOUT_S}
    if parsed.drivername.startswith("sqlite"):
        pool = {"connect_args": {"factory": _writer_turns()}}
    try:
        engine = create_engine(parsed, future=True, **pool)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open database {shown}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    db = Database(engine=engine, url=shown)
    if migrate:
        migrate_database(db)
    return db


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def migration_heads(folder: Path = MIGRATIONS / "versions") -> frozenset[str]:
    """The head revisions, read from the migration files' `revision` and `down_revision`
    lines without loading Alembic (a test checks this against Alembic's own answer)."""
    revisions: set[str] = set()
    below: set[str] = set()
    for file in folder.glob("*.py"):
        source = file.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        for down in _DOWN.findall(source):
            below.update(_QUOTED.findall(down))
    return frozenset(revisions - below)


def at_head(db: Database) -> bool:
    """Whether the database's schema is the newest this code knows: then a start need not
    load Alembic (a third of a second) only to find nothing to do."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        stamped = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    return bool(stamped) and stamped == migration_heads()


def migrate_database(db: Database, templates: Path | None = None) -> None:
    """Bring the schema up to date (open_database does it unless told not to). With a
    `templates` folder, a SQLite database that does not exist yet is made as a copy of
    one migrated before (bot/store/template.py), and the first one migrated is kept."""
    new = new_file(db.engine) if templates is not None else None
    key = template_key() if new is not None else ""
    try:
        if new is not None and templates is not None:
            copy_template(templates, new, key)  # when there is one: then it is at head
        if at_head(db):
            return
        upgrade(db)
        if new is not None and templates is not None:
            keep_template(templates, new, key)
    except SQLAlchemyError as exc:
        db.engine.dispose()
        raise StoreError(f"cannot migrate database {db.url}: {exc}") from exc


def _sqlite_reader(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def open_reader(db: Database) -> Engine:
    """A read-only engine on the same database, for the archive's pages. On SQLite its
    reads do not take the write lock (the service's transactions begin IMMEDIATE) and
    writes are refused; on PostgreSQL its transactions are READ ONLY."""
    if db.engine.dialect.name == "postgresql":
        return db.engine.execution_options(postgresql_readonly=True)
    engine = create_engine(db.engine.url, future=True)
    event.listen(engine, "connect", _sqlite_reader)
    return engine


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command  # noqa: PLC0415 (only when there is something to do)
    from alembic.config import Config as AlembicConfig  # noqa: PLC0415

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        serialize(conn, LOCK_MIGRATE)  # replicas starting together migrate one by one
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
