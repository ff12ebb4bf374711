"""A decoded page parsed as trafilatura's `load_html` parses it, without its pass that
deletes control characters when the page's bytes show there is none to delete.

load_html deletes the characters XML forbids (the C0 controls but tab, LF and CR; U+FFFE,
U+FFFF) with a regular expression over the whole decoded page: ~0.5 ms of the ~1.8 ms a
real-size page's parse costs, on every page, though a web page almost never holds one.
In a page read as UTF-8 or Windows-1252 a C0 control can only come from its own byte, so a
look at the bytes (`bytes.translate`, ~0.1 ms) and a search for the two others in the
text (a few microseconds) prove the pass would change nothing. The rest of load_html for
a string is done here: its two repairs (a DOCTYPE that closes itself, a self-closing
`<html/>`) and one parse with its parser. Everything else (another codec, a page with
such a byte, a parse that fails or a tree load_html would parse again or reject) goes to
load_html itself, so the tree is always the one it gives; a test compares the two on odd
pages.
"""

from __future__ import annotations

from typing import Any

from lxml.html import fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, HTML_PARSER, load_html

from watchers.fetch.charset import Decoded

__all__ = ["load_page"]

# what load_html deletes: the C0 controls but tab, LF and CR, as bytes ...
_C0 = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
# ... and two noncharacters (searched in the text: as UTF-8 bytes, a three-byte needle
# whose bytes are common in Devanagari, the search costs more than the regex it saves)
_NONCHARACTERS = ("\ufffe", "\uffff")
# codecs in which a C0 control comes only from its own byte (a byte that does not decode
# becomes U+FFFD, which load_html keeps)
_BYTEWISE = frozenset({"utf-8", "cp1252"})


def load_page(body: bytes, decoded: Decoded) -> Any:
    """load_html(decoded.text): the page's lxml tree, or None when it is not HTML.
    `body` is the page's bytes as fetched, `decoded` what they were read as."""
    text = decoded.text
    if not _nothing_to_delete(body, decoded):
        return load_html(text)
    beginning = text[:50].lower()
    try:
        tree = fromstring(_repaired(text, beginning), parser=HTML_PARSER)
    except Exception:  # load_html's own fallback (as bytes) and its log line decide
        return load_html(text)
    # load_html parses again (as bytes) a tree without children, and rejects a document
    # that does not start like HTML and parsed to fewer than two
    if tree is None or len(tree) < 1 or ("html" not in beginning and len(tree) < 2):
        return load_html(text)
    return tree


def _nothing_to_delete(body: bytes, decoded: Decoded) -> bool:
    return (decoded.encoding in _BYTEWISE and len(body.translate(None, _C0)) == len(body)
            and not any(n in decoded.text for n in _NONCHARACTERS))


def _repaired(text: str, beginning: str) -> str:
    # trafilatura.utils.repair_faulty_html after its control-character pass, line for line
    if "doctype" in beginning:
        firstline, _, rest = text.partition("\n")
        text = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            text = FAULTY_HTML.sub(r"\1>", text, count=1)
            break
    return text
