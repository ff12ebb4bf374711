"""What a require expression needs found: clauses of groups, one of each found."""

from __future__ import annotations

import pytest

from bot.rules.expr import parse
from bot.rules.needs import needed


@pytest.mark.parametrize(("expr", "clauses"), [
    ("a and b", [{"a"}, {"b"}]),
    ("a or b", [{"a", "b"}]),
    ("a and (b or c)", [{"a"}, {"b", "c"}]),
    ("(a and c) or (top:b and not d)", [{"a", "b"}, {"b", "c"}]),
    ("(a and b) or (a and c)", [{"a"}, {"b", "c"}]),
    ("near(a, b, 5) or pair(a, c, d)", [{"a"}, {"b", "c"}, {"b", "d"}]),
    ("not a", []),
    ("a or not b", []),
    ("count(a) >= 2 or mentions(b) > 0", [{"a", "b"}]),
    ("count(a) <= 2 and b", [{"b"}]),
    ("sentence(a, not b)", [{"a"}]),  # what it must be without need not be found
])
def test_clauses(expr: str, clauses: list[set[str]]) -> None:
    assert sorted(map(sorted, needed(parse(expr)))) == sorted(map(sorted, clauses))


def test_many_ways_keep_what_they_share() -> None:
    """Past the cap an `or` keeps its shortest clauses: what all its parts need first."""
    expr = " or ".join(f"(x and a{i} and b{i} and c{i})" for i in range(5))  # 4**5 choices
    clauses = needed(parse(expr))
    assert clauses[0] == {"x"} and 1 < len(clauses) <= 64
    assert all(any(g in c for g in (f"a{i}", f"b{i}", f"c{i}", "x")) for c in clauses
               for i in range(5))
