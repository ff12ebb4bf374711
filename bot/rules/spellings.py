"""The spellings of one term that writers use one for another, so that a rule's term
meets each of them in a text.

* English: British and American spellings (defence/defense, -ise/-ize, co-operation).
* Hindi and Marathi: the z and f of foreign names with or without the nukta (कोइज़ुमी /
  कोइजुमी), and a nasal before a consonant written as the anusvara or as the half nasal
  of that consonant's class (संबंध / सम्बन्ध, मंत्री / मन्त्री, हिंद / हिन्द); Marathi
  plurals of nouns in -ī (स्वाक्षरी / स्वाक्षऱ्या) and obliques of nouns in -ā (सुरक्षा /
  सुरक्षेच्या); two words written either way (संरक्षण / सरंक्षण, समझौता / समझोता); an
  initialism's letters run together or written apart (आयएनएस / आय.एन.एस.).
* Japanese: katakana names with or without the middle dot (キーン・ソード / キーンソード)
  and with or without a long-vowel mark (マラバール / マラバル).

The text itself is not rewritten: bot/rules/normalize.py folds what maps one character
to one (ँ/ं), and a term gets its variants here, when the rules are compiled.
"""

from __future__ import annotations

import re
from itertools import islice, product

from bot.rules.loans import loan_forms

__all__ = ["LETTER_NAMES", "in_letters", "spelling_variants"]

_WORD_VARIANTS: dict[str, tuple[str, ...]] = {}


def _pair(*spellings: str) -> None:
    for s in spellings:
        _WORD_VARIANTS[s] = tuple(x for x in spellings if x != s)


for _british, _american in [
    ("defence", "defense"), ("defences", "defenses"), ("offence", "offense"),
    ("offences", "offenses"), ("programme", "program"), ("programmes", "programs"),
    ("centre", "center"), ("centres", "centers"), ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"), ("honour", "honor"), ("harbour", "harbor"),
    ("harbours", "harbors"), ("armour", "armor"), ("armoured", "armored"),
    ("labour", "labor"), ("favour", "favor"), ("neighbour", "neighbor"),
    ("neighbours", "neighbors"), ("neighbouring", "neighboring"), ("endeavour", "endeavor"),
    ("dialogue", "dialog"), ("dialogues", "dialogs"), ("catalogue", "catalog"),
    ("licence", "license"), ("travelled", "traveled"), ("cancelled", "canceled"),
    ("aeroplane", "airplane"), ("aeroplanes", "airplanes"), ("grey", "gray"),
    ("sceptical", "skeptical"), ("jewellery", "jewelry"), ("practise", "practice"),
]:
    _pair(_british, _american)
_PHRASES = (("co operation", "cooperation"), ("co operate", "cooperate"),
            ("co operative", "cooperative"))
for _joined, _split in ((b, a) for a, b in _PHRASES):
    _pair(_joined, _split)
_SUFFIXES = (("isation", "ization"), ("isations", "izations"), ("ised", "ized"),
             ("ising", "izing"), ("ise", "ize"), ("ises", "izes"))
_MAX_VARIANTS = 32


def _word_variants(word: str) -> tuple[str, ...]:
    found = [word, *_WORD_VARIANTS.get(word, ())]
    if len(word) >= 6:
        for brit, amer in _SUFFIXES:
            for a, b in ((brit, amer), (amer, brit)):
                if word.endswith(a):
                    found.append(word[: -len(a)] + b)
    return tuple(dict.fromkeys(found))


# Hindi and Marathi write the z and f of foreign names with a nukta or without it
# (कोइज़ुमी / कोइजुमी, क्रिस्टोफ़र / क्रिस्टोफर); ड़ and ढ़ are letters of their own.
_NUKTA = "\u093c"
_NUKTA_BASES = "जफ"
_MAX_NUKTA_VARIANTS = 8


def _nukta_variants(term: str) -> list[str]:
    """The term with and without the nukta on each ज and फ (the term itself first)."""
    bare = "".join(ch for i, ch in enumerate(term)
                   if not (ch == _NUKTA and i and term[i - 1] in _NUKTA_BASES))
    sites = [i for i, ch in enumerate(bare) if ch in _NUKTA_BASES]
    if not sites:
        return [term]
    out = [term]
    for marks in islice(product((False, True), repeat=len(sites)), _MAX_NUKTA_VARIANTS):
        chars = list(bare)
        for i, mark in zip(reversed(sites), reversed(marks), strict=True):
            if mark:
                chars.insert(i + 1, _NUKTA)
        out.append("".join(chars))
    return list(dict.fromkeys(out))


