"""`defwatch once` does not exit with deliveries it could finish within a minute: after a
429 with retry_after 2 it waits and posts; a retry further off is left, and said so. Its
workers start while it polls, not when the first page reaches them."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.config.options import BUNDLED_RULES
from bot.pipeline.cpu_pool import CpuPool
from bot.pipeline.poll import Poller, PollOutcome
from bot.rules import RuleSet
from bot.rules.cache import RuleCache
from tests.fakes.telegram_api import FakeTelegram, visible_text
from tests.loopback import LoopbackServer

CHAT = -1001234567
PAGE = """<html><head><title>India and Japan hold defence talks</title></head><body>
<article><h1>India and Japan hold defence talks</h1>
<p>India and Japan held defence talks in Tokyo, and the two defence ministers agreed to
widen navy exercises and to keep working on the ACSA logistics pact.</p>
<p>The ministry said officials of both navies would meet again before the next round.</p>
</article></body></html>"""


def configure(tmp_path: Path, server: LoopbackServer, api: FakeTelegram) -> str:
    page = server.add("/talks.html", PAGE)
    stamp = "Mon, 02 Mar 2026 09:00:00 GMT"  # any date: max_age is off below
    feed = server.add("/feed.xml", (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Loop</title><item>"
        f"<title>India and Japan hold defence talks</title><link>{page}</link>"
        f"<guid>talks-1</guid><pubDate>{stamp}</pubDate></item></channel></rss>"),
        content_type="application/rss+xml")
    config = tmp_path / "defwatch.yaml"
    config.write_text(
        f"database: sqlite:///dw.db\nrules: {BUNDLED_RULES}\n"
        f"sources:\n  - {{id: loop, kind: rss, url: '{feed}'}}\n"
        f"channels: ['telegram:{CHAT}']\n"
        f"telegram: {{token: '{api.token}', base_url: '{api.base_url}'}}\n"
        "fetch: {per_host_delay: 0s, allow_private: true, respect_robots: false}\n"
        "events: {max_age: off}\n"
        "http: {listen: 'off'}\n", encoding="utf-8")
    return str(config)


def test_once_waits_for_a_retry_after_of_two_seconds(
        loopback: LoopbackServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    with FakeTelegram() as api:
        api.fail("sendMessage", 429, retry_after=2, chat_id=CHAT)
        started = time.monotonic()
        assert main(["once", "-c", configure(tmp_path, loopback, api)]) == 0
        elapsed = time.monotonic() - started
        texts = api.texts(CHAT)
        throttled = [c for c in api.calls_to("sendMessage") if c.status == 429]
        violations = list(api.violations)
    assert len(texts) == 1 and "India and Japan" in visible_text(texts[0])
    assert len(throttled) == 1 and violations == []  # retried after retry_after, not sooner
    assert elapsed >= 1.5  # it did wait out the retry_after …
    assert "delivered 1" in caplog.text  # … and says it delivered
    assert "still waiting" not in caplog.text


def test_once_says_what_is_left_when_a_retry_is_further_off(
        loopback: LoopbackServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    with FakeTelegram() as api:
        api.fail("sendMessage", 429, retry_after=300, chat_id=CHAT)
        started = time.monotonic()
        assert main(["once", "-c", configure(tmp_path, loopback, api)]) == 0
        elapsed = time.monotonic() - started
        assert api.texts(CHAT) == []
    assert elapsed < 60  # no waiting for a retry five minutes away
    (line,) = [r.getMessage() for r in caplog.records if "still waiting" in r.getMessage()]
    assert line.startswith("1 delivery still waiting, the next at ")
    assert f"UTC on telegram:{CHAT} (flood control, retry after 300s); the next " \
           "`defwatch once` or `defwatch run` sends them" in line


def test_once_starts_its_workers_before_it_polls(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []
    start, poll_due = CpuPool.start, Poller.poll_due

    def starting(pool: CpuPool) -> None:
        order.append("workers")
        start(pool)

    async def polling(poller: Poller, *, everything: bool = False) -> list[PollOutcome]:
        order.append("poll")
        return await poll_due(poller, everything=everything)

    monkeypatch.setattr(CpuPool, "start", starting)
    monkeypatch.setattr(Poller, "poll_due", polling)
    config = tmp_path / "defwatch.yaml"
    config.write_text(f"database: sqlite:///{tmp_path}/dw.db\nrules: {BUNDLED_RULES}\n"
                      "sources: []\nchannels: [console]\nworkers: 0\n"
                      "http: {listen: 'off'}\n", encoding="utf-8")
    assert main(["once", "-c", str(config)]) == 0
    assert order[:2] == ["workers", "poll"]


def test_once_starts_its_workers_before_the_rules_and_stops_them_when_those_fail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []
    start, close, load = CpuPool.start, CpuPool.close, RuleCache.load

    def starting(pool: CpuPool) -> None:
        order.append("workers")
        start(pool)

    def closing(pool: CpuPool) -> None:
        order.append("closed")
        close(pool)

    def loading(cache: RuleCache, path: Path) -> RuleSet:
        order.append("rules")
        return load(cache, path)

    monkeypatch.setattr(CpuPool, "start", starting)
    monkeypatch.setattr(CpuPool, "close", closing)
    monkeypatch.setattr(RuleCache, "load", loading)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("id: broken\nrequire: nothing and\n", encoding="utf-8")
    config = tmp_path / "defwatch.yaml"
    config.write_text(f"database: sqlite:///{tmp_path}/dw.db\nrules: {rules}\n"
                      "sources: []\nchannels: [console]\nworkers: 1\n"
                      "http: {listen: 'off'}\n", encoding="utf-8")
    assert main(["once", "-c", str(config)]) == 1
    assert order == ["workers", "rules", "closed"]
