"""The early-rejection pass is a superset of the full path: no page that extraction plus
matching would match is rejected before extraction.

Checked over every labelled report of tests/corpus (all splits), served as real-size
pages, and over the real web pages of ../shared/corpus/web (read in place; skipped when
absent). The pass must also be worth having: everyday news is rejected.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import html

from bench.realpages import PageText, general_texts, page_html
from bot.config.yamlfile import load_yaml, plain
from bot.pipeline.examine import examine
from bot.rules import RuleSet
from tests.beside import WEB
from watchers import Entry, Response, Source, extract, page_strings, parse_page
from watchers.page.visible import visible_text

ROOT = Path(__file__).resolve().parents[3]
SOURCE = Source(id="site", kind="rss", url="http://127.0.0.1/feed.xml", outlet="Daily Ledger")
NOW = datetime(2024, 3, 2, tzinfo=UTC)  # when the pages are fetched


def labelled_reports() -> list[PageText]:
    """Every report of every split, however the corpus folders are arranged."""
    out = []
    for path in sorted((ROOT / "tests" / "corpus").rglob("*.yaml")):
        doc = plain(load_yaml(path))
        for a in doc.get("articles") or ():
            paragraphs = tuple(p.strip() for p in a["text"].split("\n\n") if p.strip())
            out.append(PageText(a["id"], a["title"], paragraphs))
    return out


def _response(name: str, body: bytes) -> Response:
    return Response(url=f"http://127.0.0.1/news/{name}", status=200, body=body,
                    content_type="text/html", charset=None)


def _full_path_matches(response: Response, entry: Entry, ruleset: RuleSet) -> bool:
    try:
        article = extract(response, SOURCE, entry, now=NOW)
    except Exception:  # no article: nothing to match, nothing the pass could lose
        return False
    return bool(ruleset.match(article).matches)


def _could(response: Response, entry: Entry, ruleset: RuleSet) -> bool:
    return ruleset.could_match(page_strings(parse_page(response), entry.title))


def test_no_labelled_report_the_full_path_matches_is_rejected(ruleset: RuleSet) -> None:
    reports = labelled_reports()
    assert len(reports) >= 100
    matched = 0
    for text in reports:
        page = _response(text.slug, page_html(text, "Daily Ledger",
                                              "2020-12-22T10:00:00+00:00").encode())
        # the feed's headline is what the page's title falls back to
        entry = Entry(key=text.slug, url=page.url, title=text.title, source_id="site")
        if _full_path_matches(page, entry, ruleset):
            matched += 1
            assert _could(page, entry, ruleset), text.slug
    assert matched >= len(reports) // 2  # the corpus is mostly defence news


@pytest.mark.skipif(not WEB.is_dir(), reason="../shared/corpus/web is not beside the repo")
def test_no_real_web_page_the_full_path_matches_is_rejected(ruleset: RuleSet) -> None:
    rejected = 0
    pages = sorted(WEB.glob("*.html"))
    for path in pages:
        page = _response(path.name, path.read_bytes())
        entry = Entry(key=path.name, url=page.url, title="", source_id="site")
        if _full_path_matches(page, entry, ruleset):
            assert _could(page, entry, ruleset), path.name
        rejected += not _could(page, entry, ruleset)
    assert rejected > len(pages) // 2  # real pages are mostly about nothing we watch


def test_everyday_news_is_rejected_without_extraction(ruleset: RuleSet) -> None:
    for text in general_texts(20):
        page = _response(text.slug, page_html(text, "Daily Ledger",
                                              "2024-03-01T08:00:00+00:00").encode())
        entry = Entry(key=text.slug, url=page.url, title=text.title, source_id="site")
        got = examine(page, SOURCE, entry, ruleset, now=NOW)
        assert got.outcome == "rejected", text.slug
        assert got.article is None


def test_a_defence_page_goes_on_to_extraction_and_matching(ruleset: RuleSet) -> None:
    text = PageText("p1", "India and Japan sign logistics pact", (
        "Defence Minister Rajnath Singh and Japan's ambassador signed the Acquisition and "
        "Cross-Servicing Agreement in New Delhi on Wednesday, letting the two militaries "
        "share supplies and services.",
        "Officials said the navies of both countries would use the pact first during "
        "exercises later in the year."))
    page = _response("p1", page_html(text, "Daily Ledger", "2020-09-09T10:00:00+00:00")
                     .encode())
    got = examine(page, SOURCE, Entry(key="p1", url=page.url, title=text.title,
                                      source_id="site"), ruleset, now=NOW)
    assert got.outcome == "extracted"
    assert got.result is not None and "acsa" in got.result.rule_ids
    assert got.signature is not None
    assert got.cpu.extract > 0


@pytest.mark.parametrize(("markup", "words"), [
    ("<p>Ja<b>pan</b> and In<a href='#'>dia</a></p>", "Japan and India"),  # inline glues
    ("<ul><li>India</li><li>Japan</li></ul>", "India Japan"),  # blocks separate
    ("<p>India<br>Japan</p>", "India Japan"),
    ("<p>India<script>var japan = 1;</script> talks</p>", "India talks"),  # tail kept
    ("<p>India<!-- Japan --> talks</p>", "India talks"),
    ("<div>India<style>.japan{}</style></div><div>navy</div>", "India navy"),
])
def test_visible_text(markup: str, words: str) -> None:
    tree = html.fromstring(f"<html><body>{markup}</body></html>")
    assert visible_text(tree).split() == words.split()


def test_embedded_article_text_counts() -> None:
    # trafilatura's last resort reads schema.org articleBody; so must the pass
    page = ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"articleBody\": \"India &amp; Japan <b>navies</b> drill\"}</script></head>"
            "<body><div id='app'></div></body></html>")
    strings = page_strings(html.fromstring(page))
    assert any("India & Japan navies drill" in " ".join(s.split()) for s in strings)
