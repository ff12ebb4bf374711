"""One normalisation for article text and for rule terms, so that both meet half-way.

What it does to a string:

* Latin (and Greek) letters lose their diacritics (``é`` → ``e``, ``Ō`` → ``O``); the
  vowel signs and other marks of Devanagari, Japanese and every other script are kept,
  because there they are part of the letter.
* Compatibility forms fold (full-width ``Ｊａｐａｎ``, ligatures, ``½``), and so do the
  Devanagari signs that writers use one for the other (ँ/ं, ॉ/ा, ॅ/े, the eyelash ऱ/र्‍)
  and the Devanagari digits (२+२ reads ``2+2``).
* Every character that is not a letter, digit, mark or ``+`` is a separator; a run of
  separators becomes one space. So "India-Japan", "India–Japan" and "India, Japan" all
  read ``India Japan``, and ``2+2`` stays one word.
* Format characters (soft hyphen, zero-width joiners) disappear.
* A Latin letter next to a character of a script written without spaces is a word
  boundary: Japanese writes acronyms into its text (日印ACSAが発効, 海自とJMSDF), and
  there "ACSA" is still a whole word.

The result is padded with a space at both ends; a pattern for a whole word is the word
with a space on each side, so the automaton itself checks word boundaries. Scripts written
without spaces (CJK, Thai…) get no padding and match anywhere.

Common text (NFC, characters that map one to one) takes a fast path built from C-level
string operations; anything else takes a slower per-character path that keeps an explicit
map back to the original offsets.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, repeat

__all__ = ["GENERIC_MARKS", "STROKED", "Normalized", "core", "forms", "is_acronym", "normalize",
           "open_ended", "pad", "unspaced"]

_SENTINEL = "\uffff"  # marks a character whose mapping is not one to one
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_RUNS = re.compile(r" {2,}")
_RUN_SPLIT = re.compile(r"( {2,})")
GENERIC_MARKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                  (0xFE20, 0xFE2F))
_UNSPACED = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FDF),
             (0x3040, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F),
             (0x20000, 0x3FFFF))
STROKED = {"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ħ": "h", "Ħ": "H",
            "ı": "i"}
# Devanagari signs that Hindi and Marathi writers use one for the other: the candrabindu
# for the anusvara (पहुँचे / पहुंचे), the candra o of English loans for ā (ऑस्ट्रेलिया /
# आस्ट्रेलिया, कॉर्वेट / कार्वेट)
_FOLDED = {"\u0901": "\u0902", "\u0949": "\u093e", "\u0911": "\u0906",
           # the candra e and candra a of English loans, which other writers spell with
           # the plain e (कॅनबेरा / केनबेरा, ॲग्रीमेंट / एग्रीमेंट, ऍश्टन / एश्टन)
           "\u0945": "\u0947", "\u0972": "\u090f", "\u090d": "\u090f",
           # Marathi's eyelash ra, written as its own letter (दौऱ्यावर, स्वाक्षऱ्या) or as
           # र with a joiner (दौर्‍यावर), which drops out as a format character
           "\u0931": "\u0930",
           # Devanagari digits read as the ASCII ones that NFKC leaves them apart from:
           # Marathi wire copy writes the 2+2 and an exercise's year so (२+२, मलबार-२०२४)
           **{chr(0x0966 + d): str(d) for d in range(10)}}


_UNSPACED_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _UNSPACED)
# where a Latin letter meets a letter of a script written without spaces (zero-width)
_SCRIPT_SEAM = re.compile(f"(?<=[{_UNSPACED_CLASS}])(?=[A-Za-z])"
                          f"|(?<=[A-Za-z])(?=[{_UNSPACED_CLASS}])")


def _in(ranges: tuple[tuple[int, int], ...], ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in ranges)


def unspaced(ch: str) -> bool:
    """True for scripts written without spaces between words: no word boundaries there."""
    return _in(_UNSPACED, ch)


def open_ended(ch: str) -> bool:
    """True for scripts whose words take their endings and postpositions attached
    (Devanagari: Hindi भारतीय, Marathi भारताचे, जपानच्या): a term ending in one matches at
    the start of a word, whatever follows; and for scripts written without spaces."""
    return unspaced(ch) or 0x0900 <= ord(ch) <= 0x097F


def _latin_like(ch: str) -> bool:
    code = ord(ch)
    return code < 0x0250 or 0x0370 <= code < 0x0400 or 0x1E00 <= code < 0x2000


@lru_cache(maxsize=16384)
def map_char(ch: str) -> str:
    """What one character becomes: '' (dropped), ' ' (separator), or its letters."""
    category = unicodedata.category(ch)
    if ch == "+" or ch in STROKED:
        out = STROKED.get(ch, ch)
    elif ch in _FOLDED:
        out = _FOLDED[ch]
    elif category == "Cf":
        out = ""
    elif category[0] == "M":
        out = "" if _in(GENERIC_MARKS, ch) else ch
    elif category[0] not in "LN":
        out = " "
    else:
        decomposed = unicodedata.normalize("NFKD", ch)
        if _latin_like(decomposed[0]):
            kept = [c for c in decomposed if not _in(GENERIC_MARKS, c)]
            out = "".join(c if c == ch else map_char(c) for c in kept)
        else:
            out = unicodedata.normalize("NFKC", ch)
    return out


class _Table(dict[int, str]):
    """str.translate table over map_char; one-to-one mappings only (others → sentinel).

    A memo of a pure function, filled on first sight of each character.
    """

    def __missing__(self, code: int) -> str:
        mapped = map_char(chr(code))
        value = mapped if len(mapped) == 1 and mapped != _SENTINEL else _SENTINEL
        self[code] = value
        return value


_ASCII_TABLE = {i: (chr(i) if chr(i).isalnum() or chr(i) == "+" else " ") for i in range(128)}
_TABLE = _Table(_ASCII_TABLE)


class _AnyTable(dict[int, str]):
    """str.translate table over map_char, whatever it maps to ('' drops the character)."""

    def __missing__(self, code: int) -> str:
        value = map_char(chr(code))
        self[code] = value
        return value


_ANY_TABLE = _AnyTable()
# Conjoining Hangul jamo are letters, not marks: NFC joins them across the segments that
# the per-character path normalises one by one.
_JAMO = re.compile("[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]")


class Normalized:
    """A normalised string (``cased`` and ``folded``, both padded) with a way back.

    ``span(a, b)`` turns a slice of the padded strings into offsets of the original text.
    """

    __slots__ = ("_breaks", "_deltas", "_inserted", "_lead", "_src", "_strip", "cased",
                 "folded")

    def __init__(self, cased: str, folded: str, *, strip: str | None = None, lead: int = 0,
                 src: list[tuple[int, int]] | None = None,
                 inserted: list[int] | None = None) -> None:
        self.cased = cased
        self.folded = folded
        self._strip = strip  # fast path: the one-to-one mapped, stripped, uncollapsed text
        self._lead = lead
        self._src = src  # slow path: original (start, end) of every character
        self._inserted = inserted or []  # fast path: where spaces were put in at seams
        self._breaks: list[int] | None = None
        self._deltas: list[int] = []

    def _orig(self, i: int) -> tuple[int, int]:
        """Original (start, end) of character i of the unpadded normalised string."""
        if self._src is not None:
            return self._src[i]
        if self._breaks is None:
            self._build_breaks()
        assert self._breaks is not None
        k = bisect_right(self._breaks, i) - 1
        start = self._lead + i + (self._deltas[k] if k >= 0 else 0)
        if self._inserted:  # back from the text with seams to the text as written
            n = bisect_right(self._inserted, start)
            if n and self._inserted[n - 1] == start:
                return start - n + 1, start - n + 1  # a space put in: no text of its own
            start -= n
        return start, start + 1

    def _build_breaks(self) -> None:
        # split keeps the runs: [text, run, text, run, …]; every step below loops in C
        parts = _RUN_SPLIT.split(self._strip or "")
        sizes = list(map(len, parts))
        ends = list(accumulate(sizes))[1::2]  # index right after each run, uncollapsed
        self._deltas = list(accumulate(map(operator.add, sizes[1::2], repeat(-1))))
        self._breaks = list(map(operator.sub, ends, self._deltas))  # same index, collapsed

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original offsets of the padded slice [a, b) (b > a)."""
        return self._orig(a - 1)[0], self._orig(b - 2)[1]


