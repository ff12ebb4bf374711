"""The `require:` language, parsed: a boolean expression over term groups.

    expr    := term ('or' term)*
    term    := factor ('and' factor)*
    factor  := 'not' factor | '(' expr ')' | near | measure | sentence | pair | ref
    near    := 'near' '(' ref ',' ref ',' INT ')'      some hit of a at most INT words from b
    sentence:= 'sentence' '(' ref (',' ['not'] ref)* ')'
                                     one sentence has a hit of every group, none of a
                                     group after 'not'
    pair    := 'pair' '(' ref ',' ref (',' ref)* ')'   one sentence names a and b as the two
                                     parties of what it says; the other groups in it too
    measure := ('count' | 'mentions' | 'parties') '(' ref ')' OP INT
                                     count: distinct terms/entities; mentions: occurrences;
                                     parties: distinct states named as taking part
    ref     := [where ':'] GROUP     where: title | lead | text | top (= title or lead)
    OP      := >= | > | == | != | <= | <

A bare group looks where the rule's `scope:` says; `title:india` looks in the title only.
A bare name may also be a shared condition (groups/*.yaml): `expand` puts its parsed
expression in its place, kept whole under a Condition node so that `rules explain` can
show it by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass

__all__ = ["KEYWORDS", "WHERE", "And", "Condition", "ExprError", "Measure", "Near", "Node",
           "Not", "Or", "Pair", "Ref", "Sentence", "compare", "expand", "parse",
           "refs", "supporting"]

WHERE = ("title", "lead", "text", "top")
# sentence( and pair( are words only as calls
KEYWORDS = ("and", "or", "not", "near", "count", "mentions", "parties")
MAX_DEPTH = 50  # parentheses and `not` nested deeper are refused (the parser recurses)
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
class Sentence:
    """Every group has a hit in one and the same sentence (the title is one sentence),
    and no group of `without` has one there."""

    refs: tuple[Ref, ...]
    without: tuple[Ref, ...] = ()

    def __str__(self) -> str:
        return f"sentence({', '.join([*map(str, self.refs), *(f'not {r}' for r in self.without)])})"


@dataclass(frozen=True)
class Pair:
    """One sentence names a hit of `a` and a hit of `b` as the two parties of what it says
    (bot/rules/parties.py), and has a hit of every group in `also`."""

    a: Ref
    b: Ref
    also: tuple[Ref, ...] = ()

    def __str__(self) -> str:
        return f"pair({', '.join(map(str, (self.a, self.b, *self.also)))})"


@dataclass(frozen=True)
class Measure:
    fn: str  # "count", "mentions" or "parties"
    ref: Ref
    op: str
    value: int

    def __str__(self) -> str:
        return f"{self.fn}({self.ref}) {self.op} {self.value}"


@dataclass(frozen=True)
class Condition:
    """A shared condition used by name: its expression, and where that is written."""

    name: str
    body: Node
    file: str
    line: int

    def __str__(self) -> str:
        return self.name


Node = Ref | Not | And | Or | Near | Measure | Condition | Sentence | Pair


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
        self.depth = 0

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

    def nested(self, parse: Callable[[], Node]) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(self.tok.col, f"nested more than {MAX_DEPTH} levels deep")
        try:
            return parse()
        finally:
            self.depth -= 1

    def factor(self) -> Node:
        if self.keyword("not"):
            return Not(self.nested(self.factor))
        if self.tok.kind == "punct" and self.tok.text == "(":
            self.i += 1
            inner = self.nested(self.expr)
            self.take("punct", ")")
            return inner
        if self.tok.kind == "name" and self.toks[self.i + 1].text == "(":
            name = self.tok
            if name.text == "near":
                return self.near()
            if name.text in ("count", "mentions", "parties"):
                return self.measure()
            if name.text in ("sentence", "pair"):
                return self.grouped(name)
            raise ExprError(name.col, f"unknown function {name.text!r}; known: near(a, b, N), "
                            "count(a) >= N, mentions(a) >= N, parties(a) >= N, "
                            "sentence(a, b, ...), "
                            "pair(a, b, ...)")
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

    def grouped(self, name: _Tok) -> Sentence | Pair:
        self.i += 2  # sentence (
        found, without = [self.ref()], []
        while self.tok.kind == "punct" and self.tok.text == ",":
            self.i += 1
            if name.text == "sentence" and self.keyword("not"):  # a sentence without it
                without.append(self.ref())
            else:
                found.append(self.ref())
        self.take("punct", ")")
        if name.text == "sentence":  # one group: a sentence of today's news names it
            return Sentence(tuple(found), tuple(without))
        if len(found) < 2:
            raise ExprError(name.col, f"{name.text}() takes at least two groups")
        return Pair(found[0], found[1], tuple(found[2:]))

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
    """Every group reference; a condition's are those of its expression."""
    if isinstance(node, Ref):
        yield node
    elif isinstance(node, Condition):
        yield from refs(node.body)
    elif isinstance(node, Not):
        yield from refs(node.part)
    elif isinstance(node, And | Or):
        for part in node.parts:
            yield from refs(part)
    elif isinstance(node, Near):
        yield node.a
        yield node.b
    elif isinstance(node, Sentence):
        yield from (*node.refs, *node.without)
    elif isinstance(node, Pair):
        yield from (node.a, node.b, *node.also)
    else:
        yield node.ref