_VIRAMA = "\u094d"
_ANUSVARA = "\u0902"
# the nasal of each class of stops: an anusvara before one of them is read as that nasal
_CLASS_NASAL = dict.fromkeys("कखगघ", "ङ") | dict.fromkeys("चछजझ", "ञ") \
    | dict.fromkeys("टठडढ", "ण") | dict.fromkeys("तथदध", "न") | dict.fromkeys("पफबभ", "म")
_STOPS = "".join(_CLASS_NASAL)
_BEFORE_STOP = re.compile(f"{_ANUSVARA}(?=[{_STOPS}])")
_HALF_NASAL = re.compile(f"([ङञणनम]){_VIRAMA}(?=([{_STOPS}]))")


def _nasal_variants(term: str) -> list[str]:
    """The term with every nasal before a stop as the anusvara, and as a half nasal."""
    dotted = _HALF_NASAL.sub(
        lambda m: _ANUSVARA if _CLASS_NASAL[m.group(2)] == m.group(1) else m.group(0), term)
    half = _BEFORE_STOP.sub(lambda m: _CLASS_NASAL[dotted[m.end()]] + _VIRAMA, dotted)
    return list(dict.fromkeys((term, dotted, half)))


_KATAKANA = "\u30a1-\u30fa"
_DOT = re.compile(f"(?<=[{_KATAKANA}\u30fc]) (?=[{_KATAKANA}])")
_LONG = re.compile(f"(?<=[{_KATAKANA}])\u30fc")
_MIN_KANA = 4  # a shorter name without its long vowel is another word (ヨーク, ヨク)


# Sounds of foreign names that katakana writes two ways: v as ヴ or as b (ヴァルナ /
# バルナ), ti and di as ティ, ディ or as チ, ジ (マティス / マチス), we and wo small or
# full (クウェート / クウエート), du as ドゥ or ド, a long e as ー or イ (セーバー / セイバー)
_KANA_PAIRS = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"),
               ("ティ", "チ"), ("ディ", "ジ"), ("ウェ", "ウエ"), ("ウィ", "ウイ"),
               ("ウォ", "ウオ"), ("ドゥ", "ド"),
               *((f"{e}ー", f"{e}イ") for e in "エケセテネヘメレゲゼデベペ"))
_MIN_SWAPPED = 3  # kana: a shorter name's other spelling is another word (モディ, モジ)


def _kana_variants(term: str) -> list[str]:
    """The term without the dot (a space once normalised) between katakana words, and
    without its long-vowel marks when that leaves a name long enough; and each of the
    sounds above spelt the other way (every occurrence at once)."""
    joined = _DOT.sub("", term)
    out = [term, joined]
    for form in (term, joined):
        short = _LONG.sub("", form)
        if len(short.replace(" ", "")) >= _MIN_KANA:
            out.append(short)
    for form in list(out):
        for pair in _KANA_PAIRS:
            for a, b in (pair, pair[::-1]):
                swapped = form.replace(a, b)
                if swapped != form and len(re.findall(f"[{_KATAKANA}]", swapped)) >= _MIN_SWAPPED:
                    out.append(swapped)
    return list(dict.fromkeys(out))[:_MAX_VARIANTS]


# Marathi nouns change their last vowel before an ending, so the form in a text does not
# start with the term; a term matches at a word's start (bot/rules/compile.py), so the
# stem meets every form. Nouns in -ī write their plural and oblique in -्या (स्वाक्षरी →
# स्वाक्षऱ्या केल्या, पाणबुडी → पाणबुड्यांच्या, मंत्री → मंत्र्यांनी); nouns in -ā their
# oblique in -े (सुरक्षा → सागरी सुरक्षेसाठी, नौसेना → नौसेनेच्या, चर्चा → चर्चेत; Hindi
# keeps -ā there). Words this short (की, का) are particles, not nouns.
_II, _YAA = "\u0940", "\u094d\u092f\u093e"
_AA, _E = "\u093e", "\u0947"
_MIN_NOUN = 3


def _stem_variants(term: str) -> list[str]:
    """The term, and the term with its last word's Marathi plural or oblique stem."""
    head, last = term[:term.rfind(" ") + 1], term[term.rfind(" ") + 1:]
    if len(last) < _MIN_NOUN or not "\u0915" <= last[-2] <= "\u0939":
        return [term]  # short, or no consonant before the last vowel
    if last.endswith(_AA):
        return [term, head + last[:-1] + _E]
    if not last.endswith(_II):
        return [term]
    # the eyelash ऱ after a vowel (स्वाक्षऱ्या) reads as the plain र (bot/rules/normalize.py
    # folds the two), as in a conjunct (मंत्र्यांनी)
    return [term, head + last[:-2] + last[-2] + _YAA]


