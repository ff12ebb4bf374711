"""Alerts as plain text for people: the console, and the body of non-HTML channels."""

from __future__ import annotations

import re

from bot.channels.sections import in_order
from bot.models import Alert

_HASHTAG_UNSAFE = re.compile(r"[^0-9A-Za-z_]")


def hashtag(rule_id: str) -> str:
    return "#" + _HASHTAG_UNSAFE.sub("_", rule_id)


def render_text(alert: Alert, *, headline: bool = True) -> str:
    """The alert as lines of text; headline=False leaves out the first line, for a
    channel that sends the title in a field of its own."""
    return "\n".join(line for lines in in_order(alert, _Text(headline)) for line in lines)


class _Text:
    def __init__(self, headline: bool) -> None:
        self._headline = headline

    def head(self, alert: Alert) -> list[str]:
        if not self._headline:
            return ["Confirmed by an official source", ""] if alert.confirmed else []
        head = "NEW" if alert.action == "new" else "UPDATE"
        badge = " [confirmed by an official source]" if alert.confirmed else ""
        return [f"[{head}] {alert.title}{badge}", ""]

    def summary(self, alert: Alert) -> list[str]:
        return [alert.summary, ""] if alert.summary else []

    def facts(self, alert: Alert) -> list[str]:
        return [f"{label}: {', '.join(values)}" for label, values in alert.facts.labelled()]

    def topics(self, alert: Alert) -> list[str]:
        return ["Topics: " + " ".join(hashtag(r) for r in alert.rules)]

    def sources(self, alert: Alert) -> list[str]:
        lines = [f"Sources ({len(alert.sources)}):"]
        for i, src in enumerate(alert.sources, 1):
            when = f" ({src.published[:10]})" if src.published else ""
            lines.append(f"  {i}. {src.outlet}: {src.title}{when}")
            lines.append(f"     {src.url}")
        return lines


def new_sources(alert: Alert, previous_ref: str | None) -> int | None:
    """How many of the alert's sources a non-editing channel announced before, read back
    from the ref it returned (see sources_ref); None when it has announced nothing."""
    if previous_ref is None or not previous_ref.startswith("sources="):
        return None
    try:
        return max(0, min(len(alert.sources), int(previous_ref.removeprefix("sources="))))
    except ValueError:
        return None


def sources_ref(alert: Alert) -> str:
    """The ref a non-editing channel returns: how many sources its readers have seen."""
    return f"sources={len(alert.sources)}"


def render_followup(alert: Alert, announced: int) -> str:
    """The short note a channel that cannot edit sends for an update of an alert its
    readers have seen: `+1 source: <outlet> — <its own headline>`, the event it joined,
    and the new links. The new report's headline says what it adds; the event's title
    alone would read like the alert already seen."""
    fresh = alert.sources[announced:]
    if not fresh:
        return f"Updated: {alert.title}"
    noun = "source" if len(fresh) == 1 else "sources"
    lines = [f"+{len(fresh)} {noun}: " + "; ".join(
        f"{src.outlet} — {src.title}" if src.title else src.outlet for src in fresh),
             f"  on: {alert.title}"]
    lines += [f"  {announced + i}. {src.url}" for i, src in enumerate(fresh, 1)]
    return "\n".join(lines)
