"""The `links:` CSS selector of an html source, compiled once and checked at config load.

Its own module so that loading the configuration pays for cssselect alone, not for the
HTTP client and HTML parser behind watchers.sources.html.
"""

from __future__ import annotations

from cssselect import SelectorError
from lxml.cssselect import CSSSelector

__all__ = ["compile_links"]


def compile_links(selector: str) -> CSSSelector:
    """The compiled selector; ValueError saying what is wrong when it cannot be used.

    cssselect refuses syntax errors and what it cannot turn into XPath (pseudo-elements
    such as `a::text`, unknown functions), so both are caught here, before any poll.
    """
    try:
        return CSSSelector(selector, translator="html")
    except SelectorError as exc:
        raise ValueError(f"the links selector {selector!r} is not valid CSS: {exc}") from exc
