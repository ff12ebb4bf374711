"""The watcher for each source kind: `poll` picks it by the source's `kind:`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from watchers.errors import FeedError
from watchers.fetch.http import Fetcher
from watchers.models import PollResult, Source, SourceKind, SourceState
from watchers.sources import html, rss, search, sitemap

PollFn = Callable[[Fetcher, Source, SourceState], Awaitable[PollResult]]

# The explicit list of watchers by source kind (sources.yaml `kind:`).
POLLERS: dict[SourceKind, PollFn] = {
    "rss": rss.poll,
    "html": html.poll,
    "sitemap": sitemap.poll,
    "search": search.poll,
}


async def poll(fetcher: Fetcher, source: Source, state: SourceState) -> PollResult:
    """One poll of `source` by the watcher of its kind; FeedError for a kind with none."""
    watcher = POLLERS.get(source.kind)
    if watcher is None:
        raise FeedError(source.url, f"no watcher for kind {source.kind!r} in this build")
    return await watcher(fetcher, source, state)
