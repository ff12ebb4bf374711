"""Decoding pages whose declared charset is wrong: Windows-1252 labelled UTF-8 above all."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from watchers.fetch.charset import decode_html, page_text
from watchers.models import Response, Source
from watchers.page.extract import extract
from watchers.sources.html import parse_listing

# What Word writes for “smart quotes”, an en dash, è and à in Windows-1252: not UTF-8.
# A guessing detector reads it as cp1250, where 0xE8 is č and 0xE0 is ŕ.
WORD_PASTE = (b"The minister called it \x93a milestone\x94 \x96 a premi\xe8re \xe0 la "
              b"2+2 dialogue.")
WORD_TEXT = "The minister called it “a milestone” – a première à la 2+2 dialogue."
UTF8_META = b'<html><head><meta charset="utf-8"><title>Talks</title></head><body><p>'
HTTP_EQUIV = (b'<html><head><meta http-equiv="Content-Type" content="text/html; '
              b'charset=UTF-8"></head><body><p>')
NO_META = b"<html><head><title>Talks</title></head><body><p>"
END = b"</p></body></html>"


@pytest.mark.parametrize(("head", "header", "encoding"), [
    (UTF8_META, None, "cp1252"),  # <meta charset="utf-8"> lies
    (HTTP_EQUIV, None, "cp1252"),
    (NO_META, "utf-8", "cp1252"),  # the Content-Type header lies
    (UTF8_META, "utf-8", "cp1252"),
    (NO_META, None, "cp1252"),  # nothing declared, not UTF-8
    (NO_META, "iso-8859-1", "cp1252"),  # browsers read latin-1 as Windows-1252
    (NO_META, "no-such-charset", "cp1252"),
], ids=["meta", "http-equiv", "header", "both", "undeclared", "latin-1", "unknown"])
def test_windows_1252_declared_as_utf8(head: bytes, header: str | None,
                                       encoding: str) -> None:
    decoded = decode_html(head + WORD_PASTE + END, header)
    assert WORD_TEXT in decoded.text
    assert (decoded.encoding, decoded.exact) == (encoding, True)


@pytest.mark.parametrize(("body", "header", "text", "encoding"), [
    # a correct declaration is used as it is
    (NO_META + "“Malabar” — 2025".encode() + END, "utf-8", "“Malabar” — 2025", "utf-8"),
    (NO_META + "Zürich".encode("cp1252") + END, "windows-1252", "Zürich", "cp1252"),
    ('<meta charset="shift_jis"><p>防衛大臣</p>'.encode("cp932"), None, "防衛大臣", "cp932"),
    # the header wrong, the <meta> right: the <meta> is tried next
    ('<meta charset="windows-1251"><p>Министр обороны</p>'.encode("cp1251"), "utf-8",
     "Министр обороны", "cp1251"),
    # a server default in front of a UTF-8 page
    (NO_META + "“Kishi Nobuo” – Tokyo".encode() + END, "iso-8859-1", "“Kishi Nobuo” – Tokyo",
     "utf-8"),
    # valid UTF-8 without any declaration
    (NO_META + "Tōkyō ACSA".encode() + END, None, "Tōkyō ACSA", "utf-8"),
    # byte-order marks win over any label
    (b"\xef\xbb\xbf" + NO_META + "caf\u00e9".encode() + END, "iso-8859-1", "café", "utf-8"),
    ("\ufeff<p>Kishi</p>".encode("utf-16-le"), "utf-8", "<p>Kishi</p>", "utf-16-le"),
    # a <meta> claiming UTF-16 was read as ASCII, so it is not UTF-16
    (b'<meta charset="utf-16"><p>ok</p>', None, "<p>ok</p>", "utf-8"),
], ids=["utf8", "cp1252", "shift-jis", "meta-after-header", "latin1-header-utf8-body",
        "undeclared-utf8", "utf8-bom", "utf16-bom", "meta-utf16"])
def test_declarations(body: bytes, header: str | None, text: str, encoding: str) -> None:
    decoded = decode_html(body, header)
    assert text in decoded.text
    assert decoded.encoding == encoding


def test_a_stray_byte_in_a_declared_cjk_page_keeps_the_page_readable() -> None:
    cut_off = b"\x82"  # the lead byte of a two-byte character, without its second byte
    body = '<meta charset="shift_jis"><p>防衛大臣会談</p>'.encode("cp932") + cut_off
    decoded = decode_html(body, None)
    assert "防衛大臣会談" in decoded.text
    assert (decoded.encoding, decoded.exact) == ("cp932", False)


def test_undeclared_cyrillic_is_not_read_as_windows_1252() -> None:
    text = ("Министр обороны России провёл переговоры с японским коллегой о военном "
            "сотрудничестве и совместных учениях флотов двух стран в этом году.")
    decoded = decode_html(f"<html><body><p>{text}</p></body></html>".encode("cp1251"), "utf-8")
    assert text in decoded.text
    assert decoded.encoding == "cp1251"


def test_unassigned_windows_1252_bytes_are_replaced_not_fatal() -> None:
    decoded = decode_html(NO_META + b"A \x93quote\x94 and \x81" + END, "utf-8")
    assert "A “quote” and \ufffd" in decoded.text
    assert (decoded.encoding, decoded.exact) == ("cp1252", False)


def test_a_wrong_declaration_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    response = Response(url="https://mod.example/x", status=200, body=UTF8_META + WORD_PASTE,
                        content_type="text/html", charset="utf-8")
    with caplog.at_level(logging.INFO, logger="watchers.fetch.charset"):
        assert WORD_TEXT in page_text(response)
    assert "charset mismatch url=https://mod.example/x declared=utf-8 decoded_as=cp1252" in \
        caplog.text


# -- where pages are decoded: article extraction and html listings --------------------

SOURCE = Source(id="mod", kind="html", url="https://mod.example/en/press", outlet="MoD")
NOW = datetime(2021, 9, 10, tzinfo=UTC)


def test_extract_reads_windows_1252_labelled_utf8() -> None:
    paragraph = (b"Defence Minister Rajnath Singh said the \x93Agreement on Reciprocal "
                 b"Provision of Supplies and Services\x94 \x96 signed in Tokyo \x96 would "
                 b"bring the Indian and Japanese militaries closer, a "
                 b"premi\xe8re \xe0 la Malabar.")
    page = (UTF8_META.replace(b"<title>Talks</title>",
                              b"<title>India and Japan sign supplies agreement</title>")
            + b"<article><h1>India and Japan sign supplies agreement</h1><p>" + paragraph
            + b"</p><p>" + paragraph.replace(b"Defence Minister", b"The minister")
            + b"</p></article>" + END)
    response = Response(url="https://mod.example/en/press/1", status=200, body=page,
                        content_type="text/html", charset="utf-8")
    article = extract(response, SOURCE, now=NOW)
    assert ("the “Agreement on Reciprocal Provision of Supplies and Services” – signed in "
            "Tokyo – would") in article.text
    assert "a première à la Malabar" in article.text
    assert "\ufffd" not in article.text


def test_listing_titles_read_windows_1252_labelled_utf8() -> None:
    page = (UTF8_META + b'</p><main><ul><li><a href="/en/press/2025/09/raksha-mantri-talks">'
            b"Raksha Mantri\x92s \x93productive\x94 talks \xe0 Tokyo</a></li></ul></main>"
            + END)
    response = Response(url="https://mod.example/en/press", status=200, body=page,
                        content_type="text/html", charset="utf-8")
    [entry] = parse_listing(response, SOURCE)
    assert entry.title == "Raksha Mantri’s “productive” talks à Tokyo"


def test_listing_in_a_declared_legacy_charset() -> None:
    # The tree is built from our decoded text: libxml2 must not re-read the <meta>.
    page = ('<html><head><meta charset="shift_jis"></head><body><main><ul><li>'
            '<a href="/press/2025/09/16/nichi-in-boueisho-kaidan">日印防衛相会談 防衛大臣 '
            "コメント 発表</a></li></ul></main></body></html>").encode("cp932")
    response = Response(url="https://mod.example/press", status=200, body=page,
                        content_type="text/html")
    [entry] = parse_listing(response, SOURCE)
    assert entry.title == "日印防衛相会談 防衛大臣 コメント 発表"
