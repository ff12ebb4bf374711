"""What an App's start-up made is left out of full collections while the App runs, and
handed back to the collector when it closes."""

from __future__ import annotations

import gc
from pathlib import Path

from bot.config.options import BUNDLED_RULES, Config
from bot.service.app import App


async def test_start_up_is_frozen_while_the_app_runs(tmp_path: Path) -> None:
    config = Config(database=f"sqlite:///{tmp_path}/dw.db", rules=BUNDLED_RULES,
                    channels=["jsonl:alerts.jsonl"], path=tmp_path / "defwatch.yaml",
                    sources=[], workers=0)
    gc.unfreeze()  # whatever an earlier test left
    app = App(config)
    assert gc.get_freeze_count() == 0
    async with app:
        held = gc.get_freeze_count()
        assert held > 0
        report = await app.cycle(everything=True)  # runs as usual meanwhile
        assert report.polls == []
    assert gc.get_freeze_count() == 0
