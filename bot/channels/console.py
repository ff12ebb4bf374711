"""Alerts printed for a person at a terminal."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.models import Alert
from bot.render import render_text


class ConsoleChannel:
    def __init__(self, name: str = "console", stream: TextIO | None = None) -> None:
        self.name = name
        self._stream = stream

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        stream = self._stream or sys.stdout
        stream.write(render_text(alert) + "\n" + "-" * 72 + "\n")
        stream.flush()
        return None

    async def close(self) -> None:
        return None