# Words Hindi and Marathi writers spell two ways, either of which a reader meets: the
# anusvara of संरक्षण slipped a letter on (सरंक्षण, a misprint outlets print often), and
# the Hindi समझौता that Marathi writes समझोता. A term with one spelling inside any of its
# words gets the other.
_EITHER_WAY = (("संरक्षण", "सरंक्षण"), ("समझौत", "समझोत"))


def _either_way(term: str) -> list[str]:
    out = [term]
    for one, other in _EITHER_WAY:
        out += [form.replace(a, b) for form in out for a, b in ((one, other), (other, one))
                if a in form]
    return list(dict.fromkeys(out))


# An initialism in Devanagari is its letters' names run together (आयएनएस, यूएसएस, एचएमएएस)
# or written apart, with dots that normalising reads as spaces (आय.एन.एस., यू. एस. एस.)
LETTER_NAMES = ("ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आय", "आई", "जे", "के",
                "एल", "एम", "एन", "ओ", "पी", "क्यू", "आर", "एस", "टी", "यू", "व्ही", "वी",
                "डब्ल्यू", "एक्स", "वाय", "वाई", "झेड", "जेड")


def _letters(word: str) -> list[str] | None:
    """The word as letters' names, when it is nothing else (None otherwise)."""
    if not word:
        return []
    for name in LETTER_NAMES:
        if word.startswith(name) and (rest := _letters(word[len(name):])) is not None:
            return [name, *rest]
    return None


def in_letters(text: str) -> bool:
    """Whether a Devanagari text is an initialism: letters' names only, two at least."""
    found = [_letters(w) for w in text.split(" ")]
    return all(f is not None for f in found) and sum(len(f or ()) for f in found) > 1


def _spelt_apart(term: str) -> list[str]:
    """The term with each of its initialisms written letter by letter (आय एन एस)."""
    words = [" ".join(found) if (found := _letters(w)) and len(found) > 1 else w
             for w in term.split(" ")]
    return [term, " ".join(words)]


def _devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


# The candra a of English loans (ॲग्रीमेंट, ॲडमिरल) is also typed as the letter a with the
# candra e sign (अ‍ॅग्रीमेंट, अॅडमिरल), which folds to अे where ॲ folds to ए
# (bot/rules/normalize.py): a word of a term that starts with ए starts with अे too.
_CANDRA_A = re.compile("(?:(?<= )|^)\u090f")


def _candra_a(term: str) -> list[str]:
    return [term, _CANDRA_A.sub("\u0905\u0947", term)] if _CANDRA_A.search(term) else [term]


def _devanagari_spellings(term: str) -> list[str]:
    forms = [v for e in _either_way(term) for w in _candra_a(e) for n in _nukta_variants(w)
             for v in _nasal_variants(n)]
    forms = [apart for form in forms for apart in _spelt_apart(form)]
    forms = [p for form in forms for p in _stem_variants(form)]
    return list(dict.fromkeys(forms))[:_MAX_VARIANTS]


def spelling_variants(folded_core: str, *, loans: int = 0) -> list[str]:
    """The spellings of a case-folded, normalised term, the term itself first; in
    Devanagari, then up to `loans` forms with the loans writers use for its words
    (bot/rules/loans.py), which the matcher meets as the term's (a term's identity is
    its own spellings')."""
    if _devanagari(folded_core):
        forms = _devanagari_spellings(folded_core)
        if loans:
            forms += [p for form in loan_forms(folded_core, loans) for p in _stem_variants(form)]
        return list(dict.fromkeys(forms))
    if re.search(f"[{_KATAKANA}]", folded_core):
        return _kana_variants(folded_core)
    padded = f" {folded_core} "
    starts = [folded_core] + [padded.replace(f" {a} ", f" {b} ").strip()
                              for a, b in _PHRASES if f" {a} " in padded]
    out: list[str] = []
    for start in starts:
        combos = product(*(_word_variants(w) for w in start.split(" ")))
        out.extend(" ".join(combo) for combo in islice(combos, _MAX_VARIANTS))
    return list(dict.fromkeys(out))[:_MAX_VARIANTS]
