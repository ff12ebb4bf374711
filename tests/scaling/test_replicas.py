"""Issue 7's acceptance: two replicas (two `defwatch once` processes) share one database
and 200 loopback feeds. They split the polling, never fetch a page twice, and write one
alert per event between them.

On PostgreSQL the replicas claim rows with FOR UPDATE SKIP LOCKED; on one SQLite file
they take turns at BEGIN IMMEDIATE. Both must give the same result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.config.options import BUNDLED_RULES
from tests.scaling.newsroom import GatedServer, Site, build

PROJECT = Path(__file__).resolve().parents[2]
REPLICAS = ("replica-a", "replica-b")
FEEDS = 200


def write_config(tmp_path: Path, database: str, site: Site, replica: str) -> Path:
    sources = tmp_path / "sources.yaml"
    if not sources.exists():
        sources.write_text("sources:\n" + "".join(
            f"  - {{id: feed-{i:03d}, kind: rss, url: '{url}'}}\n"
            for i, url in enumerate(site.feeds)), encoding="utf-8")
    path = tmp_path / f"{replica}.yaml"
    path.write_text(
        f"database: {database}\nrules: {BUNDLED_RULES}\nsources: sources.yaml\n"
        "channels: ['jsonl:alerts.jsonl']\nhttp: {listen: 'off'}\n"
        "events: {max_age: off}\n"  # the fixtures are old news
        # Above what one replica sends at once (fetch.concurrency, 16): the host's slots are
        # shared, and the gate below holds one replica's requests until the other's arrive.
        "fetch: {per_host_delay: 0s, per_host_concurrency: 32, timeout: 90s, "
        f"allow_private: true, user_agent: 'defwatch-test {replica}'}}\n", encoding="utf-8")
    return path


def run_replicas(configs: list[Path], workdir: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DEFWATCH_CONFIG", "DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN")}
    env.update(DEFWATCH_LOG_FORMAT="json", PYTHONPATH=str(PROJECT))
    procs = []
    for config in configs:
        log = (workdir / f"{config.stem}.log").open("wb")
        procs.append((subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "once", "-c", str(config)], cwd=workdir,
            env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT), log))
    try:
        for proc, _ in procs:
            proc.wait(timeout=180)
    finally:
        for proc, log in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
    for (proc, _), config in zip(procs, configs, strict=True):
        tail = (workdir / f"{config.stem}.log").read_text(errors="replace")[-3000:]
        assert proc.returncode == 0, f"{config.stem} exited {proc.returncode}:\n{tail}"


@pytest.mark.parametrize("engine", ["postgresql", "sqlite"])
def test_two_replicas_split_the_work_and_alert_each_event_once(
        engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    database = (str(request.getfixturevalue("postgres_url")) if engine == "postgresql"
                else f"sqlite:///{tmp_path}/shared.db")
    with GatedServer(set(REPLICAS)) as server:
        site = build(server, feeds=FEEDS, every=4)
        run_replicas([write_config(tmp_path, database, site, r) for r in REPLICAS], tmp_path)
        polls = {r: server.requests_by(r, "/feed/") for r in REPLICAS}
        page_hits = Counter(r.path for r in server.requests if r.path.startswith("/news/"))

    # Both replicas polled, and between them every feed exactly once.
    assert all(polls[r] for r in REPLICAS), {r: len(p) for r, p in polls.items()}
    assert Counter(p for r in REPLICAS for p in polls[r]) == Counter(
        f"/feed/{i}.xml" for i in range(FEEDS))
    # No entry was processed twice: each page fetched once, by one replica or the other.
    assert page_hits == Counter(site.pages)
    # One alert per event, none twice.
    lines = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    keys = Counter((a["event_id"], a["action"]) for a in lines)
    assert set(keys.values()) == {1}
    assert len(lines) == site.events == FEEDS // 4
    assert {a["action"] for a in lines} == {"new"}
