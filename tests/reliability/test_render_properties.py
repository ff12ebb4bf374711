"""Property tests: whatever a page puts in an alert, every renderer produces something
each channel accepts — Telegram HTML that the fake Bot API (which validates as Telegram
does) takes part by part, Markdown in which page text never becomes markup, and text."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import markdown  # type: ignore[import-untyped]  # Apprise's dependency
from hypothesis import HealthCheck, given, settings

from bot.channels.render_markdown import markdown_title, render_markdown
from bot.channels.render_text import render_followup, render_text
from bot.channels.telegram.render import TELEGRAM_LIMIT, render_telegram_html, utf16_len
from bot.models import Alert
from tests.fakes.telegram_wire import message_problem
from tests.reliability.strategies import alerts

PROPERTIES = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTIES
@given(alerts)
def test_telegram_parts_are_valid_html_within_the_limit(alert: Alert) -> None:
    parts = render_telegram_html(alert)
    assert parts
    for part in parts:
        assert utf16_len(part) <= TELEGRAM_LIMIT
        assert message_problem({"text": part, "parse_mode": "HTML"}) is None, part[:300]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


# What render_markdown writes itself: paragraphs, a list of facts, bold labels, the
# numbered sources with their autolinks.
_OWN_TAGS = {"p", "ul", "ol", "li", "strong", "a"}


@settings(PROPERTIES, max_examples=12)  # python-markdown takes ~0.4 s per 10k "&"s
@given(alerts)
def test_page_text_never_becomes_markup_in_markdown(alert: Alert) -> None:
    body = render_markdown(alert, html_safe=True)
    parser = _Tags()
    parser.feed(markdown.markdown(body))
    assert parser.tags <= _OWN_TAGS, body[:500]
    assert "\n" not in markdown_title(alert)


@PROPERTIES
@given(alerts)
def test_text_renderings_never_fail(alert: Alert) -> None:
    text = render_text(alert)
    assert text.splitlines()[0].startswith(("[NEW]", "[UPDATE]"))
    assert render_followup(alert, 0)


@PROPERTIES
@given(alerts)
def test_the_jsonl_form_round_trips(alert: Alert) -> None:
    line = json.dumps(alert.to_json(), ensure_ascii=False)
    assert "\n" not in line and "\r" not in line
    back = Alert.from_json(json.loads(line))
    assert back.to_json() == alert.to_json()


