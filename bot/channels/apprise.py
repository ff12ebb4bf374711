"""Any Apprise URL as a channel: slack://, discord://, matrix://, ntfy://, mailto://,
json:// webhooks and the rest (https://github.com/caronc/apprise/wiki).

An alert goes out in the format the service takes, declared as such to Apprise: CommonMark
to a Markdown service (Apprise turns it into the service's dialect), Markdown with
entities to an HTML service (Apprise turns it into HTML), plain text to a text-only one
(Apprise has no Markdown-to-text conversion and would pass the markup through). These
services cannot edit what they sent, so an update becomes a short
"+1 source: <outlet> — <title>" note; the ref each delivery returns records how many
sources the readers have seen.

The URL usually holds a secret (webhook token, SMTP password), so the channel's name,
which the store, the logs and `defwatch status` show, is `apprise:<scheme>#<digest>`.
"""

from __future__ import annotations

import hashlib
import re
import warnings

import apprise

from bot.channels.clean import for_delivery
from bot.channels.render_markdown import markdown_title, md, render_markdown
from bot.channels.render_text import new_sources, render_followup, render_text, sources_ref
from bot.errors import ConfigError, DeliveryError
from bot.models import Alert

NOTIFY_TIMEOUT_S = 60.0
# Words that ping a whole room on Discord, Slack, Mattermost, Rocket.Chat …: page text
# quoting one must not wake everybody up.
_MASS_MENTION = re.compile(r"(?<![\w@])@(everyone|here|channel|all)\b", re.IGNORECASE)


def defuse_mentions(text: str) -> str:
    """A zero-width space after the @ keeps the word readable and the ping off."""
    return _MASS_MENTION.sub("@\u200b\\1", text)


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
        services = [s for s in self._notifier if isinstance(s, apprise.NotifyBase)]
        # What each service renders when offered Markdown: Markdown itself if it takes
        # it (or the URL's ?format= says so), else its own default.
        formats = {s.resolve_format(apprise.NotifyFormat.MARKDOWN) for s in services}
        # Text is what Apprise converts safely into any other format, should one URL ever
        # stand for services that want different ones.
        self._format = formats.pop() if len(formats) == 1 else apprise.NotifyFormat.TEXT
        # Such a service shows the title as the first line of the body, unconverted
        # when it is already in the body's format: it needs the body's escaping.
        self._title_in_body = any(s.title_maxlen <= 0 for s in services)
        if min_interval_s is not None:
            for service in services:
                service.request_rate_per_sec = min_interval_s

    def _render(self, alert: Alert, announced: int | None = None,
               ) -> tuple[str, str, apprise.NotifyFormat]:
        """Title, body and the format they are declared in to Apprise."""
        text = apprise.NotifyFormat.TEXT
        if announced is not None:
            return "", render_followup(alert, announced), text
        title = markdown_title(alert)
        if self._format == text:
            return title, render_text(alert, headline=False), text
        html_safe = self._format == apprise.NotifyFormat.HTML
        if self._title_in_body:
            title = md(title, html_safe=html_safe)
        return title, render_markdown(alert, html_safe=html_safe), apprise.NotifyFormat.MARKDOWN

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        alert = for_delivery(alert)
        announced = new_sources(alert, previous_ref) if alert.action == "update" else None
        title, body, body_format = self._render(alert, announced)
        title, body = defuse_mentions(title), defuse_mentions(body)
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
