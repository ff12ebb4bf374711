"""extract(): main text without page chrome, title, date and language, from pages we wrote.

The three seed reports (../shared/seeds, third-party text) are read in place and wrapped
in a page of our own making at test time; nothing of theirs is stored in the repository.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from watchers.errors import ExtractError
from watchers.models import Entry, Response, Source
from watchers.page.chrome import chrome_rule
from watchers.page.extract import extract

SOURCE = Source(id="zephyr", kind="rss", url="https://zephyr.example/rss", outlet="Zephyr News")
MINISTRY = Source(id="mod-press", kind="rss", url="https://mod.example/feed",
                  outlet="Ministry Press Room", authority="official")

# Words of our page around the article: none may reach Article.text.
OUR_CHROME = ["World Desk", "Sport Pages", "Opinion Corner", "Sign in to Zephyr",
              "Become a member", "Related coverage", "Quarterly fishing quotas",
              "Monsoon arrives early", "Zephyr Media Cooperative", "All rights reserved",
              "Privacy promise", "Write to the editors", "Facebook", "Instagram"]
SEED_CHROME = ["Powered by", "Sponsored by", "TAGS", "now on Telegram"]
# when the pages were fetched: after every date they carry (the 2099 one aside)
NOW = datetime(2021, 9, 10, 9, 30, tzinfo=UTC)


def wrap(paragraphs: list[str], *, title: str, head: str = "", lang: str = "en") -> str:
    """A news page as CMSs build them: nav, menu, article, related aside, footer."""
    body = "\n".join("<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
                     for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{head}</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World Desk</a></li>
<li><a href="/sport">Sport Pages</a></li><li><a href="/opinion">Opinion Corner</a></li></ul>
</nav></header>
<div class="menu"><a href="/login">Sign in to Zephyr</a> <a href="/join">Become a member</a></div>
<main><article>
{f"<h1>{html.escape(headline(title))}</h1>" if title else ""}
<div class="byline">By a staff reporter</div>
{body}
</article>
<aside class="related"><h2>Related coverage</h2><ul>
<li><a href="/a">Quarterly fishing quotas revised along the western coast</a></li>
<li><a href="/b">Monsoon arrives early in three districts this season</a></li></ul></aside>
</main>
<footer><p>Copyright 2020 Zephyr Media Cooperative. All rights reserved.</p>
<ul class="social"><li><a href="https://social.example/zephyr">Facebook</a></li>
<li><a href="https://photos.example/zephyr">Instagram</a></li></ul>
<p><a href="/privacy">Privacy promise</a> · <a href="/contact">Write to the editors</a></p>
</footer></body></html>"""


def headline(title: str) -> str:
    return title.partition(" | ")[0]


def response(page: str | bytes, *, url: str = "https://zephyr.example/news/story-1.html",
             charset: str | None = "utf-8", content_type: str = "text/html") -> Response:
    body = page.encode(charset or "utf-8") if isinstance(page, str) else page
    return Response(url=url, status=200, body=body, content_type=content_type,
                    charset=charset)


def seed_paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def seed_files(seeds_dir: Path) -> list[Path]:
    files = sorted(seeds_dir.glob("*.txt"))
    if len(files) != 3:
        pytest.skip("expected the three seed reports in ../shared/seeds")
    return files


