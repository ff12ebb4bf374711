"""Shared term groups and conditions (rules/groups/*.yaml): written once, listed by name in
any rule.

A group file is a mapping of group name → terms, exactly like a rule's `terms:`, plus an
optional `conditions:` mapping of condition name → `require` expression over shared groups.
A rule takes either kind with `shared: [quad, multilateral]`; a condition brings the groups
it uses with it. A shared group lists terms and lexicon references only, and a condition
uses shared groups only, never other conditions, so there is no order of definition to get
wrong and no cycle to report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config.yamlfile import YamlLoad, YamlSyntaxError, load_yaml
from bot.errors import RuleProblem
from bot.rules.expr import KEYWORDS, Condition, ExprError, parse, refs
from bot.rules.problems import FileProblems, did_you_mean
from bot.rules.terms import GROUP_NAME, TermSpec, read_groups, read_terms

__all__ = ["CONDITIONS", "GROUPS_DIR", "LOOKALIKES", "Lookalikes", "SharedGroup",
           "SharedGroups", "condition_groups", "load_shared"]

GROUPS_DIR = "groups"
CONDITIONS = "conditions"  # the keys of a group file that are not groups
LOOKALIKES = "not"
_RESERVED = (CONDITIONS, LOOKALIKES)


@dataclass(frozen=True)
class SharedGroup:
    name: str
    file: str
    line: int
    terms: tuple[TermSpec, ...]


def condition_groups(condition: Condition) -> tuple[str, ...]:
    """The shared groups a condition uses, in the order it first names them."""
    return tuple(dict.fromkeys(ref.name for ref in refs(condition)))


@dataclass(frozen=True)
class Lookalikes:
    """A group file's `not:` phrases: where a word of its groups has another sense
    (安保理 is the UN Security Council, not 安保; "पर्यावरण रक्षा" is protecting nature)."""

    terms: tuple[str, ...]  # the literal terms of the file's groups
    phrases: tuple[TermSpec, ...]


@dataclass(frozen=True)
class SharedGroups:
    groups: Mapping[str, SharedGroup] = field(default_factory=dict)
    conditions: Mapping[str, Condition] = field(default_factory=dict)
    # every name a file defines, group or condition, valid or not: a rule listing a broken
    # one gets no second, misleading "unknown" error
    defined: frozenset[str] = frozenset()
    files: tuple[Path, ...] = ()
    # names that conditions use, valid or not: such a group is not unused; the condition
    # gets the warning (or the error) instead
    in_conditions: frozenset[str] = frozenset()
    lookalikes: tuple[Lookalikes, ...] = ()

    def unused(self, used: Iterable[str]) -> list[RuleProblem]:
        """Warnings for groups and conditions that no rule lists."""
        taken = set(used)
        return [
            *(RuleProblem(g.file, g.line, g.name, f"shared group {g.name!r} is used by no rule",
                          severity="warning")
              for g in self.groups.values() if g.name not in taken | self.in_conditions),
            *(RuleProblem(c.file, c.line, f"{CONDITIONS}.{c.name}",
                          f"shared condition {c.name!r} is used by no rule", severity="warning")
              for c in self.conditions.values() if c.name not in taken)]


@dataclass
class _File:
    """One group file read: its problems so far, and its `conditions:` to check once every
    file's groups are known."""

    problems: FileProblems
    group_names: tuple[str, ...] = ()  # valid or not
    has_conditions: bool = False
    conditions: Any = None
    lookalikes: tuple[TermSpec, ...] = ()


def _read_file(path: Path, found: dict[str, SharedGroup], defined: set[str], load: YamlLoad
               ) -> _File | list[RuleProblem]:
    try:
        doc = load(path)
    except YamlSyntaxError as exc:
        return [RuleProblem(exc.file, exc.line, "", exc.message)]
    p = FileProblems(str(path), doc)
    out = _File(p)
    node = doc
    if isinstance(doc, dict):
        out.group_names = tuple(str(key) for key in doc if str(key) not in _RESERVED)
        defined.update(out.group_names)
        if CONDITIONS in doc:
            out.has_conditions = True
            out.conditions = doc[CONDITIONS]
            if isinstance(out.conditions, dict):
                defined.update(str(key) for key in out.conditions)
        if LOOKALIKES in doc:
            out.lookalikes = tuple(read_terms(p, doc[LOOKALIKES], [LOOKALIKES]))
        node = {k: v for k, v in doc.items() if str(k) not in _RESERVED}
    if node or not out.has_conditions:  # a file may hold conditions only
        for name, terms in read_groups(p, node, []).items():
            first = found.get(name)
            if first is not None:
                p.error([name], f"duplicate shared group {name!r} (first in {first.file}:"
                        f"{first.line})")
                continue
            found[name] = SharedGroup(name, p.file, p.line([name]), tuple(terms))
    return out


