"""A replica gone for good (its host died) while it held an alert's delivery: another
replica, writing to the same shared jsonl path, frees the claim once the gone one's
heartbeat is stale and delivers the alert, once."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from bot.config.options import (
    BUNDLED_RULES,
    Config,
    EventsConfig,
    FetchConfig,
    SourceConfig,
)
from bot.service.app import App
from bot.store import outbox as delivery_rows
from bot.store import workers as worker_rows
from bot.store.db import utcnow
from bot.store.workers import WorkerRow
from tests.loopback import LoopbackServer
from tests.reliability.newsgen import feed_xml, page_html, stories


def shared_config(tmp_path: Path, feed: str, replica: str) -> Config:
    return Config(database=f"sqlite:///{tmp_path}/shared.db", rules=BUNDLED_RULES,
                  sources=[SourceConfig(id="news", kind="rss", url=feed)],
                  channels=[f"jsonl:{tmp_path}/shared/alerts.jsonl"],
                  path=tmp_path / replica / "defwatch.yaml",
                  fetch=FetchConfig(per_host_delay=0, allow_private=True),
                  events=EventsConfig(max_age=None))  # the fixtures are old news


async def test_an_alert_held_by_a_replica_gone_for_good_is_delivered_by_another(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    story = stories(1)[0]
    page = loopback.add("/story.html", page_html(story, "Loop Times"))
    feed = loopback.add("/feed.xml", feed_xml("Loop Times", loopback.url("/"), [(story, page)]),
                        content_type="application/rss+xml")
    async with App(shared_config(tmp_path, feed, "a")) as first:
        await first.poller.poll_due(everything=True)
        await first.processor.run_pending()
        [alert] = first.alerter.emit()
        long_ago = utcnow() - timedelta(hours=1)
        with first.db.engine.begin() as conn:
            # The replica that took the delivery ran on another host, which died.
            worker_rows.register(conn, WorkerRow(
                owner="gone", host="dead-vm", pid=4242, pid_start=1,
                pid_space="another-boot/pid:[4026531836]", started_at=long_ago,
                seen_at=long_ago))
            [held] = delivery_rows.claim_deliveries(
                conn, utcnow(), list(first.channels), owner="gone",
                until=utcnow() + timedelta(minutes=5))
        assert held.alert_id == alert
        assert (await first.dispatcher.run_once()).sent == 0  # held by "gone" for now

    async with App(shared_config(tmp_path, feed, "b")) as second:
        delivered = await second.dispatcher.run_once()
    assert delivered.sent == 1
    lines = (tmp_path / "shared" / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["alert_id"] for x in lines] == [alert]
