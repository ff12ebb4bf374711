"""From a loopback RSS feed to alerts in a jsonl file: the foundation's acceptance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli.main import main
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.service.app import App
from tests.loopback import LoopbackServer
from tests.seeds import page, seeds

FEED_ETAG = '"seed-feed-1"'


def serve_seeds(server: LoopbackServer, *, validators: bool = True) -> str:
    items = []
    for i, seed in enumerate(seeds()):
        url = server.add(f"/news/{seed.name}.html", page(seed))
        items.append(f"<item><title>{seed.title}</title><link>{url}</link>"
                     f"<guid isPermaLink='false'>seed-{i}</guid>"
                     f"<pubDate>Tue, 22 Dec 2020 1{i}:00:00 +0530</pubDate></item>")
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Seeds</title><link>{server.url('/')}</link>{''.join(items)}"
            "</channel></rss>")
    if not validators:
        return server.add("/feed.xml", feed, content_type="application/rss+xml")
    return server.add("/feed.xml", feed, content_type="application/rss+xml",
                      etag=FEED_ETAG, last_modified="Tue, 22 Dec 2020 15:00:00 GMT")


def config_for(tmp_path: Path, feed_url: str) -> Config:
    return Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                  events=EventsConfig(max_age=None),  # the fixtures are old news
                  sources=[SourceConfig(id="seeds", kind="rss", url=feed_url, outlet="Seeds")],
                  channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                  fetch=FetchConfig(per_host_delay=0, allow_private=True))


def alerts(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


async def test_three_reports_of_one_call_become_one_alert(loopback: LoopbackServer,
                                                          tmp_path: Path) -> None:
    config = config_for(tmp_path, serve_seeds(loopback))
    async with App(config) as app:
        report = await app.cycle(everything=True)
    assert [p.status for p in report.polls] == ["ok"]
    [alert] = alerts(tmp_path)
    assert alert["action"] == "new"
    assert alert["rules"] == ["acsa", "bilateral-defence", "india-japan", "malabar"]
    assert len(alert["sources"]) == 3
    assert {"india-japan", "bilateral-defence"} <= set(alert["sources"][1]["rules"])
    assert alert["facts"]["date"] == "2020-12-22"
    assert {"India", "Japan"} <= set(alert["facts"]["countries"])
    assert set(alert["matched"]) == set(alert["rules"])
    for chrome in ("Powered by", "TAGS", "now on Telegram", "Subscribe for unlimited"):
        assert chrome not in alert["summary"]
    summary = alert["summary"].lower()
    assert "telephonic conversation" in summary or "phone" in summary
    assert "supplies and services" in summary or "acsa" in summary
    assert "malabar" in summary or "jimex" in summary
    assert {"Rajnath Singh", "Kishi Nobuo"} <= set(alert["facts"]["people"])
    assert "ACSA" in alert["facts"]["agreements"]
    assert {"Malabar", "JIMEX"} <= set(alert["facts"]["exercises"])


async def test_second_run_is_conditional_and_sends_nothing(loopback: LoopbackServer,
                                                           tmp_path: Path) -> None:
    config = config_for(tmp_path, serve_seeds(loopback))
    async with App(config) as app:
        await app.cycle(everything=True)
    async with App(config) as app:
        second = await app.cycle(everything=True)
    assert [p.status for p in second.polls] == ["not_modified"]
    feed_requests = [r for r in loopback.requests if r.path == "/feed.xml"]
    assert feed_requests[1].headers.get("if-none-match") == FEED_ETAG
    assert loopback.hits("/news/" + seeds()[0].name + ".html") == 1
    assert len(alerts(tmp_path)) == 1


def test_cli_once_twice_never_sends_twice(loopback: LoopbackServer, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    feed = serve_seeds(loopback)
    (tmp_path / "defwatch.yaml").write_text(
        f"database: sqlite:///dw.db\nrules: {BUNDLED_RULES}\n"
        f"sources:\n  - {{id: seeds, kind: rss, url: '{feed}'}}\n"
        "channels: ['jsonl:alerts.jsonl']\nfetch: {per_host_delay: 0s, allow_private: true}\n"
        "events: {max_age: off}\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["once"]) == 0
    serve_seeds(loopback, validators=False)  # a server that never answers 304
    assert main(["once"]) == 0
    assert len(alerts(tmp_path)) == 1
