"""Which characters a page's bytes stand for, when the page may lie about its encoding.

The common lie: a CMS template declares UTF-8 (header or <meta>) while an editor pasted
text saved by Word as Windows-1252, so smart quotes (0x93/0x94) and dashes (0x96) are not
UTF-8. Guessing detectors read such short Western snippets as cp1250 or worse. So:

  1. a byte-order mark wins (as in browsers);
  2. each declared charset (HTTP header, then <meta> / XML declaration) is tried strictly;
  3. a declared legacy CJK or non-Western codec that fails is still the best reading:
     one stray byte in a Shift_JIS page must not turn the whole page into Latin letters;
  4. otherwise valid UTF-8 is UTF-8; else charset-normalizer's guess when it reads the
     text as another script (Cyrillic, Greek, CJK ...); else Windows-1252, the WHATWG
     default for Western pages and what Word writes.

Labels are read the way browsers read them (WHATWG Encoding): "iso-8859-1" and "ascii"
mean Windows-1252, "shift_jis" means cp932, and so on, so 0x93 never becomes a C1
control character.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from watchers.models import Response

__all__ = ["Decoded", "decode_html", "page_decoded", "page_text"]

log = logging.getLogger(__name__)

_PRESCAN_BYTES = 1024  # WHATWG's <meta charset> prescan reads this far
_GUESS_BYTES = 64 * 1024  # enough text to tell scripts apart, bounded for 15 MiB pages
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)",
                           re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.+-]+)",
                           re.IGNORECASE)
# Python codec names -> what browsers decode for that label (WHATWG Encoding §4.2).
_WHATWG = {"ascii": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254",
           "tis-620": "cp874", "shift_jis": "cp932", "euc_kr": "cp949", "gb2312": "gbk"}
# Declarations that the Word-paste lie makes unreliable; a failing one falls through to
# UTF-8 / guess / Windows-1252 instead of being forced with replacement characters.
_WESTERN = frozenset({"utf-8", "cp1252"})


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the Python codec used
    declared: tuple[str, ...]  # codecs the document declared, in the order tried
    exact: bool = True  # False: undecodable bytes were replaced with U+FFFD


def page_text(response: Response) -> str:
    """The text of a fetched HTML page; logs when its declared charset was wrong."""
    return page_decoded(response).text


def page_decoded(response: Response) -> Decoded:
    """page_text, with the codec that read it."""
    decoded = decode_html(response.body, response.charset)
    if decoded.declared and decoded.encoding not in decoded.declared:
        log.info("charset mismatch url=%s declared=%s decoded_as=%s", response.url,
                 ",".join(decoded.declared), decoded.encoding)
    return decoded


def decode_html(body: bytes, header_charset: str | None = None) -> Decoded:
    """Decode an HTML (or XHTML) document. Pure; see the module docstring for the order."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return Decoded(body[len(bom):].decode(encoding, errors="replace"), encoding, ())
    declared = _declared(body, header_charset)
    encoding = _choose(body, declared)
    try:
        return Decoded(body.decode(encoding), encoding, declared)
    except UnicodeDecodeError:
        # A declared CJK codec with a stray byte, or one of the five bytes Windows-1252
        # leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D).
        return Decoded(body.decode(encoding, errors="replace"), encoding, declared,
                       exact=False)


def _choose(body: bytes, declared: tuple[str, ...]) -> str:
    for encoding in declared:
        # Valid multi-byte UTF-8 is almost never meant as Windows-1252: that is a server
        # default ("charset=ISO-8859-1") in front of a UTF-8 page.
        misread_utf8 = encoding == "cp1252" and _utf8_beyond_ascii(body)
        if not misread_utf8 and _decodes(body, encoding):
            return encoding
    forced = next((e for e in declared if e not in _WESTERN), None)
    if forced is not None:
        return forced
    if _decodes(body, "utf-8"):
        return "utf-8"
    return _other_script(body) or "cp1252"


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _declared(body: bytes, header_charset: str | None) -> tuple[str, ...]:
    head = body[:_PRESCAN_BYTES]
    labels: list[tuple[str, bool]] = [(header_charset or "", False)]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        found = pattern.search(head)
        if found:
            labels.append((found.group(1).decode("ascii"), True))
    out: list[str] = []
    for label, in_document in labels:
        encoding = _codec(label, in_document=in_document)
        if encoding is not None and encoding not in out:
            out.append(encoding)
    return tuple(out)


def _codec(label: str, *, in_document: bool) -> str | None:
    try:
        name = codecs.lookup(label.strip()).name if label.strip() else None
    except LookupError:
        return None
    if name is None:
        return None
    if in_document and name.startswith("utf-16"):
        # Bytes we could read the declaration from as ASCII are not UTF-16 (WHATWG).
        return "utf-8"
    return _WHATWG.get(name, name)


def _utf8_beyond_ascii(body: bytes) -> bool:
    return not body.isascii() and _decodes(body, "utf-8")


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _other_script(body: bytes) -> str | None:
    """charset-normalizer's encoding when it reads the text as mostly non-Latin letters;
    None for Western text, where its short-text guesses (cp1250 for English with smart
    quotes) are worse than Windows-1252."""
    best = from_bytes(body[:_GUESS_BYTES]).best()
    if best is None or not _known(best.encoding):
        return None
    letters = [c for c in str(best) if not c.isascii() and c.isalpha()]
    foreign = sum(not unicodedata.name(c, "").startswith("LATIN") for c in letters)
    return best.encoding if letters and foreign * 2 > len(letters) else None
