"""Alerts as Telegram HTML: everything that came from a page is escaped, and a long
alert becomes several messages split on paragraph boundaries.

`render_telegram_html(alert)` is also what `console:telegram` prints, so what a Telegram
message looks like can be seen without a token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from bot.channels.clean import for_delivery
from bot.channels.render_text import hashtag
from bot.channels.sections import in_order
from bot.models import Alert

TELEGRAM_LIMIT = 4096  # characters of one message, counted in UTF-16 code units
SUMMARY_LINE_BUDGET = 1000  # a summary longer than this is cut into lines at spaces
MAX_TITLE = 300
MAX_OUTLET = 100
MAX_URL = 1000  # escaped; a longer link is shown as its outlet's name only
MAX_LINE = 1000  # facts and topics longer than this carry over to more lines


@dataclass(frozen=True)
class TelegramMessage:
    """One alert as Telegram messages, and the page to preview under the first one."""

    parts: tuple[str, ...]
    preview_url: str | None


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


_SURROGATE = re.compile("[\ud800-\udfff]")


def esc(text: str) -> str:
    # A lone surrogate (a page's "&#xD800;") cannot be encoded for the Bot API: the
    # delivery would fail for ever.
    return escape(_SURROGATE.sub("\ufffd", text), quote=True)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return (parts.scheme in ("http", "https") and bool(parts.netloc)
            and utf16_len(esc(url)) <= MAX_URL)


def chunk_text(text: str, budget: int) -> list[str]:
    """Escaped pieces of plain text, each at most `budget` long, cut at spaces where it
    can be; an entity such as &amp; is never cut in two."""
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if utf16_len(esc(candidate)) <= budget:
            current = candidate
            continue
        if current:
            pieces.append(esc(current))
        rest = word
        while utf16_len(esc(rest)) > budget:  # one word longer than a line: cut it
            cut = max(1, budget // 6)
            pieces.append(esc(rest[:cut]))
            rest = rest[cut:]
        current = rest
    if current or not pieces:
        pieces.append(esc(current))
    return pieces


class _Html:
    """Each section is a paragraph of its own: pack() splits messages between them."""

    def head(self, alert: Alert) -> list[str]:
        icon = "🆕" if alert.action == "new" else "🔄 <i>Updated</i> ·"
        head = [f"{icon} <b>{esc(_clip(alert.title, MAX_TITLE))}</b>"]
        if alert.confirmed:
            head.append("✅ Confirmed by an official source")
        return head

    def summary(self, alert: Alert) -> list[str]:
        lines: list[str] = []
        for raw in alert.summary.strip().splitlines():
            lines += chunk_text(raw, SUMMARY_LINE_BUDGET) if raw.strip() else []
        return lines

    def facts(self, alert: Alert) -> list[str]:
        return [line for label, values in alert.facts.labelled()
                for line in _labelled(label, ", ".join(values))]

    def topics(self, alert: Alert) -> list[str]:
        if not alert.rules:
            return []
        return chunk_text(" ".join(hashtag(r) for r in alert.rules), MAX_LINE)

    def sources(self, alert: Alert) -> list[str]:
        sources = [f"<b>Sources ({len(alert.sources)}):</b>"]
        for i, src in enumerate(alert.sources, 1):
            outlet = esc(_clip(src.outlet or "source", MAX_OUTLET))
            link = f'<a href="{esc(src.url)}">{outlet}</a>' if _web_url(src.url) else outlet
            when = f" ({esc(src.published[:10])})" if src.published else ""
            sources.append(f"{i}. {link} — {esc(_clip(src.title, MAX_TITLE))}{when}")
        return sources


def _labelled(label: str, text: str) -> list[str]:
    """`<b>Label:</b> value`; a long value carries over to lines of its own, so that no
    line outgrows a message (pack never cuts a line)."""
    first, *rest = chunk_text(text, MAX_LINE)
    return [f"<b>{label}:</b> {first}", *rest]


def pack(paragraphs: list[list[str]], limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Join paragraphs into as few messages as fit; a paragraph too long for one message
    is carried over line by line. No line is ever cut, so no tag is either."""
    units: list[tuple[str, str]] = []  # (separator before, text)
    for para in paragraphs:
        whole = "\n".join(para)
        if utf16_len(whole) <= limit:
            units.append(("\n\n", whole))
        else:
            units += [("\n\n" if i == 0 else "\n", line) for i, line in enumerate(para)]
    messages: list[str] = []
    current = ""
    for sep, text in units:
        if current and utf16_len(current + sep + text) <= limit:
            current += sep + text
            continue
        if current:
            messages.append(current)
        current = text
    if current:
        messages.append(current)
    return messages


def render_telegram_html(alert: Alert, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The alert as Telegram HTML messages (parse_mode=HTML), in sending order."""
    return pack(in_order(for_delivery(alert), _Html()), limit)


def telegram_message(alert: Alert, limit: int = TELEGRAM_LIMIT) -> TelegramMessage:
    first = next((s.url for s in alert.sources if _web_url(s.url)), None)
    return TelegramMessage(parts=tuple(render_telegram_html(alert, limit)), preview_url=first)
