"""The read-only web archive served by `defwatch run` beside the probes: the timeline,
event pages, topics, Atom feeds and a JSON API."""

from bot.web.site import ArchiveSite

__all__ = ["ArchiveSite"]
