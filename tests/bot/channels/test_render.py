"""How an alert reads: Telegram HTML (escaped, split, linked), Markdown for Apprise, the
short follow-up of channels that cannot edit, and the console preview of Telegram."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt

from bot.channels.console import ConsoleChannel
from bot.channels.render_markdown import render_markdown
from bot.channels.render_text import new_sources, render_followup, sources_ref
from bot.channels.telegram.render import (
    TELEGRAM_LIMIT,
    render_telegram_html,
    telegram_message,
    utf16_len,
)
from bot.models import Alert, AlertSource
from tests.bot.channels.conftest import make_alert, source
from tests.fakes.telegram_api import check_html, visible_text
from tests.reliability.strategies import alerts

HOSTILE = [
    '<b>Pwned</b> & co',
    'Tom & Jerry &amp; "friends" <script>alert(1)</script>',
    "</a></b> closing tags first",
    "&lt;already escaped&gt; &#60;numeric&#62;",
    "<tg-spoiler>hidden</tg-spoiler> <a href='javascript:x'>click</a>",
]


@pytest.mark.parametrize("title", HOSTILE)
def test_page_text_is_escaped_for_telegram(title: str) -> None:
    hostile_source = AlertSource(url="https://x.example.org/a?b=1&c=<2>", outlet=title,
                                 title=title, published=None, rules=("acsa",))
    alert = make_alert(title=title, summary=title, extra=(hostile_source,))
    [message] = render_telegram_html(alert)
    assert check_html(message) is None  # Telegram would accept it …
    shown = visible_text(message)
    assert shown.count(title) == 4  # … and show the text exactly as the page had it
    assert 'href="https://x.example.org/a?b=1&amp;c=&lt;2&gt;"' in message


def test_message_layout_title_summary_facts_hashtags_numbered_sources() -> None:
    alert = make_alert(sources=2, rules=("india-japan", "acsa"))
    [message] = render_telegram_html(alert)
    lines = visible_text(message).splitlines()
    assert lines[0] == "🆕 India and Japan defence ministers hold a call"
    assert "Agreements: ACSA" in lines
    assert "#india_japan #acsa" in lines
    assert lines[-2:] == ["1. Outlet 1 — Ministers hold a call, report 1 (2020-12-22)",
                          "2. Outlet 2 — Ministers hold a call, report 2 (2020-12-22)"]
    assert '<a href="https://news2.example.org/2020/12/22/call-2.html">Outlet 2</a>' in message


def test_only_web_links_become_links_and_the_first_is_previewed() -> None:
    odd = AlertSource(url="javascript:alert(1)", outlet="Odd", title="t", published=None,
                      rules=())
    alert = make_alert(sources=0, extra=(odd, source(7)))
    msg = telegram_message(alert)
    assert "javascript:" not in msg.parts[0]
    assert msg.preview_url == source(7).url


def test_a_long_alert_is_split_on_paragraphs_into_valid_messages() -> None:
    summary = "\n".join(f"Paragraph {i}. " + "Talks & <logistics> " * 90 for i in range(12))
    alert = make_alert(summary=summary, sources=40)
    parts = render_telegram_html(alert)
    assert len(parts) >= 4
    for part in parts:
        assert utf16_len(part) <= TELEGRAM_LIMIT
        assert check_html(part) is None
    joined = "\n".join(visible_text(p) for p in parts)
    assert all(f"Paragraph {i}." in joined for i in range(12))
    assert "40. Outlet 40" in joined
    # no paragraph line is cut across two messages
    assert not any(p.startswith(("Talks", "&amp;")) for p in parts)


def test_one_giant_word_is_cut_without_breaking_an_entity() -> None:
    alert = make_alert(summary="&" * 9000)
    parts = render_telegram_html(alert)
    assert all(check_html(p) is None and utf16_len(p) <= TELEGRAM_LIMIT for p in parts)
    assert "".join(visible_text(p) for p in parts).count("&") == 9000


@pytest.mark.parametrize(("html_safe", "expected"), [
    (True, r"\*bold\* \_it\_ &lt;b&gt;tag&lt;/b&gt; &amp; &amp;amp; \[link\](http://e.vil) \~\~"),
    (False, r"\*bold\* \_it\_ \<b\>tag\</b\> & \&amp; \[link\](http://e.vil) \~\~"),
])
def test_markdown_for_apprise_is_escaped_and_linked(html_safe: bool, expected: str) -> None:
    alert = make_alert(title="x", sources=1,
                       summary="*bold* _it_ <b>tag</b> & &amp; [link](http://e.vil) ~~")
    body = render_markdown(alert, html_safe=html_safe)
    assert expected in body
    assert "<https://news1.example.org/2020/12/22/call-1.html>" in body
    assert "**Outlet 1**" in body
    assert render_markdown(make_alert(summary="# 1. not a heading")).startswith(
        r"\# 1. not a heading")


def test_followup_names_the_new_sources_only() -> None:
    first = make_alert(sources=1)
    update = make_alert(action="update", sources=3)
    seen = new_sources(update, sources_ref(first))
    assert seen == 1
    note = render_followup(update, seen)
    assert note.splitlines()[:2] == [
        "+2 sources: Outlet 2 — Ministers hold a call, report 2; Outlet 3 — Ministers hold "
        "a call, report 3", "  on: India and Japan defence ministers hold a call"]
    assert "3. https://news3.example.org" in note
    assert render_followup(make_alert(action="update", sources=2), 1).startswith(
        "+1 source: Outlet 2 — Ministers hold a call, report 2\n")
    assert new_sources(update, None) is None and new_sources(update, "12,13") is None


async def test_console_shows_updates_as_followups() -> None:
    out = io.StringIO()
    console = ConsoleChannel(stream=out)
    ref = await console.send(make_alert(sources=1), alert_id=1, previous_ref=None)
    await console.send(make_alert(action="update", sources=2), alert_id=2, previous_ref=ref)
    text = out.getvalue()
    assert text.count("[NEW]") == 1
    # the new report's own headline, then the event it joined
    assert ("+1 source: Outlet 2 — Ministers hold a call, report 2\n"
            "  on: India and Japan defence ministers hold a call") in text


async def test_console_telegram_prints_the_html_a_chat_would_get() -> None:
    out = io.StringIO()
    console = ConsoleChannel("console:telegram", out, style="telegram")
    await console.send(make_alert(title="A <b> & B"), alert_id=1, previous_ref=None)
    text = out.getvalue()
    assert "[telegram message 1/1]" in text
    assert "🆕 <b>A &lt;b&gt; &amp; B</b>" in text


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(alerts)
def test_commonmark_shows_page_text_as_written_and_never_as_markup(alert: Alert) -> None:
    """What a Markdown service gets (html_safe=False), read by a CommonMark parser."""
    html = MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(
        render_markdown(alert, html_safe=False))
    shown = _Shown()
    shown.feed(html)
    shown.close()
    assert shown.tags <= {"p", "ul", "ol", "li", "strong", "a"}, html[:500]
    text = "".join(shown.parts)
    for src in alert.sources:
        # CommonMark turns NUL into U+FFFD; everything else is shown as the page wrote it
        assert " ".join(src.title.split()).replace("\x00", "\ufffd") in text


class _Shown(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
