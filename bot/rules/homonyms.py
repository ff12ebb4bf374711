"""Names of exercises and agreements that an article uses for something else: a text that
says its "Keen Sword" is a knife brand, or its मालाबार the region, means that thing by the
name throughout.

An exercise's name is often a brand's, a firm's, a train's or a place's too: "Keen Sword"
is also a kitchen knife, "AustraHind Journeys" a travel firm, Malabar the coast of Kerala.
The lexicon's `not:` masks the look-alike phrase where it stands ("Malabar region"); the
same story then says "relief reaches Malabar" or "AustraHind 2025: the firm's new season"
in its headline, where no mask reaches. A story about the other thing nearly always says
once what it means: it writes a look-alike of the entry ("the Malabar region",
मालाबार क्षेत्र), calls the name a brand, a firm, a band or a place ("Keen Sword is a small
knife brand", "AustraHind, a travel company"), or writes it as a firm's name ("AustraHind
Journeys", "Keen Sword Knives", कीन स्वॉर्ड ब्रांड, キーン・ソードという包丁). Then every hit of
the entry in that article, headline included, is that other thing and no hit of the entry
(as acronyms.py does for an acronym the text spells out as something else). A story about
the exercise that names the other thing in passing ("the sailors ate Malabar biryani")
rarely does; the rules accept that loss for the stories of the brand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from bot.rules.acronyms import BODY
from bot.rules.lexicon import Lexicon
from bot.rules.normalize import is_acronym, normalize
from bot.rules.scan import ScopeScan

__all__ = ["Homonym", "homonyms", "other_things", "without_atoms"]

# what a name may be called when it is not the exercise or the pact ("X is a knife brand",
# "X, a travel company", "a band called X")
_KIND = (r"(?:brands?|company|companies|business|startup|restaurant|cafe|band|novel|film|"
         r"movie|book|album|song|label|shop|store|hotel|resort|app|product|knife|knives|"
         r"village|town|region|district|coast|agency|club|festival|beer|wine|horse|"
         r"perfume|school|(?<!war )(?<!board )game|board game|video game)"
         r"(?![\w-])(?! (?:level|commander|of (?:soldiers|troops)))")
# a firm's name: the word written after the exercise's ("AustraHind Journeys")
_FIRM = (r"Journeys|Travels?|Tours|Holidays|Ltd|Limited|Inc|Pvt|LLC|Knives|Cutlery|"
         r"Restaurants?|Cafe|Hotels?|Resorts?|Foods|Brewery|Brewing|Records|Films|Studios|"
         r"Academy|Cements|Textiles|Jewellers|Jewelers|Apparel|Outfitters")
# Hindi and Marathi: "X नाम की कंपनी", "X नावाची कंपनी", "X ब्रांड", "X ट्रॅव्हल्स"
_KIND_DEVANAGARI = (r"(?:नाम (?:की|का|के)|नामक|नावाच(?:ी|ा|े|्या)) |"
                    r"(?:ब्रांड|ब्रँड|कंपनी|कंपन्या|ट्रैवल्स|ट्रॅव्हल्स|टूर्स|रेस्टोरेंट|"
                    r"रेस्टॉरंट|होटल|हॉटेल|चाकू|सुरी)")
# Japanese: "X という包丁", "X ブランド", "X 社"
_KIND_CJK = r"\s*(?:という|ブランド|社(?!会)|株式会社|ツアー|旅行会社|包丁|ナイフ)"
# what a body is called: "ACSA, the body that ...", "... airports operator"
_BODIES = (r"body|association|operator|council|society|federation|institute|university|"
           r"college|authority|corporation|organisation|organization|company|firm|club|"
           r"schools?|academy|foundation")
# a body's noun just before its name (... की संस्था एसीएसए; not कंपनी, also an army's
# company: "एक कंपनी युद्ध अभ्यास में")
_BODIES_DEVANAGARI = (r"संस्था|संघटना|संगठन|एसोसिएशन|असोसिएशन|परिषद|निगम|प्राधिकरण|महासंघ|"
                      r"महामंडळ")
# a gloss in brackets after the name that says it is a body ("एसीएसए (... विद्यालयों का
# संघ)", "... (... संघटना)"), as acronyms.py reads one after a Latin acronym
_GLOSSED = (rf"\s*[(（](?:[^()（）\n]{{0,60}}?(?:{BODY})[^()（）\n]{{0,12}}"
            # or in English, a name whose words include a body's ("एसीएसए (Association of
            # Collegiate Schools ...)"; not "(at the Infantry School)": a capital first)
            r"|(?-i:(?:The )?[A-Z][\w'&.-]*(?: (?:of|and|for|the|[A-Z][\w'&.-]*)){0,8}? "
            r"(?:Association|Company|Council|Society|University|College|Schools?|Institute|"
            r"Academy|Corporation|Authority|Federation|Foundation|League|Club)\b[^()（）\n]{0,60}"
            r"|(?:Association|Company|Council|Society|University|College|Institute|Academy|"
            r"Corporation|Authority|Federation|Foundation|League)\b[^()（）\n]{0,60}))[)）]")


@dataclass(frozen=True)
class Homonym:
    """One exercise or agreement: how an article says its name means something else."""

    entity: str
    masks: tuple[str, ...]  # the entry's look-alikes, folded
    # the name called a brand, a firm, a place: a regular expression (IGNORECASE), kept as
    # its source and compiled when a page first uses the name (`called`). Compiled, the 51
    # of the lexicon were compiled again each time a rule set was unpickled (~0.15 s of
    # CPU in the service's start and in each worker's), though few pages ever ask.
    pattern: str

    @property
    def called(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


def homonyms(lexicon: Lexicon) -> tuple[Homonym, ...]:
    """The exercises and agreements of the lexicon, each with the ways a text says its
    name is something else."""
    out = []
    for entry in lexicon.entries.values():
        if entry.kind not in ("exercise", "agreement"):
            continue
        names = [n for n in (entry.name, *entry.aliases) if not is_acronym(n)]
        acronyms = [n for n in (entry.name, *entry.aliases, *entry.acronyms) if is_acronym(n)]
        if not names:
            continue
        name = "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"
        # the acronyms too, written in capitals only, for the bodies below
        every = "(?:" + "|".join([*(re.escape(n) for n in sorted(names, key=len, reverse=True)),
                                  *(f"(?-i:{re.escape(a)})" for a in acronyms)]) + ")"
        called = (
            rf"\b{name}(?: \d{{2,4}})?,? (?:is|was) (?:also )?an? (?:[\w'-]+ ){{0,4}}?"
            rf"(?:{_KIND})\b"
            # "X, a travel company"; a headline's "X: a board game for the family"
            rf"|\b{name}(?: \d{{2,4}})?[,:] an? (?:[\w'-]+ ){{0,4}}?(?:{_KIND})\b"
            rf"|\b{name},? the (?:{_KIND})\b"
            rf"|\ban? (?:{_KIND}) (?:called|named) {name}\b"
            rf"|(?-i:\b{name} (?:{_FIRM})\b)"
            rf"|{name} (?:{_KIND_DEVANAGARI})|{name}{_KIND_CJK}|{name}{_GLOSSED}"
            # a body, by name or acronym: "ACSA, the body that represents ...", "ACSA,
            # South Africa's airports operator", "ACSA, which accredits ...", "ACSA ... The
            # association, which ...", 建築系大学でつくるACSA, ... की संस्था एसीएसए,
            # ... संघटना असलेल्या एसीएसएने
            rf"|\b{every}, (?:the |an? )?(?:[\w'-]+ ){{0,5}}?(?:{_BODIES})\b"
            rf"|\b{every},? which (?:represents|accredits|operates)\b"
            + (rf"|(?-i:\b(?:{'|'.join(map(re.escape, acronyms))})\b)[^\n]{{0,300}}?[.!?]\s+"
               rf"(?-i:The) (?:{_BODIES})(?:,| said\b| says\b| which\b)" if acronyms else "")
            + rf"|(?:でつくる|の団体|団体の|協会の|会社の)\s*{every}"
            rf"|(?:{_BODIES_DEVANAGARI}) (?:(?:असलेल्या|असलेली|असलेला) )?{every}")
        out.append(Homonym(entry.id, tuple(normalize(m).folded for m in entry.masks), called))
    return tuple(out)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def other_things(texts: Iterable[str], known: Iterable[Homonym]) -> list[str]:
    """The entities whose names the texts use for something else."""
    joined = "\n".join(texts)
    folded = normalize(joined).folded
    return [n.entity for n in known
            if any(_has(folded, m) for m in n.masks) or n.called.search(joined)]


def _has(folded: str, phrase: str) -> bool:
    """Whether a folded look-alike stands in the folded text as whole words (a Japanese or
    Devanagari one anywhere, as their terms match)."""
    if not phrase:
        return False
    if not phrase.isascii():
        return phrase in folded
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded) is not None


def without_atoms(found: ScopeScan, atoms: frozenset[int]) -> ScopeScan:
    """The scan without any hit of these atoms."""
    by_atom = {atom: hits for atom, hits in found.by_atom.items() if atom not in atoms}
    return replace(found, by_atom=by_atom, present=frozenset(by_atom), cache={},
                   _originals={})
