"""Names in Devanagari as a new writer spells them: the lexicon's names are matched in a
skeleton of the text, not in the text as written.

A foreign name has no one Devanagari spelling. Each writer picks the length of its i and
u (किताजावा / कीताझावा), t and d as dental or retroflex (मोरिमोतो / मोरीमोटो), z as ज
or झ, sh as श or ष, e and o as plain or as ai and au (मैटिस / मेटिस), a vowel after i
as a letter or with य (ओरिएंट / ओरियंट), a cluster with or without its halant (हेगसेथ /
हेग्सेथ), v as व or व्ह, a compound's words apart or joined (धर्म गार्डियन /
धर्मगार्डियन). Listing spellings one by one never catches up with the next writer, and
the combinations multiply. So:

* `skeleton` folds, one character to one, the letters that only such choices tell apart
  (ी→ि, ू→ु, ई→इ, ऊ→उ, ै→े, ऐ→ए, ौ→ो, औ→ओ, ट→त, ठ→थ, ड→द, ढ→ध, ण→न, ष→श, झ→ज), in
  the text and in the lexicon's Devanagari names alike. Offsets do not move, so a hit
  in the skeleton is a hit in the text.
* `spellings` gives a name's skeleton the choices no one-to-one fold can make: a halant
  left out or put in between two consonants, व्ह for व, a vowel after i written with य,
  a compound's words joined, the candra vowels of English loans written on अ (अॅ, अॉ),
  an English o written as ओ or as ऑ (मॉरिसन / मोरिसन; normalize.py reads ऑ as आ), and
  for Japanese names a long ā written short and a short a long (हमादा / हामादा).

The rules' own vocabulary is not folded: the fold merges words (की and कि, हे and है),
and only names, which are long and foreign, are matched through it
(bot/rules/compile.py routes the lexicon's Devanagari keys here).
"""

from __future__ import annotations

import re

from bot.rules.evaluate import END, LAST, START, RawHit

__all__ = ["has_devanagari", "long_enough", "merged", "skeleton", "spellings"]

_FOLD = str.maketrans("ीूईऊैऐौऔटठडढणषझ", "िुइउेएोओतथदधनशज")
_DEVANAGARI = re.compile("[\u0900-\u097f]")
_VIRAMA = "\u094d"
_CONS = "\u0915-\u0939"
_DROP_HALANT = re.compile(f"(?<=[{_CONS}]){_VIRAMA}(?=[{_CONS}])")
# a halant put in where a consonant is followed by another (not after a vowel sign)
_ADD_HALANT = re.compile(f"(?<=[{_CONS}])(?=[{_CONS}])")
_CHOICES = (("व", "व्ह"), ("िए", "िये"), ("िए", "िय"), ("िओ", "ियो"), ("िअ", "िय"), ("िआ", "िया"),
            ("ाइ", "ाय"), ("ोइ", "ोय"), ("ुअ", "ुव"), ("ज", "ज\u093c"), ("फ", "फ\u093c"))
_CANDRA = re.compile("(?:(?<= )|^)([एआ])")  # a loan's initial candra vowel, on अ
_SIGN = {"ए": "\u0947", "आ": "\u093e"}  # ॅ and ॉ as bot/rules/normalize.py folds them
_SHORT_A = re.compile(f"(?<=[{_CONS}])\u093e")
_LONG_A = re.compile(f"(?<=[{_CONS}])(?![\u093e-\u094d\u0902])")
_O = re.compile(f"(?<=[{_CONS}])\u094b")
_INITIAL_O, _INITIAL_AA = re.compile("(?:(?<= )|^)ओ"), re.compile("(?:(?<= )|^)आ")
_MIN = 5  # letters and signs
_MAX = 64


def has_devanagari(text: str) -> bool:
    return _DEVANAGARI.search(text) is not None


def long_enough(name: str) -> bool:
    """Whether a name is long enough to be matched by its skeleton: a short one's
    skeleton is a common word's (वरुण and वरून "from", चीन and चिन्ह "sign", जपान and
    जपणे "to keep", किशी and किशिदा), so short names are matched as written."""
    return len(name.replace(" ", "")) >= _MIN


def skeleton(folded: str) -> str:
    """The skeleton of a normalised, case-folded text (same length, same offsets)."""
    return folded.translate(_FOLD)


def _each(form: str, pattern: re.Pattern[str], repl: str) -> list[str]:
    return [form[:m.start()] + m.expand(repl) + form[m.end():] for m in pattern.finditer(form)]


def spellings(name: str, *, japanese: bool = False) -> list[str]:
    """A name's skeleton and its other spellings (one choice each), the skeleton first.
    `name` is a hit as the compiler keys it: normalised, folded, without padding."""
    first = skeleton(name)
    out = [first, first.replace(" ", "")]
    out += [first[:m.start()] + first[m.end():] for m in re.finditer(" ", first)]
    out += _each(first, _DROP_HALANT, "")
    out += _each(first, _ADD_HALANT, _VIRAMA)
    for one, other in _CHOICES:
        for a, b in ((one, other), (other, one)):
            out += [first[:m.start()] + b + first[m.end():]
                    for m in re.finditer(re.escape(a), first)]
    out += [first[:m.start()] + "अ" + _SIGN[m.group(1)] + first[m.end():]
            for m in _CANDRA.finditer(first)]
    # an English o written as ओ or as ऑ, which normalize.py reads as आ (फोर्स / फॉर्स)
    out += _each(first, _O, "\u093e") + _each(first, _SHORT_A, "\u094b")
    out += _each(first, _INITIAL_O, "आ") + _each(first, _INITIAL_AA, "ओ")
    if japanese:
        out += _each(first, _SHORT_A, "")
        out += _each(first, _LONG_A, "\u093e")
    return list(dict.fromkeys(out))[:_MAX]


def merged(hits: list[RawHit]) -> list[RawHit]:
    """One atom's hits from two automata as one walk would leave them: a short name is
    matched as written and its longer forms by their skeletons (अमेरिक, अमेरिकेच्या), so
    a hit inside a longer one goes and two that overlap become one."""
    out: list[RawHit] = []
    for hit in sorted(hits, key=lambda h: (h[START], -h[END])):
        if not out or hit[START] >= out[-1][END]:
            out.append(hit)
        elif hit[END] > out[-1][END]:
            start, _, word, _, atom, written = out[-1]
            out[-1] = (start, hit[END], word, hit[LAST], atom, written)
    return out
