"""jusText's stop words of every language, held once per process instead of twice.

trafilatura falls back to jusText with the stop words of every language it ships
(`trafilatura.external.JT_STOPLIST`, ~154,000 words). Its own loader keeps them as a tuple
of strings, and jusText turns what it is given into a lowercased set of new strings on
its first call (cached by argument): two copies, ~33 MiB in a worker process. Every
worker loaded the tuple as it started (~0.13 s of CPU), though a few pages in a hundred
need jusText; the set cost ~0.08 s more on the first of them. Given this iterable
instead, jusText's set is the only copy (~19 MiB), made when a page first needs it
(~0.12 s); the words are the same, read the same way (a test compares them).
"""

from __future__ import annotations

import pkgutil
from collections.abc import Iterator

from justext.utils import get_stoplists
from trafilatura import external

__all__ = ["StopWords", "install"]


class StopWords:
    """Every stop list jusText ships, read from its files each time it is iterated (once:
    jusText caches the set it makes by this object's identity)."""

    def __iter__(self) -> Iterator[str]:
        for language in sorted(get_stoplists()):
            data = pkgutil.get_data("justext", f"stoplists/{language}.txt") or b""
            # as justext.utils.get_stoplist reads a list
            for word in data.splitlines():
                yield word.decode("utf8").lower()

    def __bool__(self) -> bool:  # trafilatura: `JT_STOPLIST or jt_stoplist_init()`
        return True


def install() -> None:
    """Give trafilatura these stop words, unless it already loaded its own. jusText makes
    its set of them on the first page that needs it (a few pages in a hundred: most
    workers of a short run never do)."""
    if external.JT_STOPLIST is None:
        # trafilatura types it as its own tuple; it only iterates it (through jusText)
        external.JT_STOPLIST = StopWords()  # type: ignore[assignment]
