"""Hypothesis strategies for hostile alerts: page text full of markup, entities, bidi and
zero-width characters, emoji outside the BMP, control characters and 10k-character runs."""

from __future__ import annotations

from hypothesis import strategies as st

from bot.models import Alert, AlertSource, Facts

__all__ = ["FRAGMENTS", "alerts", "hostile_text", "urls"]

FRAGMENTS = (
    "<", ">", "&", "&amp;", "&lt;", "&#x27;", "&nbsp;", '"', "'", "<b>", "</b>", "</a>",
    "<a href='javascript:alert(1)'>", "<script>alert(1)</script>", "<tg-spoiler>",
    "<pre><code>", "*", "**", "_", "__", "`", "```", "[", "](http://evil.example)", "#",
    "> ", "- ", "1. ", "\\", "|", "~", "\n", "\n\n", "\r\n", "\t", " ", "  ",
    "\u202e", "\u202d", "\u2066", "\u200f", "\u200e", "\u200b", "\u200c", "\u200d",
    "\u2060", "\ufeff", "\u00ad", "\x00", "\x1b[2J", "\x07", "\x85", "\u2028",
    "😀", "🇮🇳", "👩‍👩‍👧", "𝔘", "日本", "भारत", "Ω", "é", "e\u0301", "ﬁ",
    "India", "Japan", "defence", "ACSA", "Malabar",
)

_piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
hostile_text = st.one_of(
    st.lists(_piece, max_size=40).map("".join),
    st.text(),
    # Long runs (a 10k-character title): few distinct values, so they shrink fast.
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "&", "<", "'", "😀", "日", "a "]),
              st.sampled_from([1200, 4097, 10_000])),
)
_host = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.-", min_size=1, max_size=30)
urls = st.one_of(
    st.builds(lambda h, p: f"https://{h}/{p}", _host, hostile_text),
    st.builds(lambda h, n: f"https://{h}/?" + "&a=<b>" * n, _host,
              st.sampled_from([0, 3, 150, 300])),
    hostile_text,
)
_names = st.lists(hostile_text, max_size=6).map(tuple)
# Rule ids come from validated rule files (bot/rules/schema.py: ^[a-z0-9][a-z0-9-]*$).
_rule_ids = st.lists(st.from_regex(r"[a-z0-9][a-z0-9-]{0,40}", fullmatch=True),
                     max_size=8).map(tuple)
# Dates are written by defwatch (ISO 8601), never copied from a page.
_iso = st.datetimes().map(lambda d: d.isoformat())
facts = st.builds(Facts, date=st.one_of(st.none(), _iso.map(lambda s: s[:10])), countries=_names,
                  people=_names, agreements=_names, exercises=_names)
sources = st.builds(AlertSource, url=urls, outlet=hostile_text, title=hostile_text,
                    published=st.one_of(st.none(), _iso),
                    rules=_rule_ids,
                    authority=st.sampled_from(["media", "official"]))
alerts = st.builds(
    Alert, event_id=st.text(max_size=20), action=st.sampled_from(["new", "update"]),
    rules=_rule_ids, title=hostile_text,
    summary=hostile_text, facts=facts, sources=st.lists(sources, max_size=12).map(tuple),
    matched=st.just({}), confirmed=st.booleans())
