"""Text similarity for clustering and summaries: normalised words and bottom-k MinHash sketches.

A sketch is the k smallest 53-bit hashes of an article's word 3-shingles (a "bottom-k"
MinHash). It is a plain tuple of ints, so it stores as JSON (53 bits are exact in any
JSON reader) and two sketches compare without the texts: restricted to the hashes below
the smaller of the two k-th values, both sketches are exact samples of their shingle
sets, which gives unbiased estimates of Jaccard similarity and of containment (how much
of the shorter text the longer one repeats). Everything here is pure and deterministic:
hashes come from BLAKE2b, never from Python's salted hash().
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from hashlib import blake2b

__all__ = [
    "SKETCH_SIZE",
    "STOPWORDS",
    "Overlap",
    "content_words",
    "jaccard",
    "name_parts",
    "normalise",
    "overlap",
    "proper_words",
    "sketch",
    "words",
]

SKETCH_SIZE = 64
SHINGLE_WORDS = 3
_HASH_BITS = 53  # exact as a JSON number everywhere, JavaScript included
_MIN_SHARED = 3  # fewer shared sample hashes than this is noise, not evidence

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _indic_marks() -> str:
    """The vowel signs, viramas and nasal marks of the Indic scripts (U+0900-U+0DFF) as a
    regex class body: they are letters' parts, not \\w, so without them मंत्री would
    fall apart at every vowel sign."""
    return "".join(re.escape(c) for c in map(chr, range(0x0900, 0x0E00))
                   if unicodedata.category(c)[0] == "M")


_LETTER = rf"(?:[^\W_]|[{_indic_marks()}])"
_WORD = re.compile(rf"{_LETTER}+(?:[-']{_LETTER}+)*")
_SPELLING = {"defense": "defence", "defenses": "defences", "offense": "offence"}


def normalise(text: str) -> str:
    """Casefold, strip diacritics and unify apostrophes, so spellings of a name compare equal."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("\u2019", "'").replace("\u2018", "'").casefold()


STOPWORDS = _wordset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own said same says she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself
mr mrs ms dr shri
""") | _wordset(normalise("""
का के की को ने में से पर और तथा एवं है हैं था थे थी भी यह वह ये वे इस उस इन उन एक लिए साथ
बीच द्वारा तक ही कि जो
आणि व या हे ही ते ती त्या आहे आहेत होते होती झाली झाले केली केले यांनी यांच्या
यांच्यात यांच्याशी येथे मध्ये असे तसेच
"""))  # Hindi and Marathi function words, folded as words() folds them


def words(text: str) -> list[str]:
    """Normalised words in order; "defense" and "defence" are one word."""
    return [_SPELLING.get(w, w) for w in _WORD.findall(normalise(text))]


def proper_words(text: str, limit: int = 64) -> list[str]:
    """Normalised capitalised words (names, places, titles), distinct, in order of first use.

    Stopwords ("The", "He") and words under three letters are left out; at most `limit`.
    """
    out: dict[str, None] = {}
    for match in _WORD.finditer(text):
        token = match.group()
        if not token[0].isupper() or len(token) < 3:
            continue
        word = normalise(token)
        if word not in STOPWORDS:
            out.setdefault(_SPELLING.get(word, word), None)
            if len(out) >= limit:
                break
    return list(out)


@cache
def name_parts(name: str) -> frozenset[str]:
    """The parts of a person's name a text may use alone, normalised: "Lloyd Austin" gives
    lloyd and austin; parts under four letters are left out ("Gen" is also a rank)."""
    return frozenset(w for w in words(name) if len(w) >= 4)


def content_words(text: str) -> list[str]:
    """Words without stopwords or one-letter tokens, plurals folded ("ministers" → "minister")."""
    out = []
    for word in words(text):
        if word in STOPWORDS or len(word) < 2:
            continue
        plural = len(word) > 4 and word.endswith("s") and not word.endswith("ss")
        out.append(word[:-1] if plural else word)
    return out


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """|a ∩ b| / |a ∪ b|, 0.0 for two empty sets."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _hash(shingle: str) -> int:
    digest = blake2b(shingle.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - _HASH_BITS)


def sketch(tokens: Sequence[str], k: int = SKETCH_SIZE) -> tuple[tuple[int, ...], int]:
    """The bottom-k hashes of the word 3-shingles of tokens, ascending, and the shingle count.

    A text shorter than three words is one shingle. When the text has at most k distinct
    shingles the sketch holds all of them, so short texts compare exactly.
    """
    if not tokens:
        return (), 0
    n = SHINGLE_WORDS
    grams: Iterable[str] = (
        (" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
        if len(tokens) >= n else (" ".join(tokens),)
    )
    hashes = {_hash(g) for g in grams}
    return tuple(sorted(hashes)[:k]), len(hashes)


@dataclass(frozen=True)
class Overlap:
    """Estimated resemblance of two shingle sets from their sketches."""

    jaccard: float  # |A ∩ B| / |A ∪ B|
    containment: float  # |A ∩ B| / min(|A|, |B|): high when one text repeats the other
    shared: int  # shared hashes in the comparable sample; below 3 the estimates are 0


def overlap(a: Sequence[int], a_size: int, b: Sequence[int], b_size: int, *,
            a_set: AbstractSet[int] | None = None,
            b_set: AbstractSet[int] | None = None) -> Overlap:
    """Compare two ascending bottom-k sketches (see module doc); sizes are shingle counts.

    a_set / b_set may pass the sketches as sets already built, to save rebuilding them.
    """
    if not a or not b:
        return Overlap(0.0, 0.0, 0)
    inf = 1 << _HASH_BITS
    limit = min(a[-1] if a_size > len(a) else inf, b[-1] if b_size > len(b) else inf)
    common = (a_set if a_set is not None else set(a)) & (
        b_set if b_set is not None else set(b))
    shared = sum(1 for h in common if h <= limit)
    n_a, n_b = bisect_right(a, limit), bisect_right(b, limit)  # the comparable samples
    if shared == 0 or shared < min(_MIN_SHARED, n_a, n_b):
        return Overlap(0.0, 0.0, shared)
    return Overlap(shared / (n_a + n_b - shared), shared / min(n_a, n_b), shared)
