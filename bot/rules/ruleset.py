"""A loaded rule set: match articles against every rule in one scan, explain a verdict."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.errors import RuleProblem
from bot.models import Entities, Hit, Match, MatchResult
from bot.rules.acronyms import other_meanings, spelled_out, without
from bot.rules.compile import Compiled, CompiledRule
from bot.rules.environment import RuleEnv
from bot.rules.evaluate import WORD, WRITTEN, evaluate
from bot.rules.explain import Explanation, build_explanation
from bot.rules.homonyms import homonyms, other_things, without_atoms
from bot.rules.lead import lead_of
from bot.rules.lexicon import Lexicon
from bot.rules.namesakes import namesakes, other_people
from bot.rules.offices import own_offices
from bot.rules.parties import parties
from bot.rules.partytypes import sentence_of
from bot.rules.reading import fold_accents
from bot.rules.scan import ScopeScan, atoms_present, scan, sub_scan, with_short_names
from bot.rules.schema import ExampleSpec
from bot.rules.story import story_of
from bot.rules.timed import LIVE_MARK, timed_items
from watchers import Article

__all__ = ["Rule", "RuleSet", "article_from_text"]

_ORDER = {"title": 0, "lead": 1, "text": 2}


@dataclass(frozen=True)
class Rule:
    """One topic rule as its file defines it."""

    id: str
    title: str
    description: str
    file: str
    line: int
    require: str
    scope: tuple[str, ...]
    min_score: float | None
    groups: tuple[str, ...]
    examples: tuple[ExampleSpec, ...]
    parties: tuple[str, ...] = ()  # a pair topic's two states, by their lexicon names


def article_from_text(title: str, text: str) -> Article:
    """An Article for ad-hoc matching and examples: each non-empty line is a paragraph,
    so the lead is the first line of the text."""
    paragraphs = tuple(line.strip() for line in text.splitlines() if line.strip())
    return Article(url="", title=title, text=text, source_id="", outlet="",
                   paragraphs=paragraphs)


class RuleSet:
    """Rules compiled together; `match` scans an article once for all of them."""

    def __init__(self, rules: Mapping[str, Rule], compiled: Compiled, lexicon: Lexicon,
                 version: str, warnings: Sequence[RuleProblem] = ()) -> None:
        self.rules: Mapping[str, Rule] = dict(rules)
        self.lexicon = lexicon
        self.version = version
        self.warnings: tuple[RuleProblem, ...] = tuple(warnings)
        self._compiled = compiled
        self._by_id = {r.spec.id: r for r in compiled.rules}
        self._always = tuple(r.index for r in compiled.rules if r.always)
        self._acronyms = spelled_out(lexicon)
        self._homonyms = homonyms(lexicon)
        self._names = namesakes(lexicon, compiled)

    @property
    def pattern_count(self) -> int:
        """Terms and aliases compiled (before spelling and year variants)."""
        return self._compiled.patterns

    def _scan(self, article: Article) -> dict[str, ScopeScan]:
        year = article.published.year if article.published else None
        text = scan(self._compiled, "text", article.text, year)
        lead = lead_of(article)
        # a page of timed items is a live page whatever its headline (timed.py)
        title_read = article.title + LIVE_MARK if timed_items(article.text) else article.title
        scans = {"title": scan(self._compiled, "title", title_read, year),
                 "lead": (sub_scan(text, "lead", lead) if article.text.startswith(lead)
                          else scan(self._compiled, "lead", lead, year)),
                 "text": text}
        scans = self._own_meanings(article, scans)
        named = other_people([scans["title"], scans["lead"], scans["text"]], self._names)
        title, top, body = with_short_names(own_offices(named), self._compiled.shorts)
        # the parties of the headline and lead, for what the body says of "the two"
        story = story_of(title, top, body)
        return {"title": replace(title, story=story), "lead": replace(top, story=story),
                "text": replace(body, story=story)}

    def _own_meanings(self, article: Article, scans: dict[str, ScopeScan]
                      ) -> dict[str, ScopeScan]:
        """Without the acronyms the article spells out as something else (acronyms.py),
        and the exercises and pacts whose names it uses for a brand or a place
        (homonyms.py)."""
        # only a name the article uses can mean something else in it; trying every
        # exercise's and pact's patterns on every page cost ~70 ms a long page
        present = scans["title"].present | scans["lead"].present | scans["text"].present
        used = [h for h in self._homonyms if self._compiled.entity_atoms[h.entity] in present]
        things = other_things((article.title, article.text), used) if used else []
        if things:
            names = frozenset(self._compiled.entity_atoms[e] for e in things)
            scans = {scope: without_atoms(found, names) for scope, found in scans.items()}
        # the long forms read with accents folded, as the automaton reads the acronym
        other = other_meanings((fold_accents(article.title), fold_accents(article.text)),
                               self._acronyms)
        if not other:
            return scans
        atoms: dict[int, set[str]] = {}
        for acronym, entity in other.items():
            atoms.setdefault(self._compiled.entity_atoms[entity], set()).add(acronym)
        gone = {atom: frozenset(names) for atom, names in atoms.items()}
        return {scope: without(found, gone) for scope, found in scans.items()}

    def _candidates(self, scans: Mapping[str, ScopeScan]) -> list[CompiledRule]:
        """Rules that the atoms found can feed and whose needed groups all have a hit."""
        users = self._compiled.users
        numbers: set[int] = set(self._always)
        present: frozenset[int] = frozenset()
        for scope_scan in scans.values():
            present |= scope_scan.present
        for atom in present:
            numbers.update(users[atom])
        rules = self._compiled.rules
        return [rule for rule in (rules[n] for n in sorted(numbers))
                if not any(atoms.isdisjoint(present) for atoms in rule.needs)]

    def could_match(self, texts: Iterable[str]) -> bool:
        """Whether some rule could match an article whose title and text come from these
        texts (a page's visible text, its title candidates): the rules that `match`
        would evaluate at all, from the terms found anywhere in them. A superset check:
        `exclude`, `near`, counts and scores are left to the full match."""
        if self._always:
            return True
        present: set[int] = set()
        for text in texts:
            present |= atoms_present(self._compiled, text)
        users = self._compiled.users
        rules = self._compiled.rules
        numbers = {n for atom in present for n in users[atom]}
        return any(not any(atoms.isdisjoint(present) for atoms in rules[n].needs)
                   for n in numbers)

    def _hits(self, env: RuleEnv, scans: Mapping[str, ScopeScan], every: bool = False
              ) -> tuple[Hit, ...]:
        """Hits where the rule's scope looks. For a Match, the first of each term (entity
        or literal) in each scope, of the groups that support a match: a guard's words
        are no evidence. With every=True (explain), all hits of every group."""
        out: list[Hit] = []
        rule = env.rule
        for g in range(len(rule.groups)) if every else rule.evidence:
            name, atoms = rule.groups[g], rule.atoms[g]
            for scope in rule.visible:
                found = scans[scope]
                for atom in atoms & found.present:
                    hits = found.by_atom[atom]
                    for h in hits if every else hits[:1]:
                        start, end, text = found.original(h)
                        out.append(Hit(name, h[WRITTEN], text, scope, start, end, h[WORD]))
        out.sort(key=lambda h: (_ORDER[h.scope], h.start, h.group))
        return tuple(out)

    def _verdict(self, env: RuleEnv) -> float | None:
        """The score when the rule matches, else None."""
        if not evaluate(env.rule.spec.expr, env) or env.excluded():
            return None
        score = env.score()
        min_score = env.rule.spec.min_score
        return None if min_score is not None and score < min_score else score

    def _entities(self, scans: Mapping[str, ScopeScan], pairs: Iterable[tuple[str, ...]] = ()
                  ) -> Entities:
        found: dict[str, dict[str, str]] = {
            "country": {}, "person": {}, "agreement": {}, "exercise": {}}
        atoms = self._compiled.atoms
        for scope in ("title", "text"):
            # the habits are read only for a page that names an exercise at all
            habits = (_habits_only(scans[scope]) if scope == "text" and any(
                atoms[n].kind == "exercise" for n in scans[scope].present) else frozenset())
            for number in scans[scope].first_seen():
                atom = atoms[number]
                if atom.kind == "exercise" and number in habits:
                    continue
                if atom.kind is not None:
                    state = self.lexicon.get(atom.country) if atom.country else None
                    found[atom.kind].setdefault(atom.name, state.name if state else "")
        named = tuple(found["country"])
        # a run of states that goes on "and others" carries a nameless member: no party
        acting = tuple(self.lexicon.name_of(c)
                       for c in parties([scans["title"], scans["lead"], scans["text"]]) if c)
        countries = acting or named
        # A pair topic that holds has found the two parties, where the article-wide
        # reading may list every state named (a round-up) or another two: the alert's
        # facts, and grouping's "which pair", follow the topic. Two pair topics leave it.
        pair = {frozenset(p) for p in pairs if p}
        if len(pair) == 1 and set(countries) != (topic := pair.pop()):
            countries = (tuple(c for c in named if c in topic)
                         + tuple(sorted(c for c in topic if c not in named)))
        return Entities(countries, tuple(found["person"]), tuple(found["agreement"]),
                        tuple(found["exercise"]),
                        mentioned=tuple(c for c in named if c not in countries),
                        origins=tuple(found["person"].values()),
                        leading=self._leading(scans, tuple(found["exercise"]), countries))

    def _leading(self, scans: Mapping[str, ScopeScan], exercises: tuple[str, ...],
                 parties: tuple[str, ...]) -> tuple[str, ...]:
        """The exercises the headline or the first paragraph names that the report's two
        parties hold: the drill it is of. One the lexicon gives to other states ("After
        Talisman Sabre, the alliance moves north" in a report of a US-Japan drill) is
        the backdrop of the story, however high it stands."""
        atoms = self._compiled.atoms
        top = {atoms[n].entity for scope in ("title", "lead") for n in scans[scope].present
               if atoms[n].kind == "exercise"}
        pair = set(parties[:2])
        out = []
        for entity in sorted(e for e in top if e):
            entry = self.lexicon.get(entity)
            if entry is None or entry.name not in exercises:
                continue
            held = {self.lexicon.name_of(c) for c in entry.countries if c in self.lexicon}
            if len(pair) < 2 or not held or pair <= held:
                out.append(entry.name)
        return tuple(e for e in exercises if e in out)

    def match(self, article: Article) -> MatchResult:
        scans = self._scan(article)
        matches: list[Match] = []
        for rule in self._candidates(scans):
            env = RuleEnv(rule, scans)
            score = self._verdict(env)
            if score is not None:
                matches.append(Match(rule.spec.id, score, self._hits(env, scans)))
        pairs = (self.rules[m.rule_id].parties for m in matches)
        return MatchResult(tuple(matches), self._entities(scans, pairs))

    def match_text(self, title: str, text: str) -> MatchResult:
        return self.match(article_from_text(title, text))

    def explain(self, rule_id: str, article: Article) -> Explanation:
        """Why the article matches the rule or not. KeyError for an unknown rule id."""
        rule = self._by_id.get(rule_id)
        if rule is None:
            raise KeyError(f"no rule {rule_id!r}; known: {', '.join(sorted(self.rules))}")
        scans = self._scan(article)
        env = RuleEnv(rule, scans)
        score = self._verdict(env)
        return build_explanation(env, scans, self._hits(env, scans, every=True), score)


def _habits_only(found: ScopeScan) -> frozenset[int]:
    """The atoms every hit of which stands in a sentence telling what the two do as a
    habit ("the navies regularly exercise together, including in Malabar"): an exercise
    named there is the report's background, not the drill it tells of (grouping would
    take a report of this week's drill for one of that exercise, weeks away)."""
    habits = found.habits()
    if not habits:
        return frozenset()
    return frozenset(atom for atom, hits in found.by_atom.items()
                     if all(sentence_of(found, h) in habits for h in hits))
