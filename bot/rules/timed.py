"""A page of timed items (a live page or a ticker): each item is a story of its own, told
as a headline is, whatever the page's own headline says ("Asia security news, December
7" over "10:42 IST - Singh spoke by phone with Austin ..."). The rules read such a page as
they read one headed "live updates" (the `digest` group): a pair's act in one item is
news, as in a round-up's paragraph."""

from __future__ import annotations

import re

__all__ = ["LIVE_MARK", "timed_items"]

# what a headline over such a page would say; appended to the headline the rules read
LIVE_MARK = "\nlive updates"

# a line opened by a time of day: "10:42 IST -", "0930:", "9.30 am |", 10時10分, "09:30 बजे"
_STAMP = re.compile(
    r"^[\s\W]{0,3}(?:"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:IST|JST|GMT|UTC|AEST|AEDT|ET|EST|EDT|PT|hrs|"
    r"am|pm|a\.m\.|p\.m\.|बजे|वाजता))?\s*(?:[-–—:|]\s*)?\S"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:IST|JST|GMT|UTC|hrs)?\s*[-–—:|]\s*\S"
    r"|(?:午前|午後)?\d{1,2}時(?:\d{1,2}分|半)?\s*\S)",
    re.MULTILINE)
_ITEMS = 2  # one timed line is a time in a story; two or more are a page of items


def timed_items(text: str) -> bool:
    """Whether the text is a page of two or more items each opened by a time of day."""
    return any(n >= _ITEMS for n, _ in enumerate(_STAMP.finditer(text), start=1))
