"""An alert's content from its event's reports, as a pure function.

Composing is CPU (the summary is most of it), so `once` and `run` have the worker
processes compose the alerts of a cycle in parallel while the store only writes them
(bot/pipeline/alert.py uses a composed alert only when its event still has the same
reports and the same action once claimed; otherwise it composes it again there).
Nothing here imports the store: a worker stays light.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.events.summary import summarise
from bot.models import Alert, AlertSource, Entities
from watchers import Article

__all__ = ["AlertJob", "Member", "compose"]


@dataclass(frozen=True)
class Member:
    """One report of an event, as an alert shows it."""

    id: int
    article: Article
    rules: tuple[str, ...]
    matched: dict[str, list[str]]
    entities: dict[str, list[str]]


@dataclass(frozen=True)
class AlertJob:
    event_id: str
    action: Literal["new", "update"]
    members: tuple[Member, ...]  # in arrival order

    @property
    def member_ids(self) -> tuple[int, ...]:
        return tuple(m.id for m in self.members)


def compose(job: AlertJob) -> Alert:
    members = job.members
    summary = summarise([m.article for m in members],
                        [Entities.from_json(m.entities) for m in members])
    rules = sorted({r for m in members for r in m.rules})
    matched: dict[str, list[str]] = {}
    for rule in rules:
        words: dict[str, None] = {}
        for m in members:
            for w in m.matched.get(rule, ()):
                words.setdefault(w, None)
        matched[rule] = list(words)
    sources = tuple(
        AlertSource(url=m.article.url, outlet=m.article.outlet, title=m.article.title,
                    published=m.article.published.isoformat() if m.article.published else None,
                    rules=m.rules, authority=m.article.authority)
        for m in members)
    return Alert(event_id=job.event_id, action=job.action,
                 rules=tuple(rules), title=summary.title, summary=summary.summary,
                 facts=summary.facts, sources=sources, matched=matched,
                 confirmed=any(m.article.authority == "official" for m in members))
