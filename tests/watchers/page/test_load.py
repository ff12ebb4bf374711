"""load_page gives the tree trafilatura's load_html gives, with or without its
control-character pass: on pages we wrote to take each of load_html's turns."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree
from trafilatura.utils import INVALID_XML_CHARS, load_html

from watchers.fetch.charset import decode_html
from watchers.page import load

ARTICLE = ("<p>The two ministers met at the harbour and spoke of ships, supplies and a "
           "drill planned for the spring.</p>")
PLAIN = ("<!DOCTYPE html>\n<html lang='en'><head><title>Ships</title></head>"
         f"<body>{ARTICLE}</body></html>")

# (what, page bytes, header charset)
PAGES: list[tuple[str, bytes, str | None]] = [
    ("plain UTF-8", PLAIN.encode(), "utf-8"),
    ("no DOCTYPE", PLAIN.split("\n", 1)[1].encode(), None),
    ("a DOCTYPE that closes itself",
     ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"/>\n'
      + PLAIN.split("\n", 1)[1]).encode(), "utf-8"),
    ("a DOCTYPE and no line break", PLAIN.replace("\n", " ").encode(), "utf-8"),
    ("a self-closing <html/>",
     f"<!DOCTYPE html>\n<html lang='en'/>\n<body>{ARTICLE}</body>".encode(), "utf-8"),
    ("a vertical tab and a form feed in the text",
     PLAIN.replace("harbour", "har\x0bbour\x0c").encode(), "utf-8"),
    ("a NUL byte", PLAIN.replace("ships", "sh\x00ips").encode(), "utf-8"),
    ("U+FFFF and U+FFFE", PLAIN.replace("spring", "spr\uffffing\ufffe").encode(), "utf-8"),
    ("a control byte in Windows-1252",
     PLAIN.replace("supplies", "supplies \u201cquoted\u201d \x1b").encode("cp1252"), None),
    ("Windows-1252 with an undecodable byte",
     PLAIN.replace("supplies", "supplies caf\xe9").encode("cp1252") + b"\x81", "utf-8"),
    ("Shift_JIS (another codec)",
     "<html><head><meta charset='shift_jis'><title>艦艇</title></head><body>"
     "<p>両国の防衛相は港で会談し、艦艇と補給、春の共同訓練について話し合った。</p>"
     "</body></html>".encode("cp932"), None),
    ("UTF-16 with a byte-order mark", PLAIN.encode("utf-16"), None),
    ("an XML declaration with an encoding (lxml refuses it as a string)",
     ("<?xml version='1.0' encoding='utf-8'?>\n" + PLAIN.split("\n", 1)[1]).encode(),
     "utf-8"),
    ("a fragment that does not start like HTML", ARTICLE.encode(), "utf-8"),
    ("a fragment of one block with one child (load_html rejects it)",
     f"<div>{ARTICLE}</div>".encode(), "utf-8"),
    ("two fragments that do not start like HTML", (ARTICLE * 2).encode(), "utf-8"),
    ("text only", b"Ships and supplies, nothing else.", "utf-8"),
    ("Devanagari", ("<!DOCTYPE html>\n<html lang='hi'><body><p>दोनों देशों के रक्षा मंत्रियों ने "
                    "बंदरगाह पर भेंट की और जहाज़ों पर बात की।</p></body></html>").encode(), None),
]


def _same(ours: Any, theirs: Any) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return bool(etree.tostring(ours) == etree.tostring(theirs))


@pytest.mark.parametrize(("what", "body", "charset"), PAGES, ids=[p[0] for p in PAGES])
def test_the_tree_load_html_gives(what: str, body: bytes, charset: str | None) -> None:
    decoded = decode_html(body, charset)
    assert _same(load.load_page(body, decoded), load_html(decoded.text)), what


@pytest.mark.parametrize(("what", "body", "charset"), PAGES, ids=[p[0] for p in PAGES])
def test_the_pass_is_skipped_only_when_it_has_nothing_to_delete(
        what: str, body: bytes, charset: str | None) -> None:
    decoded = decode_html(body, charset)
    deletes = decoded.text != INVALID_XML_CHARS.sub("", decoded.text)
    # skipped only when provably nothing to delete; another codec always takes load_html's way
    if load._nothing_to_delete(body, decoded):
        assert not deletes and decoded.encoding in {"utf-8", "cp1252"}, what
    else:
        assert deletes or decoded.encoding not in {"utf-8", "cp1252"}, what


def test_a_page_with_nothing_to_delete_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_: object) -> None:
        raise AssertionError("load_html called for a plain page")

    monkeypatch.setattr(load, "load_html", refuse)
    body = PLAIN.encode()
    tree = load.load_page(body, decode_html(body, "utf-8"))
    assert tree.findtext(".//title") == "Ships"
