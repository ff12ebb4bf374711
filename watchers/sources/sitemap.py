"""Sitemaps (kind: sitemap): Google News sitemaps, plain sitemaps and sitemap indexes.

A news sitemap lists a site's articles of the last two days with their titles and
publication times (`news:` namespace): for many outlets it is fresher and more complete
than their RSS. An index (`<sitemapindex>`) is followed one level down, newest child
first by `<lastmod>`, at most MAX_CHILDREN children and MAX_ENTRIES entries per poll,
so a site with 500 monthly archives costs three requests, not 500. The state keeps each
followed child's validators, so a child that did not change costs a 304 (or, when its
server sends no validators but the index dates it, no request at all).

Parsing is defensive: lxml with no network access, no entity expansion and no huge-tree
mode; gzip'd sitemaps (.xml.gz served as a file, not as Content-Encoding) are inflated
with a cap, so neither XML tricks nor a compression bomb can exhaust the worker. As the
sitemap protocol requires, children and URLs must be on the sitemap's own site.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from lxml import etree

from watchers.canonical import canonical_url, entry_key, same_site
from watchers.errors import FeedError, FetchError
from watchers.fetch.http import Fetcher, format_size
from watchers.models import ChildState, Entry, PollResult, Response, Source, SourceState
from watchers.sources import rss
from watchers.sources.dates import w3c_date

__all__ = ["MAX_CHILDREN", "MAX_ENTRIES", "MAX_LASTMOD_SKIPS", "Child", "Sitemap",
           "parse_sitemap", "poll"]

log = logging.getLogger(__name__)

MAX_CHILDREN = 3  # child sitemaps fetched per poll: the newest hold the news
# A child without validators is skipped while the index shows the same <lastmod> for it,
# but read anyway every this many polls: some sites never update <lastmod>.
MAX_LASTMOD_SKIPS = 5
MAX_ENTRIES = 200  # newest first; a news sitemap holds up to 1,000, an archive 50,000
MAX_INFLATED = 50 * 1024 * 1024  # the sitemap protocol's limit for one uncompressed file
_GZIP_MAGIC = b"\x1f\x8b"
_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})  # search engines accept feeds as sitemaps


@dataclass(frozen=True)
class Child:
    """One sitemap listed by an index."""

    url: str
    lastmod: datetime | None = None


@dataclass(frozen=True)
class Sitemap:
    """A parsed document: entries of a urlset (newest first) or children of an index."""

    entries: tuple[Entry, ...] = ()
    children: tuple[Child, ...] = ()  # newest first; empty for a urlset


async def poll(fetcher: Fetcher, source: Source, state: SourceState) -> PollResult:
    """Fetch the sitemap (conditionally on `state`); for an index, its newest children.

    For an index the new state also holds each followed child's validators
    (`SourceState.children`), and the entries are those of the children that changed.
    A child that fails is logged and skipped, and the index's own validators are then
    not kept, so the next poll reads the index again and retries it; FetchError/FeedError
    is raised only when every child failed.
    """
    response = await fetcher.get(source.url, etag=state.etag,
                                 last_modified=state.last_modified)
    if response.not_modified:
        return PollResult(entries=(), state=state, not_modified=True, final_url=response.url)
    top = await asyncio.to_thread(parse_sitemap, response, source)
    new_state = SourceState(etag=response.etag, last_modified=response.last_modified)
    if not top.children:
        return PollResult(entries=top.entries, state=new_state, final_url=response.url)
    followed = await _follow(fetcher, source, top.children[:MAX_CHILDREN], state.children)
    if followed.failed:
        new_state = SourceState()
    return PollResult(entries=followed.entries,
                      state=replace(new_state, children=followed.children),
                      final_url=response.url)


def parse_sitemap(response: Response, source: Source) -> Sitemap:
    """Parse a fetched sitemap, sitemap index or feed. Pure: no I/O."""
    body = _inflate(response)
    root = _parse_xml(body, response)
    kind = etree.QName(root).localname
    if kind in _FEED_ROOTS:
        return Sitemap(entries=rss.parse_feed(replace(response, body=body), source))
    if kind == "sitemapindex":
        return Sitemap(children=_children(root, response.url))
    if kind == "urlset":
        return Sitemap(entries=_entries(root, response.url, source))
    raise FeedError(response.url, f"not a sitemap: the document's root is <{kind}>, "
                                  "not <urlset> or <sitemapindex>")


@dataclass(frozen=True)
class _Read:
    """One child after this poll: its state, and what it holds when it changed."""

    state: ChildState
    sitemap: Sitemap | None = None  # None: unchanged since `state` was recorded


@dataclass(frozen=True)
class _Followed:
    entries: tuple[Entry, ...]
    children: tuple[ChildState, ...]  # the children read or unchanged: at most MAX_CHILDREN
    failed: bool


async def _follow(fetcher: Fetcher, source: Source, children: tuple[Child, ...],
                  known: tuple[ChildState, ...]) -> _Followed:
    before = {child.url: child for child in known}
    results = await asyncio.gather(*(_read(fetcher, source, c, before.get(c.url))
                                     for c in children))
    merged: dict[str, Entry] = {}
    for child, result in zip(children, results, strict=True):
        if isinstance(result, FetchError | FeedError):
            log.warning("sitemap child skipped source=%s url=%s reason=%s", source.id,
                        child.url, result.reason)
        elif result.sitemap is None:
            log.debug("sitemap child unchanged source=%s url=%s", source.id, child.url)
        elif result.sitemap.children:  # the protocol forbids nesting; we follow one level
            log.warning("sitemap child skipped source=%s url=%s reason=nested index",
                        source.id, child.url)
        else:
            for entry in result.sitemap.entries:
                merged.setdefault(entry.key, entry)
    failures = [r for r in results if isinstance(r, FetchError | FeedError)]
    if failures and len(failures) == len(results):
        raise failures[0]
    return _Followed(entries=_newest(merged.values()),
                     children=tuple(r.state for r in results if isinstance(r, _Read)),
                     failed=bool(failures))


async def _read(fetcher: Fetcher, source: Source, child: Child,
                before: ChildState | None) -> _Read | FetchError | FeedError:
    has_validators = before is not None and bool(before.etag or before.last_modified)
    if (before is not None and not has_validators and child.lastmod is not None
            and before.lastmod == child.lastmod and before.skips < MAX_LASTMOD_SKIPS):
        return _Read(replace(before, skips=before.skips + 1))
    try:
        response = await fetcher.get(child.url, etag=before.etag if before else None,
                                     last_modified=before.last_modified if before else None)
        state = ChildState(child.url, etag=response.etag,
                           last_modified=response.last_modified, lastmod=child.lastmod)
        if response.not_modified:
            return _Read(state)
        return _Read(state, await asyncio.to_thread(parse_sitemap, response, source))
    except (FetchError, FeedError) as exc:
        return exc


def _inflate(response: Response) -> bytes:
    body = response.body
    if not body.startswith(_GZIP_MAGIC):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip header and trailer
    try:
        out = inflater.decompress(body, MAX_INFLATED + 1)
    except zlib.error as exc:
        raise FeedError(response.url, f"not a readable gzip file ({exc})") from exc
    if len(out) > MAX_INFLATED:
        raise FeedError(response.url,
                        f"the sitemap inflates to more than {format_size(MAX_INFLATED)}")
    if not inflater.eof:
        raise FeedError(response.url, "not a readable gzip file (truncated)")
    return out


def _parse_xml(body: bytes, response: Response) -> Any:
    head = body[:1024].lstrip().lower()
    if not head:
        raise FeedError(response.url, "not a sitemap: the response body is empty")
    if head.startswith((b"<!doctype html", b"<html")):
        raise FeedError(response.url, "not a sitemap: the server sent an HTML page")
    # One parser per call: lxml parsers must not be shared between worker threads.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(body.lstrip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(response.url, f"not a readable sitemap: {exc}") from exc


def _children(root: Any, base: str) -> tuple[Child, ...]:
    found: dict[str, Child] = {}
    for node in _each(root, "sitemap"):
        url = canonical_url(_text(node, "loc"), base=base)
        if url.startswith(("http://", "https://")) and url != canonical_url(base) and \
                same_site(url, base):
            found.setdefault(url, Child(url, w3c_date(_text(node, "lastmod"))))
    if not found:
        raise FeedError(base, "the sitemap index lists no sitemaps on its own site")
    return tuple(sorted(found.values(), key=lambda c: _newest_first(c.lastmod)))


def _entries(root: Any, base: str, source: Source) -> tuple[Entry, ...]:
    # Date and sort the raw <url> records first and build Entries (canonical URL, site
    # check, key hash) only for the newest: a 50,000-URL archive costs a sort, not
    # 50,000 canonicalisations.
    records = []
    for node in _each(root, "url"):
        news = next(_each(node, "news"), None)
        published = w3c_date(_text(news, "publication_date")) or w3c_date(_text(node, "lastmod"))
        records.append((published, _text(node, "loc"), news))
    records.sort(key=lambda record: _newest_first(record[0]))
    entries: dict[str, Entry] = {}
    foreign = 0
    for published, loc, news in records:
        url = canonical_url(loc, base=base)
        if not url.startswith(("http://", "https://")):
            continue
        if not same_site(url, base):
            foreign += 1
            continue
        entry = Entry(key=entry_key(source.id, None, url), url=url,
                      title=" ".join(_text(news, "title").split()),
                      source_id=source.id, published=published)
        entries.setdefault(entry.key, entry)
        if len(entries) == MAX_ENTRIES:
            break
    if foreign and not entries:
        raise FeedError(base, f"all {foreign} URLs of the sitemap are on other sites")
    return tuple(entries.values())


def _newest(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """At most MAX_ENTRIES, newest first."""
    return tuple(sorted(entries, key=lambda e: _newest_first(e.published))[:MAX_ENTRIES])


def _newest_first(stamp: datetime | None) -> tuple[bool, float]:
    # A stable sort on this key puts undated items last, in document order.
    return (stamp is None, -stamp.timestamp() if stamp else 0.0)


def _each(node: Any, name: str) -> Iterator[Any]:
    """Child elements called `name` in any namespace: sitemaps in the wild use the 0.9
    namespace, Google's old 0.84 one, or none at all."""
    return (child for child in node if isinstance(child.tag, str)
            and child.tag.rpartition("}")[2] == name)


def _text(node: Any, name: str) -> str:
    if node is None:
        return ""
    child = next(_each(node, name), None)
    return (child.text or "").strip() if child is not None else ""
