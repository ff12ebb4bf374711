"""`defwatch rules explain` and `rules backtest` (check and test live in bot/rules/tooling.py).

`load_page` reads the page a rule is explained on: a local file (HTML or text) or a
fetched URL. `backtest` previews an edit to a rule file against what defwatch has already
seen: articles that would start or stop matching, grouped the way the pipeline groups
them, so the answer reads as alerts that would be added, dropped or re-topiced.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.config.options import Config
from bot.events.cluster import Candidate, Signature, assign, candidate_query, signature
from bot.rules import RuleSet
from bot.store.articles import StoredArticle
from watchers import ExtractError, Fetcher, Response, Source, extract

_EXPLAIN_SOURCE = Source(id="explain", kind="rss", url="file:", outlet="explain")


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head or b"<p>" in head


async def load_page(config: Config, *, file: str | None, url: str | None,
                    ) -> tuple[str, str]:
    """(title, text) as the rules would see them."""
    if url:
        async with Fetcher(config.fetch.settings()) as fetcher:
            response = await fetcher.get(url)
    else:
        assert file is not None
        body = Path(file).read_bytes()
        if not _looks_like_html(body):
            text = body.decode("utf-8", errors="replace").strip()
            title = next((line.strip() for line in text.splitlines() if line.strip()), "")
            return title, text
        response = Response(url=Path(file).resolve().as_uri(), status=200, body=body,
                            content_type="text/html")
    try:
        article = extract(response, _EXPLAIN_SOURCE, now=datetime.now(UTC))
    except ExtractError:
        text = response.body.decode(response.charset or "utf-8", errors="replace")
        return "", text
    return article.title, article.text


@dataclass
class EventDiff:
    title: str
    old: set[str] = field(default_factory=set)
    new: set[str] = field(default_factory=set)
    urls: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Backtest:
    articles: int
    added: list[EventDiff]  # events that would be alerted and were not
    dropped: list[EventDiff]  # alerted events no article would match any more
    changed: list[EventDiff]  # alerted events whose topics would differ


def backtest(ruleset: RuleSet, stored: list[StoredArticle]) -> Backtest:
    by_event: dict[str, EventDiff] = {}
    fresh: list[tuple[StoredArticle, Signature, set[str]]] = []
    for item in stored:
        result = ruleset.match(item.article)
        new = set(result.rule_ids)
        if item.event_id:
            diff = by_event.setdefault(item.event_id, EventDiff(title=item.article.title))
            diff.old |= set(item.rules)
            diff.new |= new
            diff.urls.append(item.article.url)
        elif new:
            fresh.append((item, signature(item.article, result.entities), new))
    added = _group_fresh(fresh)
    dropped = [d for d in by_event.values() if d.old and not d.new]
    changed = [d for d in by_event.values() if d.new and d.new != d.old]
    return Backtest(len(stored), added, dropped, changed)


def _group_fresh(fresh: list[tuple[StoredArticle, Signature, set[str]]]) -> list[EventDiff]:
    """Articles that would newly match, grouped into events as the pipeline would."""
    members: dict[str, list[Signature]] = defaultdict(list)
    diffs: dict[str, EventDiff] = {}
    for item, sig, rules in fresh:
        days = candidate_query(sig)
        candidates = [Candidate(eid, sigs[0].day, tuple(sigs)) for eid, sigs in members.items()
                      if days is None or (sigs[0].day is not None
                                          and days[0] <= sigs[0].day <= days[1])]
        chosen = assign(sig, candidates) or f"new-{len(members)}"
        members[chosen].append(sig)
        diff = diffs.setdefault(chosen, EventDiff(title=item.article.title))
        diff.new |= rules
        diff.urls.append(item.article.url)
    return list(diffs.values())


def render(result: Backtest, since: datetime, version: str,
           write: Callable[[str], None]) -> None:
    write(f"backtest: {result.articles} stored articles since "
          f"{since.isoformat(timespec='minutes')}, rules version {version}")
    for label, sign, diffs in (("would add", "+", result.added),
                               ("would drop", "-", result.dropped),
                               ("would change topics of", "~", result.changed)):
        write(f"{label} {len(diffs)} alert(s)")
        for d in diffs:
            topics = ", ".join(sorted(d.new or d.old))
            delta = ""
            if sign == "~":
                plus = [f"+{t}" for t in sorted(d.new - d.old)]
                minus = [f"-{t}" for t in sorted(d.old - d.new)]
                delta = "  " + " ".join(plus + minus)
            write(f"  {sign} {d.title}  [{topics}]{delta}  ({len(d.urls)} source(s))")
