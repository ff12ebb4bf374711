"""The articles made from entries: what matched, the entities and the event signature.

One article per URL is a unique constraint, so even a lost lease cannot store a page
twice (bot/store/entries.py hands out the entries).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from bot.store.db import to_aware, to_naive_utc
from bot.store.tables import articles
from watchers import Article


@dataclass(frozen=True)
class StoredArticle:
    id: int
    article: Article
    rules: tuple[str, ...]
    matched: dict[str, list[str]]
    entities: dict[str, list[str]]
    event_id: str | None


def save_article(conn: Connection, entry_key: str, article: Article, *, now: datetime,
                 rules: tuple[str, ...], matched: dict[str, list[str]],
                 entities: dict[str, list[str]], signature: dict[str, Any] | None,
                 event_id: str | None = None) -> int:
    result = conn.execute(insert(articles).values(
        url=article.url, entry_key=entry_key, source_id=article.source_id,
        outlet=article.outlet, authority=article.authority, title=article.title,
        text=article.text, published=to_naive_utc(article.published),
        language=article.language, fetched_at=now, rules=list(rules), matched=matched,
        entities=entities, signature=signature, event_id=event_id, alerted=False))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def article_url_known(conn: Connection, url: str) -> bool:
    return bool(known_urls(conn, [url]))


def known_urls(conn: Connection, urls: list[str]) -> set[str]:
    """Which of `urls` have an article already."""
    if not urls:
        return set()
    return set(conn.execute(select(articles.c.url).where(articles.c.url.in_(urls))).scalars())


def signatures(conn: Connection, ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """The stored event signatures of these articles (those that have one)."""
    if not ids:
        return {}
    rows = conn.execute(select(articles.c.id, articles.c.signature)
                        .where(articles.c.id.in_(list(ids))))
    return {int(r.id): r.signature for r in rows if r.signature is not None}


def _stored(r: Any) -> StoredArticle:
    paragraphs = tuple(p for p in r.text.split("\n\n") if p)
    art = Article(url=r.url, title=r.title, text=r.text, source_id=r.source_id,
                  outlet=r.outlet, authority=r.authority, published=to_aware(r.published),
                  language=r.language, paragraphs=paragraphs)
    return StoredArticle(id=r.id, article=art, rules=tuple(r.rules), matched=dict(r.matched),
                         entities=dict(r.entities), event_id=r.event_id)


# Every column but the signature: grouping reads signatures (`signatures`), alerts and
# backtests do not, and decoding each member's sketch for every alert is not free.
_STORED = [c for c in articles.c if c.name != "signature"]


def event_articles(conn: Connection, event_id: str) -> list[StoredArticle]:
    rows = conn.execute(select(*_STORED).where(articles.c.event_id == event_id)
                        .order_by(articles.c.id))
    return [_stored(r) for r in rows]


def event_member_ids(conn: Connection, event_id: str) -> tuple[int, ...]:
    """The ids of an event's articles, in the order event_articles gives them."""
    return tuple(conn.execute(select(articles.c.id).where(articles.c.event_id == event_id)
                              .order_by(articles.c.id)).scalars())


def articles_since(conn: Connection, since: datetime) -> list[StoredArticle]:
    rows = conn.execute(select(*_STORED).where(articles.c.fetched_at >= since)
                        .order_by(articles.c.id))
    return [_stored(r) for r in rows]
