"""Crash safety: `defwatch once` killed with SIGKILL at random points, then restarted
until done, delivers every alert exactly once to the jsonl channel and to Telegram
(tests/reliability/crash.py says how a trial runs, and the one Telegram post that can
be repeated).

The default suite runs a small pipeline; DEFWATCH_FULL=1 runs the acceptance version
(500 events, 550 pages, 20 trials, several minutes) — run it with `-s` for the figures.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegram
from tests.reliability.crash import Trial, TrialReport
from tests.reliability.newsgen import stories
from tests.reliability.site import SiteServer, serve_news

FULL = os.environ.get("DEFWATCH_FULL") == "1"
EVENTS, TRIALS, RUN_S = (500, 20, 14.0) if FULL else (30, 2, 3.0)
SECOND_EVERY = 10  # one event in ten is reported by a second outlet


def summary(reports: list[TrialReport]) -> dict[str, int]:
    keys = ("runs", "missed", "claims_freed", "alerts", "updates", "events",
            "jsonl_lines", "jsonl_duplicates", "jsonl_missing", "telegram_messages",
            "telegram_edits", "telegram_duplicates", "telegram_missing",
            "telegram_settled", "telegram_unsettled", "pending")
    out = {k: sum(int(getattr(r, k)) for r in reports) for k in keys}
    out["trials"] = len(reports)
    out["kills"] = sum(len(r.kills) for r in reports)
    out["min_alerts_per_trial"] = min(r.alerts for r in reports)
    return out


def test_kill_9_loses_nothing_and_repeats_nothing(tmp_path: Path) -> None:
    reports: list[TrialReport] = []
    with SiteServer() as site:
        # Four feeds of first reports, then a fifth outlet's second reports.
        feeds = serve_news(site, stories(EVENTS, second_every=SECOND_EVERY), feeds=4)
        for number in range(TRIALS):
            workdir = tmp_path / f"trial-{number:02d}"
            workdir.mkdir()
            with FakeTelegram() as api:
                trial = Trial(workdir, feeds[:4], api, seed=9000 + number)
                trial.kill_at_random(RUN_S, EVENTS)
                trial.until_done()
                trial.use(feeds)
                trial.kill_at_random(RUN_S / 4, EVENTS + EVENTS // SECOND_EVERY)
                trial.until_done()
                reports.append(trial.verify())
    figures = summary(reports)
    print("\ncrash trials:", json.dumps(figures))
    for r in reports:
        print(json.dumps(asdict(r)))

    assert figures["kills"] >= TRIALS // 2, "most planned kills must hit a live process"
    assert figures["min_alerts_per_trial"] >= EVENTS + EVENTS // SECOND_EVERY
    assert figures["updates"] == TRIALS * (EVENTS // SECOND_EVERY)
    assert figures["telegram_edits"] >= figures["updates"]
    assert figures["jsonl_duplicates"] == 0
    assert figures["jsonl_missing"] == 0
    assert figures["pending"] == 0
    assert figures["telegram_missing"] == 0
    # Only a post the journal could not settle (the first to a chat) may be repeated.
    for r in reports:
        assert r.telegram_duplicates <= r.telegram_unsettled, r
