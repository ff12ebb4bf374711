"""Alerts printed for a person at a terminal: `console` as plain text, and
`console:telegram` as the HTML a Telegram chat would get (see it without a token)."""

from __future__ import annotations

import sys
from typing import Literal, TextIO

from bot.models import Alert
from bot.render import new_sources, render_followup, render_text, sources_ref
from bot.render_telegram import render_telegram_html

RULE = "-" * 72


class ConsoleChannel:
    def __init__(self, name: str = "console", stream: TextIO | None = None, *,
                 style: Literal["text", "telegram"] = "text") -> None:
        self.name = name
        self._stream = stream
        self._style = style

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        stream = self._stream or sys.stdout
        if self._style == "telegram":
            parts = render_telegram_html(alert)
            for i, part in enumerate(parts, 1):
                head = f"[telegram message {i}/{len(parts)}"
                head += ", edits the earlier one]" if previous_ref else "]"
                stream.write(f"{head}\n{part}\n")
            stream.write(RULE + "\n")
            stream.flush()
            return "shown"
        announced = new_sources(alert, previous_ref) if alert.action == "update" else None
        text = render_text(alert) if announced is None else render_followup(alert, announced)
        stream.write(text + "\n" + RULE + "\n")
        stream.flush()
        return sources_ref(alert)

    async def close(self) -> None:
        return None
