"""html.poll / parse_listing: listing pages we wrote, and the india.gov.in capture (001)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.loopback import LoopbackServer
from watchers.canonical import entry_key
from watchers.errors import FeedError
from watchers.fetch.http import Fetcher
from watchers.models import Entry, Response, Source, SourceState
from watchers.sources import links
from watchers.sources.html import parse_listing, poll

CAPTURE_001 = "001_india_gov_in_news_press_releases.html"
NEWS_LIST = ".view-news-feeds .views-row a"

# Ten press releases, each dated the way some ministry site writes dates.
RELEASES = [
    ("/en/press-release/raksha-mantri-holds-talks-with-japanese-counterpart",
     "Raksha Mantri holds talks with Japanese counterpart",
     '<time datetime="2025-09-16T10:30:00+05:30">16.09.2025</time>',
     datetime(2025, 9, 16, 5, 0, tzinfo=UTC)),
    ("/en/press-release/joint-exercise-dharma-guardian-concludes",
     "Joint exercise Dharma Guardian concludes in Rajasthan",
     '<span class="date">16 Sep 2025</span>', datetime(2025, 9, 16, tzinfo=UTC)),
    ("/en/press-release/defence-secretary-visits-tokyo-for-dialogue",
     "Defence Secretary visits Tokyo for defence policy dialogue",
     '<span class="date">Sep. 15, 2025</span>', datetime(2025, 9, 15, tzinfo=UTC)),
    ("/en/press-release/12345", "Indian Navy ship arrives at Yokosuka port",
     "<p>Posted on 14-09-2025</p>", datetime(2025, 9, 14, tzinfo=UTC)),
    ("/en/press-release/coast-guards-sign-memorandum-of-cooperation",
     "Coast guards of India and Japan sign memorandum of cooperation",
     "<small>13th September, 2025</small>", datetime(2025, 9, 13, tzinfo=UTC)),
    ("/en/press-release/acquisition-council-approves-proposals-2025",
     "Defence Acquisition Council approves capital proposals",
     "", None),
    ("/en/press-release/first-malabar-planning-conference-held",
     "First planning conference for exercise Malabar held",
     '<span class="date">2025/09/11</span>', datetime(2025, 9, 11, tzinfo=UTC)),
    ("/en/press-release/cds-addresses-seminar-on-jointness",
     "CDS addresses seminar on jointness and integration",
     "<em>10 September 2025</em>", datetime(2025, 9, 10, tzinfo=UTC)),
    ("/en/press-release/army-chief-reviews-operational-preparedness",
     "Army Chief reviews operational preparedness in eastern sector",
     "<em>09/09/2025</em>", datetime(2025, 9, 9, tzinfo=UTC)),
    ("/en/press-release/ncc-cadets-depart-for-youth-exchange-programme",
     "NCC cadets depart for youth exchange programme to Japan",
     "<em>2025年9月8日</em>", datetime(2025, 9, 8, tzinfo=UTC)),
]


def ministry_listing() -> str:
    """A ministry listing as CMSs build it: everything but the ten releases is chrome."""
    items = "\n".join(
        f'<li class="views-row"><div class="title"><a href=" {path} ">{title}</a></div>'
        f'<div class="meta">{date}</div><p>Summary of the release in one line.</p></li>'
        for path, title, date, _ in RELEASES[1:])
    first_path, first_title, first_date, _ = RELEASES[0]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Press Releases | Ministry of Defence</title></head><body>
<div id="header"><a href="/en/home-page-of-the-ministry-of-defence-2025">Home page of the
Ministry of Defence 2025</a><a href="/en/screen-reader-access-page">Screen Reader Access</a></div>
<nav class="main-menu"><ul>
<li><a href="/en/about-the-ministry-of-defence-and-its-departments">About the Ministry of
Defence and its departments</a></li>
<li><a href="/en/press-releases">Press Releases</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Home</a> » <a href="/en/department-of-defence-production-2025">
Department of Defence Production overview 2025</a></div>
<main><h1>Press Releases</h1>
<div class="featured"><a href="{first_path}"><img src="/img/rm.jpg" alt="Photo"></a>
<h2><a href="{first_path}#main">{first_title}</a></h2>{first_date}</div>
<ul class="view-content">
{items}
</ul>
<p>See also <a href="https://www.pmindia.gov.in/en/news_updates/pm-meets-japanese-prime-minister/">
Prime Minister meets the Prime Minister of Japan</a> and
<a href="/en/topics/india-japan-defence-cooperation-and-relations">India Japan defence
cooperation and relations</a>.</p>
<p><a href="/writereaddata/annual-report-2024-25-of-the-ministry.pdf">Annual Report 2024-25 of
the Ministry (PDF)</a> <a href="mailto:press@mod.example.gov.in">Write to the press office of
the ministry</a> <a href="javascript:void(0)">Print this page for your own records</a></p>
<div class="item-list"><ul class="pager">
<li><a href="?page=1">2</a></li><li><a href="?page=1">Next page of press releases »</a></li>
</ul></div>
<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=https://mod.example.gov.in/en/press-releases">
Share this page on Facebook now</a></div>
</main>
<aside><h2>Latest tenders</h2><a href="/en/tenders/procurement-of-spares-for-fighter-fleet-2025">
Procurement of spares for the fighter fleet 2025</a></aside>
<footer><a href="/en/website-policies-and-terms-of-use-2025">Website policies and terms of
use 2025</a> <a href="/en/contact-us">Contact us</a></footer>
</body></html>"""


