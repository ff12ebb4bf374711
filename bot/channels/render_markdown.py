"""Alerts as Markdown (CommonMark) for Apprise services (Slack, Discord, Matrix, e-mail …).

Page text is made inert: punctuation that could start markup gets a backslash, and so
do <, > (raw HTML, autolinks) and an & that would read as an entity ("&amp;" in a title
is shown as written). Apprise reads these escapes when it turns CommonMark into a
service's own dialect (Slack mrkdwn, Discord, WhatsApp …). When the Markdown is to become
HTML (html_safe=True), <, > and & become entities instead: any Markdown-to-HTML
converter keeps those, even one that knows only a few backslash escapes.
"""

from __future__ import annotations

import re

from bot.channels.render_text import hashtag
from bot.channels.sections import in_order
from bot.models import Alert

# ~ strikes through and | makes tables and Discord spoilers in the common dialects.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]~|<>])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]{1,32};)")
_LINE_START = re.compile(r"^([#>+-]|\d+[.)])")  # a heading, quote or list if it led a line


def md(text: str, *, html_safe: bool = True) -> str:
    """One line of page text made inert in Markdown (and in the HTML it may become)."""
    text = " ".join(text.split())
    if html_safe:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _LINE_START.sub(r"\\\1", _MD_SPECIAL.sub(r"\\\1", text))
    return text if html_safe else _ENTITY.sub(r"\\&", text)


def _link(url: str, html_safe: bool) -> str:
    # <url> is an autolink in CommonMark and python-markdown (and a link without an embed
    # on Discord); a URL with spaces or angle brackets is not a link we want to make.
    return f"<{url}>" if url.startswith(("http://", "https://")) and not any(
        c.isspace() or c in "<>" for c in url) else md(url, html_safe=html_safe)


def markdown_title(alert: Alert) -> str:
    """The notification title: plain text, as services show titles literally."""
    head = "New" if alert.action == "new" else "Update"
    return f"[{head}] {' '.join(alert.title.split())}"


def render_markdown(alert: Alert, *, html_safe: bool = True) -> str:
    out = [line for lines in in_order(alert, _Markdown(html_safe)) for line in lines]
    return "\n".join(out).strip() + "\n"


class _Markdown:
    """The body under the notification title (markdown_title), which Apprise sends apart."""

    def __init__(self, html_safe: bool) -> None:
        self._html_safe = html_safe

    def _md(self, text: str) -> str:
        return md(text, html_safe=self._html_safe)

    def head(self, alert: Alert) -> list[str]:
        return ["**Confirmed by an official source**", ""] if alert.confirmed else []

    def summary(self, alert: Alert) -> list[str]:
        return [self._md(alert.summary), ""] if alert.summary.strip() else []

    def facts(self, alert: Alert) -> list[str]:
        return [f"- **{label}:** {self._md(', '.join(values))}"
                for label, values in alert.facts.labelled()]

    def topics(self, alert: Alert) -> list[str]:
        return ["- **Topics:** " + " ".join(hashtag(r) for r in alert.rules)] if alert.rules else []

    def sources(self, alert: Alert) -> list[str]:
        out = ["", f"**Sources ({len(alert.sources)}):**", ""]
        for i, src in enumerate(alert.sources, 1):
            when = f" ({self._md(src.published[:10])})" if src.published else ""
            out.append(f"{i}. **{self._md(src.outlet)}** — {self._md(src.title)}{when} "
                       f"{_link(src.url, self._html_safe)}")
        return out
