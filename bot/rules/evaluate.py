"""Evaluating a parsed `require:` expression over the hits of one article.

The environment (one rule over one scanned article) answers cheap questions first —
is a group found, which atoms, how many hits — and builds sorted hit lists only for
near() and for explanations.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol

from bot.rules.expr import (
    And,
    Condition,
    Measure,
    Near,
    Node,
    Not,
    Or,
    Pair,
    Ref,
    Sentence,
    compare,
)

__all__ = ["ATOM", "END", "LAST", "START", "WORD", "WRITTEN", "Env", "RawHit", "Trace",
           "evaluate", "gap", "holds_on_nothing", "trace"]

RawHit = tuple[int, int, int, int, int, str]
"""A hit as the matcher keeps it: (start, end, word, last word, atom, term as written);
start/end index the padded normalised text. Tuples sort into text order."""
START: Final = 0
END: Final = 1
WORD: Final = 2
LAST: Final = 3
ATOM: Final = 4
WRITTEN: Final = 5


class Env(Protocol):
    def hits(self, ref: Ref) -> Mapping[str, Sequence[RawHit]]:
        """Non-empty hit lists of the referenced group, by scope, in text order."""

    def found(self, ref: Ref) -> bool:
        """Whether the group has any hit (cheaper than hits())."""

    def atoms(self, ref: Ref) -> set[int]:
        """The distinct terms/entities of the group found."""

    def mentions(self, ref: Ref) -> int:
        """How many hits the group has."""

    def parties(self, ref: Ref) -> int:
        """How many distinct states the group's hits name as taking part."""

    def together(self, refs: Sequence[Ref], without: Sequence[Ref] = ()) -> bool:
        """Whether one sentence has a hit of every group of refs and none of without."""

    def paired(self, node: Pair) -> bool:
        """Whether one sentence names a and b as its two parties, with the other groups."""


class _Nothing:
    """An article in which nothing was found."""

    def hits(self, ref: Ref) -> Mapping[str, Sequence[RawHit]]:
        return {}

    def found(self, ref: Ref) -> bool:
        return False

    def atoms(self, ref: Ref) -> set[int]:
        return set()

    def mentions(self, ref: Ref) -> int:
        return 0

    def parties(self, ref: Ref) -> int:
        return 0

    def together(self, refs: Sequence[Ref], without: Sequence[Ref] = ()) -> bool:
        return False

    def paired(self, node: Pair) -> bool:
        return False


def holds_on_nothing(node: Node) -> bool:
    """Whether the expression holds for an article with no hits at all."""
    return evaluate(node, _Nothing())


def gap(a: RawHit, b: RawHit) -> int:
    """Words strictly between two hits (0 when adjacent or overlapping)."""
    if b[WORD] > a[LAST]:
        return b[WORD] - a[LAST] - 1
    if a[WORD] > b[LAST]:
        return a[WORD] - b[LAST] - 1
    return 0


def _near(a_hits: Sequence[RawHit], b_hits: Sequence[RawHit], words: int) -> bool:
    starts = [h[WORD] for h in b_hits]
    longest = max(h[LAST] - h[WORD] for h in b_hits)
    for a in a_hits:
        i = bisect_left(starts, a[WORD] - words - longest - 1)
        while i < len(b_hits) and starts[i] <= a[LAST] + words + 1:
            b = b_hits[i]
            if b is not a and gap(a, b) <= words:
                return True
            i += 1
    return False


def _measure(node: Measure, env: Env) -> int:
    if node.fn == "count":
        return len(env.atoms(node.ref))
    return env.parties(node.ref) if node.fn == "parties" else env.mentions(node.ref)


def evaluate(node: Node, env: Env) -> bool:
    while isinstance(node, Condition):  # holds when the expression it names holds
        node = node.body
    if isinstance(node, Ref):
        return env.found(node)
    if isinstance(node, And):
        return all(evaluate(p, env) for p in node.parts)
    if isinstance(node, Or):
        return any(evaluate(p, env) for p in node.parts)
    if isinstance(node, Not):
        return not evaluate(node.part, env)
    if isinstance(node, Near | Sentence | Pair):
        return _holds_together(node, env)
    return compare(node.op, _measure(node, env), node.value)


def _holds_together(node: Near | Sentence | Pair, env: Env) -> bool:
    if isinstance(node, Near):
        return _holds_near(node, env)
    if isinstance(node, Sentence):
        return all(env.found(r) for r in node.refs) and env.together(node.refs, node.without)
    return all(env.found(r) for r in (node.a, node.b, *node.also)) and env.paired(node)


def _holds_near(node: Near, env: Env) -> bool:
    if not (env.found(node.a) and env.found(node.b)):
        return False
    a, b = env.hits(node.a), env.hits(node.b)
    return any(_near(a[s], b[s], node.words) for s in a if s in b)


@dataclass(frozen=True)
class Trace:
    """How one sub-expression evaluated, for `rules explain`."""

    text: str
    value: bool
    detail: str = ""
    parts: tuple[Trace, ...] = field(default=())

    def lines(self, depth: int = 0) -> list[str]:
        mark = "yes" if self.value else "no "
        head = f"{'  ' * depth}{mark}  {self.text}" + (f"   ({self.detail})" if self.detail else "")
        return [head, *(line for p in self.parts for line in p.lines(depth + 1))]


def _closest(a: Mapping[str, Sequence[RawHit]], b: Mapping[str, Sequence[RawHit]]) -> str:
    best: tuple[int, str] | None = None
    for scope in a:
        for x in a[scope]:
            for y in b.get(scope, ()):
                if x is not y and (best is None or gap(x, y) < best[0]):
                    best = (gap(x, y), scope)
    if best is None:
        return "never in the same place"
    return f"closest {best[0]} words apart, {best[1]}"


def trace(node: Node, env: Env) -> Trace:
    value = evaluate(node, env)
    if isinstance(node, Ref):
        n = sum(len(h) for h in env.hits(node).values())
        return Trace(str(node), value, f"{n} hit{'s' * (n != 1)}")
    if isinstance(node, And | Or):
        return Trace(str(node), value, "", tuple(trace(p, env) for p in node.parts))
    if isinstance(node, Not):
        return Trace(str(node), value, "", (trace(node.part, env),))
    if isinstance(node, Condition):
        # the name as the rule wrote it with the expression it stands for, then that
        # expression's parts: the reader sees which of them decided without opening the
        # groups file
        body = trace(node.body, env)
        return Trace(f"{node.name} = {node.body}", value, f"{node.file}:{node.line}",
                     body.parts if isinstance(node.body, And | Or | Not) else (body,))
    return _trace_leaf(node, env, value)


def _trace_leaf(node: Near | Measure | Sentence | Pair, env: Env, value: bool) -> Trace:
    if isinstance(node, Near):
        return Trace(str(node), value, _closest(env.hits(node.a), env.hits(node.b)))
    if isinstance(node, Sentence | Pair):
        return Trace(str(node), value, "in one sentence" if value else "in no one sentence")
    return Trace(str(node), value, f"{node.fn} = {_measure(node, env)}")
