"""kill -9, then an immediate restart: the restart finds the killed process gone (its pid
no longer runs), frees its claims and finishes the work in the same run, instead of
leaving it until the claims' leases run out (5 minutes for a source, 10 for entries).

The first `defwatch once` is killed while it holds claims: mid-poll of a feed that
never answers (a source claim), or mid-fetch of a page that never answers (the claims
on the entries of its batch). The server then answers, and a second `once` must alert
both stories.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.faulty_server import FaultyServer, hang, respond
from tests.reliability.newsgen import feed_xml, page_html, stories

PROJECT = Path(__file__).resolve().parents[2]
RSS = "application/rss+xml"


def start_once(workdir: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DEFWATCH_LOG_FORMAT": "json",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT),
                                                       os.environ.get("PYTHONPATH")]))}
    for name in ("DEFWATCH_CONFIG", "DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN"):
        env.pop(name, None)
    with (workdir / "child.log").open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "once", "-c",
                                 str(workdir / "defwatch.yaml")], cwd=workdir, env=env,
                                stdout=log, stderr=log, stdin=subprocess.DEVNULL)


def wait_for(proc: subprocess.Popen[bytes], what: str, check: Callable[[], bool],
             timeout: float = 120.0) -> None:
    """Poll `check` until it holds; pause in proc.wait so an early exit is seen at once."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        try:
            code = proc.wait(timeout=0.02)
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"`once` exited ({code}) before {what}")


def query(db: Path, sql: str) -> list[tuple[object, ...]]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        try:
            return list(conn.execute(sql))
        except sqlite3.OperationalError:  # tables not made yet
            return []


@pytest.mark.parametrize("held", ["feed", "page"])
def test_a_restart_after_kill_9_takes_over_the_claims_at_once(tmp_path: Path,
                                                              held: str) -> None:
    steady, late = stories(2)
    with FaultyServer() as server:
        steady_page = server.add("/a/story.html", respond(200, page_html(steady, "Steady")))
        server.add("/a/feed.xml", respond(200, feed_xml("Steady", server.url("/a/"),
                                                        [(steady, steady_page)]), RSS))
        late_page = server.url("/b/story.html")
        late_feed = feed_xml("Late", server.url("/b/"), [(late, late_page)])
        server.add("/b/story.html", hang() if held == "page" else
                   respond(200, page_html(late, "Late")))
        server.add("/b/feed.xml", hang() if held == "feed" else respond(200, late_feed, RSS))
        (tmp_path / "defwatch.yaml").write_text(
            "database: sqlite:///dw.db\n"
            "sources:\n"
            f"  - {{id: steady, kind: rss, url: '{server.url('/a/feed.xml')}'}}\n"
            f"  - {{id: late, kind: rss, url: '{server.url('/b/feed.xml')}'}}\n"
            "channels: ['jsonl:alerts.jsonl']\n"
            "events: {max_age: off}\n"  # the fixtures are old news
            "fetch: {per_host_delay: 0s, allow_private: true, timeout: 10m}\n"
            "http: {listen: 'off'}\n", encoding="utf-8")
        db = tmp_path / "dw.db"

        first = start_once(tmp_path)
        try:
            wait_for(first, f"the request for the {held}",
                     lambda: server.hits(f"/b/{'feed.xml' if held == 'feed' else 'story.html'}")
                     > 0)
            table = "sources" if held == "feed" else "entries"
            holders = query(db, f"SELECT w.pid FROM {table} AS t JOIN workers AS w"
                                " ON w.owner = t.claimed_by")
            assert holders and {pid for (pid,) in holders} == {first.pid}
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait()

        server.add("/b/feed.xml", respond(200, late_feed, RSS))
        server.add("/b/story.html", respond(200, page_html(late, "Late")))
        started = time.monotonic()
        second = start_once(tmp_path)
        assert second.wait(timeout=240) == 0, (tmp_path / "child.log").read_text()
        took = time.monotonic() - started

    log = [json.loads(line) for line in
           (tmp_path / "child.log").read_text(encoding="utf-8").splitlines()
           if line.startswith("{")]
    freed = [r["message"] for r in log if "is dead (its process has ended)" in r["message"]]
    jsonl = tmp_path / "alerts.jsonl"
    alerted = {json.loads(line)["sources"][0]["url"] for line in
               (jsonl.read_text(encoding="utf-8").splitlines() if jsonl.exists() else [])}
    print(f"\nkilled holding a {held} claim; the restart took {took:.1f}s: {freed}")
    assert len(freed) == 1 and f"pid={first.pid} " in freed[0]
    assert alerted == {steady_page, late_page}
    assert query(db, "SELECT count(*) FROM workers") == [(0,)]  # the second one left
    assert query(db, "SELECT count(*) FROM entries WHERE status != 'done'") == [(0,)]
