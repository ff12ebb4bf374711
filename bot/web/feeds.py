"""Atom 1.0 feeds of the archive: one entry per event, `updated` when sources joined."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from bot import __version__
from bot.store.archive_query import ArchivedEvent

__all__ = ["atom"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # an empty feed's `updated`: nothing changed yet


def atom(events: Sequence[ArchivedEvent], *, base: str, topic: str | None) -> bytes:
    """The feed of `events` (newest change first); links are absolute under `base`."""
    name = topic or "all"
    fg = FeedGenerator()
    fg.id(f"{base}/feeds/{name}.atom")
    fg.title(f"defwatch: {topic}" if topic else "defwatch: all events")
    fg.subtitle("Bilateral defence events, one entry per event")
    fg.author({"name": "defwatch"})
    fg.generator("defwatch", version=__version__)
    fg.link(href=f"{base}/feeds/{name}.atom", rel="self", type="application/atom+xml")
    fg.link(href=f"{base}/?topic={topic}" if topic else f"{base}/", rel="alternate",
            type="text/html")
    fg.updated(max((_aware(e.updated) for e in events), default=_EPOCH))
    for event in events:
        alert = event.alert
        entry = fg.add_entry(order="append")
        entry.id(f"{base}/events/{event.event_id}")
        entry.title(alert.title or event.event_id)
        entry.link(href=f"{base}/events/{event.event_id}", rel="alternate", type="text/html")
        entry.published(_aware(event.first_seen))
        entry.updated(_aware(event.updated))
        entry.summary(_summary(event))
        for rule in alert.rules:
            entry.category(term=rule)
    data: bytes = fg.atom_str(pretty=True)
    return data


def _summary(event: ArchivedEvent) -> str:
    alert = event.alert
    outlets = ", ".join(dict.fromkeys(s.outlet for s in alert.sources if s.outlet))
    mark = " Confirmed by an official source." if alert.confirmed else ""
    return (f"{alert.summary}{mark} {len(alert.sources)} source(s)"
            f"{': ' + outlets if outlets else ''}.").strip()


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)
