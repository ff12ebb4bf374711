"""Text from pages made fit for any channel: every renderer (Telegram, Apprise, JSONL,
console) starts from `for_delivery(alert)`.

Bidi controls and zero-width spaces are invisible yet reorder a line or split a word
(a title can read backwards, a keyword filter can be slipped past); C0 and C1 controls
have no business in a chat; and a page can carry a 100 KB title. What is dropped or cut
is what no reader could see or would read. Escaping for each format stays with its
renderer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from bot.models import Alert

__all__ = ["MAX_SUMMARY", "MAX_TEXT", "MAX_URL", "for_delivery", "map_text", "plain_line",
           "translation_table"]

MAX_TEXT = 1_000  # a title, an outlet, one fact
MAX_SUMMARY = 20_000  # five Telegram messages; summaries are a few sentences
MAX_URL = 2_048

# Explicit direction marks, embeddings, overrides and isolates, zero-width spaces, word
# joiners and the BOM. ZWJ and ZWNJ stay: Indic scripts and emoji sequences need them.
_INVISIBLE = frozenset({0x061C, 0x180E, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F),
                        *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF})


def translation_table(newlines: bool, control: Callable[[int], str] = lambda _: " ",
                      ) -> dict[int, str | None]:
    """For str.translate: invisible characters dropped, C0/C1 controls replaced by
    `control(code)` (a space by default), line and paragraph separators by a space, and
    newlines kept only when `newlines`."""
    table: dict[int, str | None] = dict.fromkeys(_INVISIBLE)
    for code in (*range(0x20), *range(0x7F, 0xA0)):
        table[code] = control(code)
    for code in (0x2028, 0x2029):
        table[code] = " "
    if newlines:
        table[0x0A] = "\n"
    # A lone surrogate cannot be encoded: sending it would fail the delivery for ever.
    table.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))
    return table


_LINE = translation_table(newlines=False)
_LINES = translation_table(newlines=True)


def plain_line(text: str, limit: int = MAX_TEXT, *, newlines: bool = False) -> str:
    """`text` without invisible or control characters, cut to `limit` characters."""
    cleaned = text[:limit * 2].translate(_LINES if newlines else _LINE)
    return cleaned if len(cleaned) <= limit else cleaned[:limit - 1].rstrip() + "…"


def for_delivery(alert: Alert) -> Alert:
    """The alert with every string that came from a page cleaned and bounded."""
    return map_text(alert, plain_line,
                    block=lambda t: plain_line(t, MAX_SUMMARY, newlines=True),
                    url=lambda u: plain_line(u, MAX_URL))


def map_text(alert: Alert, line: Callable[[str], str], *, block: Callable[[str], str],
             url: Callable[[str], str]) -> Alert:
    """The alert with `line` applied to every one-line string that came from a page,
    `block` to the summary and `url` to source URLs."""
    def each(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(line(v) for v in values)

    def maybe(value: str | None) -> str | None:
        return line(value) if value is not None else None

    facts = alert.facts
    return dataclasses.replace(
        alert,
        rules=each(alert.rules),
        title=line(alert.title),
        summary=block(alert.summary),
        facts=dataclasses.replace(
            facts, date=maybe(facts.date), countries=each(facts.countries),
            people=each(facts.people), agreements=each(facts.agreements),
            exercises=each(facts.exercises), mentioned=each(facts.mentioned)),
        sources=tuple(dataclasses.replace(
            s, url=url(s.url), outlet=line(s.outlet), title=line(s.title),
            published=maybe(s.published)) for s in alert.sources),
        matched={line(k): [line(t) for t in v] for k, v in alert.matched.items()},
    )
