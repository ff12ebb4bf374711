"""Alerts printed for a person at a terminal: `console` as plain text, and
`console:telegram` as the HTML a Telegram chat would get (see it without a token).

Page text reaches the terminal only through `terminal_safe`: a feed title holding ESC
sequences, C1 controls or bidi overrides could otherwise clear, retitle or recolour the
operator's terminal, or make a line read backwards.
"""

from __future__ import annotations

import sys
from typing import Literal, TextIO

from bot.channels.clean import map_text, translation_table
from bot.channels.render_text import new_sources, render_followup, render_text, sources_ref
from bot.channels.telegram.render import render_telegram_html
from bot.models import Alert

__all__ = ["RULE", "ConsoleChannel", "for_terminal", "terminal_safe"]

RULE = "-" * 72

_SPACES = frozenset({0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85})


def _visible(code: int) -> str:
    """What stands in for a control character: its Control Pictures glyph (␛ for ESC),
    so the operator sees that the page held one; U+FFFD where there is none. Spacing
    controls print as a space."""
    if code in _SPACES:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


# Bidi controls and zero-width spaces go, as for every channel (bot/channels/clean.py).
_LINE = translation_table(newlines=False, control=_visible)
_LINES = translation_table(newlines=True, control=_visible)


def terminal_safe(text: str, *, newlines: bool = False) -> str:
    """Text that prints as itself: no control, escape or bidi character survives, and
    line breaks only where `newlines` allows them. Letters of any script, emoji and the
    joiners (ZWJ, ZWNJ) that Indic scripts and emoji sequences need are kept."""
    return text.translate(_LINES if newlines else _LINE)


def for_terminal(alert: Alert) -> Alert:
    """The alert with every string that came from a page made `terminal_safe`."""
    return map_text(alert, terminal_safe, url=terminal_safe,
                    block=lambda text: terminal_safe(text, newlines=True))


class ConsoleChannel:
    def __init__(self, name: str = "console", stream: TextIO | None = None, *,
                 style: Literal["text", "telegram"] = "text") -> None:
        self.name = name
        self._stream = stream
        self._style = style

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        stream = self._stream or sys.stdout
        shown = for_terminal(alert)
        if self._style == "telegram":
            parts = render_telegram_html(shown)
            for i, part in enumerate(parts, 1):
                head = f"[telegram message {i}/{len(parts)}"
                head += ", edits the earlier one]" if previous_ref else "]"
                stream.write(f"{head}\n{part}\n")
            stream.write(RULE + "\n")
            stream.flush()
            return "shown"
        announced = new_sources(alert, previous_ref) if alert.action == "update" else None
        text = render_text(shown) if announced is None else render_followup(shown, announced)
        stream.write(text + "\n" + RULE + "\n")
        stream.flush()
        return sources_ref(alert)

    async def close(self) -> None:
        return None