@pytest.mark.parametrize("index", [0, 1, 2])
def test_seed_reports_keep_their_text_and_lose_all_chrome(seeds_dir: Path,
                                                         index: int) -> None:
    paragraphs = seed_paragraphs(seed_files(seeds_dir)[index])
    page = wrap(paragraphs, title="Defence ministers of two nations speak | Zephyr News",
                head='<meta property="article:published_time" '
                     'content="2020-12-22T18:30:00+05:30">')
    article = extract(response(page), SOURCE, now=NOW)

    assert article.title == "Defence ministers of two nations speak"
    assert article.published == datetime(2020, 12, 22, 13, 0, tzinfo=UTC)
    assert article.language == "en"
    assert (article.outlet, article.source_id, article.authority) == (
        "Zephyr News", "zephyr", "media")
    assert article.url == "https://zephyr.example/news/story-1.html"
    assert article.text == "\n\n".join(article.paragraphs)
    assert "Rajnath Singh" in article.text and "Kishi" in article.text

    # Every line of the report that is not chrome survives, whole and in order.
    lines = [" ".join(line.split()) for p in paragraphs for line in p.split("\n")]
    content = [line for line in lines if chrome_rule(line) is None]
    assert len(content) >= 8
    positions = [article.text.find(line) for line in content]
    assert -1 not in positions, [c for c, p in zip(content, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    for word in SEED_CHROME + OUR_CHROME:
        assert word not in article.text, word
    for line in lines:
        if chrome_rule(line) is not None:
            assert line not in article.text


def test_the_week_report_keeps_sentences_that_look_like_chrome(seeds_dir: Path) -> None:
    paragraphs = seed_paragraphs(seed_files(seeds_dir)[1])
    article = extract(response(wrap(paragraphs, title="Talks | Zephyr News")), SOURCE,
                      now=NOW)
    assert "The agreement was signed in September" in article.text
    assert "Both sides reviewed regional situations" in article.text
    assert not any(p.startswith("indo-japan-defence") for p in article.paragraphs)
    assert "Kishi Nobou | Twitter" not in article.text


PRESS_RELEASE = [
    "New Delhi, 8 September 2021: The Defence Secretary received a visiting delegation "
    "from the partner nation's defence ministry at South Block on Wednesday.",
    "Both delegations reviewed the progress of the logistics support arrangement signed last "
    "year and agreed to hold the next round of staff talks before the end of the year.",
    "The visitors also called on the Chief of Defence Staff and discussed training "
    "exchanges between the two navies.",
    "Share this article",
    "Follow us on X",
    "(Disclaimer: This release is issued for information and is not an official record.)",
]


def ministry_page(*, head: str = "", title: str = "Defence Secretary receives visiting "
                  "delegation | Ministry Press Room", lang: str = "en") -> str:
    return wrap(PRESS_RELEASE, title=title, head=head, lang=lang)


def test_ministry_press_release() -> None:
    page = ministry_page(head='<meta property="article:published_time" '
                              'content="2021-09-08T17:45:00+05:30">')
    article = extract(response(page, url="https://MOD.example/press/1234?utm_source=x#top"),
                      MINISTRY, now=NOW)
    assert article.title == "Defence Secretary receives visiting delegation"
    assert article.published == datetime(2021, 9, 8, 12, 15, tzinfo=UTC)
    assert article.language == "en"
    assert article.authority == "official"
    assert article.url == "https://mod.example/press/1234"
    assert article.paragraphs == tuple(PRESS_RELEASE[:3])
    assert article.lead == PRESS_RELEASE[0]


def test_entry_fills_what_the_page_lacks() -> None:
    # no <title>, no <h1>: the only heading left on the page is the aside's
    page = ministry_page(title="")
    entry = Entry(key="k1", url="https://mod.example/press/1234",
                  title="Defence Secretary receives a delegation",
                  source_id="mod-press", published=datetime(2021, 9, 8, 12, 0, tzinfo=UTC))
    article = extract(response(page, url="https://mod.example/press/1234"), MINISTRY, entry,
                      now=NOW)
    assert article.published == entry.published
    assert article.title == "Defence Secretary receives a delegation"


# The article is named by the page (a safe rel=canonical) or by where the redirects ended,
# never by the feed's link, which may be a search engine's wrapper.
@pytest.mark.parametrize(("final", "canonical", "expected"), [
    ("https://mod.example/press/1234?from=feed", None,
     "https://mod.example/press/1234?from=feed"),
    ("https://mod.example/press/1234?from=feed", "/press/1234",
     "https://mod.example/press/1234"),
    ("https://amp.mod.example/press/1234", "https://www.mod.example/press/1234",
     "https://www.mod.example/press/1234"),  # same site, another host
    ("http://mod.example/press/1234", "https://mod.example/press/1234",
     "https://mod.example/press/1234"),  # https upgrade
    ("https://mod.example/press/1234", "http://mod.example/press/1234",
     "https://mod.example/press/1234"),  # no downgrade
    ("https://mod.example/press/1234", "https://rival.example/their/copy",
     "https://mod.example/press/1234"),  # another site: refused
    ("https://mod.example/press/1234", "https://mod.example/",
     "https://mod.example/press/1234"),  # the front page: a CMS default, refused
    ("https://mod.example/press/1234", "javascript:alert(1)",
     "https://mod.example/press/1234"),
])
def test_article_url_prefers_a_safe_canonical(final: str, canonical: str | None,
                                              expected: str) -> None:
    head = f'<link rel="Canonical" href="{canonical}">' if canonical else ""
    entry = Entry(key="k1", url="https://news.google.example/rss/articles/CBMi123",
                  title="Defence Secretary receives a delegation", source_id="mod-press")
    article = extract(response(ministry_page(head=head), url=final), MINISTRY, entry, now=NOW)
    assert article.url == expected


def test_page_title_wins_over_the_feed_title() -> None:
    entry = Entry(key="k1", url="https://mod.example/p", title="Delegation visit (updated)",
                  source_id="mod-press")
    article = extract(response(ministry_page()), MINISTRY, entry, now=NOW)
    assert article.title == "Defence Secretary receives visiting delegation"


def test_og_title_is_preferred_to_the_title_element() -> None:
    head = '<meta property="og:title" content="Secretary meets partner delegation">'
    article = extract(response(ministry_page(head=head)), MINISTRY, now=NOW)
    assert article.title == "Secretary meets partner delegation"


@pytest.mark.parametrize(("page_date", "feed_time", "expected"), [
    # a day-only page date that agrees with the feed keeps the feed's precise time
    ("2021-09-08", datetime(2021, 9, 8, 12, 15, tzinfo=UTC),
     datetime(2021, 9, 8, 12, 15, tzinfo=UTC)),
    # a page that disagrees wins (the publisher edits the page, not the feed)
    ("2021-09-01", datetime(2021, 9, 8, 12, 15, tzinfo=UTC),
     datetime(2021, 9, 1, tzinfo=UTC)),
    ("2021-09-08", None, datetime(2021, 9, 8, tzinfo=UTC)),
])
def test_day_only_page_dates(page_date: str, feed_time: datetime | None,
                             expected: datetime) -> None:
    page = ministry_page(head=f'<meta name="date" content="{page_date}">')
    entry = Entry(key="k", url="https://mod.example/p", title="t", source_id="mod-press",
                  published=feed_time)
    assert extract(response(page), MINISTRY, entry, now=NOW).published == expected


def test_no_date_in_page_or_feed_is_none() -> None:
    # The dateline in the first paragraph and the footer's copyright year are not
    # searched: a guessed date is worse than none (the feed usually has the real one).
    assert extract(response(ministry_page()), MINISTRY, now=NOW).published is None


@pytest.mark.parametrize(("title", "expected"), [
    ("Talks end in Tokyo | Zephyr News", "Talks end in Tokyo"),
    ("Talks end in Tokyo - Zephyr News", "Talks end in Tokyo"),
    ("Talks end in Tokyo | India News - Zephyr News", "Talks end in Tokyo"),
    ("Talks end in Tokyo | zephyr.example", "Talks end in Tokyo"),
    ("Talks end in Tokyo :: Zephyr", "Talks end in Tokyo"),
    # a dash inside a headline is part of it
    ("India - Japan talks end in Tokyo", "India - Japan talks end in Tokyo"),
])
def test_outlet_suffixes_leave_titles(title: str, expected: str) -> None:
    page = ministry_page(title=title).replace(f"<h1>{html.escape(headline(title))}</h1>", "")
    assert extract(response(page), SOURCE, now=NOW).title == expected


@pytest.mark.parametrize(("lang", "expected"), [("en-GB", "en"), ("ja_JP", "ja"),
                                                ("EN", "en")])
def test_language_from_html_lang(lang: str, expected: str) -> None:
    assert extract(response(ministry_page(lang=lang)), MINISTRY, now=NOW).language == expected


def test_declared_charset_is_respected() -> None:
    page = ministry_page().replace("South Block", "the Zürich café").replace(
        '<meta charset="utf-8">', "")
    article = extract(response(page, charset="iso-8859-1"), MINISTRY, now=NOW)
    assert "the Zürich café" in article.text


def test_missing_or_wrong_charset_falls_back_to_detection() -> None:
    page = ministry_page().replace("South Block", "the Zürich café").replace(
        '<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    raw = page.encode("iso-8859-1")
    for charset in (None, "utf-8", "no-such-charset"):
        article = extract(response(raw, charset=charset), MINISTRY, now=NOW)
        assert "the Zürich café" in article.text, charset


@pytest.mark.parametrize(("body", "content_type", "reason"), [
    (b"", "text/html", "empty page"),
    (b"  \n ", "text/html", "empty page"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png", "binary content"),
    (b"GIF89a\x01\x00", "application/octet-stream", "binary content"),
])
def test_not_a_page(body: bytes, content_type: str, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason) as caught:
        extract(response(body, charset=None, content_type=content_type), SOURCE, now=NOW)
    assert caught.value.url == "https://zephyr.example/news/story-1.html"


@pytest.mark.parametrize("paragraphs", [
    ["Advertisement", "Share this article", "Read more", "TAGS", "Defence"],
    ["Photo gallery"],
    [],
])
def test_a_page_without_an_article_is_an_error(paragraphs: list[str]) -> None:
    page = wrap(paragraphs, title="Gallery | Zephyr News")
    with pytest.raises(ExtractError, match=r"no article text|no main text"):
        extract(response(page), SOURCE, now=NOW)


def test_a_page_dated_tomorrow_in_its_own_time_zone_keeps_its_date() -> None:
    # 08:00 in Tokyo tomorrow is already (or nearly) today in UTC: not a future date.
    tomorrow = (NOW + timedelta(days=1)).date()
    stamp = f"{tomorrow.isoformat()}T08:00:00+09:00"
    page = ministry_page(head=f'<meta property="article:published_time" content="{stamp}">')
    published = extract(response(page), MINISTRY, now=NOW).published
    assert published == datetime.fromisoformat(stamp).astimezone(UTC)


@pytest.mark.parametrize(("head", "body_extra", "expected"), [
    # the publisher's own metadata is taken at its word, even ahead of our clock
    ('<meta property="article:published_time" content="2099-01-02T03:04:05Z">', "",
     datetime(2099, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("", '<time itemprop="datePublished" datetime="2021-09-08T17:45:00+05:30">8 Sep</time>',
     datetime(2021, 9, 8, 12, 15, tzinfo=UTC)),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
     '"NewsArticle", "datePublished": "2021-09-08T17:45:00+05:30"}</script>', "",
     datetime(2021, 9, 8, 12, 15, tzinfo=UTC)),
], ids=["meta-future", "time-itemprop", "json-ld"])
def test_published_time_sources(head: str, body_extra: str, expected: datetime) -> None:
    page = ministry_page(head=head).replace('<div class="byline">', body_extra + '<div>')
    assert extract(response(page), MINISTRY, now=NOW).published == expected


def test_a_japanese_report_is_measured_in_characters() -> None:
    # no spaces between words: by whitespace every paragraph is one "word", a menu
    paragraphs = ["防衛大臣は十二日、来日したインドの国防相と防衛省で会談し、"
                  "両国の防衛協力を一層強化することで一致した。",
                  "両氏は海上自衛隊とインド海軍の共同訓練を続けることを確認した。"]
    article = extract(response(wrap(paragraphs, title="日印防衛相が会談", lang="ja")), SOURCE,
                      now=NOW)
    assert all(p in article.text for p in paragraphs)
    assert article.language == "ja"


def test_a_japanese_menu_is_still_no_article() -> None:
    page = wrap(["ホーム", "政治", "経済", "国際", "スポーツ", "お問い合わせ"], title="ニュース",
                lang="ja")
    with pytest.raises(ExtractError, match=r"no article text|no main text"):
        extract(response(page), SOURCE, now=NOW)


@pytest.mark.parametrize(("page_date", "fetched", "expected"), [
    # years after this test was written: the fetch time, not the machine's clock, says
    # it is no future date
    ("2035-03-01", datetime(2035, 3, 1, 6, tzinfo=UTC), datetime(2035, 3, 1, tzinfo=UTC)),
    # a date after the fetch (and its slack for time zones) is no publication date,
    # however long ago the page was fetched
    ("2021-12-24", NOW, None),
    ("2021-09-11", NOW, datetime(2021, 9, 11, tzinfo=UTC)),
])
def test_the_latest_page_date_is_the_fetch_time(page_date: str, fetched: datetime,
                                                expected: datetime | None) -> None:
    page = ministry_page(head=f'<meta name="date" content="{page_date}">')
    assert extract(response(page), MINISTRY, now=fetched).published == expected
