"""Acronyms with other meanings: a text that spells one out as something else means that
thing by it throughout.

"ACSA" is a logistics agreement to the lexicon, and also an airports company and a schools'
association; "RAA" is an access agreement and a motoring club; "JIMEX" a naval exercise and
a machinery fair. A story about the others nearly always says once what it means:
"Airports Company South Africa (ACSA)", "the Japan India Machinery Exhibition, better known
as JIMEX", "ACSA (Association of Collegiate Schools of Architecture)", or names it in full
somewhere else ("called the RAA ... The Royal Automobile Association said"). When those words
share none of the entry's own names, every "ACSA" of that article — headline included — is
the other thing, and no hit of the entry. The names of states do not count as shared: the
fair and the exercise are both "Japan India ...".

Japanese, Hindi and Marathi news gloss the acronym in their own script instead, with the
head noun of what it is: "ACSA（米国大学建築学校協会）", "南アフリカ空港会社（ACSA）",
"ACSAは建築学校でつくる団体で", "ACSA (... विद्यालयों का संघ)". A gloss whose head is a
body (an association, a company, a council, a university) and that holds none of the
entry's own names in that script means the body; a pact is glossed as a pact (協定,
समझौता) and stays the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from bot.rules.evaluate import WRITTEN
from bot.rules.lexicon import Lexicon
from bot.rules.normalize import core, is_acronym, normalize
from bot.rules.scan import ScopeScan
from bot.rules.spellings import spelling_variants

__all__ = ["BODY", "Spelled", "other_meanings", "spelled_out", "without"]

# The capitalised words (and their small linking words) just before "(ACRONYM)": what the
# text says the acronym stands for.
_BEFORE = 80
_LINK = r"of|and|for|the|de|du|on|in"
_WORDS = rf"(?:[A-Z][\w'&.-]*|{_LINK})(?:[ -]+(?:[A-Z][\w'&.-]*|{_LINK}))*"
# what may stand between a long form and its acronym: "Long Form (ACR)", "Long Form, better
# known as ACR", "Long Form, or ACR"; and after it: "ACR (Long Form)", "ACR, short for Long
# Form", "ACR stands for Long Form"
_NAMED_AS = (r"(?:\s*\(|,? (?:better |also |commonly |widely )?known as |, or "
             r"|, abbreviated (?:as )?)")
_EXPANDED = re.compile(
    rf"\s*(?:\(|, short for |,? which stands for | stands for )(?:the )?({_WORDS})")


# The head nouns of a body, in the scripts whose glosses carry no initials: an association,
# a company, a council, a federation, a foundation, a university ... (not 協定, समझौता,
# करार: a pact glossed is the pact)
BODY = ("協会|会社|公社|連盟|連合会|組合|学会|財団|団体|協議会|公団|大学|機構|委員会|組織|法人|"
         "संघ|संगठन|कंपनी|कम्पनी|संस्था|परिषद|निगम|प्राधिकरण|एसोसिएशन|महासंघ|विश्वविद्यालय|"
         "संघटना|महामंडळ|मंडळ|विद्यापीठ|असोसिएशन|"
         # and the English words, written in katakana
         "アソシエーション|カンパニー|ソサエティ|カウンシル|スクール|カレッジ|ユニバーシティ|"
         "インスティテュート|アカデミー|エアポート|コーポレーション|ファウンデーション")
_GLOSS = r"[^()（）\n。।]{1,60}"
# "ACR（gloss）", "gloss（ACR）" (the gloss a run of the script's letters, no space in
# Japanese), and the Japanese "ACR は … 団体で" (ACR is a body that ...)
_GLOSS_AFTER = re.compile(rf"\s*[(（]({_GLOSS})[)）]")
_GLOSS_BEFORE = re.compile(r"([^\s()（）、。,，]{2,30})\s*[(（]\s*$")
_IS_BODY = re.compile(rf"\s*(?:は|とは|＝)[^。、]{{0,30}}?(?:{BODY})(?:で|だ|です|である|。|、)")


@dataclass(frozen=True)
class Spelled:
    """One lexicon acronym and the words of the long forms that are the entry's own."""

    acronym: str
    entity: str
    own: frozenset[str]  # words of the entry's names and aliases, one spelling each
    states: frozenset[str] = frozenset()  # words that name states: they say nothing here
    # whether its long form may stand anywhere in the text (not for a state's own acronym:
    # "the Democratic People's Republic of Korea" is the DPRK)
    anywhere: bool = False
    # the entry's names in the scripts without initials (物品役務相互提供協定): a gloss
    # that holds one is the entry
    scripts: tuple[str, ...] = ()


def spelled_out(lexicon: Lexicon) -> tuple[Spelled, ...]:
    """The acronyms of the lexicon, each with its entry's own long forms (less the words
    that name states, which any long form of a pair's fair or council shares)."""
    states = frozenset(w for entry in lexicon.of_kind("country")
                       for n in (entry.name, *entry.aliases) if len(n.split()) <= 2
                       for w in _words(n))
    out = []
    for entry in lexicon.entries.values():
        names = (entry.name, *entry.aliases)
        own = frozenset(w for n in names if not is_acronym(core(n)) for w in _words(n)
                        if entry.kind == "country" or w not in states)
        scripts = tuple(n for n in names if not n.isascii())
        for acronym in (n for n in (*names, *entry.acronyms) if is_acronym(core(n))):
            out.append(Spelled(core(acronym), entry.id, own, states,
                               anywhere=entry.kind != "country", scripts=scripts))
    return tuple(out)


