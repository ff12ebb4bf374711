"""The poller against a loopback server: adaptive intervals stored per source, Retry-After
honoured, a source that keeps failing disabled until `defwatch sources enable`."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.cli.main import main
from bot.cli.source_admin import enable_source
from bot.config.options import Config
from bot.errors import StoreError
from bot.pipeline.pacing import DISABLE_AFTER
from bot.pipeline.poll import Poller
from bot.store import Database, open_database
from bot.store import sources as source_rows
from bot.store.tables import sources
from tests.loopback import LoopbackServer
from watchers import POLLERS
from watchers.fetch.http import Fetcher
from watchers.models import FetchSettings, PollResult, Source, SourceState

T0 = datetime(2026, 11, 24, 12, 0, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def feed(server: LoopbackServer, path: str, items: range, version: int) -> str:
    body = "".join(f"<item><title>Story {i}</title><link>{server.url(f'/n/{i}.html')}</link>"
                   f"<guid>{path}-{i}</guid></item>" for i in items)
    return server.add(path, f"<?xml version='1.0'?><rss version='2.0'><channel><title>F"
                            f"</title>{body}</channel></rss>",
                      content_type="application/rss+xml", etag=f'"v{version}"')


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    settings = FetchSettings(per_host_delay_s=0, timeout_s=10, allow_private=True,
                             respect_robots=False)
    async with Fetcher(settings) as f:
        yield f


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path}/dw.db")
    yield database
    database.close()


def configure(db: Database, *srcs: Source) -> None:
    with db.engine.begin() as conn:
        source_rows.sync_sources(conn, list(srcs), T0)


def state(db: Database, source_id: str) -> dict[str, object]:
    with db.engine.begin() as conn:
        row = conn.execute(select(sources).where(sources.c.id == source_id)).one()
    return dict(row._mapping)


async def test_intervals_adapt_to_how_often_a_source_has_news(
        db: Database, fetcher: Fetcher, loopback: LoopbackServer) -> None:
    url = feed(loopback, "/f.xml", range(2), 0)
    configure(db, Source(id="f", kind="rss", url=url, interval_s=600))
    clock = Clock()
    poller = Poller(db, fetcher, clock=clock)
    intervals = []
    for n in range(1, 13):
        if n <= 4:  # news at every poll, then none (304s)
            feed(loopback, "/f.xml", range(2 * n), n)
        [outcome] = await poller.poll_due()
        row = state(db, "f")
        intervals.append(row["current_interval_s"])
        assert row["next_due"] == clock.now + timedelta(seconds=float(str(intervals[-1])))
        clock.now = row["next_due"]  # type: ignore[assignment]
    assert outcome.status == "not_modified"
    assert intervals == [600, 300, 150, 150, 150, 150, 300, 300, 300, 600, 600, 600]


@pytest.mark.parametrize(("status", "retry_after"), [
    (503, "7200"), (429, "Wed, 25 Nov 2026 14:00:00 GMT")])
async def test_retry_after_is_honoured(db: Database, fetcher: Fetcher,
                                       loopback: LoopbackServer, status: int,
                                       retry_after: str) -> None:
    url = loopback.add("/busy.xml", "slow down", status=status,
                       headers={"Retry-After": retry_after})
    configure(db, Source(id="busy", kind="rss", url=url, interval_s=60))
    [outcome] = await Poller(db, fetcher, clock=Clock()).poll_due()
    assert outcome.status == "error" and outcome.error == f"HTTP {status}"
    row = state(db, "busy")
    assert row["failures"] == 1
    # Well past the backoff (60s +-10%) for the first failure: the server's wish counts.
    assert row["next_due"] >= T0 + timedelta(hours=1)  # type: ignore[operator]


async def test_a_failing_source_is_disabled_then_enabled_by_the_operator(
        db: Database, fetcher: Fetcher, loopback: LoopbackServer, tmp_path: Path) -> None:
    url = loopback.add("/gone.xml", "boom", status=500)
    configure(db, Source(id="gone", kind="rss", url=url))
    with db.engine.begin() as conn:
        conn.execute(update(sources).values(failures=DISABLE_AFTER - 2))
    clock = Clock()
    poller = Poller(db, fetcher, clock=clock)
    assert [o.error for o in await poller.poll_due(everything=True)] == ["HTTP 500"]
    clock.now += timedelta(minutes=1)
    [outcome] = await poller.poll_due(everything=True)
    reason = f"disabled: {DISABLE_AFTER} consecutive failures, last: HTTP 500"
    assert outcome.error == reason
    clock.now += timedelta(minutes=1)
    assert await poller.poll_due(everything=True) == []
    with db.engine.begin() as conn:
        [status] = source_rows.all_sources(conn)
    assert (status.enabled, status.disabled, status.last_error) == (False, reason, reason)

    config = Config(database=f"sqlite:///{tmp_path}/dw.db")
    said: list[str] = []
    assert enable_source(config, "gone", said.append) == 0
    assert said == [f"gone: enabled, due now (it was {reason})"]
    with pytest.raises(StoreError, match="no source 'nope'"):
        enable_source(config, "nope", said.append)
    (tmp_path / "defwatch.yaml").write_text(f"database: sqlite:///{tmp_path}/dw.db\n")
    assert main(["sources", "enable", "gone", "-c", str(tmp_path / "defwatch.yaml")]) == 0
    assert main(["sources", "enable", "nope", "-c", str(tmp_path / "defwatch.yaml")]) == 2
    assert state(db, "gone")["failures"] == 0
    clock.now += timedelta(minutes=1)
    assert len(await poller.poll_due(everything=True)) == 1


async def test_a_cycle_polls_every_due_source_once(db: Database, fetcher: Fetcher,
                                                   loopback: LoopbackServer) -> None:
    srcs = [Source(id=f"s{i:02d}", kind="rss", url=feed(loopback, f"/f{i}.xml", range(1), 0))
            for i in range(30)]
    configure(db, *srcs)
    outcomes = await Poller(db, fetcher, concurrency=4, clock=Clock()).poll_due()
    assert sorted(o.source_id for o in outcomes) == [s.id for s in srcs]
    assert all(loopback.hits(f"/f{i}.xml") == 1 for i in range(30))


async def test_a_cancelled_cycle_gives_its_claims_back(db: Database, fetcher: Fetcher,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    started = asyncio.Event()

    async def hang(_fetcher: Fetcher, _source: Source, _state: SourceState) -> PollResult:
        started.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    monkeypatch.setitem(POLLERS, "rss", hang)
    configure(db, *(Source(id=f"s{i}", kind="rss", url=f"http://127.0.0.1:9/{i}")
                    for i in range(6)))
    cycle = asyncio.create_task(Poller(db, fetcher, concurrency=2, clock=Clock()).poll_due())
    await asyncio.wait_for(started.wait(), 10)
    with db.engine.begin() as conn:
        assert conn.execute(select(sources.c.claimed_until)
                            .where(sources.c.claimed_until.is_not(None))).all()
    cycle.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cycle
    with db.engine.begin() as conn:  # a restarted service may poll them at once
        claims = conn.execute(select(sources.c.claimed_until)).scalars().all()
    assert claims == [None] * 6


def closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_every_source_unreachable_says_the_network_may_be_down(
        db: Database, fetcher: Fetcher, caplog: pytest.LogCaptureFixture) -> None:
    port = closed_port()
    configure(db, Source(id="a", kind="rss", url=f"http://127.0.0.1:{port}/a.xml"),
              Source(id="b", kind="search", url=f"http://127.0.0.1:{port}/s?q={{query}}",
                     query="India Japan defence"))
    caplog.set_level(logging.INFO, logger="defwatch.poll")
    outcomes = await Poller(db, fetcher, clock=Clock()).poll_due(everything=True)
    assert [o.unreachable for o in outcomes] == [True, True]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings[-1] == ("every source polled this cycle failed without an answer "
                            "(connection refused ×2): the network or DNS of this machine "
                            "may be down")
    # The search source's failure names the URL asked for, its query filled in.
    (line,) = [w for w in warnings if "source=b " in w]
    assert f"url=http://127.0.0.1:{port}/s?q=India+Japan+defence " in line
    assert "{query}" not in caplog.text


async def test_one_site_answering_is_not_a_network_outage(
        db: Database, fetcher: Fetcher, loopback: LoopbackServer,
        caplog: pytest.LogCaptureFixture) -> None:
    configure(db, Source(id="a", kind="rss", url=f"http://127.0.0.1:{closed_port()}/a.xml"),
              Source(id="b", kind="rss", url=loopback.url("/missing.xml")))  # 404
    caplog.set_level(logging.INFO, logger="defwatch.poll")
    outcomes = await Poller(db, fetcher, clock=Clock()).poll_due(everything=True)
    assert sorted((o.source_id, o.status, o.unreachable) for o in outcomes) == [
        ("a", "error", True), ("b", "error", False)]
    assert "network" not in caplog.text