def listing(page: str | bytes, *, url: str = "https://mod.example.gov.in/en/press-releases",
            links_selector: str | None = None, charset: str | None = "utf-8"
            ) -> tuple[Entry, ...]:
    body = page.encode() if isinstance(page, str) else page
    response = Response(url=url, status=200, body=body, content_type="text/html",
                        charset=charset)
    return parse_listing(response, source(url, links_selector))


def source(url: str, links_selector: str | None = None) -> Source:
    return Source(id="mod-press", kind="html", url=url, outlet="Ministry of Defence",
                  authority="official", links=links_selector)


# -- a ministry listing of our own ----------------------------------------------------

def test_ministry_listing_yields_exactly_its_press_releases() -> None:
    entries = listing(ministry_listing())
    assert [e.url for e in entries] == [
        "https://mod.example.gov.in" + path for path, *_ in RELEASES]
    assert [e.title for e in entries] == [title for _, title, *_ in RELEASES]
    assert [e.published for e in entries] == [when for *_, when in RELEASES]
    assert {e.source_id for e in entries} == {"mod-press"}
    assert [e.key for e in entries] == [entry_key("mod-press", None, e.url) for e in entries]


def test_selector_accepts_what_it_selects_even_on_other_sites() -> None:
    page = """<html><body><nav><a href="/en/home">Home</a></nav>
    <div class="releases">
      <div class="row"><a href="https://pib.gov.in/PressReleasePage.aspx?PRID=2167000">
        India-Japan 2+2</a><span>17 Sep 2025</span></div>
      <div class="row"><a href="/en/pr/7">Short</a></div>
      <div class="row"><a href="/en/pr/7">Short title repeated</a></div>
      <div class="row"><a href="/docs/pr-8.pdf">PR 8</a></div>
      <div class="row"><a href="https://twitter.com/intent/tweet?url=x">Tweet</a></div>
    </div></body></html>"""
    entries = listing(page, links_selector=".releases .row")
    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://pib.gov.in/PressReleasePage.aspx?PRID=2167000", "India-Japan 2+2",
         datetime(2025, 9, 17, tzinfo=UTC)),
        ("https://mod.example.gov.in/en/pr/7", "Short title repeated", None),
    ]


@pytest.mark.parametrize(("page", "selector", "reason"), [
    ("<html><body><p>No links at all</p></body></html>", ".releases a",
     "the links selector '.releases a' matched no links on the page"),
    ("<html><body><a href='/x'>x</a></body></html>", "a[",
     "the links selector 'a[' is not valid CSS"),
    ('<html><body><div class="r"><a href="/pr/1.pdf">One</a><a href="/pr/2.PDF">Two</a>'
     "</div></body></html>", ".r a",
     "none of the 2 links matched by '.r a' leads to an HTML page; 2 links to PDF documents"),
    ('<html><body><main><a href="/en/pr/2025/joint-statement.pdf">Joint statement of the '
     "two ministers</a></main></body></html>", None,
     "no article links found on the page; 1 links to PDF documents skipped"),
    ('<html><body><main><a href="https://www.pmindia.gov.in/en/news/pm-meets-pm-of-japan/">'
     "PM meets the Prime Minister of Japan</a></main></body></html>", None,
     "1 article-like links go to other sites (www.pmindia.gov.in ×1): set `links:`"),
    ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', None,
     "the server sent a feed or sitemap (use kind: rss or kind: sitemap)"),
    ("", None, "not an HTML listing: the response body is empty"),
])
def test_a_listing_without_entries_says_why(page: str, selector: str | None,
                                            reason: str) -> None:
    with pytest.raises(FeedError) as caught:
        listing(page, links_selector=selector)
    assert reason in caught.value.reason


def test_headers_inside_articles_are_not_page_chrome() -> None:
    # WordPress-style: <article><header><h2><a>…; the page's own <header> is chrome.
    page = """<html><body><header class="site-header">
    <a href="/2025/09/site-wide-notice-for-all-readers">Site wide notice for all readers</a>
    </header><main>""" + "".join(f"""
    <article><header><h2><a href="/2025/09/{slug}">{title}</a></h2>
    <time datetime="2025-09-{day:02d}">{day} September</time></header>
    <footer><a href="/2025/09/{slug}#comments">Leave a comment on this story</a>
    <a href="/category/defence-and-security/">Defence and security category</a>
    </footer></article>"""
        for slug, title, day in [("india-japan-talks", "India and Japan hold talks", 16),
                                 ("jimex-begins", "JIMEX naval exercise begins today", 15)]
    ) + """</main><div id="footer"><a href="/2025/09/privacy-policy-updated-for-readers">
    Privacy policy updated for readers</a></div></body></html>"""
    entries = listing(page, url="https://news.example.com/")
    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://news.example.com/2025/09/india-japan-talks", "India and Japan hold talks",
         datetime(2025, 9, 16, tzinfo=UTC)),
        ("https://news.example.com/2025/09/jimex-begins", "JIMEX naval exercise begins today",
         datetime(2025, 9, 15, tzinfo=UTC)),
    ]


