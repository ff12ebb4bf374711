"""The conditional-GET poll every one-document source kind shares (rss, html, search).

The request carries the ETag and Last-Modified the last poll stored; a 304 returns no
entries and the state unchanged. Otherwise the document is parsed in a worker thread —
tens of milliseconds of pure Python for a 100-item feed, which must not stall the event
loop that other polls and the Telegram handlers share — and its validators become the
new state.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from watchers.fetch.http import Fetcher
from watchers.models import Entry, PollResult, Response, Source, SourceState

__all__ = ["Parse", "ParsedFeed", "poll_document"]


@dataclass(frozen=True)
class ParsedFeed:
    entries: tuple[Entry, ...]
    skipped: int = 0  # entries that could not be read (each logged); their neighbours stay


Parse = Callable[[Response, Source], "tuple[Entry, ...] | ParsedFeed"]


async def poll_document(fetcher: Fetcher, url: str, source: Source, state: SourceState,
                        parse: Parse) -> PollResult:
    """Fetch `url` conditionally on `state` and parse what changed with `parse`."""
    response = await fetcher.get(url, etag=state.etag, last_modified=state.last_modified)
    if response.not_modified:
        return PollResult(entries=(), state=state, not_modified=True, final_url=response.url)
    got = await asyncio.to_thread(parse, response, source)
    parsed = got if isinstance(got, ParsedFeed) else ParsedFeed(got)
    new_state = SourceState(etag=response.etag, last_modified=response.last_modified)
    return PollResult(entries=parsed.entries, state=new_state, final_url=response.url,
                      skipped=parsed.skipped)
