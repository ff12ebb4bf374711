"""An operator's /pause is kept in the database: it holds every replica, survives a
restart and shows in `defwatch status`, until /resume."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.service.app import App
from bot.service.serve import Service
from bot.store import sources as source_rows
from tests.loopback import LoopbackServer
from tests.ops.fixtures import serve_site


def config(tmp_path: Path, feed: str) -> Config:
    return Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                  events=EventsConfig(max_age=None),  # the fixtures are old news
                  sources=[SourceConfig(id="loop-news", kind="rss", url=feed)],
                  channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                  fetch=FetchConfig(per_host_delay=0, allow_private=True))


def polled(app: App) -> bool:
    with app.db.engine.begin() as conn:
        return all(s.last_polled is not None for s in source_rows.all_sources(conn))


async def test_a_pause_holds_every_replica_and_outlives_a_restart(
        loopback: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    cfg = config(tmp_path, serve_site(loopback))
    async with App(cfg) as first, App(cfg) as second:
        await Service(first).pause(by="11 (@chief)")
        replica = Service(second)
        assert await replica.is_paused()
        await replica.tick()
        assert not polled(second)  # the other replica does no polling either

    async with App(cfg) as restarted:  # a restart keeps the pause
        service = Service(restarted)
        assert await service.is_paused()
        await service.tick()
        assert not polled(restarted)

        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("DEFWATCH_DATABASE_URL", f"sqlite:///{tmp_path}/dw.db")
        monkeypatch.delenv("DEFWATCH_CONFIG", raising=False)
        assert main(["status"]) == 0
        out = capsys.readouterr().out
        assert "PAUSED:   by 11 (@chief), now" in out
        assert restarted.worker.owner[:8] in out  # the running process, under workers

        await service.resume(by="11 (@chief)")
        assert not await service.is_paused()
        await service.tick()
        assert polled(restarted)
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "PAUSED" not in out and "workers: none running" in out
