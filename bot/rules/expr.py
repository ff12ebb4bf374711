"""The `require:` language: a boolean expression over term groups.

    expr    := term ('or' term)*
    term    := factor ('and' factor)*
    factor  := 'not' factor | '(' expr ')' | near | measure | ref
    near    := 'near' '(' ref ',' ref ',' INT ')'      some hit of a at most INT words from b
    measure := ('count' | 'mentions') '(' ref ')' OP INT
                                     count: distinct terms/entities; mentions: occurrences
    ref     := [where ':'] GROUP     where: title | lead | text | top (= title or lead)
    OP      := >= | > | == | != | <= | <

A bare group looks where the rule's `scope:` says; `title:india` looks in the title only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol

__all__ = [
    "ATOM",
    "END",
    "LAST",
    "START",
    "WHERE",
    "WORD",
    "WRITTEN",
    "And",
    "Env",
    "ExprError",
    "Measure",
    "Near",
    "Node",
    "Not",
    "Or",
    "RawHit",
    "Ref",
    "Trace",
    "evaluate",
    "holds_on_nothing",
    "needed",
    "parse",
    "refs",
    "trace",
]

WHERE = ("title", "lead", "text", "top")
KEYWORDS = ("and", "or", "not", "near", "count", "mentions")
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_-]*)"
                    r"|(?P<op>>=|<=|==|!=|>|<)|(?P<punct>[(),:]))")
_OPS = {">=": int.__ge__, ">": int.__gt__, "==": int.__eq__, "!=": int.__ne__,
        "<=": int.__le__, "<": int.__lt__}


class ExprError(Exception):
    def __init__(self, col: int, message: str) -> None:
        super().__init__(f"column {col}: {message}")
        self.col = col
        self.message = message


@dataclass(frozen=True)
class Ref:
    name: str
    where: str | None = None
    col: int = 1

    def __str__(self) -> str:
        return f"{self.where}:{self.name}" if self.where else self.name


@dataclass(frozen=True)
class Not:
    part: Node

    def __str__(self) -> str:
        return f"not {_paren(self.part)}"


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]

    def __str__(self) -> str:
        return " and ".join(_paren(p) for p in self.parts)


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]

    def __str__(self) -> str:
        return " or ".join(_paren(p) for p in self.parts)


@dataclass(frozen=True)
class Near:
    a: Ref
    b: Ref
    words: int

    def __str__(self) -> str:
        return f"near({self.a}, {self.b}, {self.words})"


@dataclass(frozen=True)
class Measure:
    fn: str  # "count" or "mentions"
    ref: Ref
    op: str
    value: int

    def __str__(self) -> str:
        return f"{self.fn}({self.ref}) {self.op} {self.value}"


Node = Ref | Not | And | Or | Near | Measure


def _paren(node: Node) -> str:
    return f"({node})" if isinstance(node, And | Or) else str(node)


@dataclass(frozen=True)
class _Tok:
    kind: str  # num, name, op, punct, end
    text: str
    col: int


def _tokens(src: str) -> list[_Tok]:
    out: list[_Tok] = []
    pos = 0
    while True:
        while pos < len(src) and src[pos].isspace():
            pos += 1
        if pos >= len(src):
            out.append(_Tok("end", "", pos + 1))
            return out
        m = _TOKEN.match(src, pos)
        if m is None or m.lastgroup is None:
            raise ExprError(pos + 1, f"unexpected character {src[pos]!r}")
        out.append(_Tok(m.lastgroup, m.group(m.lastgroup), m.start(m.lastgroup) + 1))
        pos = m.end()


class _Parser:
    def __init__(self, src: str) -> None:
        self.toks = _tokens(src)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self, kind: str, text: str | None = None, what: str = "") -> _Tok:
        tok = self.tok
        if tok.kind != kind or (text is not None and tok.text != text):
            found = repr(tok.text) if tok.kind != "end" else "the end"
            raise ExprError(tok.col, f"expected {what or repr(text)}, found {found}")
        self.i += 1
        return tok

    def keyword(self, word: str) -> bool:
        if self.tok.kind == "name" and self.tok.text == word:
            self.i += 1
            return True
        return False

    def expr(self) -> Node:
        parts = [self.term()]
        while self.keyword("or"):
            parts.append(self.term())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def term(self) -> Node:
        parts = [self.factor()]
        while self.keyword("and"):
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def factor(self) -> Node:
        if self.keyword("not"):
            return Not(self.factor())
        if self.tok.kind == "punct" and self.tok.text == "(":
            self.i += 1
            inner = self.expr()
            self.take("punct", ")")
            return inner
        if self.tok.kind == "name" and self.toks[self.i + 1].text == "(":
            name = self.tok
            if name.text == "near":
                return self.near()
            if name.text in ("count", "mentions"):
                return self.measure()
            raise ExprError(name.col, f"unknown function {name.text!r}; "
                            "known: near(a, b, N), count(a) >= N, mentions(a) >= N")
        return self.ref()

    def ref(self) -> Ref:
        tok = self.take("name", what="a group name")
        if tok.text in KEYWORDS:
            raise ExprError(tok.col, f"expected a group name, found {tok.text!r}")
        if self.tok.kind == "punct" and self.tok.text == ":":
            self.i += 1
            if tok.text not in WHERE:
                raise ExprError(tok.col, f"unknown place {tok.text!r}; use one of "
                                + ", ".join(WHERE))
            name = self.take("name", what="a group name")
            return Ref(name.text, tok.text, name.col)
        return Ref(tok.text, None, tok.col)

    def number(self) -> int:
        return int(self.take("num", what="a whole number").text)

    def near(self) -> Near:
        self.i += 2  # near (
        a = self.ref()
        self.take("punct", ",")
        b = self.ref()
        self.take("punct", ",")
        words = self.number()
        self.take("punct", ")")
        return Near(a, b, words)

    def measure(self) -> Measure:
        fn = self.tok.text
        self.i += 2  # count (
        ref = self.ref()
        self.take("punct", ")")
        op = self.take("op", what=f"a comparison after {fn}(...), e.g. >= 2").text
        return Measure(fn, ref, op, self.number())


def parse(src: str) -> Node:
    """Parse a require expression; ExprError carries the 1-based column."""
    parser = _Parser(src)
    if parser.tok.kind == "end":
        raise ExprError(1, "empty expression")
    node = parser.expr()
    if parser.tok.kind != "end":
        tok = parser.tok
        raise ExprError(tok.col, f"expected 'and', 'or' or the end, found {tok.text!r}")
    return node


def refs(node: Node) -> Iterator[Ref]:
    if isinstance(node, Ref):
        yield node
    elif isinstance(node, Not):
        yield from refs(node.part)
    elif isinstance(node, And | Or):
        for part in node.parts:
            yield from refs(part)
    elif isinstance(node, Near):
        yield node.a
        yield node.b
    else:
        yield node.ref


def needed(node: Node) -> set[str]:
    """Groups that must have a hit somewhere for the expression to hold (a safe subset)."""
    if isinstance(node, Ref):
        return {node.name}
    if isinstance(node, And):
        return set().union(*(needed(p) for p in node.parts))
    if isinstance(node, Or):
        return set.intersection(*(needed(p) for p in node.parts))
    if isinstance(node, Near):
        return {node.a.name, node.b.name}
    if isinstance(node, Measure) and not _OPS[node.op](0, node.value):
        return {node.ref.name}  # the comparison fails at zero
    return set()


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
    return len(env.atoms(node.ref)) if node.fn == "count" else env.mentions(node.ref)


def evaluate(node: Node, env: Env) -> bool:
    if isinstance(node, Ref):
        return env.found(node)
    if isinstance(node, And):
        return all(evaluate(p, env) for p in node.parts)
    if isinstance(node, Or):
        return any(evaluate(p, env) for p in node.parts)
    if isinstance(node, Not):
        return not evaluate(node.part, env)
    if isinstance(node, Near):
        return _holds_near(node, env)
    return _OPS[node.op](_measure(node, env), node.value)


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
    if isinstance(node, Near):
        return Trace(str(node), value, _closest(env.hits(node.a), env.hits(node.b)))
    return Trace(str(node), value, f"{node.fn} = {_measure(node, env)}")
