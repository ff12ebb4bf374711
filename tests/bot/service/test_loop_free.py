"""Nothing that waits for the database runs on the event loop thread.

* A whole `run` (poll, process, alert, deliver; Telegram commands; a pause and a resume)
  executes no SQL statement on a thread that runs an event loop.
* On PostgreSQL, with the pipeline's advisory locks held by another connection (a replica
  stuck mid-placement), the pipeline waits in its database threads while /healthz and a
  Telegram command still answer within a second.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
import urllib.request
from pathlib import Path
from typing import Any

import psycopg
import pytest

from bot.config.options import (
    BUNDLED_RULES,
    Config,
    EventsConfig,
    FetchConfig,
    HttpConfig,
    SourceConfig,
    TelegramConfig,
)
from bot.service.serve import run_service
from bot.store import Database
from bot.store.db import LOCK_EVENTS, LOCK_OUTBOX, guard_event_loop, open_database
from tests.fakes.telegram_api import FakeTelegram
from tests.loopback import LoopbackServer
from tests.ops.fixtures import serve_site

ADMIN = 7


@pytest.fixture
def api() -> Any:
    with FakeTelegram() as server:
        yield server


def config(tmp_path: Path, database: str, feed: str, api: FakeTelegram, *,
           listen: str = "off") -> Config:
    return Config(database=database, rules=BUNDLED_RULES,
                  sources=[SourceConfig(id="loop-news", kind="rss", url=feed)],
                  channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                  fetch=FetchConfig(per_host_delay=0, allow_private=True),
                  telegram=TelegramConfig(token=api.token, base_url=api.base_url,
                                          admins=[ADMIN]),
                  http=HttpConfig(listen=listen), workers=0,
                  events=EventsConfig(max_age=None))  # the fixtures are old news


def alerts(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


async def test_a_whole_run_runs_no_sql_on_the_loop_thread(
        loopback: LoopbackServer, api: FakeTelegram, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    on_loop: list[str] = []
    databases: list[Database] = []
    opened = open_database

    def watched(url: str, *, migrate: bool = True) -> Database:
        db = opened(url, migrate=migrate)
        guard_event_loop(db, on_loop.append)
        databases.append(db)
        return db

    monkeypatch.setattr("bot.service.app.open_database", watched)
    monkeypatch.chdir(tmp_path)
    stop = asyncio.Event()
    service = asyncio.create_task(run_service(
        config(tmp_path, f"sqlite:///{tmp_path}/dw.db", serve_site(loopback), api), stop))
    try:
        await api.wait_for(lambda: service.done() or alerts(tmp_path), "the alert", 60)
        for n, command in enumerate(("/status", "/topics", "/pause", "/resume"), 1):
            api.command(ADMIN, command, user_id=ADMIN)

            def answered(count: int = n) -> bool:
                return service.done() or len(api.texts(ADMIN)) >= count

            await api.wait_for(answered, f"the answer to {command}", 30)
        assert not service.done(), service.result()
    finally:
        stop.set()
        assert await asyncio.wait_for(service, 60) == 0
    assert databases  # the guard was on the service's database
    assert on_loop == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, float]:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        return int(response.status), time.monotonic() - started


async def test_a_held_advisory_lock_never_blocks_the_loop(
        loopback: LoopbackServer, api: FakeTelegram, tmp_path: Path, postgres_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(postgres_url).close()  # migrated before the other connection locks
    port = _free_port()
    monkeypatch.chdir(tmp_path)
    with psycopg.connect(postgres_url.replace("+psycopg", ""), autocommit=True) as other:
        for lock in (LOCK_EVENTS, LOCK_OUTBOX):  # a replica stuck mid-placement
            other.execute("SELECT pg_advisory_lock(%s)", (lock,))

        def waiting() -> bool:
            row = other.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                " AND NOT granted").fetchone()
            return bool(row and row[0])

        stop = asyncio.Event()
        service = asyncio.create_task(run_service(config(
            tmp_path, postgres_url, serve_site(loopback), api,
            listen=f"127.0.0.1:{port}"), stop))
        try:
            await api.wait_for(lambda: service.done() or waiting(),
                               "the pipeline waiting for the lock", 60)
            status, took = await asyncio.to_thread(_get, f"http://127.0.0.1:{port}/healthz")
            assert status == 200 and took < 1.0
            started = time.monotonic()
            api.command(ADMIN, "/status", user_id=ADMIN)
            await api.wait_for(lambda: service.done() or api.texts(ADMIN), "/status", 10)
            assert time.monotonic() - started < 1.0
            assert waiting() and not alerts(tmp_path)  # the pipeline is still stuck
            other.execute("SELECT pg_advisory_unlock_all()")
            await api.wait_for(lambda: service.done() or alerts(tmp_path), "the alert", 60)
            assert not service.done(), service.result()
        finally:
            # Released first whatever failed above: the service's shutdown frees its claims
            # under the outbox lock, in a thread that cancelling cannot interrupt.
            other.execute("SELECT pg_advisory_unlock_all()")
            stop.set()
            assert await asyncio.wait_for(service, 60) == 0
