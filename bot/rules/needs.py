"""What a `require:` expression needs found before it can hold: the cheap test that
decides which rules an article's terms can feed at all (matching, early rejection).

The answer is a list of clauses over group names; for each clause, some group of it must
have a hit somewhere. It is a safe subset of the truth: an article lacking a clause's
groups never matches, one that has them all may still not.
"""

from __future__ import annotations

from bot.rules.expr import (
    And,
    Condition,
    Measure,
    Near,
    Node,
    Or,
    Pair,
    Ref,
    Sentence,
    compare,
    refs,
)

__all__ = ["needed"]

_CLAUSES_MAX = 64  # an `or` keeps at most this many of its clauses, the shortest


def needed(node: Node) -> list[frozenset[str]]:
    """`a and (b or c)` needs {a} and {b, c}; `a or b` needs {a, b}; `not a` nothing."""
    while isinstance(node, Condition):
        node = node.body
    if isinstance(node, Ref):
        return [frozenset((node.name,))]
    if isinstance(node, Or):
        return _either([needed(p) for p in node.parts])
    if isinstance(node, Near | Sentence | Pair):  # not what a sentence must lack
        named = node.refs if isinstance(node, Sentence) else tuple(refs(node))
        return [frozenset((r.name,)) for r in named]
    if isinstance(node, Measure):  # a floor such as count(g) >= 2 fails at zero
        return [] if compare(node.op, 0, node.value) else [frozenset((node.ref.name,))]
    if isinstance(node, And):
        return _minimal([c for p in node.parts for c in needed(p)])
    return []  # not a: whatever is found


def _either(parts: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """Clauses implied by every part: unions of one clause of each, folded part by part;
    past the cap the shortest are kept (fewer clauses only ever say less)."""
    if not all(parts):
        return []  # one way to hold needs nothing
    acc = parts[0]
    for part in parts[1:]:
        acc = _minimal([a | b for a in acc for b in part])[:_CLAUSES_MAX]
    return acc


def _minimal(clauses: list[frozenset[str]]) -> list[frozenset[str]]:
    """The clauses no other clause implies (a clause implies each of its supersets)."""
    unique = sorted(set(clauses), key=lambda c: (len(c), sorted(c)))
    return [c for i, c in enumerate(unique) if not any(d < c for d in unique[:i])]
