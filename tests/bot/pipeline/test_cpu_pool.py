"""The worker pool: pages are examined in other processes, a worker killed mid-task costs
nothing (its task runs again), closing leaves no process behind, and workers match with
the set the service compiled."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import shutil
import signal
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest

from bot.config.options import BUNDLED_RULES
from bot.pipeline.cpu_pool import CpuPool
from bot.rules import RuleSet, load_ruleset
from bot.rules import cache as rule_cache
from bot.rules.cache import RuleCache
from bot.rules.holder import RulesHolder
from tests.bot.pipeline.pool_jobs import wait_for_go
from watchers import Entry, Response, Source

T = TypeVar("T")
NOW = datetime(2020, 9, 10, tzinfo=UTC)
PAGE = ("<html><head><title>India and Japan sign logistics pact</title></head><body>"
        "<article><h1>India and Japan sign logistics pact</h1><p>Defence Minister Rajnath "
        "Singh and Japan's ambassador signed the Acquisition and Cross-Servicing Agreement "
        "in New Delhi on Wednesday, letting the two militaries share supplies.</p>"
        "<p>The navies of both countries will use the pact first during exercises later "
        "in the year, officials said on Wednesday evening.</p></article></body></html>")


async def until(what: str, check: Callable[[], T | None], timeout: float = 60.0) -> T:
    deadline = asyncio.get_running_loop().time() + timeout
    while (value := check()) is None or value is False:
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)
    return value


def workers_alive() -> list[int]:
    return [p.pid for p in multiprocessing.active_children() if p.pid is not None]


async def test_pages_are_examined_in_worker_processes() -> None:
    pool = CpuPool(workers=2)
    try:
        response = Response(url="http://127.0.0.1/p.html", status=200, body=PAGE.encode(),
                            content_type="text/html")
        source = Source(id="s", kind="rss", url="http://127.0.0.1/feed.xml")
        entry = Entry(key="k", url=response.url, title="", source_id="s")
        got = await pool.examine(response, source, entry, load_ruleset(BUNDLED_RULES),
                                 now=NOW)
        assert got.outcome == "extracted"
        assert got.result is not None and "acsa" in got.result.rule_ids
        children = workers_alive()
        assert len(children) == 2 and os.getpid() not in children
    finally:
        await asyncio.to_thread(pool.close)
    assert workers_alive() == []


async def test_a_killed_worker_costs_no_task(tmp_path: Path) -> None:
    pool = CpuPool(workers=2)
    try:
        tasks = [asyncio.create_task(pool.run(wait_for_go, (str(tmp_path), n)))
                 for n in range(4)]
        started = await until("both workers busy", lambda: (
            found if len(found := sorted(tmp_path.glob("started-*"))) >= 2 else None))
        victim = int(started[0].name.split("-")[1])
        os.kill(victim, signal.SIGKILL)
        await until("the dead worker noticed", lambda: pool.crashes == 1)
        (tmp_path / "go").touch()
        results = await asyncio.wait_for(asyncio.gather(*tasks), 60)
    finally:
        await asyncio.to_thread(pool.close)
    assert sorted(results) == [0, 2, 4, 6]  # the killed worker's task was run again
    assert pool.crashes == 1
    assert victim not in workers_alive()


async def test_without_workers_pages_are_examined_in_this_process() -> None:
    pool = CpuPool(workers=0)
    response = Response(url="http://127.0.0.1/p.html", status=200, body=PAGE.encode(),
                        content_type="text/html")
    got = await pool.examine(response, Source(id="s", kind="rss", url="http://127.0.0.1/"),
                             Entry(key="k", url=response.url, title="", source_id="s"),
                             load_ruleset(BUNDLED_RULES), now=NOW)
    pool.close()
    assert got.outcome == "extracted"
    assert workers_alive() == []


async def test_closing_an_idle_pool_leaves_no_process_behind() -> None:
    pool = CpuPool(workers=2)
    pool.start()  # the workers boot and warm up; nothing is handed to them
    await asyncio.to_thread(pool.close)
    assert workers_alive() == []


async def test_the_rules_are_compiled_once_for_the_service_and_its_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no compiled set cached, the service compiles the rules once and its workers
    match with that set: they read neither the rule files nor the cache."""
    rules, cache = tmp_path / "rules", tmp_path / "cache"
    shutil.copytree(BUNDLED_RULES, rules)
    compiled: list[Path] = []

    def counted(path: Path) -> RuleSet:
        compiled.append(path)
        return load_ruleset(path)

    monkeypatch.setattr(rule_cache, "load_ruleset", counted)
    holder = RulesHolder(rules, RuleCache(cache))
    assert compiled == [rules]
    shutil.rmtree(rules)  # a worker that compiled or read the cache would fail now
    shutil.rmtree(cache)
    pool = CpuPool(workers=2)
    pool.start()
    try:
        response = Response(url="http://127.0.0.1/p.html", status=200, body=PAGE.encode(),
                            content_type="text/html")
        source = Source(id="s", kind="rss", url="http://127.0.0.1/feed.xml")
        entry = Entry(key="k", url=response.url, title="", source_id="s")
        got = await asyncio.gather(*(pool.examine(response, source, entry, holder.current,
                                                  now=NOW) for _ in range(6)))
    finally:
        await asyncio.to_thread(pool.close)
    assert all(g.result is not None and "acsa" in g.result.rule_ids for g in got)
    assert compiled == [rules]
