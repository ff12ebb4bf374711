"""Acronyms with other meanings: a text that spells one out as something else means that
thing by it throughout.

"ACSA" is a logistics agreement to the lexicon, and also an airports company and a schools'
association; "RAA" is an access agreement and a motoring club. A story about the others
nearly always says once what it means: "Airports Company South Africa (ACSA)". When the
words before "(ACSA)" are none of the entry's own names, every "ACSA" of that article —
headline included — is the other thing, and no hit of the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from bot.rules.evaluate import WRITTEN
from bot.rules.lexicon import Lexicon
from bot.rules.normalize import core, is_acronym, normalize, spelling_variants
from bot.rules.scan import ScopeScan

__all__ = ["Spelled", "other_meanings", "spelled_out", "without"]

# The capitalised words (and their small linking words) just before "(ACRONYM)": what the
# text says the acronym stands for.
_BEFORE = 80
_LONG_FORM = re.compile(r"((?:[A-Z][\w'&.-]*|of|and|for|the|de|du|on|in)"
                        r"(?:[ -]+(?:[A-Z][\w'&.-]*|of|and|for|the|de|du|on|in))*)\s*$")


@dataclass(frozen=True)
class Spelled:
    """One lexicon acronym and the words of the long forms that are the entry's own."""

    acronym: str
    entity: str
    own: frozenset[str]  # words of the entry's names and aliases, one spelling each


def spelled_out(lexicon: Lexicon) -> tuple[Spelled, ...]:
    """The acronyms of the lexicon, each with its entry's own long forms."""
    out = []
    for entry in lexicon.entries.values():
        names = (entry.name, *entry.aliases)
        own = frozenset(w for n in names if not is_acronym(core(n)) for w in _words(n))
        for acronym in (n for n in (*names, *entry.acronyms) if is_acronym(core(n))):
            out.append(Spelled(core(acronym), entry.id, own))
    return tuple(out)


def _words(text: str) -> set[str]:
    """The words of a long form that say what it is (not "of", "and"), one spelling each
    ("Defence" and "Defense" are one word)."""
    return {min(spelling_variants(w)) for w in normalize(text).folded.split() if len(w) > 3}


def _means_other(text: str, spelled: Spelled) -> bool:
    """Whether text spells the acronym out, and as none of the entry's names."""
    marker = f"({spelled.acronym})"
    at = text.find(marker)
    while at >= 0:
        m = _LONG_FORM.search(text, max(0, at - _BEFORE), at)
        # a long form that shares a word with the entry's own is the entry, however
        # written ("... Agreement for Geo-spatial Cooperation (BECA)")
        if (m and any(word[:1].isupper() for word in m.group(1).split())
                and not _words(m.group(1)) & spelled.own):
            return True
        at = text.find(marker, at + 1)
    return False


def other_meanings(texts: Iterable[str], acronyms: Iterable[Spelled]) -> dict[str, str]:
    """acronym → entity id, for each acronym the texts spell out as something else."""
    joined = "\n".join(texts)
    return {s.acronym: s.entity for s in acronyms
            if f"({s.acronym})" in joined and _means_other(joined, s)}


def without(found: ScopeScan, atoms: Mapping[int, frozenset[str]]) -> ScopeScan:
    """The scan without the hits of these atoms written as these acronyms."""
    by_atom = {}
    for atom, hits in found.by_atom.items():
        gone = atoms.get(atom)
        kept = hits if gone is None else [h for h in hits if core(h[WRITTEN]) not in gone]
        if kept:
            by_atom[atom] = kept
    return replace(found, by_atom=by_atom, present=frozenset(by_atom), cache={},
                   _originals={})
