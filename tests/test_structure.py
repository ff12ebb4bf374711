"""The layout's rules, checked on the code as it stands (ARCHITECTURE.md explains them):
module names unique within a package tree, no import cycle (TYPE_CHECKING imports count),
watchers never imports bot and bot uses only watchers' public face, no file over 400
lines, and bot/ keeps at most five modules beside its __init__.py."""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import watchers

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "watchers")
MAX_LINES = 400
BOT_TOP_LEVEL = 5


def python_files(*tops: str) -> Iterator[Path]:
    for top in tops:
        yield from sorted((ROOT / top).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in python_files(*PACKAGES)}


def imports(path: Path) -> Iterator[tuple[str, int]]:
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> Iterator[tuple[str, int]]:
    """(module imported, line) for every import of the source, wherever it stands, so one
    under `if TYPE_CHECKING:` or inside a function counts. `from P import name` names
    P.name when that is a module of ours, else P."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield (sub if sub in MODULES else base), node.lineno


def graph() -> dict[str, set[str]]:
    return {name: {m for m, _ in imports(path) if m in MODULES and m != name}
            for name, path in MODULES.items()}


def test_no_two_modules_of_a_package_tree_share_a_name() -> None:
    for top in PACKAGES:
        names = Counter(p.name for p in python_files(top) if p.name != "__init__.py")
        assert sorted(n for n, count in names.items() if count > 1) == [], top


def test_bot_keeps_at_most_five_modules_at_its_top() -> None:
    top = sorted(p.name for p in (ROOT / "bot").glob("*.py") if p.name != "__init__.py")
    assert len(top) <= BOT_TOP_LEVEL, top


def test_no_file_is_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in python_files(*PACKAGES, "tests", "bench")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_watchers_never_imports_bot() -> None:
    wrong = [f"{p.relative_to(ROOT)}:{line}: {m}" for p in python_files("watchers")
             for m, line in imports(p) if m == "bot" or m.startswith("bot.")]
    assert wrong == []


def test_bot_imports_only_the_public_face_of_watchers() -> None:
    wrong = [f"{p.relative_to(ROOT)}:{line}: {m}" for p in python_files("bot")
             for m, line in imports(p) if m.startswith("watchers.")]
    assert wrong == []


def test_the_public_face_of_watchers_names_what_it_exports() -> None:
    assert sorted(watchers.__all__) == sorted(set(watchers.__all__))
    for name in watchers.__all__:
        assert getattr(watchers, name) is not None, name


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_there_is_no_import_cycle() -> None:
    assert cycles(graph()) == []


@pytest.mark.parametrize(("edges", "expected"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
])
def test_the_cycle_finder_finds_cycles(edges: dict[str, set[str]],
                                       expected: list[list[str]]) -> None:
    assert cycles(edges) == expected


def test_imports_count_type_checking_function_level_and_relative_forms() -> None:
    source = """
from typing import TYPE_CHECKING
from . import holder
from .compile import Compiled
if TYPE_CHECKING:
    from bot.store import sources
def later():
    import bot.models
"""
    assert sorted(m for m, _ in imports_in(source, "bot.rules")) == [
        "bot.models", "bot.rules.compile", "bot.rules.holder", "bot.store.sources", "typing"]
