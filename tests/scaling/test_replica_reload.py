"""Issue 17's acceptance: two `defwatch run` replicas on one database (SQLite and
PostgreSQL) through a sources change reloaded (SIGHUP) on one replica first, the other
still holding the old list. Every event is alerted once (none lost, none twice) in the
one shared jsonl file, and the site never sees more requests in flight at once than
`per_host_concurrency`, whichever replica sends them."""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from pathlib import Path

import pytest

from bot.config.options import BUNDLED_RULES
from tests.ops.service_proc import ServiceProcess
from tests.scaling.inflight import InFlightServer
from tests.scaling.newsroom import Site, build

LIMIT = 2
FEEDS = 24  # every 3rd reports an event: 8 events, half of them on the added feeds
OLD, NEW = 1_700_000_000, 1_700_000_600  # the two source lists' mtimes


def sources_file(path: Path, site: Site, feeds: range, mtime: int) -> None:
    path.write_text("sources:\n" + "".join(
        f"  - {{id: feed-{i:03d}, kind: rss, url: '{site.feeds[i]}'}}\n" for i in feeds),
        encoding="utf-8")
    os.utime(path, (mtime, mtime))


def replica(tmp_path: Path, name: str, database: str, site: Site) -> Path:
    home = tmp_path / name
    home.mkdir()
    sources_file(home / "sources.yaml", site, range(FEEDS // 2), OLD)
    config = home / "defwatch.yaml"
    config.write_text(
        f"database: {database}\nrules: {BUNDLED_RULES}\nsources: sources.yaml\n"
        f"channels: ['jsonl:{tmp_path}/shared/alerts.jsonl']\n"
        "http: {listen: '127.0.0.1:0'}\nevents: {max_age: 'off'}\n"
        f"fetch: {{per_host_delay: 0s, per_host_concurrency: {LIMIT}, timeout: 60s, "
        "allow_private: true, respect_robots: false}\n", encoding="utf-8")
    return config


def alerts(tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "shared" / "alerts.jsonl"
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_sources_change_reloaded_on_one_replica_first(
        engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    database = (str(request.getfixturevalue("postgres_url")) if engine == "postgresql"
                else f"sqlite:///{tmp_path}/shared.db")
    with InFlightServer(limit=LIMIT, hold=0.05) as server:
        site = build(server, feeds=FEEDS, every=3)
        a, b = (replica(tmp_path, name, database, site) for name in ("a", "b"))
        with ServiceProcess(a) as first, ServiceProcess(b) as second:
            old_events = sum(1 for i in range(FEEDS // 2) if i % 3 == 0)
            first.wait_until("the old list's alerts", lambda: len(alerts(tmp_path))
                             >= old_events, timeout=120)
            # The change reaches replica a only; b keeps polling with the old list.
            sources_file(a.parent / "sources.yaml", site, range(FEEDS), NEW)
            first.signal(signal.SIGHUP)
            first.wait_until("every event's alert", lambda: len(alerts(tmp_path))
                             >= site.events, timeout=180)
            assert first.stop() == 0 and second.stop() == 0
        most = max(server.most.values())

    lines = alerts(tmp_path)
    keys = Counter((x["event_id"], x["action"]) for x in lines)
    assert len({x["event_id"] for x in lines}) == site.events  # none lost
    assert set(keys.values()) == {1}, keys  # none twice
    assert most <= LIMIT, server.most
    failed = [r for r in first.log_records() + second.log_records()
              if r["message"].startswith("article failed")]
    assert failed == []
