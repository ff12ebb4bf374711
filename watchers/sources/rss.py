"""RSS 0.9x/1.0/2.0 and Atom sources: one conditional GET, parsed into Entries.

feedparser copes with the real-world mess (CDATA dates, namespaces, a newline inside the
XML declaration, RDF); this module only feeds it bytes we fetched ourselves and turns
its loose dictionaries into typed `Entry` values with canonical URLs and stable keys.
"""

from __future__ import annotations

import calendar
import html
import io
import logging
import re
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser
import lxml.html
from lxml.etree import ParserError

from watchers.canonical import canonical_url, entry_key
from watchers.errors import FeedError
from watchers.fetch.http import Fetcher
from watchers.models import Entry, PollResult, Response, Source, SourceState
from watchers.page.headline import strip_origin
from watchers.sources.conditional import ParsedFeed, poll_document

__all__ = ["ParsedFeed", "parse_feed", "plain_text", "poll", "read_feed",
           "strip_internal_subset"]

log = logging.getLogger(__name__)

_DATE_FIELDS = ("published_parsed", "updated_parsed", "created_parsed")
_FETCHABLE = ("http://", "https://")
_GLUED_DATE_FIXES = (
    (re.compile(r"\b(\d{4})(\d{1,2}:\d{2})"), r"\1 \2"),  # year glued to time
    (re.compile(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)"), " "),  # "30Mar", "Mar2025"
    (re.compile(r",(?=\S)"), ", "),  # "Mon,31 Mar"
)
_TAG = re.compile(r"<[a-zA-Z!/]")  # "a < b" is text; "<b" or "</" starts markup
# A DOCTYPE's internal subset declares entities; expat expands nested ones ("billion
# laughs") up to its amplification limit, a Python callback per piece: a 1 MB feed costs
# half a minute and 1.5 GB. Feeds have no business declaring entities: the subset goes,
# and an entity it defined is then read literally by feedparser's loose parser.
# Found by a linear scan (strip_internal_subset), not one regex: `<!DOCTYPE[^[>]*\[.*?\]\s*>`
# retries from every `<!DOCTYPE` and scans to the end each time, quadratic in a body
# that repeats the opening without a close.
_DOCTYPE = re.compile(rb"<!doctype", re.IGNORECASE)
_SUBSET_OPEN_OR_END = re.compile(rb"[\[>]")
_SUBSET_CLOSE = re.compile(rb"\][ \t\r\n]*>")
# Characters XML 1.0 forbids (lxml refuses to hold them) and C1 controls: none is text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
# Elements after which a reader sees a break: their text must not run into the next word.
_BREAKS = ("br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "img", "figure", "figcaption")


async def poll(fetcher: Fetcher, source: Source, state: SourceState) -> PollResult:
    """Fetch `source` (conditionally on `state`) and return its entries in document order.

    304 Not Modified returns no entries and the unchanged state. Raises FetchError when
    the feed cannot be fetched and FeedError when what came back is not a feed.
    """
    return await poll_document(fetcher, source.url, source, state, read_feed)


def parse_feed(response: Response, source: Source) -> tuple[Entry, ...]:
    """The entries of a fetched feed document (see read_feed)."""
    return read_feed(response, source).entries


def read_feed(response: Response, source: Source) -> ParsedFeed:
    """Parse a fetched feed document. Pure: no I/O, never lets feedparser fetch anything.

    An entry that cannot be read is skipped, logged and counted, never its neighbours.
    """
    headers = {"content-location": response.url}
    if response.content_type:
        # feedparser applies RFC 3023's charset rules itself, so give it the header back.
        charset = f"; charset={response.charset}" if response.charset else ""
        headers["content-type"] = response.content_type + charset
    # A BytesIO, not bytes: feedparser treats a bytes/str argument as a possible URL or
    # file name and would open it.
    body = strip_internal_subset(response.body)
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    # Plain dict access throughout: FeedParserDict's attribute/key aliases ("updated" ->
    # "published") emit DeprecationWarnings and raise KeyError on missing keys.
    raw_entries: list[dict[str, Any]] = list(dict.get(parsed, "entries", []))
    if not raw_entries and (dict.get(parsed, "bozo") or not dict.get(parsed, "version")):
        raise FeedError(response.url, _not_a_feed_reason(response, parsed))
    if dict.get(parsed, "bozo"):
        log.debug("feed source=%s url=%s parsed despite error: %s",
                  source.id, response.url, dict.get(parsed, "bozo_exception"))

    entries: dict[str, Entry] = {}
    skipped = 0
    for position, raw in enumerate(raw_entries, 1):
        try:
            entry = _entry(raw, source, response.url)
        except Exception as exc:  # publisher text a parser refuses: this entry only
            skipped += 1
            log.warning("feed entry skipped source=%s url=%s entry=%d reason=%s: %s",
                        source.id, response.url, position, type(exc).__name__, exc)
            continue
        if entry is not None and entry.key not in entries:  # first occurrence wins
            entries[entry.key] = entry
    if raw_entries and not entries and not skipped:
        raise FeedError(response.url,
                        f"the feed has {len(raw_entries)} entries but none links to a page")
    return ParsedFeed(tuple(entries.values()), skipped)


def strip_internal_subset(body: bytes) -> bytes:
    """`body` without its first DOCTYPE internal subset (`<!DOCTYPE x [ … ]>` ->
    `<!DOCTYPE x>` is not kept: the declaration goes whole). Linear in len(body)."""
    stop = -1  # where the `[^[>]*` run from the latest DOCTYPE ends
    for doctype in _DOCTYPE.finditer(body):
        if doctype.start() > stop:
            found = _SUBSET_OPEN_OR_END.search(body, doctype.end())
            stop = found.start() if found else len(body)
        if stop == len(body):
            return body  # no '[' or '>' anywhere after: nothing can close
        if body[stop:stop + 1] != b"[" or doctype.start() > stop:
            continue
        close = _SUBSET_CLOSE.search(body, stop + 1)
        if close is None:
            return body  # a later DOCTYPE's subset would need the same missing close
        return body[:doctype.start()] + body[close.end():]
    return body


def plain_text(fragment: str) -> str:
    """Feed HTML (tags, entities, even double-escaped markup) as one line of plain text."""
    text = _strip_tags(fragment) if _TAG.search(fragment) else html.unescape(fragment)
    # Entities that survive one round of decoding were escaped twice by the publisher
    # (`&amp;amp;`, `&amp;#39;`, af.mil's `&lt;img …&gt;`): decode what they meant.
    if _ENTITY.search(text):
        text = html.unescape(text)
    if _TAG.search(text):
        text = _strip_tags(text)
    return " ".join(_CONTROL.sub(" ", text).split())


def _entry(raw: dict[str, Any], source: Source, base: str) -> Entry | None:
    guid = _str(dict.get(raw, "id")).strip() or None
    link = _str(dict.get(raw, "link")).strip()
    if not link and guid and guid.lower().startswith(_FETCHABLE):
        link = guid  # RSS <guid isPermaLink="true"> without a <link>
    if not link:
        return None
    url = canonical_url(link, base=base)
    if not url.startswith(_FETCHABLE):
        return None
    return Entry(
        key=entry_key(source.id, guid, url),
        url=url,
        title=_without_origin(plain_text(_str(dict.get(raw, "title"))), raw),
        source_id=source.id,
        published=_published(raw),
        summary=plain_text(_str(dict.get(raw, "summary"))),
    )


def _without_origin(title: str, raw: dict[str, Any]) -> str:
    """'India, Japan hold talks - The Hindu' -> 'India, Japan hold talks' when the item's
    RSS <source> names The Hindu: aggregators (Google News, Bing) append the outlet."""
    origin = dict.get(raw, "source")
    return strip_origin(title, _str(dict.get(origin, "title")) if isinstance(origin, dict) else "")


def _published(raw: dict[str, Any]) -> datetime | None:
    # feedparser normalises every date format it knows to a UTC struct_time; when it
    # gives up, the raw string is often a real date with a space lost (TOI writes
    # "Sun, 30Mar 2025 12:41:13 +0530" and "Mon, 31 Mar 202510:50:41 +0530").
    for name in _DATE_FIELDS:
        value = dict.get(raw, name)
        if isinstance(value, time.struct_time):
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    for name in _DATE_FIELDS:
        stamp = _loose_date(_str(dict.get(raw, name.removesuffix("_parsed"))))
        if stamp is not None:
            return stamp
    return None


def _loose_date(text: str) -> datetime | None:
    if not text.strip():
        return None
    for pattern, replacement in _GLUED_DATE_FIXES:
        text = pattern.sub(replacement, text)
    try:
        stamp = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if stamp.tzinfo is None:  # RFC 822 "-0000": zone unknown, UTC is the convention
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def _not_a_feed_reason(response: Response, parsed: dict[str, Any]) -> str:
    head = response.body[:2048].lstrip().lower()
    if not head:
        return "not a feed: the response body is empty"
    if response.content_type in ("text/html", "application/xhtml+xml") or (
            head.startswith((b"<!doctype html", b"<html")) or b"<html" in head):
        return "not an RSS or Atom feed: the server sent an HTML page"
    if dict.get(parsed, "bozo"):
        return f"not a readable RSS or Atom feed: {dict.get(parsed, 'bozo_exception')}"
    return "not an RSS or Atom feed: no channel or entries found"


def _strip_tags(fragment: str) -> str:
    fragment = _CONTROL.sub(" ", fragment)  # lxml refuses a string holding one
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*_BREAKS):
        # Space on both sides: "One<br/>Two<p>Three</p>" reads "One Two Three".
        # Cleaned again: `&#1;` reaches the tree as U+0001, which lxml then will not set.
        element.text = " " + _CONTROL.sub(" ", element.text or "")
        element.tail = " " + _CONTROL.sub(" ", element.tail or "")
    return str(root.text_content())


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
