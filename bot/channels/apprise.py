"""Any Apprise URL as a channel: slack://, discord://, matrix://, ntfy://, mailto://,
json:// webhooks and the rest (https://github.com/caronc/apprise/wiki).

An alert goes out as Markdown (Apprise turns it into HTML for e-mail and into text for
text-only services). These services cannot edit what they sent, so an update becomes a
short "+1 source: <outlet> — <title>" note; the ref each delivery returns records how
many sources the readers have seen.

The URL usually holds a secret (webhook token, SMTP password), so the channel's name,
which the store, the logs and `defwatch status` show, is `apprise:<scheme>#<digest>`.
"""

from __future__ import annotations

import hashlib
import warnings

import apprise

from bot.errors import ConfigError, DeliveryError
from bot.models import Alert
from bot.render import new_sources, render_followup, sources_ref
from bot.render_markdown import markdown_title, render_markdown

NOTIFY_TIMEOUT_S = 60.0


def apprise_name(url: str) -> str:
    scheme = url.partition("://")[0].lower() or "url"
    return f"apprise:{scheme}#{hashlib.sha256(url.encode()).hexdigest()[:10]}"


def _load(url: str) -> apprise.Apprise:
    """An Apprise object holding this one URL; ConfigError when Apprise refuses it."""
    # Apprise loads its plugins on first use and some import modules that warn on this
    # Python (e-mail imports the deprecated `imghdr`): Apprise's business, not the user's.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        notifier = apprise.Apprise()
        accepted = notifier.add(url)
    if not accepted:
        raise ConfigError(f"{apprise_name(url)}: Apprise does not accept this URL "
                          "(unknown scheme or missing parts); see "
                          "https://github.com/caronc/apprise/wiki", key="channels")
    return notifier


class AppriseChannel:
    """min_interval_s overrides Apprise's pause between two notifications to the same
    service (5.5 s by default, kept in a worker thread, so it holds up only this channel)."""

    def __init__(self, url: str, *, timeout_s: float = NOTIFY_TIMEOUT_S,
                 min_interval_s: float | None = None) -> None:
        self.name = apprise_name(url)
        self._notifier = _load(url)
        self._timeout = timeout_s
        # A service that takes Markdown gets it as written; any other gets it through
        # Apprise's Markdown-to-HTML conversion, which keeps raw HTML: escape it then.
        self._html_safe = False
        for service in self._notifier:
            if not isinstance(service, apprise.NotifyBase):
                continue
            markdown = apprise.NotifyFormat.MARKDOWN
            self._html_safe |= service.resolve_format(markdown) != markdown
            if min_interval_s is not None:
                service.request_rate_per_sec = min_interval_s

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        announced = new_sources(alert, previous_ref) if alert.action == "update" else None
        if announced is None:
            title = markdown_title(alert)
            body = render_markdown(alert, html_safe=self._html_safe)
            body_format = apprise.NotifyFormat.MARKDOWN
        else:
            title, body = "", render_followup(alert, announced)
            body_format = apprise.NotifyFormat.TEXT
        result = await self._notifier.async_notify(body=body, title=title,
                                                   body_format=body_format,
                                                   timeout=self._timeout)
        if not result:
            raise DeliveryError(self.name, _reason(result))
        return sources_ref(alert)

    async def close(self) -> None:
        return None


def _reason(result: apprise.AppriseResult) -> str:
    """A one-line reason from Apprise's own log of the call (it masks secrets)."""
    problems = [e.message for e in result.logs() if e.level in ("ERROR", "WARNING")]
    detail = f": {problems[-1][:200]}" if problems else ""
    return f"not delivered ({result.status.name.lower()}){detail}"
