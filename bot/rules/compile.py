"""Compiling rule specs and the lexicon into Aho–Corasick automata.

Every term of every rule and every lexicon alias becomes one or more *keys* (spelling
variants, year suffixes), all in one case-folded automaton; an acronym's key is folded
too, and its hits are kept only where the text has it in the same case. A key stands for
*targets*: an *atom* (a lexicon entity, or a literal term shared by all rules that wrote
it) plus how much of the key is padding. Rules refer to atoms through their groups, so
one scan of an article serves every rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.errors import RuleProblem
from bot.models import EntityKind
from bot.rules.evaluate import holds_on_nothing
from bot.rules.expr import supporting
from bot.rules.keys import Keys
from bot.rules.lexicon import KINDS, Lexicon, LexiconEntry
from bot.rules.loans import MAX_FORMS, loan_forms
from bot.rules.needs import needed
from bot.rules.normalize import core, is_acronym, open_ended, unspaced
from bot.rules.problems import did_you_mean
from bot.rules.schema import RuleSpec
from bot.rules.shared import Lookalikes
from bot.rules.spellings import spelling_variants
from bot.rules.stems import name_stem, vowel_lengths
from bot.rules.terms import TermSpec

__all__ = ["Atom", "Compiled", "CompiledRule", "check_refs", "compile_rules"]

_DIGITS = "0123456789"
# a numbered name also counts when the words after it say it is an exercise ("the Iron
# Fist drills", "Iron Fist, a drill that ..."): the idiom ("with an iron fist") has none
_EXERCISE_AFTER = ("exercise", "exercises", "drill", "drills", "training", "war games",
                   "a drill", "an exercise", "the drill", "the exercise", "the annual")
# and in Hindi and Marathi, whatever ending follows (वरुणा सरावाला, तरकश अभ्यास में)
_EXERCISE_AFTER_DEVANAGARI = ("सराव", "अभ्यास", "युद्धाभ्यास", "युद्धसराव", "कवायत", "नौसैनिक अभ्यास",
    "नौदल सराव", "हवाई सराव", "संयुक्त सराव", "संयुक्त अभ्यास", "एक्सरसाइज", "एक्सरसाईज")
# "a summit in Tokyo" names where, not who: a state hosting a meeting is not thereby a
# party to it ("Tokyo protested" still counts)
_VENUE = ("in", "at", "in a", "at a", "in an", "at an", "in the", "at the")
# the same after the name in Hindi and Marathi (नई दिल्ली में, कॅनबेरा येथे, दिल्लीत,
# टोकियोमध्ये, दिल्लीतील) and Japanese (ワシントンで, ニューデリーにおいて)
_VENUE_DEVANAGARI = (" में", " येथे", " येथील", "मध्ये", "मधील", "त", "ात")
_VENUE_CJK = ("で", "において", "にて")
# a capital's name is also its university's, its government's, its broadcaster's or its
# club's ("the University of Tokyo", "Tokyo Governor", "New Delhi Television", "Canberra
# Raiders", वॉशिंग्टन विद्यापीठ, टोक्यो विश्वविद्यालय, ワシントン大学): no party either
_INSTITUTION_BEFORE = ("University of", "Governor of", "Mayor of", "College of")
_INSTITUTION_AFTER = ("University", "College", "Institute", "Governor", "Metropolitan",
                      "Metro", "Police", "Marathon", "Stock Exchange", "Television",
                      "Broadcasting", "Raiders", "Zoo", "Medical")
_INSTITUTION_DEVANAGARI = (" विश्वविद्यालय", " यूनिवर्सिटी", " युनिव्हर्सिटी", " विद्यापीठ",
                           " राज्य", " प्रांत", " मेट्रो", " पुलिस", " पोलीस", " मैराथन",
                           " मॅरेथॉन", " महानगरपालिका")
_INSTITUTION_CJK = ("大学", "州", "都知事", "都庁")
_KIND_NAMES: dict[str, EntityKind] = {k: k for k in KINDS.values()}


@dataclass(frozen=True)
class Atom:
    """Something whose occurrences are counted: a lexicon entity or a literal term."""

    label: str  # "@japan" or the term as first written
    entity: str | None = None
    kind: EntityKind | None = None
    name: str = ""  # canonical name of an entity
    country: str | None = None  # the state a country or a person stands for


@dataclass(frozen=True)
class CompiledRule:
    index: int
    spec: RuleSpec
    groups: tuple[str, ...]  # group names; the exclude list is group number len(groups)
    visible: tuple[str, ...]  # scopes a bare group name looks at ("lead" only if no "text")
    always: bool  # require holds for an article with no hits: evaluate every article
    index_of: dict[str, int]  # group name → number
    atoms: tuple[frozenset[int], ...]  # per group number (exclude last): the atoms in it
    needs: tuple[frozenset[int], ...]  # atom sets of which one must be found, or no match
    evidence: tuple[int, ...]  # numbers of the groups whose hits support a match (not guards)

    @property
    def exclude_group(self) -> int:
        return len(self.groups)


def _institutions(city: str) -> list[str]:
    """The names of the institutions a city's name is part of, in the city's script."""
    if unspaced(city[0]):
        return [f"{city}{word}" for word in _INSTITUTION_CJK]
    if "\u0900" <= city[0] <= "\u097f":
        return [f"{city}{word}" for word in _INSTITUTION_DEVANAGARI]
    return ([f"{word} {city}" for word in _INSTITUTION_BEFORE]
            + [f"{city} {word}" for word in _INSTITUTION_AFTER])


def _literal_key(text: str) -> tuple[bool, str]:
    cased = is_acronym(text)
    base = core(text)
    return (cased, base if cased else min(spelling_variants(base.lower())))


class _Builder:
    def __init__(self) -> None:
        self.keys = Keys()
        self.atoms: list[Atom] = []
        self.literal_atoms: dict[tuple[bool, str], int] = {}
        self.shorts: list[tuple[int, int]] = []  # (atom of the surnames, the person's atom)
        self.hosts: dict[int, frozenset[str]] = {}  # who holds an exercise; 3+: a group
        self.patterns = 0

    def named(self, i: int) -> bool | None:
        """None for an atom that is no lexicon name, else whether the name is Japanese."""
        i = dict(self.shorts).get(i, i)  # a surname is its person's
        if self.atoms[i].entity is None:
            return None
        return self.atoms[i].country == "japan" or "japan" in self.hosts.get(i, ())

    def atom(self, atom: Atom) -> int:
        self.atoms.append(atom)
        return len(self.atoms) - 1

    def add(self, text: str, atom: int, *, cased: bool, mask: bool = False,
            glued: bool = False, numbered: bool = False, loans: int = 0) -> None:
        """`loans`: how many forms of a group's term or look-alike in the loans writers
        use for its Devanagari words (bot/rules/loans.py) are met too; a lexicon name is
        met as written."""
        base = core(text)
        bases = [base] if cased else spelling_variants(base.lower(), loans=loans)
        for b in bases:
            exact = b if cased else ""
            k = b.lower()
            lpad, rpad = int(not unspaced(b[0])), int(not open_ended(b[-1]))
            if any(unspaced(c) for c in b):
                # a Japanese term beginning or ending with a digit runs on: 日印2プラス2を開催
                lpad, rpad = lpad * (not b[0].isdigit()), rpad * (not b[-1].isdigit())
            left = " " * lpad
            if numbered:  # "Bright Star 2023", "Bright Star-23": only with a number after
                for d in _DIGITS:
                    self.keys.add(f"{left}{k} {d}", atom, text, mask=mask, lskip=lpad, rskip=2,
                                  exact=exact)
                    self.keys.add(f"{left}{k}{d}", atom, text, mask=mask, lskip=lpad, rskip=1,
                                  exact=exact)
                for after in _EXERCISE_AFTER:
                    self.keys.add(f"{left}{k} {after} ", atom, text, mask=mask, lskip=lpad,
                                  rskip=len(after) + 2, exact=exact)
                if "\u0900" <= k[0] <= "\u097f":
                    for after in _EXERCISE_AFTER_DEVANAGARI:
                        self.keys.add(f"{left}{k} {after}", atom, text, mask=mask, lskip=lpad,
                                      rskip=len(after) + 1, exact=exact)
                continue
            self.keys.add(left + k + " " * rpad, atom, text, mask=mask, lskip=lpad, rskip=rpad,
                          exact=exact)
            if glued and rpad and b[-1].isalpha():  # "JIMEX22", "Malabar2020"
                for d in _DIGITS:
                    self.keys.add(f"{left}{k}{d}", atom, text, mask=mask, lskip=lpad, rskip=1,
                                  exact=exact)
            self.patterns += 1

    def name(self, text: str, atom: int, *, cased: bool, glued: bool) -> None:
        """A lexicon name or alias, its Hindi/Marathi stem and the other spellings of its
        short and long vowels (bot/rules/stems.py)."""
        # the candra o of an English loan that another writer spells with the plain o
        # (कॉमकासा / कोमकासा): normalize.py reads ॉ as ा, so the form is made here
        plain_o = text.replace("\u0949", "\u094b").replace("\u0911", "\u0913")
        forms = [text] if cased else list(dict.fromkeys(
            [text, *vowel_lengths(core(text)), plain_o]))
        for form in forms:
            self.add(form, atom, cased=cased, glued=glued)
            stem = None if cased else name_stem(core(form))
            if stem is not None:
                self.add(stem, atom, cased=False)

    def entity(self, entry: LexiconEntry) -> int:
        country = (entry.id if entry.kind == "country"
                   else entry.countries[0] if entry.kind == "person" and entry.countries
                   else None)
        atom = self.atom(Atom(f"@{entry.id}", entry.id, entry.kind, entry.name, country))
        glued = entry.kind == "exercise"
        if glued and entry.countries:
            self.hosts[atom] = frozenset(entry.countries)
        numbered = {core(n).lower() for n in entry.numbered}
        if core(entry.name).lower() not in numbered:  # a numbered name needs its number
            self.name(entry.name, atom, cased=is_acronym(entry.name), glued=glued)
        for alias in entry.aliases:
            self.name(alias, atom, cased=False, glued=glued)
        for city in entry.cities:
            self.add(city, atom, cased=False)
            for word in _VENUE:
                self.add(f"{word} {city}", atom, cased=False, mask=True)
            after = (_VENUE_CJK if unspaced(city[0])
                     else _VENUE_DEVANAGARI if "\u0900" <= city[0] <= "\u097f" else ())
            for word in after:
                self.add(f"{city}{word}", atom, cased=False, mask=True)
            for phrase in _institutions(city):
                self.add(phrase, atom, cased=False, mask=True)
        for acronym in entry.acronyms:
            self.add(acronym, atom, cased=True, glued=glued)
        for alias in entry.numbered:
            self.add(alias, atom, cased=is_acronym(alias), numbered=True)
        for mask in entry.masks:
            self.add(mask, atom, cased=False, mask=True)
        if entry.short:
            # an atom of its own that stands for nobody until the scan finds the person
            # named in full (bot/rules/scan.py: with_short_names)
            short = self.atom(Atom(f"@{entry.id}:short"))
            self.shorts.append((short, atom))
            for name in entry.short:
                self.name(name, short, cased=False, glued=False)
        return atom

    def literal(self, text: str) -> int:
        """One atom per term, whoever wrote it; "defence" and "defense" are one term."""
        key = _literal_key(text)
        if key not in self.literal_atoms:
            self.literal_atoms[key] = atom = self.atom(Atom(text))
            self.add(text, atom, cased=key[0], loans=MAX_FORMS)
        return self.literal_atoms[key]


class Compiled:
    """Automata, atoms and compiled rules: everything a scan needs, immutable once built."""

    def __init__(self, builder: _Builder, rules: list[CompiledRule],
                 users: dict[int, set[int]], entity_atoms: dict[str, int]) -> None:
        self.spaced, self.unspaced, self.skeletal = builder.keys.automata(builder.named)
        self.atoms: tuple[Atom, ...] = tuple(builder.atoms)
        self.rules: tuple[CompiledRule, ...] = tuple(rules)
        self.users: tuple[tuple[int, ...], ...] = tuple(  # atom → numbers of rules using it
            tuple(sorted(users.get(i, ()))) for i in range(len(builder.atoms)))
        self.entity_atoms = entity_atoms
        self.exercises = frozenset(i for i, a in enumerate(builder.atoms) if a.kind == "exercise")
        self.countries: tuple[str | None, ...] = tuple(a.country for a in builder.atoms)
        self.people = frozenset(i for i, a in enumerate(builder.atoms) if a.kind == "person")
        self.shorts: tuple[tuple[int, int], ...] = tuple(builder.shorts)
        self.groupdrills = {a: c for a, c in builder.hosts.items() if len(c) >= 3}
        self.hosts: dict[int, frozenset[str]] = dict(builder.hosts)
        self.patterns = builder.patterns


def _resolve_kind(kind: EntityKind, arg: str, text: str, lexicon: Lexicon,
                  entity_atoms: dict[str, int]) -> tuple[list[int], str | None]:
    if arg == "*":
        return [entity_atoms[e.id] for e in lexicon.of_kind(kind)], None
    country = lexicon.get(arg)
    if country is None or country.kind != "country":
        return [], f"unknown country {arg!r} in {text!r}" + did_you_mean(
            arg, [e.id for e in lexicon.of_kind("country")])
    return [entity_atoms[e.id] for e in lexicon.linked(kind, arg)], None


def _resolve(term: TermSpec, lexicon: Lexicon, entity_atoms: dict[str, int],
             builder: _Builder) -> tuple[list[int], str | None]:
    """Atoms of one term, or an error message."""
    text = term.text
    if not text.startswith("@"):
        return [builder.literal(text)], None
    ref, _, arg = text[1:].partition(":")
    if not arg:
        if ref in lexicon:
            return [entity_atoms[ref]], None
        return [], f"unknown lexicon entry {text!r}" + did_you_mean(ref, lexicon.entries)
    kind = _KIND_NAMES.get(ref)
    if kind is None:
        return [], (f"unknown lexicon kind {ref!r} in {text!r}; use one of "
                    + ", ".join(_KIND_NAMES) + did_you_mean(ref, _KIND_NAMES))
    return _resolve_kind(kind, arg, text, lexicon, entity_atoms)


def check_refs(terms: Iterable[TermSpec], lexicon: Lexicon) -> list[RuleProblem]:
    """Lexicon-reference errors of terms that are not compiled: in a file that failed
    validation for other reasons, or in a shared group that no rule uses."""
    builder = _Builder()
    entity_atoms = {e: i for i, e in enumerate(lexicon.entries)}
    out: list[RuleProblem] = []
    for term in terms:
        if term.text.startswith("@"):
            _, error = _resolve(term, lexicon, entity_atoms, builder)
            if error:
                out.append(RuleProblem(term.file, term.line, term.field, error))
    return out


def _lookalike(t: str, phrase: str, p: str, starts: Iterable[int]) -> str | None:
    """The phrase that masks a term where the phrase gives it another sense: the phrase
    itself when it holds the term, else the phrase run on into the term it ends with the
    start of ("पर्यावरण रक्षा" + "रक्षा समझौत" → "पर्यावरण रक्षा समझौत"); None when they
    do not meet. `t` and `p` are the term and the phrase folded (core(...).lower()),
    `starts` where in p a word may start (_starts)."""
    if t in p:
        return phrase
    for k in starts:
        if t.startswith(p[k:]):
            return p[:k] + t
    return None


def _starts(p: str) -> list[int]:
    """Where a word may start in a folded phrase, after its first character: after a space,
    or anywhere in a script written without spaces."""
    return [k for k in range(1, len(p)) if p[k - 1] == " " or unspaced(p[k])]


# a term's and a phrase's loans met by a look-alike: the forms with fewest words swapped,
# which writers use most (every mix of every term against every phrase would be most of a
# compile)
_MASK_LOANS = 6


def _mask_lookalikes(builder: _Builder, lookalikes: Iterable[Lookalikes]) -> list[RuleProblem]:
    problems = []
    for found in lookalikes:
        # Each term's atom and folded form once, and each phrase's word starts once, not
        # for every (term, phrase) pair of the file: the pairs were most of a compile. A
        # Devanagari term is met in its loans too (bot/rules/loans.py), and a phrase is
        # written in them: "भीम आर्मी" masks the आर्मी that लष्कर is met as, and
        # "सामाजिक सुरक्षा" masks "सोशल सिक्युरिटी एग्रीमेंट" where "सुरक्षा करार" is a term.
        terms = [(atom, form) for term in found.terms
                 if (atom := builder.literal_atoms.get(_literal_key(term))) is not None
                 for t in (core(term).lower(),) for form in (t, *loan_forms(t))]
        for phrase in found.phrases:
            masked = 0
            written = core(phrase.text).lower()
            for folded in (written, *loan_forms(written, _MASK_LOANS, lookalike=True)):
                starts = _starts(folded)
                for atom, term in terms:
                    mask = _lookalike(term, folded, folded, starts)
                    if mask is not None:
                        builder.add(mask, atom, cased=False, mask=True)
                        masked += 1
            if not masked:
                problems.append(RuleProblem(phrase.file, phrase.line, phrase.field, (
                    f"{phrase.text!r} overlaps no term of this file's groups, so it masks "
                    "nothing"), severity="warning"))
    return problems


def compile_rules(specs: Iterable[RuleSpec], lexicon: Lexicon,
                  lookalikes: Iterable[Lookalikes] = ()) -> tuple[Compiled, list[RuleProblem]]:
    builder = _Builder()
    problems: list[RuleProblem] = []
    entity_atoms = {e.id: builder.entity(e) for e in lexicon.entries.values()}
    users: dict[int, set[int]] = {}
    rules: list[CompiledRule] = []
    for spec in specs:
        index = len(rules)
        names = tuple(spec.groups)
        lists = [*spec.groups.values(), spec.exclude]
        group_atoms: list[frozenset[int]] = []
        for terms in lists:
            atoms: set[int] = set()
            for term in terms:
                found, error = _resolve(term, lexicon, entity_atoms, builder)
                if error:
                    problems.append(RuleProblem(term.file, term.line, term.field, error))
                elif not found:
                    problems.append(RuleProblem(term.file, term.line, term.field,
                                                f"{term.text!r} names no lexicon entry",
                                                severity="warning"))
                atoms.update(found)
            for atom in atoms:
                users.setdefault(atom, set()).add(index)
            group_atoms.append(frozenset(atoms))
        always = holds_on_nothing(spec.expr)
        if always:
            problems.append(RuleProblem(spec.file, spec.line, "require", (
                "holds for an article that contains none of the terms, so every article "
                "is checked and may match"), severity="warning"))
        visible = tuple(s for s in spec.scope if not (s == "lead" and "text" in spec.scope))
        needs = tuple(frozenset().union(*(group_atoms[names.index(g)] for g in clause))
                      for clause in needed(spec.expr))
        evidence = supporting(spec.expr)
        rules.append(CompiledRule(index, spec, names, visible, always,
                                  {n: i for i, n in enumerate(names)}, tuple(group_atoms),
                                  needs, tuple(i for i, n in enumerate(names) if n in evidence)))
    problems += _mask_lookalikes(builder, lookalikes)
    return Compiled(builder, rules, users, entity_atoms), problems