def test_base_href_and_charset() -> None:
    page = ('<html><head><base href="https://mod.example.gov.in/en/archive/"></head><body>'
            '<main><a href="2025/09/rm-meets-japan-s-defence-minister">RM meets Japan’s '
            "Defence Minister in Delhi</a></main></body></html>").encode()
    [entry] = listing(page, charset=None)  # no header, no <meta charset>: UTF-8 is tried
    assert entry.url == ("https://mod.example.gov.in/en/archive/2025/09/"
                         "rm-meets-japan-s-defence-minister")
    assert entry.title == "RM meets Japan’s Defence Minister in Delhi"


@pytest.mark.parametrize(("url", "article"), [
    ("https://mea.gov.in/press-releases.htm?dtl/40123/Joint_Statement_India_Japan", True),
    ("https://www.mod.go.jp/en/article/2025/09/5fc631a5d1b2f36a9b697a611082a85af444ea54.html",
     True),
    ("https://ddnews.gov.in/en/india-aims-to-be-global-maritime-leader/", True),
    ("https://pib.gov.in/PressReleasePage.aspx?PRID=2167000", True),
    ("https://mod.gov.in/en/about-us", False),
    ("https://mod.gov.in/en/press-releases", False),
    ("https://mod.gov.in/", False),
])
def test_article_shaped_urls(url: str, article: bool) -> None:
    assert links.looks_like_article(url) is article


@pytest.mark.parametrize(("url", "chrome"), [
    ("https://x.gov.in/en/topics/defence", True),
    ("https://x.gov.in/tag/india-japan-relations", True),
    ("https://x.gov.in/news/page/2", True),
    ("https://x.gov.in/gsearch?s=Birth%20Certificate", True),
    ("https://x.gov.in/news?page=3", True),
    ("https://x.gov.in/news.aspx?category=defence&id=12345", False),
    ("https://x.gov.in/en/press-release/india-japan-talks", False),
])
def test_index_urls(url: str, chrome: bool) -> None:
    assert links.is_chrome_url(url) is chrome


# -- polling over HTTP ---------------------------------------------------------------

async def test_poll_is_conditional_and_keys_are_stable(loopback: LoopbackServer,
                                                       fetcher: Fetcher) -> None:
    url = loopback.add("/en/press-releases", ministry_listing(), etag='"p1"')
    first = await poll(fetcher, source(url), SourceState())
    assert len(first.entries) == 10
    assert first.state.etag == '"p1"'
    assert first.entries[0].url == loopback.url(RELEASES[0][0])
    again = await poll(fetcher, source(url), first.state)
    assert (again.not_modified, again.entries, again.state) == (True, (), first.state)
    fresh = await poll(fetcher, source(url), SourceState())
    assert [e.key for e in fresh.entries] == [e.key for e in first.entries]


async def test_html_listing_through_a_redirect_uses_the_final_url(
        loopback: LoopbackServer, fetcher: Fetcher) -> None:
    final = loopback.add("/en/press-releases", ministry_listing())
    moved = loopback.add("/press", "", status=301, headers={"Location": final})
    result = await poll(fetcher, source(moved), SourceState())
    assert result.final_url == final
    assert len(result.entries) == 10


# -- the real india.gov.in capture, read in place ----------------------------------------

def capture_001(feeds_dir: Path) -> bytes:
    path = feeds_dir / CAPTURE_001
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path.read_bytes()


def test_capture_001_with_a_selector(feeds_dir: Path) -> None:
    body = capture_001(feeds_dir)
    entries = listing(body, url="https://www.india.gov.in/news-press-releases",
                      links_selector=NEWS_LIST)
    hosts = Counter(e.url.split("/")[2] for e in entries)
    assert hosts == {"ddnews.gov.in": 100, "www.newsonair.gov.in": 100}
    assert entries[0].url == ("https://ddnews.gov.in/en/happy-birthday-captain-film-industry-"
                              "extends-warm-wishes-to-pm-modi-on-his-75th-birthday/")
    assert entries[0].title == ("“Happy Birthday, Captain”: Film industry extends warm wishes "
                                "to PM Modi on his 75th birthday")
    assert all(e.url == e.url.strip() and "%20" not in e.url for e in entries)  # href="… "
    assert any("&" in e.title for e in entries)  # &amp; decoded once
    assert len({e.key for e in entries}) == 200
    assert all(e.published is None for e in entries)  # the page writes no dates


def test_capture_001_without_a_selector_names_the_other_sites(feeds_dir: Path) -> None:
    body = capture_001(feeds_dir)
    with pytest.raises(FeedError) as caught:
        listing(body, url="https://www.india.gov.in/news-press-releases")
    assert "ddnews.gov.in ×101, www.newsonair.gov.in ×100" in caught.value.reason
    assert "set `links:` to a CSS selector" in caught.value.reason