def _fast(text: str) -> str | None:
    """The one-to-one mapping of text, or None when it needs the slow path."""
    if text.isascii():
        return text.translate(_ASCII_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        return None
    mapped = text
    sparse = (len(text.encode("utf-8")) - len(text)) * 10 < len(text)
    distinct = set(_NON_ASCII.findall(text)) if sparse else set()
    if sparse and len(distinct) <= 32:  # English with curly quotes: replace each kind once
        for ch in distinct:
            mapped = mapped.replace(ch, _TABLE[ord(ch)])
        mapped = mapped.translate(_ASCII_TABLE)
    else:  # mostly another script
        mapped = text.translate(_TABLE)
    return None if _SENTINEL in mapped else mapped


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each base character with the marks that follow it."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.category(text[j])[0] == "M":
            j += 1
        yield i, j
        i = j


def _slow(text: str) -> Normalized:
    chars: list[str] = []
    src: list[tuple[int, int]] = []
    for a, b in _segments(text):
        seg = unicodedata.normalize("NFC", text[a:b])
        for ch in "".join(map_char(c) for c in seg):
            if ch == " " and (not chars or chars[-1] == " "):
                continue
            if chars and _SCRIPT_SEAM.match(chars[-1] + ch, 1):
                chars.append(" ")
                src.append((a, a))
            chars.append(ch)
            src.append((a, b))
    if chars and chars[-1] == " ":
        chars.pop()
        src.pop()
    cased = "".join(chars)
    folded = cased.lower()
    if len(folded) != len(cased):  # cannot happen with map_char output; be safe anyway
        folded = "".join(c.lower()[:1] or c for c in cased)
    return Normalized(f" {cased} ", f" {folded} ", src=src)


def normalize(text: str) -> Normalized:
    """Normalise text for matching; see the module docstring."""
    mapped = _fast(text)
    if mapped is None:
        return _slow(text)
    inserted: list[int] = []
    if not mapped.isascii():
        seams = [m.start() for m in _SCRIPT_SEAM.finditer(mapped)]
        if seams:  # the k-th space put in lands at seam + k; seams never touch a space
            inserted = [at + k for k, at in enumerate(seams)]
            mapped = _SCRIPT_SEAM.sub(" ", mapped)
    stripped = mapped.strip(" ")
    lead = len(mapped) - len(mapped.lstrip(" "))
    cased = _RUNS.sub(" ", stripped)
    folded = cased.lower()
    if len(folded) != len(cased):
        return _slow(text)
    return Normalized(f" {cased} ", f" {folded} ", strip=stripped, lead=lead,
                      inserted=inserted)


def forms(text: str) -> tuple[str, str]:
    """`normalize(text)`'s cased and folded strings, without the way back to the original
    offsets, for the early-rejection pass. A zero-width space, a soft hyphen or a ½ sends
    a whole page down normalize's per-character path (~100 ms for a long page); here the
    same mapping runs in C: NFC of the whole text equals NFC of each base character with
    its marks unless conjoining jamo are joined, and map_char is then applied per
    character either way."""
    mapped = _fast(text)
    if mapped is None:
        if _JAMO.search(text):
            slow = _slow(text)
            return slow.cased, slow.folded
        mapped = unicodedata.normalize("NFC", text).translate(_ANY_TABLE)
    if not mapped.isascii():
        mapped = _SCRIPT_SEAM.sub(" ", mapped)
    cased = _RUNS.sub(" ", mapped.strip(" "))
    folded = cased.lower()
    if len(folded) != len(cased):
        slow = _slow(text)
        return slow.cased, slow.folded
    return f" {cased} ", f" {folded} "


def core(term: str) -> str:
    """A term as the matcher sees it, case preserved, without padding ('' if nothing left)."""
    return normalize(term).cased[1:-1]


def pad(base: str) -> str:
    """The automaton key of a normalised term: a space at each word-bounded end."""
    return (" " if not unspaced(base[0]) else "") + base + (" " if not open_ended(base[-1]) else "")


def is_acronym(term: str) -> bool:
    """A term written in capitals only (digits and punctuation allowed) is case-sensitive."""
    cased = [c for c in term if c.islower() or c.isupper()]
    return bool(cased) and all(c.isupper() for c in cased)
