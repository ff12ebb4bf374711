"""A fetched page -> an Article: main text via trafilatura, then our own chrome filter.

CPU-bound and synchronous on purpose: the caller runs `extract` in a worker pool so the
event loop keeps polling while pages are parsed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.metadata import extract_title
from trafilatura.settings import Document

from watchers.canonical import canonical_url, same_site
from watchers.errors import ExtractError
from watchers.fetch.charset import page_decoded
from watchers.models import Article, Entry, Response, Source
from watchers.page.chrome import strip_chrome
from watchers.page.headline import strip_site_name
from watchers.page.load import load_page
from watchers.page.stopwords import install as install_stop_words

__all__ = ["MIN_SENTENCE_WORDS", "MIN_TEXT_CHARS", "article_url", "extract", "parse_page",
           "warm_up"]

MIN_TEXT_CHARS = 40  # below this, what is left is a caption or a cookie notice, not news
# News has sentences: a "text" made only of shorter lines is a menu or a tag cloud that
# trafilatura fell back to when the page had no article.
MIN_SENTENCE_WORDS = 8
# Chinese and Japanese put no spaces between words: there a sentence is measured in
# characters, about two to a word.
_CJK_CHARS_PER_WORD = 2
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")

_MARKUP_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss",
                 "application/atom")
# htmldate keeps the time and zone when the page states them (meta, JSON-LD); a bare
# date comes back as midnight without a zone, which we read as "day only". No extensive
# search of the visible text: it turns "Copyright 2020" in a footer into 1 Jan 2020, and
# the feed's date is a better fallback than a guess.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# htmldate drops dates after "today" and then guesses from what is left (a copyright year
# becomes the 1st of a month). A page in Tokyo is already "tomorrow" for a UTC clock, so
# allow some slack.
_FUTURE_SLACK = timedelta(days=2)
# two walks of the tree, not one per spelling: the page is large and this runs on each
_PUBLISHED_XPATH = etree.XPath(
    "//meta[@property='article:published_time' or @property='og:article:published_time'"
    " or @itemprop='datePublished' or @name='publish-date' or @name='pubdate'"
    " or @name='publishdate']/@content | //*[@itemprop='datePublished']/@datetime")
# trafilatura drops <nav> from the text anyway, but its check for an extraction that
# "covers little of the page" counts the menus' words: on a news site with a large menu
# every article looked too short and was extracted twice more (recall mode, then jusText
# over the whole page), three quarters of the CPU per page. Pruned up front, the menus
# weigh nothing; the text, title and date come out the same on every page we compare.
_PRUNED = "//nav"
_SITE_NAME_XPATH = "//meta[@property='og:site_name']/@content"
_OG_TITLE_XPATH = "//meta[@property='og:title']/@content"
_CANONICAL_XPATH = ("//link[contains(concat(' ', normalize-space(translate(@rel, "
                    "'CANONICAL', 'canonical')), ' '), ' canonical ')]/@href")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
_GENERIC_HOST_LABELS = frozenset({"www", "m", "amp", "com", "co", "org", "net", "gov", "nic",
                                  "mil", "edu", "ac", "news"})


def extract(response: Response, source: Source, entry: Entry | None = None, *,
            now: datetime, tree: Any = None) -> Article:
    """Extract the article of a fetched page (`tree`: the page already parsed by
    `parse_page`; `now`: when it was fetched, the latest date the page may carry).
    Raises ExtractError when there is none."""
    if tree is None:
        tree = parse_page(response)
    language = _page_language(tree)
    # No metadata pass: it looks for authors, categories and a licence we never use and
    # costs as much as the text pass. Title, date and site name are read below, cheaply.
    document = trafilatura.bare_extraction(
        tree, url=response.url, with_metadata=False, include_comments=False,
        include_tables=True, include_images=False, include_links=False,
        prune_xpath=_PRUNED)
    if not isinstance(document, Document):  # None: nothing that looks like an article
        raise ExtractError(response.url, "no main text found on the page")

    site_name = next((str(n) for n in tree.xpath(_SITE_NAME_XPATH)), "")
    # the page's own headline (its one <h1>, else the title element): a first block that
    # repeats it is dropped from the text
    heading = _text(extract_title(tree))
    title = _title(tree, heading, entry,
                   site_names=(source.outlet, site_name, _host_label(response.url)))
    og_title = next((_text(str(t)) for t in tree.xpath(_OG_TITLE_XPATH)), "")
    headlines = (title, og_title, heading, entry.title if entry else "")
    paragraphs = _paragraphs(_text(document.text), headlines)
    text = "\n\n".join(paragraphs)
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(response.url, f"no article text: only {len(text)} characters "
                                         "left after removing page chrome")
    if all(_word_count(p) < MIN_SENTENCE_WORDS for p in paragraphs):
        raise ExtractError(response.url, "no article text: only short lines (menus, labels)"
                                         " left after removing page chrome")
    return Article(
        url=article_url(tree, response.url),
        title=title,
        text=text,
        source_id=source.id,
        outlet=source.outlet,
        authority=source.authority,
        published=_meta_published(tree) or _published_date(tree, response.url, entry, now),
        language=language,
        paragraphs=paragraphs,
    )


# one copy of jusText's stop words, not two, and only once a page needs them
# (watchers/page/stopwords.py)
install_stop_words()


def _word_count(paragraph: str) -> int:
    """Words of a paragraph: runs between spaces, CJK characters in pairs."""
    cjk = len(_CJK.findall(paragraph))
    if not cjk:
        return len(paragraph.split())
    return len(_CJK.sub(" ", paragraph).split()) + cjk // _CJK_CHARS_PER_WORD


def warm_up() -> None:
    """Nothing left to load: importing this module (trafilatura, lxml, htmldate) is the
    warm-up. jusText's stop words load on the first page that needs them (a few in a
    hundred), not in every worker (watchers/page/stopwords.py)."""
    install_stop_words()


def parse_page(response: Response) -> Any:
    """The page as an lxml tree, decoded our way. Raises ExtractError for what is not an
    HTML page (empty, PDF, binary)."""
    body = response.body
    if not body.strip():
        raise ExtractError(response.url, "empty page")
    if body.lstrip().startswith(b"%PDF"):
        raise ExtractError(response.url, "a PDF document, not an HTML page")
    looks_like_markup = body.lstrip()[:1] == b"<"
    if b"\0" in body[:1024] or not (
            looks_like_markup or (response.content_type or "text/").startswith(_MARKUP_TYPES)):
        raise ExtractError(response.url,
                           f"binary content ({response.content_type or 'no content type'}),"
                           " not an HTML page")
    # Our decoding, not trafilatura's guess: that reads Windows-1252 text mislabelled
    # UTF-8 as cp1250 (watchers/fetch/charset.py). Parsed as trafilatura parses it, with
    # less work (watchers/page/load.py).
    tree = load_page(body, page_decoded(response))
    if tree is None:
        raise ExtractError(response.url, "the page could not be parsed as HTML")
    return tree


def _paragraphs(text: str, headlines: tuple[str, ...]) -> tuple[str, ...]:
    # trafilatura's text has one block (paragraph, heading, list item) per line.
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs: list[str] = []
    for line in strip_chrome(lines):
        if paragraphs and line == paragraphs[-1]:
            continue  # repeated standfirst / pull quote
        if not paragraphs and any(_same_text(line, h) for h in headlines):
            continue  # the headline repeated as the first block; Article.title has it
        paragraphs.append(line)
    return tuple(paragraphs)


def _title(tree: Any, extracted: str, entry: Entry | None, *,
           site_names: tuple[str, ...]) -> str:
    # og:title is written for sharing and rarely carries the site name; <title> does,
    # and we strip it ourselves because trafilatura cuts "India - Japan talks" at the dash.
    candidates = [*tree.xpath("//meta[@property='og:title']/@content"),
                  *tree.xpath("//head/title/text()"), extracted]
    page = next((t for t in (strip_site_name(str(c), site_names)
                             for c in candidates) if t), "")
    feed = " ".join(entry.title.split()) if entry else ""
    # A page title with no word in common with the feed's headline is a section heading
    # ("Related coverage") or the site's name: the feed knows better.
    if feed and not (_words(page) & _words(feed)):
        return feed
    return page


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) >= 4}


def article_url(tree: Any, final_url: str) -> str:
    """The page's own name for itself: <link rel=canonical> when it stays on the site,
    else the URL we ended at after redirects (not the feed's link, which may be a search
    engine's wrapper or carry campaign parameters).

    A canonical on another site is refused (a page must not claim another outlet's
    article, or hijack our duplicate check), as is one that downgrades https to http and
    one pointing at the site's front page (a CMS default that would make every article
    of the site one duplicate).
    """
    final = canonical_url(final_url)
    hrefs = tree.xpath(_CANONICAL_XPATH)
    if not hrefs:
        return final
    # Only the first counts: a second rel=canonical is a template error, not a choice.
    candidate = canonical_url(" ".join(str(hrefs[0]).split()), base=final)
    scheme, path = urlsplit(candidate).scheme, urlsplit(candidate).path
    front_page = path == "/" and urlsplit(final).path != "/"
    downgrade = scheme == "http" and final.startswith("https:")
    if scheme in ("http", "https") and same_site(candidate, final) and not (
            front_page or downgrade):
        return candidate
    return final


def _meta_published(tree: Any) -> datetime | None:
    """The publisher's own timestamp, when the page states one with a time and a zone.

    Read before htmldate because htmldate rejects dates after its "today" and then
    guesses; a page that says when it was published is taken at its word.
    """
    for value in _PUBLISHED_XPATH(tree):
        try:
            stamp = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if stamp.tzinfo is not None:
            return stamp.astimezone(UTC)
    return None


def _published_date(tree: Any, url: str, entry: Entry | None,
                    now: datetime) -> datetime | None:
    # htmldate alone, not trafilatura's whole metadata pass: ~1 ms a page. Its latest
    # allowed date is ours to give: left alone it reads the wall clock.
    latest = (now.astimezone(UTC) + _FUTURE_SLACK).strftime("%Y-%m-%d")
    found = find_date(tree, url=url, outputformat=_DATE_FORMAT, original_date=True,
                      extensive_search=False, max_date=latest)
    return _published(found if isinstance(found, str) else "", entry)


def _published(found: str, entry: Entry | None) -> datetime | None:
    fallback = entry.published if entry else None
    if not found:
        return fallback
    try:
        stamp = datetime.strptime(found, _DATE_FORMAT)
    except ValueError:
        try:
            stamp = datetime.strptime(found[:10], "%Y-%m-%d")
        except ValueError:
            return fallback
    if stamp.tzinfo is not None:
        return stamp.astimezone(UTC)
    day = stamp.date()
    # A day without a time: the feed's timestamp is more precise when it agrees on the
    # day (±1 for time zones); otherwise the page, which the publisher edits, wins.
    if fallback is not None and abs(fallback.date() - day) <= timedelta(days=1):
        return fallback
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC)


def _page_language(tree: Any) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', "
                             "'content-language')='content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for candidate in candidates:
        code = _language_code(str(candidate) if candidate else "")
        if code:
            return code
    return None


def _language_code(tag: str) -> str | None:
    """'en-GB' -> 'en', 'ja_JP' -> 'ja': rules care about the language, not the region."""
    match = _LANG_TAG.match(tag.strip())
    return match.group().lower() if match else None


def _same_text(a: str, b: str) -> bool:
    return bool(b) and _key(a) == _key(b)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _host_label(url: str) -> str:
    """'https://www.theweek.in/x' -> 'theweek', 'pib.gov.in' -> 'pib': the outlet's name."""
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".")[:-1]  # the last one is the TLD
              if label not in _GENERIC_HOST_LABELS and not label.isdigit()]
    return max(labels, key=len, default="")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""