def _condition(p: FileProblems, name: str, text: Any, *, groups: Mapping[str, SharedGroup],
               group_names: set[str], condition_names: set[str], mentioned: set[str]
               ) -> Condition | None:
    path = [CONDITIONS, name]
    if not GROUP_NAME.match(name) or name in KEYWORDS:
        p.error(path, "a condition name is a word (letters, digits, _ and -) other than "
                + ", ".join(KEYWORDS))
        return None
    if name in group_names:
        first = groups.get(name)
        where = f" ({first.file}:{first.line})" if first else ""
        p.error(path, f"{name!r} is a shared group{where} and a condition; rename one")
        return None
    if not isinstance(text, str) or not text.strip():
        p.error(path, "a condition is an expression over shared groups, as in require, "
                "e.g. top:several and not top:pairwise")
        return None
    try:
        expr = parse(text)
    except ExprError as exc:
        p.error(path, str(exc))
        return None
    ok = True
    for ref in refs(expr):
        mentioned.add(ref.name)
        if ref.name in condition_names:
            p.error(path, f"column {ref.col}: {ref.name!r} is a condition; a condition uses "
                    "shared groups only: write out the expression you need")
            ok = False
        elif ref.name not in group_names:
            p.error(path, f"column {ref.col}: unknown group {ref.name!r}"
                    + (did_you_mean(ref.name, group_names)
                       or f"; a condition uses the groups defined in {GROUPS_DIR}/*.yaml"))
            ok = False
        elif ref.name not in groups:  # a broken group: its own error says why
            ok = False
    return Condition(name, expr, p.file, p.line(path)) if ok else None


def _read_conditions(file: _File, found: dict[str, Condition], *,
                     groups: Mapping[str, SharedGroup], group_names: set[str],
                     condition_names: set[str], mentioned: set[str]) -> None:
    p, node = file.problems, file.conditions
    if not isinstance(node, dict) or not node:
        p.error([CONDITIONS], "must be a mapping of condition name → expression "
                f"(`{CONDITIONS}` is reserved: no group takes that name)")
        return
    for key, text in node.items():
        name = str(key)
        condition = _condition(p, name, text, groups=groups, group_names=group_names,
                               condition_names=condition_names, mentioned=mentioned)
        if condition is None:
            continue
        first = found.get(name)
        if first is not None:
            p.error([CONDITIONS, name], f"duplicate shared condition {name!r} (first in "
                    f"{first.file}:{first.line})")
            continue
        found[name] = condition


def load_shared(directory: Path, load: YamlLoad = load_yaml
                ) -> tuple[SharedGroups, list[RuleProblem]]:
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
    read: list[_File] = []
    group_names: set[str] = set()
    for path in files:
        result = _read_file(path, found, defined, load)
        if isinstance(result, list):
            problems += result
            continue
        read.append(result)
        group_names.update(result.group_names)
    # conditions are checked after every file's groups are known: one may use a group
    # written in another file
    condition_names = defined - group_names
    conditions: dict[str, Condition] = {}
    mentioned: set[str] = set()
    for file in read:
        if file.has_conditions:
            _read_conditions(file, conditions, groups=found, group_names=group_names,
                             condition_names=condition_names, mentioned=mentioned)
        problems += file.problems.items
    lookalikes = tuple(_lookalikes(file, found) for file in read if file.lookalikes)
    return SharedGroups(found, conditions, frozenset(defined), tuple(files),
                        frozenset(mentioned), lookalikes), problems


def _lookalikes(file: _File, found: Mapping[str, SharedGroup]) -> Lookalikes:
    terms = tuple(dict.fromkeys(
        t.text for name in file.group_names if name in found for t in found[name].terms
        if not t.text.startswith("@")))
    return Lookalikes(terms, file.lookalikes)
