"""The page `rules explain` looks at: a local file (HTML or text) or a fetched URL."""

from __future__ import annotations

from pathlib import Path

from bot.config.options import Config
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
        article = extract(response, _EXPLAIN_SOURCE)
    except ExtractError:
        text = response.body.decode(response.charset or "utf-8", errors="replace")
        return "", text
    return article.title, article.text