def supporting(node: Node, positive: bool = True) -> set[str]:
    """Groups whose hits count for the expression: the evidence of a match. A group used
    only under `not`, or only in a ceiling such as count(g) <= 2, is a guard: its hits can
    only stop a match, so they are not evidence for it."""
    if isinstance(node, Ref):
        return {node.name} if positive else set()
    if isinstance(node, Condition):
        return supporting(node.body, positive)
    if isinstance(node, Not):
        return supporting(node.part, not positive)
    if isinstance(node, And | Or):
        return set().union(*(supporting(p, positive) for p in node.parts))
    if isinstance(node, Near | Sentence | Pair):  # what a sentence must lack is a guard
        named = node.refs if isinstance(node, Sentence) else tuple(refs(node))
        return {r.name for r in named} if positive else set()
    asks_for_hits = not _OPS[node.op](0, node.value)  # a floor such as count(g) >= 2
    return {node.ref.name} if asks_for_hits == positive else set()


def _misused(node: Node, names: Container[str]) -> Iterator[ExprError]:
    """A condition named with a place, or inside near(), count() or mentions(): it is true
    or false, not a group with hits."""
    if isinstance(node, Ref):
        if node.where is not None and node.name in names:
            yield ExprError(node.col, f"{node.name!r} is a condition, not a group: write it "
                            f"without {node.where}: (a place goes inside its expression)")
    elif isinstance(node, Not):
        yield from _misused(node.part, names)
    elif isinstance(node, And | Or):
        for part in node.parts:
            yield from _misused(part, names)
    elif isinstance(node, Near | Measure | Sentence | Pair):
        inner = tuple(refs(node))
        fn = ("near" if isinstance(node, Near) else "sentence" if isinstance(node, Sentence)
              else "pair" if isinstance(node, Pair) else node.fn)
        for ref in inner:
            if ref.name in names:
                yield ExprError(ref.col, f"{ref.name!r} is a condition, not a group: "
                                f"{fn}() takes groups")


def expand(node: Node, conditions: Mapping[str, Condition]) -> tuple[Node, list[ExprError]]:
    """The expression with each bare name of a condition replaced by the condition; errors
    for a condition used as if it were a group."""
    errors = list(_misused(node, conditions))
    return _expand(node, conditions), errors


def _expand(node: Node, conditions: Mapping[str, Condition]) -> Node:
    if isinstance(node, Ref):
        found = conditions.get(node.name)
        return found if found is not None and node.where is None else node
    if isinstance(node, Not):
        return Not(_expand(node.part, conditions))
    if isinstance(node, And):
        return And(tuple(_expand(p, conditions) for p in node.parts))
    if isinstance(node, Or):
        return Or(tuple(_expand(p, conditions) for p in node.parts))
    return node


def compare(op: str, left: int, right: int) -> bool:
    return _OPS[op](left, right)

