"""The archive's query parameters, checked: a value that cannot be read is a 400 that
says which parameter and why, never a guess."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from bot.store.archive_query import TimelineQuery

__all__ = ["MAX_LIMIT", "MAX_Q", "PAGE_SIZE", "BadParam", "Filters", "filters", "limit"]

PAGE_SIZE = 50
MAX_LIMIT = 200
MAX_Q = 200  # characters: a search is a few words, not a document
MAX_PAGE = 10_000
_TOPIC = re.compile(r"[a-z0-9][a-z0-9_.-]{0,99}")
_COUNTRY = re.compile(r"[^\W\d_](?:[^\W\d_]|[ '.-]){0,99}")


@dataclass(frozen=True)
class BadParam:
    """Why a request's parameters were refused (a normal outcome: the caller answers 400)."""

    message: str


@dataclass(frozen=True)
class Filters:
    """What the timeline form holds, as given (for the form and the page links)."""

    topic: str = ""
    country: str = ""
    since: str = ""
    until: str = ""
    q: str = ""
    page: int = 1

    def query(self, size: int = PAGE_SIZE) -> TimelineQuery:
        return TimelineQuery(topic=self.topic or None, country=self.country or None,
                             since=date.fromisoformat(self.since) if self.since else None,
                             until=date.fromisoformat(self.until) if self.until else None,
                             q=self.q or None, limit=size, offset=(self.page - 1) * size)

    def params(self, **changes: str | int) -> dict[str, str]:
        """The non-empty filters (with `changes`), for a link to another page of them."""
        values: dict[str, str | int] = {"topic": self.topic, "country": self.country,
                                        "since": self.since, "until": self.until, "q": self.q,
                                        "page": self.page, **changes}
        return {k: str(v) for k, v in values.items() if v and not (k == "page" and v == 1)}


def _one(query: Mapping[str, list[str]], name: str) -> str | BadParam:
    values = query.get(name, [])
    if len(values) > 1:
        return BadParam(f"{name}: given {len(values)} times; give it once")
    return values[0].strip() if values else ""


def filters(query: Mapping[str, list[str]]) -> Filters | BadParam:
    got: dict[str, str] = {}
    for name in ("topic", "country", "since", "until", "q", "page"):
        value = _one(query, name)
        if isinstance(value, BadParam):
            return value
        got[name] = value
    got["topic"] = got["topic"].lower()
    bad = _words(got) or _dates(got)
    if bad is not None:
        return bad
    page = _number(got["page"], "page", 1, MAX_PAGE)
    if isinstance(page, BadParam):
        return page
    return Filters(topic=got["topic"], country=got["country"], since=got["since"],
                   until=got["until"], q=got["q"], page=page or 1)


def _words(got: Mapping[str, str]) -> BadParam | None:
    topic, country, q = got["topic"], got["country"], got["q"]
    if topic and not _TOPIC.fullmatch(topic):
        return BadParam("topic: a topic id is lower-case letters, digits and -_. "
                        "(see /topics)")
    if country and not _COUNTRY.fullmatch(country):
        return BadParam("country: a country name is letters, spaces and -'. "
                        "(at most 100 characters)")
    if len(q) > MAX_Q:
        return BadParam(f"q: a search is at most {MAX_Q} characters (this one has {len(q)})")
    return None


def _dates(got: Mapping[str, str]) -> BadParam | None:
    days: list[date | None] = []
    for name in ("since", "until"):
        try:
            days.append(date.fromisoformat(got[name]) if got[name] else None)
        except ValueError:
            return BadParam(f"{name}: expected a date as YYYY-MM-DD, got {got[name][:40]!r}")
    since, until = days
    if since and until and since > until:
        return BadParam("since: the range is empty (since is after until)")
    return None


def limit(query: Mapping[str, list[str]]) -> int | BadParam:
    value = _one(query, "limit")
    if isinstance(value, BadParam):
        return value
    number = _number(value, "limit", 1, MAX_LIMIT)
    return number if isinstance(number, BadParam) else number or PAGE_SIZE


def _number(value: str, name: str, low: int, high: int) -> int | BadParam | None:
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        return BadParam(f"{name}: expected a whole number from {low} to {high}, "
                        f"got {value[:40]!r}")
    return int(value)
