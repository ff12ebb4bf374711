"""The text as the sentence readers read it: Latin accents folded, the way back kept.

The automaton matches text with its accents dropped (bot/rules/normalize.py), so "ágreed"
is "agreed" to a rule's terms. The readers that look at the sentences as written — mood,
denial, history and habits (plain-letter patterns such as "agreed", "could", "years
ago"), the datelines, the clauses of circumstance and the regions of a state, the long
forms of acronyms — must read the same words, or an accent inside one changes a verdict.
They read `reading(text).text` instead:

* a Latin letter with accents, precomposed, becomes its plain letter, one character for
  one (``é`` → ``e``, ``Ō`` → ``O``; ``ø``, ``ł``, ``ı`` as normalisation folds them);
* combining marks written after a Latin letter (``e`` + U+0301) are dropped, and
  `orig()` / `at()` map offsets between the two texts;
* nothing else changes: Devanagari (nukta letters, vowel signs), Japanese (が, full-width
  forms), Greek and every other script are left exactly as written, as are marks that
  follow no Latin letter.

Text without any such character (all ASCII, or another script with curly quotes) is
returned as it is, after one search in C.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from bot.rules.normalize import GENERIC_MARKS, STROKED

__all__ = ["Reading", "fold_accents", "reading"]

# the combining marks normalisation drops (Latin accents, and the other generic blocks)
_MARKS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in GENERIC_MARKS)
# the Latin blocks with precomposed accented letters
_LATIN = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_STROKED = STROKED
_MARK = re.compile(f"[{_MARKS}]")


def _plain(ch: str) -> str | None:
    """The plain letter of an accented Latin letter, or None if it is no such letter."""
    if ch in _STROKED:
        return _STROKED[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    base = _STROKED.get(decomposed[0], decomposed[0])
    if (len(decomposed) > 1 and base.isascii() and base.isalpha()
            and all(_MARK.fullmatch(c) for c in decomposed[1:])):
        return base
    return None


_TABLE = {code: plain for lo, hi in _LATIN for code in range(lo, hi + 1)
          if (plain := _plain(chr(code))) is not None}
_ANY = re.compile("[" + "".join(map(chr, sorted(_TABLE))) + _MARKS + "]")
_AFTER_LATIN = re.compile(f"(?<=[A-Za-z])[{_MARKS}]+")


class Reading:
    """A text with Latin accents folded (`text`) and the way back to the text as written.

    `orig(i)`: where offset i of `text` lies in the original (an end offset after a
    letter takes its dropped marks with it); `at(j)`: where original offset j lies in
    `text`. Both are the identity unless combining marks were dropped.
    """

    __slots__ = ("_at", "_cum", "_lens", "_place", "text")

    def __init__(self, text: str, dropped: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self._at: list[int] = []  # where each dropped run began, in the original
        self._lens: list[int] = []
        self._cum: list[int] = []  # characters dropped up to and including each run
        self._place: list[int] = []  # where each run was, in `text`
        total = 0
        for start, end in dropped or ():
            self._at.append(start)
            self._place.append(start - total)
            total += end - start
            self._lens.append(end - start)
            self._cum.append(total)

    def orig(self, i: int) -> int:
        if not self._at:
            return i
        k = bisect_right(self._place, i)  # the runs dropped at or before i
        return i + (self._cum[k - 1] if k else 0)

    def at(self, j: int) -> int:
        if not self._at:
            return j
        k = bisect_left(self._at, j)  # the runs that begin before j
        if not k:
            return j
        inside = self._at[k - 1] + self._lens[k - 1] - j  # j within the last of them
        return j - self._cum[k - 1] + max(0, inside)

    def slice(self, start: int, end: int) -> str:
        """The folded text of the original slice [start, end)."""
        return self.text[self.at(start):self.at(end)]


def reading(text: str) -> Reading:
    """`text` as the sentence readers read it (see the module docstring)."""
    if text.isascii() or not _ANY.search(text):
        return Reading(text)
    mapped = text.translate(_TABLE)
    runs = [m.span() for m in _AFTER_LATIN.finditer(mapped)]
    if not runs:
        return Reading(mapped)
    kept, last = [], 0
    for start, end in runs:
        kept.append(mapped[last:start])
        last = end
    kept.append(mapped[last:])
    return Reading("".join(kept), runs)


def fold_accents(text: str) -> str:
    """`reading(text).text`: for readers that need no offsets."""
    return reading(text).text

