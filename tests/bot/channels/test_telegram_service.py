"""`defwatch run` with a token: the bot shares the service's loop, answers commands, and
an operator can pause the service from a chat."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.config import BUNDLED_RULES, Config, HttpConfig, TelegramConfig
from bot.service import run_service
from tests.fakes.telegram_api import FakeTelegram, visible_text


async def test_the_service_runs_the_bot_in_its_own_loop(api: FakeTelegram,
                                                        tmp_path: Path) -> None:
    config = Config(database=f"sqlite:///{tmp_path}/svc.db", rules=BUNDLED_RULES,
                    sources=[], channels=["telegram:@jp_watch?topics=acsa"],
                    telegram=TelegramConfig(token=api.token, base_url=api.base_url,
                                            admins=[7]),
                    http=HttpConfig(listen="off"), path=tmp_path / "defwatch.yaml")
    stop = asyncio.Event()
    service = asyncio.create_task(run_service(config, stop))
    try:
        await api.wait_for(lambda: api.calls_to("deleteWebhook"), "the bot to start polling")
        api.command(7, "/topics", user_id=7)
        await api.wait_for(lambda: api.texts(7), "the topic list")
        assert "india-japan" in visible_text(api.texts(7)[0])  # the bundled rules
        api.command(7, "/pause", user_id=7)
        await api.wait_for(lambda: len(api.texts(7)) == 2, "the pause reply")
        api.command(7, "/status", user_id=7)
        await api.wait_for(lambda: len(api.texts(7)) == 3, "the status reply")
        assert "paused" in visible_text(api.texts(7)[2])
    finally:
        stop.set()
        assert await asyncio.wait_for(service, 30) == 0
    assert not [c for c in api.calls if c.status == 401]
