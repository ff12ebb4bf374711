"""Kill `defwatch once` with SIGKILL at random points and check, after restarts, that
every alert reached the jsonl file and the fake Telegram channel exactly once.

The Bot API has no idempotency key: a kill between a post and its commit leaves a post
whose outcome is unknown, which the post journal settles on restart (bot/channels/telegram/
settle.py). The one post it cannot settle is the first to a chat (no baseline yet);
that one is posted again and the child logs it, so the trial counts such posts and
checks that every duplicate is one of them.

A trial: a fresh database, jsonl file and fake Bot API; 1-3 runs of the child killed
either after a random delay or once a random number of lines is in the jsonl file;
then runs without a kill until the store says nothing is left to do. The test does this
twice per trial: first reports only, then with a second outlet's feed added, whose
reports join events already alerted (update alerts, Telegram edits). Each restart comes
at once: it finds the killed process gone and frees the claims it held (sources,
entries, deliveries, a Telegram post in flight; bot/service/liveness.py) instead of leaving them
to their 5-10 minute leases. The trial counts those claims from the child's log.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegram

__all__ = ["KillPlan", "Trial", "TrialReport", "write_config"]

PROJECT = Path(__file__).resolve().parents[2]
CHAT = "@defwatch_crash"
_HREF = re.compile(r'<a href="([^"]+)"')
_FREED = re.compile(r"is dead \(its process has ended\): freed (\d+) claims")


@dataclass(frozen=True)
class KillPlan:
    after_s: float | None = None  # kill this long after the start, or
    after_lines: int | None = None  # once the jsonl file has this many lines

    def describe(self) -> str:
        if self.after_s is not None:
            return f"after {self.after_s:.2f}s"
        return f"at {self.after_lines} jsonl lines"


@dataclass
class TrialReport:
    seed: int
    kills: list[str] = field(default_factory=list)  # the kills that hit a live process
    missed: int = 0  # planned kills that came after the run had finished
    runs: int = 0
    claims_freed: int = 0  # claims of a killed run that the next one freed at its start
    alerts: int = 0
    events: int = 0
    jsonl_lines: int = 0
    jsonl_duplicates: int = 0
    jsonl_missing: int = 0
    updates: int = 0  # alerts with action "update" (more sources joined an event)
    telegram_messages: int = 0
    telegram_edits: int = 0
    telegram_duplicates: int = 0
    telegram_missing: int = 0
    telegram_settled: int = 0  # posts cut short that the journal found, or found missing
    telegram_unsettled: int = 0  # posts cut short it could not tell about: posted again
    pending: int = 0  # deliveries not sent at the end


def write_config(workdir: Path, feeds: list[str]) -> Path:
    sources = "".join(f"  - {{id: feed-{i}, kind: rss, url: '{url}'}}\n"
                      for i, url in enumerate(feeds))
    path = workdir / "defwatch.yaml"
    path.write_text(
        "database: sqlite:///dw.db\n"
        f"sources:\n{sources}"
        f"channels: ['jsonl:alerts.jsonl', 'telegram:{CHAT}']\n"
        "fetch: {per_host_delay: 0s, per_host_concurrency: 16, allow_private: true}\n"
        "events: {update_every: 0s, max_age: off}\n"
        "http: {listen: 'off'}\n", encoding="utf-8")
    return path


class Trial:
    def __init__(self, workdir: Path, feeds: list[str], api: FakeTelegram, seed: int) -> None:
        self.workdir = workdir
        self.config = self.use(feeds)
        self.api = api
        self.rng = random.Random(seed)
        self.report = TrialReport(seed=seed)
        self.jsonl = workdir / "alerts.jsonl"
        self.db = workdir / "dw.db"
        self._env = {**os.environ, "DEFWATCH_LOG_FORMAT": "json",
                     "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
                     "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT),
                                                                 os.environ.get("PYTHONPATH")]))}
        self._env.pop("DEFWATCH_CONFIG", None)
        self._env.pop("DEFWATCH_DATABASE_URL", None)

    # -- running ----------------------------------------------------------------------

    def use(self, feeds: list[str]) -> Path:
        """Configure these feeds from the next run on (the database keeps what it has)."""
        return write_config(self.workdir, feeds)

    def kill_at_random(self, expected_s: float, expected_lines: int) -> None:
        """Kill 1-3 runs at random points (fewer when the work is done first)."""
        planned = self.rng.randint(1, 3)
        kills = len(self.report.kills)
        while len(self.report.kills) - kills < planned:
            self.run(self.plan(expected_s, expected_lines))
            if self.done():
                break

    def plan(self, expected_s: float, expected_lines: int) -> KillPlan:
        """Half the kills after a random time, half once a random line count is reached
        (those land in the delivery phase, where the duplicate window is)."""
        if self.rng.random() < 0.5:
            return KillPlan(after_s=self.rng.uniform(0.2, expected_s))
        return KillPlan(after_lines=self.lines() + self.rng.randint(
            1, max(1, expected_lines - self.lines())))

    def run(self, kill: KillPlan | None = None, timeout_s: float = 300.0) -> int | None:
        """One `once`; None when it was killed, else its exit code."""
        self.report.runs += 1
        with (self.workdir / "child.log").open("ab") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.reliability.crash_child", "once",
                 "-c", str(self.config)], cwd=self.workdir, env=self._env,
                stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        started = time.monotonic()
        try:
            while True:
                if kill is not None and self._due(kill, started):
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    self.report.kills.append(kill.describe())
                    return None
                try:
                    # The pause between looks; returns at once when the child exits.
                    code = proc.wait(timeout=0.003)
                except subprocess.TimeoutExpired:
                    if time.monotonic() - started > timeout_s:
                        raise AssertionError(f"`once` still running after {timeout_s:.0f}s"
                                             ) from None
                    continue
                if kill is not None:
                    self.report.missed += 1
                return code
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    def _due(self, kill: KillPlan, started: float) -> bool:
        if kill.after_s is not None:
            return time.monotonic() - started >= kill.after_s
        assert kill.after_lines is not None
        return self.lines() >= kill.after_lines

    def until_done(self, max_runs: int = 6) -> None:
        for _ in range(max_runs):
            code = self.run()
            if code != 0:
                raise AssertionError(f"`once` exited {code}: see {self.workdir}/child.log")
            if self.done():
                return
        raise AssertionError(f"work left after {max_runs} runs: see {self.workdir}")

    # -- looking at the outcome --------------------------------------------------------

    def lines(self) -> int:
        try:
            with self.jsonl.open("rb") as fh:
                return fh.read().count(b"\n")
        except FileNotFoundError:
            return 0

    def done(self) -> bool:
        if not self.db.exists():
            return False
        with sqlite3.connect(self.db) as conn:
            tables = {name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"sources", "entries", "events", "deliveries"} <= tables:
                return False  # killed before its first start-up had made the tables
            left = conn.execute(
                "SELECT (SELECT count(*) FROM sources WHERE last_polled IS NULL)"
                " + (SELECT count(*) FROM entries WHERE status = 'pending')"
                " + (SELECT count(*) FROM events WHERE dirty)"
                " + (SELECT count(*) FROM deliveries WHERE state = 'pending')").fetchone()[0]
        return int(left) == 0

    def verify(self) -> TrialReport:
        r = self.report
        lines = [json.loads(x) for x in self.jsonl.read_text(encoding="utf-8").splitlines()]
        with sqlite3.connect(self.db) as conn:
            alerts = dict(conn.execute("SELECT id, event_id FROM alerts").fetchall())
            r.updates = int(conn.execute(
                "SELECT count(*) FROM alerts WHERE action = 'update'").fetchone()[0])
            firsts = dict(conn.execute(
                "SELECT event_id, url FROM articles WHERE id IN"
                " (SELECT min(id) FROM articles WHERE event_id IS NOT NULL"
                "  GROUP BY event_id)").fetchall())
            r.pending = int(conn.execute(
                "SELECT count(*) FROM deliveries WHERE state != 'sent'").fetchone()[0])
        written = Counter(int(x["alert_id"]) for x in lines)
        r.alerts, r.events, r.jsonl_lines = len(alerts), len(firsts), len(lines)
        r.jsonl_duplicates = sum(n - 1 for n in written.values())
        r.jsonl_missing = len(set(alerts) - set(written)) + len(set(written) - set(alerts))
        news = Counter(x["event_id"] for x in lines if x["action"] == "new")
        r.jsonl_duplicates += sum(n - 1 for n in news.values())  # one "new" per event
        posted = Counter(_first_link(c.params.get("text", ""))
                         for c in self.api.calls_to("sendMessage")
                         if c.status == 200 and c.params.get("chat_id") == CHAT)
        r.telegram_messages = sum(posted.values())
        r.telegram_edits = sum(1 for c in self.api.calls_to("editMessageText")
                               if c.params.get("chat_id") == CHAT)
        r.telegram_duplicates = sum(n - 1 for n in posted.values())
        r.telegram_missing = len(set(firsts.values()) - set(posted))
        log = (self.workdir / "child.log").read_text(encoding="utf-8", errors="replace")
        r.telegram_settled = log.count("had landed as message") + log.count("had not landed")
        r.telegram_unsettled = log.count("posting it again")
        r.claims_freed = sum(int(n) for n in _FREED.findall(log))
        return r


def _first_link(html: str) -> str:
    found = _HREF.search(html)
    return found.group(1) if found else ""
