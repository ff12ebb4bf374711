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
    def md_(text: str) -> str:
        return md(text, html_safe=html_safe)

    out: list[str] = []
    if alert.confirmed:
        out += ["**Confirmed by an official source**", ""]
    if alert.summary.strip():
        out += [md_(alert.summary), ""]
    for label, values in alert.facts.labelled():
        out.append(f"- **{label}:** {md_(', '.join(values))}")
    if alert.rules:
        out.append("- **Topics:** " + " ".join(hashtag(r) for r in alert.rules))
    out += ["", f"**Sources ({len(alert.sources)}):**", ""]
    for i, src in enumerate(alert.sources, 1):
        when = f" ({md_(src.published[:10])})" if src.published else ""
        out.append(f"{i}. **{md_(src.outlet)}** — {md_(src.title)}{when} "
                   f"{_link(src.url, html_safe)}")
    return "\n".join(out).strip() + "\n"
