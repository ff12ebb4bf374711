"""What a link on a listing page points at, judged by its URL, its text and where it sits.

Pure functions over lxml elements and URL strings, used by the html watcher. They encode
how news and ministry listings are built: headlines are sentences (four words or more)
linking to a deep or ID-bearing URL; everything else on the page — menus, breadcrumbs,
page numbers, tag clouds, share buttons, the footer — is short text, a shallow URL, or
sits inside a navigation landmark.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from watchers.canonical import registrable_domain

__all__ = ["MIN_TITLE_WORDS", "clean_href", "in_chrome", "is_binary", "is_chrome_url",
           "is_pdf", "is_share", "looks_like_article", "words"]

MIN_TITLE_WORDS = 4  # "Press releases" is a menu; "Defence Secretary visits Tokyo" is news

# Documents we cannot extract text from. PDFs are common on ministry sites (India's MoD
# posts many releases only as PDFs); extract() refuses them, so fetching one per entry
# would cost a download and end as a failed entry. We skip them and say so when a page
# has nothing else (see html.parse_listing).
PDF_SUFFIXES = (".pdf",)
_BINARY_SUFFIXES = (*PDF_SUFFIXES, ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp",
                    ".zip", ".rar", ".7z", ".gz", ".doc", ".docx", ".xls", ".xlsx", ".ppt",
                    ".pptx", ".odt", ".mp3", ".mp4", ".m4a", ".avi", ".mov", ".wmv", ".exe")

# Landmarks and widgets that hold site navigation, never the listing itself.
_CHROME_TAGS = frozenset({"nav", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search",
                           "menu", "menubar"})
_CHROME_TOKENS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
                            "breadcrumbs", "pagination", "pager", "paging", "share", "sharing",
                            "social", "sidebar", "skip", "topbar"})
# <header>/<footer> (and id="header"/"footer") are page chrome only at page level: inside
# an <article> or <section> they frame one item of the list, headline link included.
_PAGE_LEVEL_TAGS = frozenset({"header", "footer"})
_PAGE_LEVEL_TOKENS = frozenset({"header", "footer", "masthead", "colophon"})
_SECTIONING = frozenset({"article", "section", "main"})
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")

# URL path segments and query keys of index pages rather than items.
_INDEX_SEGMENTS = frozenset({"tag", "tags", "topic", "topics", "category", "categories",
                             "taxonomy", "author", "authors", "search", "gsearch", "login",
                             "signin", "register", "subscribe", "share", "print", "feed",
                             "rss", "sitemap", "page"})
# Search and page-N parameters only: "?category=x&id=123" is an article on old CMSs.
_INDEX_QUERY_KEYS = frozenset({"s", "q", "query", "search", "keyword", "keywords", "page",
                               "paged", "pg", "start", "offset", "sort"})
_SHARE_SITES = frozenset({"facebook.com", "twitter.com", "x.com", "linkedin.com", "wa.me",
                          "whatsapp.com", "t.me", "telegram.me", "instagram.com", "pinterest.com",
                          "reddit.com", "youtube.com", "youtu.be", "threads.net", "koo.in",
                          "addtoany.com", "sharethis.com"})
_ID = re.compile(r"\d{4,}|[0-9a-f]{16,}", re.IGNORECASE)  # 40123, 2025, a content hash
_SLUG_WORDS = re.compile(r"[A-Za-z0-9]+")
_WORD = re.compile(r"\w+")
_STRIP_ANYWHERE = re.compile(r"[\t\n\r]")


def clean_href(href: str) -> str:
    """An href as browsers read it: trimmed (india.gov.in ends every one with a space),
    tabs and newlines removed wherever they are (WHATWG URL parsing does the same)."""
    return _STRIP_ANYWHERE.sub("", href.strip())


def words(text: str) -> int:
    return len(_WORD.findall(text))


def is_binary(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(_BINARY_SUFFIXES)


def is_pdf(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(PDF_SUFFIXES)


def is_share(url: str) -> bool:
    return registrable_domain(url) in _SHARE_SITES


def is_chrome_url(url: str) -> bool:
    """Tag, category, author, search and page-N URLs: indexes, not articles."""
    parts = urlsplit(url)
    segments = [s.lower() for s in parts.path.split("/") if s]
    if any(s in _INDEX_SEGMENTS for s in segments):
        return True
    return any(key.lower() in _INDEX_QUERY_KEYS
               for key, _ in parse_qsl(parts.query, keep_blank_values=True))


def looks_like_article(url: str) -> bool:
    """A URL shaped like one item: an ID or a date in it, or a slug of three words or more.

    mea.gov.in/press-releases.htm?dtl/40123/..., mod.go.jp/en/article/2025/09/<hash>.html,
    ddnews.gov.in/en/india-aims-to-be-global-maritime-leader/ all pass; /en/about-us,
    /press-releases and / do not.
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments and not parts.query:
        return False
    if _ID.search(parts.path) or _ID.search(parts.query):
        return True
    last = segments[-1].rsplit(".", 1)[0] if segments else ""
    return len(_SLUG_WORDS.findall(last)) >= 3


def in_chrome(element: Any) -> bool:
    """Whether `element` sits inside navigation, a sidebar, pagination, share widgets, or
    the page's own header/footer."""
    for ancestor in element.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ("body", "html"):
            return False
        if tag in _CHROME_TAGS or (ancestor.get("role") or "").lower() in _CHROME_ROLES:
            return True
        classes = _tokens(ancestor.get("class"))
        ident = _tokens(ancestor.get("id"))
        if (classes | ident) & _CHROME_TOKENS:
            return True
        page_level = tag in _PAGE_LEVEL_TAGS or bool(ident & _PAGE_LEVEL_TOKENS)
        if page_level and not _inside_sectioning(ancestor):
            return True
    return False


def _inside_sectioning(element: Any) -> bool:
    return any(a.tag in _SECTIONING for a in element.iterancestors())


def _tokens(value: str | None) -> set[str]:
    return set(_TOKEN_SPLIT.split(value.lower())) - {""} if value else set()
