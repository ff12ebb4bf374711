"""Shared term groups (rules/groups/*.yaml): written once, listed by name in any rule.

A group file is a mapping of group name → terms, exactly like a rule's `terms:`. A rule
takes groups with `shared: [quad, pairwise]` and uses them in `require` as its own. A
shared group lists terms and lexicon references only, never other groups, so there is no
order of definition to get wrong and no cycle to report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import RuleProblem
from bot.rules.problems import FileProblems
from bot.rules.terms import TermSpec, read_groups
from bot.yamlfile import YamlSyntaxError, load_yaml

__all__ = ["GROUPS_DIR", "SharedGroup", "SharedGroups", "load_shared"]

GROUPS_DIR = "groups"


@dataclass(frozen=True)
class SharedGroup:
    name: str
    file: str
    line: int
    terms: tuple[TermSpec, ...]


@dataclass(frozen=True)
class SharedGroups:
    groups: Mapping[str, SharedGroup] = field(default_factory=dict)
    # every name a file defines, valid or not: a rule listing a broken group gets no
    # second, misleading "unknown shared group" error
    defined: frozenset[str] = frozenset()
    files: tuple[Path, ...] = ()

    def unused(self, used: Iterable[str]) -> list[RuleProblem]:
        """Warnings for groups that no rule lists."""
        taken = set(used)
        return [RuleProblem(g.file, g.line, g.name, f"shared group {g.name!r} is used by no rule",
                            severity="warning")
                for g in self.groups.values() if g.name not in taken]


def _read_file(path: Path, found: dict[str, SharedGroup], defined: set[str]
               ) -> list[RuleProblem]:
    try:
        doc = load_yaml(path)
    except YamlSyntaxError as exc:
        return [RuleProblem(exc.file, exc.line, "", exc.message)]
    p = FileProblems(str(path), doc)
    if isinstance(doc, dict):
        defined.update(str(key) for key in doc)
    for name, terms in read_groups(p, doc, []).items():
        first = found.get(name)
        if first is not None:
            p.error([name], f"duplicate shared group {name!r} (first in {first.file}:"
                    f"{first.line})")
            continue
        found[name] = SharedGroup(name, p.file, p.line([name]), tuple(terms))
    return p.items


def load_shared(directory: Path) -> tuple[SharedGroups, list[RuleProblem]]:
    """Read every shared group file; problems are returned, never raised."""
    if not directory.is_dir():
        return SharedGroups(), []
    problems: list[RuleProblem] = []
    found: dict[str, SharedGroup] = {}
    defined: set[str] = set()
    files = sorted(directory.glob("*.yaml"))
    for stray in sorted(directory.glob("*.yml")):
        problems.append(RuleProblem(str(stray), 1, "", "ignored: group files end in .yaml",
                                    severity="warning"))
    for path in files:
        problems += _read_file(path, found, defined)
    return SharedGroups(found, frozenset(defined), tuple(files)), problems
