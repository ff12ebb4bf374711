"""The jsonl channel appends each alert once: a retry after a crash between the append
and the store's record finds its line and does not write it again."""

from __future__ import annotations

import json
from pathlib import Path

from bot.channels.jsonl import JsonlChannel
from tests.bot.channels.conftest import make_alert


def _ids(path: Path) -> list[int]:
    return [json.loads(line)["alert_id"] for line in path.read_text().splitlines()]


async def test_a_retried_alert_is_not_written_twice(tmp_path: Path) -> None:
    channel = JsonlChannel("jsonl", tmp_path / "alerts.jsonl")
    await channel.send(make_alert("ev-1"), alert_id=7, previous_ref=None)
    await channel.send(make_alert("ev-2"), alert_id=8, previous_ref=None)
    await channel.send(make_alert("ev-1"), alert_id=7, previous_ref=None)  # the retry
    assert _ids(tmp_path / "alerts.jsonl") == [7, 8]


async def test_an_alert_whose_id_begins_a_written_one_is_still_written(
        tmp_path: Path) -> None:
    channel = JsonlChannel("jsonl", tmp_path / "alerts.jsonl")
    await channel.send(make_alert("ev-1"), alert_id=71, previous_ref=None)
    await channel.send(make_alert("ev-1"), alert_id=7, previous_ref=None)
    await channel.send(make_alert("ev-2"), alert_id=1, previous_ref=None)
    assert _ids(tmp_path / "alerts.jsonl") == [71, 7, 1]
