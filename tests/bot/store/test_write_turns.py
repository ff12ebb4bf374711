"""The service's database threads take turns at SQLite's write lock in the process, so a
burst of short write transactions (per-host slots, claims) never ends one of them with
"database is locked": SQLite's busy handler sleeps and retries instead of queueing, and a
thread that keeps losing its retries fails once busy_timeout runs out."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, func, insert, select
from sqlalchemy.exc import OperationalError

from bot.store import open_database
from bot.store.db import _sqlite_begin, _sqlite_pragmas
from bot.store.tables import host_slots

THREADS = 8
T0 = datetime(2026, 12, 6, 8, 0, 0)
EACH = 40


def no_patience(engine: Engine) -> None:
    """busy_timeout 0: a transaction that finds the write lock taken fails at once, so a
    collision between two threads shows as an error instead of a wait."""

    def pragma(dbapi_conn: object, _record: object) -> None:
        cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
        cur.execute("PRAGMA busy_timeout=0")
        cur.close()

    event.listen(engine, "connect", pragma)


def burst(engine: Engine) -> list[BaseException]:
    """THREADS threads, released together, each writing EACH rows a transaction each."""
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        start.wait()
        for i in range(EACH):
            try:
                with engine.begin() as conn:
                    conn.execute(insert(host_slots).values(host=f"h{n}", slot=i, started=T0))
            except OperationalError as exc:
                errors.append(exc)

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(writer, range(THREADS)))
    return errors


def test_threads_of_one_process_never_meet_database_is_locked(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/turns.db")
    no_patience(db.engine)
    try:
        assert burst(db.engine) == []
        with db.engine.begin() as conn:
            assert conn.scalar(select(func.count()).select_from(host_slots)) == THREADS * EACH
    finally:
        db.close()


def test_without_the_turns_the_same_burst_fails(tmp_path: Path) -> None:
    """The check above can fail: the same burst on a plain engine (SQLite's busy handler
    alone) ends transactions with "database is locked"."""
    open_database(f"sqlite:///{tmp_path}/plain.db").close()  # the schema
    engine = create_engine(f"sqlite:///{tmp_path}/plain.db")  # as before: no turns
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    no_patience(engine)
    try:
        errors = burst(engine)
        assert errors and all("database is locked" in str(e) for e in errors)
    finally:
        engine.dispose()


def test_a_failed_transaction_gives_its_turn_back(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/fail.db")
    try:
        with pytest.raises(OperationalError), db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")
        done = threading.Event()

        def other_thread() -> None:
            with db.engine.begin() as conn:
                conn.execute(insert(host_slots).values(host="h", slot=0, started=T0))
            done.set()

        thread = threading.Thread(target=other_thread)
        thread.start()
        assert done.wait(30), "the failed transaction kept the process's write turn"
        thread.join()
    finally:
        db.close()