def _words(text: str) -> set[str]:
    """The words of a long form that say what it is (not "of", "and"), one spelling each
    ("Defence" and "Defense" are one word)."""
    return {min(spelling_variants(w)) for w in normalize(text).folded.split() if len(w) > 3}


def _initials(acronym: str) -> re.Pattern[str] | None:
    """Capitalised words whose initials are the acronym's letters, small linking words
    between them allowed ("Royal Automobile Association" for RAA)."""
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) < 3:
        return None
    gap = rf"(?:[ -]+(?:{_LINK}))*[ -]+"
    return re.compile(r"\b" + gap.join(rf"{c.upper()}[a-z][\w'&.]*" for c in letters)
                      + r"\b(?![ -]+[A-Z])")


def _whole_names(text: str, initials: re.Pattern[str]) -> list[str]:
    """The matches of `initials` that are a whole name: no capitalised word goes on
    before or after them ("Royal Australian Air Force" is no RAA; "The" may open one)."""
    out = []
    for m in initials.finditer(text):
        before = re.search(r"(\S+)[ -]+$", text[max(0, m.start() - 30):m.start()])
        if before is None or not before.group(1)[0].isupper() or before.group(1) == "The":
            out.append(m.group())
    return out


def _long_forms(text: str, acronym: str, anywhere: bool = True) -> list[str]:
    """What the text says the acronym stands for, wherever it says so: next to it, or
    anywhere as capitalised words with its initials ("call the RAA ... The Royal
    Automobile Association said")."""
    initials = _initials(acronym) if anywhere else None
    out = _whole_names(text, initials) if initials else []
    for at in (m.start() for m in re.finditer(rf"\b{re.escape(acronym)}\b", text)):
        before = re.search(rf"({_WORDS}){_NAMED_AS}$", text[max(0, at - _BEFORE):at])
        if before:
            out.append(before.group(1))
        after = _EXPANDED.match(text, at + len(acronym))
        if after:
            out.append(after.group(1))
    return out


def _spells(form: str, acronym: str) -> bool:
    """Whether the letters of the acronym run through the long form in order, the first
    starting one of its words ("Japan India Machinery Exhibition" spells JIMEX; "in
    Tokyo" spells no ACSA)."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    if not letters or not any(w[:1].lower() == letters[0] for w in form.split()):
        return False
    rest = iter(form.lower())
    return all(c in rest for c in letters)


def _glossed_as_body(text: str, spelled: Spelled) -> bool:
    """Whether the acronym stands beside a gloss in a script without initials that names
    a body and none of the entry's own names ("ACSA（米国大学建築学校協会）")."""
    if not spelled.anywhere or text.isascii():
        return False
    for m in re.finditer(rf"(?<![A-Za-z]){re.escape(spelled.acronym)}(?![A-Za-z])", text):
        glosses = [g.group(1) for g in (_GLOSS_AFTER.match(text, m.end()),
                                        _GLOSS_BEFORE.search(text, max(0, m.start() - 32),
                                                             m.start())) if g]
        said = _IS_BODY.match(text, m.end())
        if said:
            glosses.append(said.group())
        for gloss in glosses:
            if (not gloss.isascii() and re.search(BODY, gloss)
                    and not any(name in gloss for name in spelled.scripts)):
                return True
    return False


def _means_other(text: str, spelled: Spelled) -> bool:
    """Whether text spells the acronym out, and as none of the entry's names."""
    if _glossed_as_body(text, spelled):
        return True
    for form in _long_forms(text, spelled.acronym, spelled.anywhere):
        words = _words(form) - spelled.states
        # a long form that shares a word with the entry's own is the entry, however
        # written ("... Agreement for Geo-spatial Cooperation (BECA)")
        if words and not words & spelled.own and _spells(form, spelled.acronym):
            return True
    return False


def other_meanings(texts: Iterable[str], acronyms: Iterable[Spelled]) -> dict[str, str]:
    """acronym → entity id, for each acronym the texts spell out as something else."""
    joined = "\n".join(texts)
    return {s.acronym: s.entity for s in acronyms
            if s.acronym in joined and _means_other(joined, s)}


def without(found: ScopeScan, atoms: Mapping[int, frozenset[str]]) -> ScopeScan:
    """The scan without the hits of these atoms written as these acronyms."""
    by_atom = {}
    for atom, hits in found.by_atom.items():
        gone = atoms.get(atom)
        # "JIMEX 2025" is JIMEX with its year; "Jimex" an alias that meets it in any case
        kept = (hits if gone is None
                else [h for h in hits if core(h[WRITTEN]).split(" ")[0].upper() not in gone])
        if kept:
            by_atom[atom] = kept
    return replace(found, by_atom=by_atom, present=frozenset(by_atom), cache={},
                   _originals={})
