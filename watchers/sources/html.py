"""HTML listing pages (kind: html): a ministry's press-release index read like a feed.

Which links are entries:
  * with `links:` (a CSS selector for the links, or for the items that contain them) the
    operator has chosen: every selected http(s) link is kept, on any host. That is how a
    portal such as india.gov.in, whose news list points at ddnews.gov.in and
    newsonair.gov.in, is followed.
  * without it, only links that look like articles of the *same site* (same registrable
    domain, so www.mod.go.jp and mod.go.jp agree): outside navigation/header/footer/aside,
    pagination and share widgets; not a tag, category, search or page-N URL; headline-like
    text (four words or more) and an item-like URL (an ID, a date or a slug). Other sites
    are refused because an `official` source lends its authority to what it lists, and a
    listing's partner banners and "elsewhere on the web" boxes must not inherit it.
Links to PDFs and other binary files are skipped (extract() cannot read them); a page
with nothing else fails with a reason that says so instead of returning nothing.

Each entry's date is the day written next to its link (a <time datetime>, or text such
as "16 Sep 2025" in the same list item or table row), else None.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.etree import ParserError

from watchers.canonical import canonical_url, entry_key, same_site
from watchers.errors import FeedError
from watchers.fetch import charset
from watchers.fetch.http import Fetcher
from watchers.models import Entry, PollResult, Response, Source, SourceState
from watchers.sources import links
from watchers.sources.conditional import poll_document
from watchers.sources.dates import find_date, w3c_date
from watchers.sources.selectors import compile_links

__all__ = ["MAX_ENTRIES", "parse_html", "parse_listing", "poll"]

MAX_ENTRIES = 300  # listings show 10-200 items (india.gov.in: 201); more is the wrong page
_ITEM_DEPTH = 4  # a -> h3 -> div.body -> li: how far up an item's date may sit
_FETCHABLE = ("http", "https")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<urlset", b"<sitemapindex")


async def poll(fetcher: Fetcher, source: Source, state: SourceState) -> PollResult:
    """Fetch the listing (conditionally on `state`) and return its entries in page order.

    Raises FetchError when the page cannot be fetched and FeedError when it holds no
    article links (with the reason: a selector that matched nothing, only PDFs, only
    links to other sites).
    """
    return await poll_document(fetcher, source.url, source, state, parse_listing)


@dataclass(frozen=True)
class _Link:
    element: Any
    url: str
    title: str


@dataclass
class _Tally:
    """Why links were dropped, for a FeedError a person can act on."""

    selected: int = 0
    pdfs: int = 0
    other_sites: Counter[str] = field(default_factory=Counter)


def parse_listing(response: Response, source: Source) -> tuple[Entry, ...]:
    """The entries of a fetched listing page. Pure: no I/O."""
    root = parse_html(response)
    base = _base_url(root, response.url)
    tally = _Tally()
    if source.links:
        anchors = _selected(root, source.links, response.url)
        tally.selected = len(anchors)
    else:
        anchors = [a for a in root.iter("a") if a.get("href")]
    found: dict[str, _Link] = {}
    page = canonical_url(response.url)
    for anchor in anchors:
        link = _judge(anchor, base, page, tally, auto=not source.links)
        if link is None:
            continue
        known = found.get(link.url)
        # An image link and a headline link often share a URL: keep the first place in
        # the list, and the headline rather than an image's alt text; a headline already
        # found stays ("Leave a comment on this story" links there too).
        if known is None:
            found[link.url] = link
        elif (links.words(known.title) < links.MIN_TITLE_WORDS
              and links.words(link.title) > links.words(known.title)):
            found[link.url] = replace(known, title=link.title)
    if not found:
        raise FeedError(response.url, _nothing_found(source, tally))
    picked = list(found.values())[:MAX_ENTRIES]
    dates = _item_dates(picked)
    return tuple(Entry(key=entry_key(source.id, None, link.url), url=link.url,
                       title=link.title, source_id=source.id, published=published)
                 for link, published in zip(picked, dates, strict=True))


def parse_html(response: Response) -> Any:
    """The document tree of an HTML page; FeedError when the body is not one."""
    body = response.body
    head = body[:1024].lstrip().lower()
    if not head:
        raise FeedError(response.url, "not an HTML listing: the response body is empty")
    if head.startswith(b"%pdf"):
        raise FeedError(response.url, "not an HTML listing: the server sent a PDF document")
    if b"<html" not in head and any(root in head for root in _FEED_ROOTS):
        raise FeedError(response.url, "not an HTML listing: the server sent a feed or "
                                      "sitemap (use kind: rss or kind: sitemap)")
    # Decoded here, not by libxml2: pages that declare UTF-8 but hold Windows-1252 are
    # common, and libxml2 would mangle them (watchers/fetch/charset.py).
    text = charset.page_text(response)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (ParserError, ValueError) as exc:
        raise FeedError(response.url, f"the page could not be parsed as HTML ({exc})") from exc


def _judge(anchor: Any, base: str, page: str, tally: _Tally, *, auto: bool) -> _Link | None:
    url = _target(anchor, base, page, tally)
    if url is None:
        return None
    link = _Link(anchor, url, _title(anchor))
    if not auto:
        return link
    if (links.words(link.title) < links.MIN_TITLE_WORDS or links.in_chrome(anchor)
            or links.is_chrome_url(url) or not links.looks_like_article(url)):
        return None
    if not same_site(url, page):
        tally.other_sites[urlsplit(url).hostname or url] += 1
        return None
    return link


def _target(anchor: Any, base: str, page: str, tally: _Tally) -> str | None:
    """The canonical http(s) URL an anchor leads to, unless it is no page to read: the
    listing itself, a fragment, mailto:/javascript:, a share button, a PDF or an image."""
    href = links.clean_href(anchor.get("href") or "")
    url = canonical_url(href, base=base) if href and not href.startswith("#") else ""
    if urlsplit(url).scheme not in _FETCHABLE or url == page or links.is_share(url):
        return None
    if links.is_binary(url):
        tally.pdfs += links.is_pdf(url)
        return None
    return url


def _selected(root: Any, selector: str, page: str) -> list[Any]:
    try:
        select = compile_links(selector)
    except ValueError as exc:  # config loading refuses these; a Source built in code may not
        raise FeedError(page, str(exc)) from exc
    anchors: list[Any] = []
    for element in select(root):
        # A selector may name the links or the items around them (".views-row").
        candidates = [element] if element.tag == "a" else element.iter("a")
        anchors.extend(a for a in candidates if a.get("href"))
    return anchors


def _title(anchor: Any) -> str:
    """The link's text; for image-only links their accessible name (never the `title`
    attribute first: india.gov.in sets it to "External site that opens in a new window")."""
    text = " ".join(anchor.text_content().split())
    if text:
        return text
    for value in (anchor.get("aria-label"), *anchor.xpath(".//img/@alt"), anchor.get("title")):
        text = " ".join(str(value or "").split())
        if text:
            return text
    return ""


def _item_dates(picked: list[_Link]) -> list[datetime | None]:
    # An item is the largest ancestor of a link that holds no other picked link: the
    # <li>, <tr> or card in which the site writes that item's date.
    holds: Counter[Any] = Counter()
    for link in picked:
        holds.update(link.element.iterancestors())
    return [_date_in(_item(link.element, holds), holds) for link in picked]


def _item(anchor: Any, holds: Counter[Any]) -> Any:
    item = anchor
    for _ in range(_ITEM_DEPTH):
        parent = item.getparent()
        if parent is None or holds[parent] != 1 or parent.tag in ("body", "main", "html"):
            break
        item = parent
    return item


def _date_in(item: Any, holds: Counter[Any]) -> datetime | None:
    for stamp in item.xpath(".//time/@datetime | .//*[@itemprop='datePublished']/@content"):
        found = w3c_date(str(stamp)) or find_date(str(stamp))
        if found is not None:
            return found
    # Text outside links only: a headline may contain a date ("talks on 5 September").
    found = find_date(_text_outside_links(item))
    if found is None:
        # <dt>16 Sep 2025</dt><dd><a>…</a></dd>: the date heads the item from outside.
        previous = item.getprevious()
        if previous is not None and not holds[previous] and previous.tag != "a":
            found = find_date(_text_outside_links(previous))
    return found


def _text_outside_links(element: Any) -> str:
    # Text nodes joined with spaces: text_content() would glue "Rajasthan</a>16 Sep 2025
    # </span>Summary" into "Rajasthan16 Sep 2025Summary".
    return " ".join(" ".join(element.xpath(".//text()[not(ancestor::a)]")).split())


def _base_url(root: Any, page: str) -> str:
    for href in root.xpath("//head/base/@href"):
        return urljoin(page, links.clean_href(str(href)))
    return page


def _nothing_found(source: Source, tally: _Tally) -> str:
    pdfs = (f"; {tally.pdfs} links to PDF documents skipped (this build does not read PDFs)"
            if tally.pdfs else "")
    if source.links:
        if not tally.selected:
            return f"the links selector {source.links!r} matched no links on the page"
        return (f"none of the {tally.selected} links matched by {source.links!r} leads to "
                f"an HTML page{pdfs}")
    reason = "no article links found on the page" + pdfs
    if tally.other_sites:
        hosts = ", ".join(f"{host} ×{n}" for host, n in tally.other_sites.most_common(3))
        reason += (f"; {tally.other_sites.total()} article-like links go to other sites "
                   f"({hosts}): set `links:` to a CSS selector to follow them")
    return reason
