"""The web in: sources, polite HTTP and page extraction. Knows nothing of rules or chats.

This is the package's public face: `bot` imports only the names below. The values and
errors load with the package; the fetcher, the pollers and extraction (httpx, feedparser,
trafilatura) load on first use, so `defwatch rules check` does not pay for them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from watchers.errors import DefwatchError, ExtractError, FeedError, FetchError
from watchers.models import (
    Article,
    Authority,
    ChildState,
    Entry,
    FetchSettings,
    PollResult,
    Response,
    Source,
    SourceKind,
    SourceState,
)
from watchers.sources.selectors import compile_links

if TYPE_CHECKING:
    from watchers.fetch.http import Fetcher
    from watchers.page.chrome import is_chrome
    from watchers.page.extract import extract, parse_page, warm_up
    from watchers.page.headline import strip_outlet_suffix
    from watchers.page.visible import page_strings
    from watchers.sources.kinds import POLLERS, PollFn, poll

__all__ = [
    "POLLERS",
    "Article",
    "Authority",
    "ChildState",
    "DefwatchError",
    "Entry",
    "ExtractError",
    "FeedError",
    "FetchError",
    "FetchSettings",
    "Fetcher",
    "PollFn",
    "PollResult",
    "Response",
    "Source",
    "SourceKind",
    "SourceState",
    "compile_links",
    "extract",
    "is_chrome",
    "page_strings",
    "parse_page",
    "poll",
    "strip_outlet_suffix",
    "warm_up",
]

# name -> the module that defines it, imported on first access (PEP 562)
_LAZY = {
    "Fetcher": "watchers.fetch.http",
    "is_chrome": "watchers.page.chrome",
    "strip_outlet_suffix": "watchers.page.headline",
    "extract": "watchers.page.extract",
    "parse_page": "watchers.page.extract",
    "warm_up": "watchers.page.extract",
    "page_strings": "watchers.page.visible",
    "POLLERS": "watchers.sources.kinds",
    "PollFn": "watchers.sources.kinds",
    "poll": "watchers.sources.kinds",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'watchers' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
