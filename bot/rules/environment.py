"""One rule's view of one scanned article: its groups' hits, found lazily as the rule's
expression asks, and the evidence score."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.rules.clauses import side_clauses
from bot.rules.compile import CompiledRule
from bot.rules.evaluate import ATOM, RawHit
from bot.rules.expr import Pair, Ref
from bot.rules.owned import FORCES_GROUPS, OWNED_GROUPS, outside, own_items
from bot.rules.parties import acting, groups
from bot.rules.partytypes import Scanned, sentence_of
from bot.rules.scan import ScopeScan

__all__ = ["RuleEnv"]

_WEIGHT = {"title": 3.0, "lead": 2.0, "text": 1.0}


class RuleEnv:
    """One rule's groups over one scanned article, built lazily as the expression asks."""

    def __init__(self, rule: CompiledRule, scans: Mapping[str, ScopeScan]) -> None:
        self.rule = rule
        self.scans = scans
        self._cache: dict[tuple[int, str], list[RawHit]] = {}
        # the groups whose hits in one state's own items of the top do not count
        # (bot/rules/owned.py), and those items by scope, found when first asked
        self._owned = frozenset(rule.index_of[n] for n in OWNED_GROUPS if n in rule.index_of)
        self._items: dict[str, list[tuple[int, int]]] = {}

    def places(self, where: str | None) -> tuple[str, ...]:
        if where is None:
            return self.rule.visible
        return ("title", "lead") if where == "top" else (where,)

    def scope_hits(self, group: int, scope: str) -> list[RawHit]:
        """Hits of a group in one scope, in text order."""
        key = (group, scope)
        hits = self._cache.get(key)
        if hits is None:
            found = self.scans[scope]
            lists = [found.by_atom[a] for a in self.rule.atoms[group] & found.present]
            if len(lists) > 1:
                hits = sorted(h for hs in lists for h in hs)
            else:
                hits = lists[0] if lists else []
            if group in self._owned and hits:
                hits = outside(found, hits, self.items(scope))
            self._cache[key] = hits
        return hits

    def items(self, scope: str) -> list[tuple[int, int]]:
        """One state's own items among the sentences and clauses of the title or the
        lead (the body's clauses only), when the top names a pair acting together whose
        own sentences hold no word of the forces outside such items (a pair's act of
        another field: bot/rules/owned.py). A pair told with the forces lends nothing."""
        if not self._items:
            self._items = self._own_items()
        found = self._items.get(scope)
        if found is None:  # the body's clauses, asked for after the top's
            scan = self.scans[scope]
            found = self._items[scope] = own_items(scan, self._acts(scan), clauses=True)
        return found

    def _own_items(self) -> dict[str, list[tuple[int, int]]]:
        none: dict[str, list[tuple[int, int]]] = {"title": [], "lead": [], "text": []}
        paired = [(s, g.sentence) for s in ("title", "lead") for g in groups(self.scans[s])
                  if len(g.countries) == 2]
        if not paired:
            return none
        out = {}
        for scope in ("title", "lead"):
            scan = self.scans[scope]
            out[scope] = own_items(scan, self._acts(scan))
        atoms = set().union(*(self.rule.atoms[self.rule.index_of[n]] for n in FORCES_GROUPS
                              if n in self.rule.index_of))
        for scope, sentence in paired:
            scan = self.scans[scope]
            for atom in atoms & scan.present:
                if any(sentence_of(scan, h) == sentence
                       and not any(a <= scan.read_span(h)[0] < b for a, b in out[scope])
                       for h in scan.by_atom[atom]):
                    return none
        return out

    def _acts(self, scan: ScopeScan) -> list[int]:
        """Where the hits of an act two states do together begin in the scan's reading."""
        atoms: set[int] = set()
        for name in ("act", "ties", "meeting", "deed", "accords", "portcall", "docked"):
            if name in self.rule.index_of:
                atoms |= self.rule.atoms[self.rule.index_of[name]]
        return [scan.read_span(h)[0] for a in atoms & scan.present for h in scan.by_atom[a]]

    def group_hits(self, group: int, where: str | None = None) -> dict[str, list[RawHit]]:
        out = {}
        for scope in self.places(where):
            hits = self.scope_hits(group, scope)
            if hits:
                out[scope] = hits
        return out

    def hits(self, ref: Ref) -> Mapping[str, Sequence[RawHit]]:
        return self.group_hits(self.rule.index_of[ref.name], ref.where)

    def found(self, ref: Ref) -> bool:
        group = self.rule.index_of[ref.name]
        if group in self._owned:
            return any(self.scope_hits(group, s) for s in self.places(ref.where))
        atoms = self.rule.atoms[group]
        return any(not atoms.isdisjoint(self.scans[s].present) for s in self.places(ref.where))

    def atoms(self, ref: Ref) -> set[int]:
        group = self.rule.index_of[ref.name]
        if group in self._owned:
            return {h[ATOM] for s in self.places(ref.where) for h in self.scope_hits(group, s)}
        atoms = self.rule.atoms[group]
        out: set[int] = set()
        for scope in self.places(ref.where):
            out |= atoms & self.scans[scope].present
        return out

    def mentions(self, ref: Ref) -> int:
        group = self.rule.index_of[ref.name]
        if group in self._owned:
            return sum(len(self.scope_hits(group, s)) for s in self.places(ref.where))
        atoms = self.rule.atoms[group]
        total = 0
        for scope in self.places(ref.where):
            found = self.scans[scope]
            total += sum(len(found.by_atom[a]) for a in atoms & found.present)
        return total

    def parties(self, ref: Ref) -> int:
        """Distinct states of the group's hits that the text names as taking part, not in
        passing (bot/rules/parties.py: acting)."""
        atoms = self.rule.atoms[self.rule.index_of[ref.name]]
        states: set[str] = set()
        for scope in self.places(ref.where):
            found = self.scans[scope]
            named = {c for a in atoms & found.present if (c := _state(found, a)) is not None}
            if named:
                states |= named & acting(found)
        return len(states)

    def scopes(self, refs: Sequence[Ref]) -> list[str]:
        """The places every ref looks at (the lead is part of the text)."""
        out = []
        for scope in ("title", "lead", "text"):
            if all(scope in self.places(r.where)
                   or (scope == "lead" and "text" in self.places(r.where)) for r in refs):
                out.append(scope)
        return out

    def sentences(self, ref: Ref, scope: str) -> set[int]:
        """The sentences with a hit of ref, but for those telling of long ago or of what
        is only wished or supposed: they name no parties of today's news."""
        found = self.scans[scope]
        named = {sentence_of(found, h)
                 for h in self.scope_hits(self.rule.index_of[ref.name], scope)}
        return named - found.aside_of(named)

    def together(self, refs: Sequence[Ref], without: Sequence[Ref] = ()) -> bool:
        for scope in self.scopes(refs):
            common = self.sentences(refs[0], scope)
            for ref in refs[1:]:
                common &= self.sentences(ref, scope)
            for ref in without:
                common -= self.sentences(ref, scope)
            if common:
                return True
        return False

    def paired(self, node: Pair) -> bool:
        for scope in self.scopes((node.a, node.b, *node.also)):
            found = self.scans[scope]
            twos = [g for g in groups(found) if len(g.countries) == 2]
            aside = found.aside_of(g.sentence for g in twos) | found.habits()
            twos = [g for g in twos if g.sentence not in aside]
            if not twos:
                continue
            a = hit_countries(found, self.scope_hits(self.rule.index_of[node.a.name], scope))
            b = hit_countries(found, self.scope_hits(self.rule.index_of[node.b.name], scope))
            also = [self.sentences(r, scope) for r in node.also]
            for g in twos:
                if g.inferred:  # named elsewhere in the article: any of their hits will do
                    xs = self.stands_for(node.a, g.countries)
                    ys = self.stands_for(node.b, g.countries)
                    # pair(states, states): the other state may be the dateline's alone
                    if xs and ys and node.a.name == node.b.name and all(
                            g.sentence in s for s in also):
                        return True
                else:
                    xs = {c for s, c in a if s == g.sentence and c in g.countries}
                    ys = {c for s, c in b if s == g.sentence and c in g.countries}
                if (xs and ys and len(xs | ys) == 2 and all(g.sentence in s for s in also)
                        and (g.inferred or self._outside(node, scope, g.sentence))):
                    return True
        return False

    def _outside(self, node: Pair, scope: str, sentence: int) -> bool:
        """Whether each further group of a pair has a hit in the sentence outside its
        clauses of what else went on that name one state of their own ("... as PLA troops
        rotated": the troops are no word of the talks the rest tells; bot/rules/clauses.py)."""
        if not node.also:
            return True
        found = self.scans[scope]
        starts = found.read_starts()
        text = found.read().text
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
        spans = side_clauses(text, starts[sentence], end)
        if not spans:
            return True
        named = [(found.read_span(h)[0], c)
                 for ref in (node.a, node.b)
                 for h in self.scope_hits(self.rule.index_of[ref.name], scope)
                 if sentence_of(found, h) == sentence
                 and (c := _state(found, h[ATOM])) is not None]
        closed = [(a, b) for a, b in spans if len({c for at, c in named if a <= at < b}) == 1]
        if not closed:
            return True
        return all(any(sentence_of(found, h) == sentence
                       and not any(a <= found.read_span(h)[0] < b for a, b in closed)
                       for h in self.scope_hits(self.rule.index_of[ref.name], scope))
                   for ref in node.also)

    def stands_for(self, ref: Ref, countries: frozenset[str]) -> set[str]:
        """Which of these states the group's hits stand for, wherever the ref looks."""
        names = self.scans["text"].countries
        return {c for atom in self.atoms(ref)
                if (c := names[atom] if atom < len(names) else None) in countries
                and c is not None}

    def excluded(self) -> bool:
        atoms = self.rule.atoms[self.rule.exclude_group]
        return bool(atoms) and any(not atoms.isdisjoint(self.scans[s].present)
                                   for s in self.rule.visible)

    def score(self) -> float:
        """Distinct terms of the evidence groups found, each worth 3 in the title, 2 in the
        lead, 1 elsewhere."""
        best: dict[int, float] = {}
        scopes = self.rule.visible
        if "lead" not in scopes and "text" in self.rule.spec.scope:
            scopes = (*scopes, "lead")
        for scope in scopes:
            present = self.scans[scope].present
            weight = _WEIGHT[scope]
            for group in self.rule.evidence:
                for atom in self.rule.atoms[group] & present:
                    if best.get(atom, 0.0) < weight:
                        best[atom] = weight
        return sum(best.values())


def hit_countries(scan: Scanned, hits: Sequence[RawHit]) -> set[tuple[int, str]]:
    """(sentence, country) of hits whose atom stands for a state."""
    out = set()
    for h in hits:
        country = _state(scan, h[ATOM])
        if country is not None:
            out.add((sentence_of(scan, h), country))
    return out


def _state(scan: Scanned, atom: int) -> str | None:
    """The state an atom stands for (a person's, for a person), if any."""
    return scan.countries[atom] if atom < len(scan.countries) else None
