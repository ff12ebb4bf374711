"""`defwatch run` with a token: the bot shares the service's loop, answers commands, and
an operator can pause the service from a chat."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.config.options import Config, HttpConfig, TelegramConfig
from bot.service.serve import run_service
from tests.fakes.telegram_api import FakeTelegram, visible_text

RULE = """\
id: india-japan
title: India–Japan defence
description: Ministers' calls, dialogues, agreements and exercises between the two
terms:
  india: [India, Indian]
  japan: [Japan, Japanese]
  defence: [defence, defense, military]
require: india and japan and defence
"""


async def test_the_service_runs_the_bot_in_its_own_loop(api: FakeTelegram,
                                                        tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "india-japan.yaml").write_text(RULE, encoding="utf-8")
    config = Config(database=f"sqlite:///{tmp_path}/svc.db", rules=rules, sources=[],
                    channels=["telegram:@jp_watch?topics=india-japan"],
                    telegram=TelegramConfig(token=api.token, base_url=api.base_url,
                                            admins=[7]),
                    http=HttpConfig(listen="off"), path=tmp_path / "defwatch.yaml")
    stop = asyncio.Event()
    service = asyncio.create_task(run_service(config, stop))

    async def replies(count: int, what: str) -> str:
        await api.wait_for(lambda: service.done() or len(api.texts(7)) >= count, what)
        if service.done():
            service.result()  # the service stopped early: show why
        return visible_text(api.texts(7)[count - 1])

    try:
        api.command(7, "/topics", user_id=7)  # queued until the bot polls
        assert "Ministers' calls, dialogues" in await replies(1, "the topic list")
        api.command(7, "/pause", user_id=7)
        assert "Paused" in await replies(2, "the pause reply")
        api.command(7, "/status", user_id=7)
        assert "paused" in await replies(3, "the status reply")
    finally:
        stop.set()
        assert await asyncio.wait_for(service, 30) == 0
    assert not [c for c in api.calls if c.status == 401]
