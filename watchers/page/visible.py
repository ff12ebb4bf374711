"""Everything of a page that extraction could turn into an article's title or text, as
plain strings, for the cheap early-rejection pass that runs before trafilatura.

It must over-approximate: the main text trafilatura keeps is made of the page's text
nodes, and its last-resort rescue reads schema.org JSON-LD (`articleBody`) and the JSON
that some forums preload into an attribute; our title comes from og:title, <title> or the
feed. So: all text nodes outside scripts and styles, the strings of JSON-LD and preloaded
JSON (markup in them rendered the same way), and the title candidates. Block elements
separate words; inline ones (``Ja<b>pan</b>``) do not, as in the extracted text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import unescape
from typing import Any

from lxml import etree, html

__all__ = ["page_strings", "visible_text"]

# Phrasing content: no word break at its edges. Every other element breaks words.
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var"})
_SKIPPED = frozenset({"script", "style"})
_JSON_TYPES = frozenset({"application/ld+json", "application/json"})


# The walk in C (libxslt) rather than in Python: a third of the time on a large page. The
# HTML parser nests at most 255 deep, far below libxslt's recursion limit.
_TEXT = etree.XSLT(etree.XML(
    '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
    '<xsl:output method="text" encoding="utf-8"/>'
    f'<xsl:template match="{"|".join(sorted(_SKIPPED))}"/>'
    f'<xsl:template match="{"|".join(sorted(_INLINE))}"><xsl:apply-templates/></xsl:template>'
    '<xsl:template match="*"><xsl:text>&#10;</xsl:text><xsl:apply-templates/>'
    '<xsl:text>&#10;</xsl:text></xsl:template>'
    '</xsl:stylesheet>'))


def visible_text(root: Any) -> str:
    """The text nodes under root, outside scripts and styles, in document order; a line
    break at each edge of a block element. Comments and processing instructions add
    nothing, but the text after them counts."""
    return str(_TEXT(root))


def _json_strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _json_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _json_strings(value)


def _rendered(raw: str) -> str:
    """A JSON string as text: entities decoded, markup in it rendered like the page."""
    text = unescape(raw)
    if "<" not in text:
        return text
    try:
        return visible_text(html.fragment_fromstring(text, create_parent="div"))
    except (etree.ParserError, ValueError):
        return text


def _embedded(tree: Any) -> Iterator[str]:
    blobs = [str(s.text or "") for s in tree.iter("script")
             if (s.get("type") or "").strip().lower() in _JSON_TYPES]
    blobs += [str(v) for v in tree.xpath("//*[@data-preloaded]/@data-preloaded")]
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            yield unescape(blob)
            continue
        for value in _json_strings(data):
            # forums preload JSON whose strings are JSON again
            if value[:1] in "{[":
                try:
                    yield from (_rendered(v) for v in _json_strings(json.loads(value)))
                    continue
                except ValueError:
                    pass
            yield _rendered(value)


def page_strings(tree: Any, *titles: str) -> list[str]:
    """Visible text, embedded JSON text, <title> and og:title, plus the given titles."""
    out = [visible_text(tree), *_embedded(tree), *titles]
    out += [str(t) for t in tree.xpath("//meta[@property='og:title']/@content"
                                       " | //title/text()")]
    return [s for s in out if s]
