"""The order of an alert's sections, written once for every renderer: headline (and the
official-source badge), summary, facts, topics, sources.

A renderer says how each section looks, as lines; `in_order` asks for them in this order
and leaves out the empty ones. The plain-text, Markdown and Telegram renderers differ in
markup, never in what comes first.
"""

from __future__ import annotations

from typing import Protocol

from bot.models import Alert

__all__ = ["Sections", "in_order"]


class Sections(Protocol):
    def head(self, alert: Alert) -> list[str]: ...
    def summary(self, alert: Alert) -> list[str]: ...
    def facts(self, alert: Alert) -> list[str]: ...
    def topics(self, alert: Alert) -> list[str]: ...
    def sources(self, alert: Alert) -> list[str]: ...


def in_order(alert: Alert, sections: Sections) -> list[list[str]]:
    """Each section's lines, in the order all renderers share; an empty one left out."""
    parts = (sections.head, sections.summary, sections.facts, sections.topics,
             sections.sources)
    return [lines for part in parts if (lines := part(alert))]
