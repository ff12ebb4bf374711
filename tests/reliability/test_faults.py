"""Fault injection: one cycle over a healthy feed and every way a server can misbehave
(tests/reliability/faults.py). The cycle finishes, memory stays bounded, each failure is
recorded against its source (sources.last_error, `defwatch status`) or its page
(entries.error) with a clear reason, and the healthy feed still produces its alert."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.cli.status import print_status
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.service.app import App, CycleReport
from tests.loopback import LoopbackServer
from tests.reliability.faults import (
    ACCENTED,
    FEED_FAULTS,
    FEEDS_READ_ANYWAY,
    FETCH_TIMEOUT_S,
    PAGE_FAULTS,
    TIMED_OUT,
    charset_pages,
)
from tests.reliability.faulty_server import FaultyServer, redirect, respond
from tests.reliability.memory import PeakRss
from tests.reliability.newsgen import feed_xml, page_html, stories

# Four 15 MiB reads can be in flight at once here (endless bodies, streamed 50 MiB pages,
# bombs), each holding its chunks and then their join: the bound is what the cap allows.
MEMORY_BOUND_MIB = 200


@dataclass
class Outcome:
    report: CycleReport
    sources: dict[str, sqlite3.Row]
    entries: dict[str, sqlite3.Row]
    alerts: list[dict[str, Any]]
    status: str
    server: FaultyServer
    memory_mib: float
    started: datetime


def rows(db: Path, query: str) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return list(conn.execute(query))


def serve_faults(bad: FaultyServer, healthy_feed: str) -> list[SourceConfig]:
    sources = [SourceConfig(id="healthy", kind="rss", url=healthy_feed)]
    for fault in FEED_FAULTS:
        sources.append(SourceConfig(id=fault.name, kind="rss",
                                    url=bad.add(f"/{fault.name}", fault.serve(bad))))
    bad.add("/feed-redirect-loop-2", redirect("/feed-redirect-loop"))
    bad.add("/page-redirect-loop-2", redirect("/page-redirect-loop"))
    for name, serve, _ in FEEDS_READ_ANYWAY:
        sources.append(SourceConfig(id=name, kind="rss", url=bad.add(f"/{name}", serve(bad))))

    tales = stories(40)[20:]
    listed = [(tales[i], bad.add(f"/{f.name}", f.serve(bad))) for i, f in enumerate(PAGE_FAULTS)]
    for page in charset_pages():
        listed.append((page.story, bad.add(f"/{page.name}",
                                           respond(200, page.body(), page.content_type))))
    moved = stories(13)[12]  # a page that moved to another host name
    bad.add("/moved-final", respond(200, page_html(moved, "Moving Times")))
    listed.append((moved, bad.add("/moved", redirect(bad.url("/moved-final", host="localhost")))))
    feed = bad.add("/pages.xml", respond(200, feed_xml("Pages", bad.url("/"), listed),
                                         "application/rss+xml"))
    sources.append(SourceConfig(id="pages", kind="rss", url=feed))
    return sources


async def one_cycle(config: Config) -> CycleReport:
    async with App(config) as app:
        return await app.cycle(everything=True)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("faults")


@pytest.fixture(scope="module")
def outcome(workdir: Path) -> Iterator[Outcome]:
    """The one cycle every test here looks at (run once: it takes a few seconds)."""
    tmp_path = workdir
    healthy = stories(1)[0]
    with LoopbackServer() as loopback, FaultyServer() as bad:
        page = loopback.add("/healthy/story.html", page_html(healthy, "Steady Post"))
        feed = loopback.add("/healthy/feed.xml", feed_xml("Steady Post", loopback.url("/"),
                                                          [(healthy, page)]),
                            content_type="application/rss+xml")
        config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                        events=EventsConfig(max_age=None),  # the fixtures are old news
                        sources=serve_faults(bad, feed), channels=["jsonl:alerts.jsonl"],
                        path=tmp_path / "defwatch.yaml",
                        fetch=FetchConfig(per_host_delay=0, per_host_concurrency=32,
                                          concurrency=64, timeout=FETCH_TIMEOUT_S,
                                          allow_private=True))
        started = datetime.now(UTC).replace(tzinfo=None)
        with PeakRss() as memory:
            report = asyncio.run(one_cycle(config))
        lines: list[str] = []
        print_status(config, lines.append)
    db = tmp_path / "dw.db"
    jsonl = tmp_path / "alerts.jsonl"
    yield Outcome(
        report=report,
        sources={r["id"]: r for r in rows(db, "SELECT * FROM sources")},
        entries={r["url"].rsplit("/", 1)[1]: r for r in rows(db, "SELECT * FROM entries")},
        alerts=[json.loads(x) for x in jsonl.read_text().splitlines()] if jsonl.exists()
        else [], status="\n".join(lines), server=bad, memory_mib=memory.delta_mib,
        started=started)


def alerted_urls(outcome: Outcome) -> set[str]:
    return {s["url"].rsplit("/", 1)[1] for a in outcome.alerts for s in a["sources"]}


def test_the_healthy_feed_still_alerts(outcome: Outcome) -> None:
    assert "story.html" in alerted_urls(outcome)
    assert outcome.sources["healthy"]["last_status"] == "ok"


def test_every_feed_fault_is_recorded_against_its_source(outcome: Outcome) -> None:
    wrong = {}
    for fault in FEED_FAULTS:
        row = outcome.sources[fault.name]
        if row["last_status"] != "error" or not re.search(fault.expect, row["last_error"] or ""):
            wrong[fault.name] = (row["last_status"], row["last_error"])
    assert wrong == {}


def test_retry_after_holds_the_source_back(outcome: Outcome) -> None:
    next_due = datetime.fromisoformat(outcome.sources["feed-429"]["next_due"])
    assert next_due >= outcome.started + timedelta(seconds=3600)


def test_status_shows_the_reasons(outcome: Outcome) -> None:
    for name, reason in (("feed-503", "HTTP 503"), ("feed-timeout", TIMED_OUT),
                         ("feed-429", "HTTP 429")):
        line = next(x for x in outcome.status.splitlines() if f" {name} " in x)
        assert reason in line


def test_feeds_that_are_broken_but_readable_are_read(outcome: Outcome) -> None:
    for name, _, entries in FEEDS_READ_ANYWAY:
        row = outcome.sources[name]
        assert (row["last_status"], row["items_seen"]) == ("ok", entries), name
    assert "truncated-story" in alerted_urls(outcome)


def test_every_page_fault_is_recorded_against_its_entry(outcome: Outcome) -> None:
    wrong = {}
    for fault in PAGE_FAULTS:
        row = outcome.entries[fault.name]
        if row["status"] == "done" or not re.search(fault.expect, row["error"] or ""):
            wrong[fault.name] = (row["status"], row["error"])
    assert wrong == {}
    assert outcome.sources["pages"]["last_status"] == "ok"


def test_pages_with_a_wrong_or_missing_charset_are_read(outcome: Outcome) -> None:
    names = [p.name for p in charset_pages()] + ["moved"]
    assert {n: outcome.entries[n]["status"] for n in names} == dict.fromkeys(names, "done")
    assert {*names[:-1], "moved-final"} <= alerted_urls(outcome)  # the page's final URL


# Not "charset-declared-utf8-is-cp1252": no header or meta says cp1252, and trafilatura's
# guess is cp1250 ("ministčre"); "declared-latin1-is-utf8" decodes as the header says.
@pytest.mark.parametrize("name", ["charset-missing-meta-cp1252",
                                  "charset-missing-everywhere-utf8",
                                  "charset-unknown-name"])
def test_text_is_decoded_when_the_page_says_how(outcome: Outcome, workdir: Path,
                                                name: str) -> None:
    [row] = rows(workdir / "dw.db", f"SELECT text FROM articles WHERE url LIKE '%/{name}'")
    assert ACCENTED in row["text"]


def test_xml_entities_are_neither_expanded_nor_fetched(outcome: Outcome, workdir: Path
                                                       ) -> None:
    assert outcome.server.hits("/entity") == 0
    assert outcome.server.hits("/entity-dtd") == 0
    texts = rows(workdir / "dw.db", "SELECT title, summary FROM entries")
    assert not [r for r in texts if "lollol" in r["title"] + r["summary"]]
    assert not [r for r in texts if "root:" in r["title"] + r["summary"]]


def test_memory_stays_bounded(outcome: Outcome) -> None:
    assert outcome.memory_mib < MEMORY_BOUND_MIB, f"peak RSS rose {outcome.memory_mib:.0f} MiB"
