"""Stems of Hindi and Marathi names, so that a name matches however it is inflected.

Devanagari terms already match at the start of a word (बैठकीत, भारताने: the endings are
attached), but some endings change the name's own last vowel: अमेरिका becomes
अमेरिकेच्या (Marathi "of America") and अमेरिकी (Hindi "American"), ऑस्ट्रेलिया becomes
ऑस्ट्रेलियाई. Snowball's Hindi stemmer strips those vowels and endings (अमेरिका →
अमेरिक), and the stem, matched at a word's start, meets every form. Marathi has no
Snowball stemmer; its nouns in -ā take the same oblique stem, which is what names need.

Only lexicon names are stemmed, not the rules' vocabulary: a stemmed common word
(सेना → सेन) would start many unrelated words.

A foreign name written in Devanagari has no one spelling of its short and long i and u:
गार्डियन / गार्डीयन, ऑस्टिन / ऑस्टीन, रिझॉल्यूट / रिझॉल्युट. `vowel_lengths` gives a name
those spellings of its inner vowels (the last letter's vowel is an ending: किशी is not
किशि-, which starts किशिदा).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import snowballstemmer

__all__ = ["name_stem", "vowel_lengths"]

_MIN_LETTERS = 3  # a shorter stem starts too many other words
_LENGTHS = {"\u093f": "\u0940", "\u0940": "\u093f", "\u0941": "\u0942", "\u0942": "\u0941"}
_MIN_NAME = 5  # letters and signs: a shorter name's other spelling is too often a word
_MAX_SITES = 3  # 2**3 spellings at most


def _devanagari(ch: str) -> bool:
    return 0x0900 <= ord(ch) <= 0x097F


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.Stemmer:
    # only compiling needs it, and a start with the compiled rules cached does not compile
    import snowballstemmer  # noqa: PLC0415

    return snowballstemmer.stemmer("hindi")


def name_stem(name: str) -> str | None:
    """The name with its last word stemmed, when that word is Devanagari and the stem
    differs and is long enough; else None."""
    head, _, last = name.rpartition(" ")
    if not last or not _devanagari(last[-1]):
        return None
    stem: str = _stemmer().stemWord(last)
    letters = sum(1 for ch in stem if ch.isalpha())
    if stem == last or not last.startswith(stem) or letters < _MIN_LETTERS:
        return None
    return f"{head} {stem}" if head else stem


def vowel_lengths(name: str) -> list[str]:
    """The other spellings of a Devanagari name's inner short and long i and u (the name
    itself left out; none for a short name or one with more than three such vowels)."""
    if len(name) < _MIN_NAME or not any(_devanagari(ch) for ch in name):
        return []
    sites = [i for i, ch in enumerate(name) if ch in _LENGTHS
             and i + 1 < len(name) and name[i + 1] != " "]
    if not sites or len(sites) > _MAX_SITES:
        return []
    out: list[str] = []
    for mask in range(1, 2 ** len(sites)):
        chars = list(name)
        for bit, i in enumerate(sites):
            if mask >> bit & 1:
                chars[i] = _LENGTHS[chars[i]]
        out.append("".join(chars))
    return out
