"""Collecting located problems while reading one YAML file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from bot.config.yamlfile import line_of
from bot.errors import RuleProblem

Path_ = Sequence[str | int]


def field_name(path: Path_) -> str:
    """terms.japan[2] for ("terms", "japan", 2)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class FileProblems:
    """Problems of one file; each located by the YAML node path it concerns."""

    def __init__(self, file: str, doc: Any = None) -> None:
        self.file = file
        self.doc = doc
        self.items: list[RuleProblem] = []

    def line(self, path: Path_) -> int:
        return line_of(self.doc, path)

    def error(self, path: Path_, message: str, *, line: int | None = None) -> None:
        self.items.append(RuleProblem(self.file, line or self.line(path), field_name(path),
                                      message))

    def warning(self, path: Path_, message: str, *, line: int | None = None) -> None:
        self.items.append(RuleProblem(self.file, line or self.line(path), field_name(path),
                                      message, severity="warning"))

    def unknown_keys(self, node: Any, path: Path_, allowed: Sequence[str]) -> None:
        for key in node:
            if str(key) not in allowed:
                hint = did_you_mean(str(key), allowed)
                self.error([*path, str(key)], f"unknown key{hint}; allowed: {', '.join(allowed)}")

    def string_list(self, node: Any, path: Path_) -> list[tuple[str, int]]:
        """A list of non-empty strings (a lone string counts as a list of one), with lines."""
        if isinstance(node, str):
            node = [node]
            single = True
        else:
            single = False
        if not isinstance(node, list):
            self.error(path, "must be a list of strings")
            return []
        out: list[tuple[str, int]] = []
        for i, item in enumerate(node):
            where = [*path] if single else [*path, i]
            if not isinstance(item, str) or not item.strip():
                self.error(where, f"must be a non-empty string, not {item!r}")
                continue
            out.append((str(item), self.line(where)))
        return out


def has_errors(problems: Iterable[RuleProblem]) -> bool:
    return any(p.severity == "error" for p in problems)
