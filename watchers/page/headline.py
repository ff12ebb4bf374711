"""Headlines without what publishers and aggregators hang on them: one place for the rules
that take an outlet's name off the end of a title.

- `strip_site_name`: a page's <title> or og:title, "Title | Section - Outlet": separators
  are taken off from the end while what follows is the site's name or a short label
  after a bar.
- `strip_origin`: an aggregator's item, "Title - The Hindu", when the feed names the
  origin outlet.
- `strip_outlet_suffix`: a stored headline of more than six words ending in a short
  " | Outlet" or " - Outlet", when the outlet is not known.
"""

from __future__ import annotations

import re

__all__ = ["MAX_TITLE_CHARS", "strip_origin", "strip_outlet_suffix", "strip_site_name"]

MAX_TITLE_CHARS = 2_000  # no headline is longer; a page's <title> is cut to this

_SEPARATOR = re.compile(r"\s*(?:\||·|::)\s*|\s+[-–—]\s+")
_GENERIC_SUFFIX_WORDS = 4  # "Title | India News": short segments after a bar are site chrome
# Site names shorter than this only match a title segment exactly ("MoD" vs "PM Modi").
_SITE_NAME_SUBSTRING_MIN = 6
_ORIGIN_DASHES = (" - ", " – ", " — ", " | ")
# " | Outlet". Tried only where a run of spaces starts ((?<!\s)): from every position
# inside a long run it would rescan the rest of the run, quadratic in its length.
_SUFFIX = re.compile(r"(?<!\s)\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]{2,40}$")


def strip_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """Drop " | Outlet", " - Outlet" suffixes (repeatedly: "T | India News - Outlet")."""
    # Cut first: each pass rescans the title, so a 100 KB one of bars took minutes.
    title = " ".join(title[:2 * MAX_TITLE_CHARS].split())[:MAX_TITLE_CHARS]
    names = {_key(n) for n in site_names if len(_key(n)) >= 3}
    while True:
        separators = list(_SEPARATOR.finditer(title))
        if not separators:
            return title
        last = separators[-1]
        head, tail = title[:last.start()], title[last.end():]
        tail_key = _key(tail)
        is_site = any(n == tail_key or (len(n) >= _SITE_NAME_SUBSTRING_MIN and n in tail_key)
                      for n in names)
        is_bar_chrome = ("|" in last.group() and len(tail.split()) <= _GENERIC_SUFFIX_WORDS
                         and len(head.split()) >= 3)
        if not head or not (is_site or is_bar_chrome):
            return title
        title = head


def strip_origin(title: str, origin: str) -> str:
    """'India, Japan hold talks - The Hindu' -> 'India, Japan hold talks' when the origin
    outlet is The Hindu."""
    name = " ".join(origin.split())
    for dash in _ORIGIN_DASHES:
        suffix = dash + name
        if name and title.endswith(suffix) and len(title) > len(suffix):
            return title[:-len(suffix)].rstrip()
    return title


def strip_outlet_suffix(title: str) -> str:
    """A headline of more than six words without a short trailing " | Outlet"."""
    return _SUFFIX.sub("", title) if len(title.split()) > 6 else title


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())
