"""Search feeds (kind: search): a news search engine's RSS/Atom results for one query.

    - id: gnews-india-japan-defence
      kind: search
      url: https://news.google.com/rss/search?q={query}&hl=en-IN&gl=IN&ceid=IN:en
      query: India Japan defence

`{query}` is replaced by `source.query`, URL-encoded; the result is an ordinary feed,
parsed by `rss.parse_feed`. Engines wrap each result's link in a redirect through
themselves. When the real URL is written in the wrapper (Bing's `apiclick.aspx?url=…`,
Google's `/url?q=…`) we use it, so the entry shares its canonical URL — and therefore
its seen-check in the store — with the same article from the outlet's own feed. Google
News' `/rss/articles/CBMi…` links encode the target opaquely: those stay as they are;
the Fetcher follows the redirect and extract() names the article by its final URL.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl, quote_plus, urlsplit

from watchers.canonical import canonical_url, entry_key
from watchers.errors import FeedError
from watchers.fetch.http import Fetcher
from watchers.models import Entry, PollResult, Response, Source, SourceState
from watchers.sources import rss
from watchers.sources.conditional import poll_document

__all__ = ["PLACEHOLDER", "parse_results", "poll", "search_url", "unwrap"]

PLACEHOLDER = "{query}"
# Query parameters in which redirectors carry their target. Only a value that is itself
# an absolute http(s) URL counts, so a page's ordinary `q=` search term never does.
_TARGET_PARAMS = ("url", "u", "q", "target", "dest", "destination", "redirect",
                  "redirect_url", "redirect_uri", "to", "link", "out")
_MAX_UNWRAP = 3  # a wrapper around a wrapper (tracking redirect inside a search click)


async def poll(fetcher: Fetcher, source: Source, state: SourceState) -> PollResult:
    """Fetch the results feed for `source.query` (conditionally) and return its entries.

    Raises FeedError for a misconfigured source (no query or no placeholder) and for a
    response that is not a feed; FetchError when it cannot be fetched.
    """
    return await poll_document(fetcher, search_url(source), source, state, parse_results)


def search_url(source: Source) -> str:
    """The feed URL for the source's query: its `{query}` replaced by the encoded query."""
    query = " ".join((source.query or "").split())
    if PLACEHOLDER not in source.url:
        raise FeedError(source.url, "a search source's url needs a {query} placeholder "
                                    "where the search words go")
    if not query:
        raise FeedError(source.url, "a search source needs `query:` (the search words)")
    return source.url.replace(PLACEHOLDER, quote_plus(query))


def parse_results(response: Response, source: Source) -> tuple[Entry, ...]:
    """Parse a results feed; unwrap redirect links whose target is readable. Pure."""
    entries: dict[str, Entry] = {}
    for found in rss.parse_feed(response, source):
        target = unwrap(found.url)
        # Keyed by the article's own URL (not the engine's GUID), like any feed that links
        # to it, so the two are one entry.
        entry = found if target == found.url else replace(
            found, url=target, key=entry_key(source.id, None, target))
        entries.setdefault(entry.key, entry)
    return tuple(entries.values())


def unwrap(url: str) -> str:
    """The URL a redirect wrapper leads to when the wrapper spells it out, else `url`.

    'https://www.bing.com/news/apiclick.aspx?ref=FexRss&url=https%3a%2f%2fexample.com%2fa'
    -> 'https://example.com/a'.
    """
    for _ in range(_MAX_UNWRAP):
        target = _target(url)
        if target is None:
            return url
        url = target
    return url


def _target(url: str) -> str | None:
    params = {key.lower(): value for key, value in
              parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    for name in _TARGET_PARAMS:
        value = params.get(name, "").strip()
        if value.lower().startswith(("http://", "https://")) and urlsplit(value).hostname:
            return canonical_url(value)
    return None
