"""Reading and validating one topic rule file (rules/<id>.yaml) into a RuleSpec.

Everything that can be checked without the lexicon is checked here; `@refs` are resolved
when the rule set is compiled. Every problem is collected, none is raised.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config.yamlfile import YamlLoad, YamlSyntaxError, load_yaml
from bot.errors import RuleProblem
from bot.rules.expr import Condition, ExprError, Node, expand, parse, refs
from bot.rules.problems import FileProblems, did_you_mean
from bot.rules.shared import GROUPS_DIR, SharedGroups, condition_groups
from bot.rules.terms import TermSpec, read_groups, read_terms

__all__ = ["SCOPES", "ExampleSpec", "RuleRead", "RuleSpec", "TermSpec", "read_rule"]

SCOPES = ("title", "lead", "text")
KEYS = ("id", "title", "description", "terms", "shared", "require", "exclude", "scope",
        "min_score", "parties", "examples")
_REQUIRED = ("id", "title", "require")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class ExampleSpec:
    title: str
    text: str
    expect: bool  # True: must match
    line: int


@dataclass(frozen=True)
class RuleSpec:
    id: str
    title: str
    description: str
    file: str
    line: int
    groups: dict[str, list[TermSpec]]  # its own `terms:`, then those `shared:` brings
    require: str
    expr: Node  # shared conditions in place, as Condition nodes
    exclude: list[TermSpec]
    scope: tuple[str, ...]
    min_score: float | None
    examples: list[ExampleSpec]
    # the two states (lexicon country ids) a pair topic is about, and the line naming them
    parties: tuple[str, ...] = ()
    parties_line: int = 0


@dataclass(frozen=True)
class RuleRead:
    """One rule file read: a spec only when it has no errors."""

    spec: RuleSpec | None
    problems: list[RuleProblem]
    terms: list[TermSpec]  # its own terms, for lexicon checks of a file with errors
    shared: tuple[str, ...] = ()  # the shared groups and conditions it lists


def _clash(p: FileProblems, name: str, line: int, shared: SharedGroups,
           local: dict[str, list[TermSpec]]) -> bool:
    """Whether a listed name, or a group its condition brings, is also one of the rule's own
    groups: the two would be one name for two lists of terms."""
    if name in local:
        kind = "condition" if name in shared.conditions else "group"
        p.error(["shared"], f"{name!r} is a group in terms and a shared {kind}; "
                "rename the one in terms", line=line)
        return True
    condition = shared.conditions.get(name)
    taken = [g for g in condition_groups(condition) if g in local] if condition else []
    for group in taken:
        where = f"{condition.file}:{condition.line}" if condition else ""
        p.error(["shared"], f"{group!r} is a group in terms and a shared group that condition "
                f"{name!r} uses ({where}); rename the one in terms", line=line)
    return bool(taken)


def _shared(p: FileProblems, node: Any, shared: SharedGroups,
            local: dict[str, list[TermSpec]]) -> dict[str, int]:
    """The shared groups and conditions a rule lists, with the line each is listed on. An
    unknown one is kept, so that `require` using it gets no second error for the same
    mistake."""
    out: dict[str, int] = {}
    for name, line in p.string_list(node, ["shared"]):
        if name in out:
            p.error(["shared"], f"shared name {name!r} is listed twice", line=line)
            continue
        if _clash(p, name, line, shared, local):
            continue
        if name not in shared.defined:
            where = "" if shared.defined else f"; none is defined in {GROUPS_DIR}/*.yaml"
            p.error(["shared"], f"unknown shared group or condition {name!r}"
                    + did_you_mean(name, shared.defined) + where, line=line)
        out[name] = line
    return out


def _expr(p: FileProblems, node: Any) -> Node | None:
    if not isinstance(node, str) or not node.strip():
        p.error(["require"], "must be an expression such as: india and japan and defence")
        return None
    try:
        return parse(node)
    except ExprError as exc:
        p.error(["require"], str(exc))
        return None


def _known(p: FileProblems, expr: Node, names: Collection[str], shared: SharedGroups
           ) -> bool:
    ok = True
    for ref in refs(expr):
        if ref.name not in names:
            ok = False
            hint = (f" (a shared {'condition' if ref.name in shared.conditions else 'group'}: "
                    "list it in shared:)" if ref.name in shared.defined else "")
            p.error(["require"], f"column {ref.col}: unknown group {ref.name!r}"
                    + (hint or did_you_mean(ref.name, names)))
    return ok


def _unused(p: FileProblems, expr: Node, local: dict[str, list[TermSpec]],
            shared: dict[str, int], conditions: Container[str]) -> None:
    used = {r.name for r in refs(expr)}
    for name in local:
        if name not in used:
            p.warning(["terms", name], f"group {name!r} is never used in require")
    for name, line in shared.items():
        if name not in used:
            kind = "condition" if name in conditions else "group"
            p.warning(["shared"], f"shared {kind} {name!r} is never used in require",
                      line=line)


def _with_conditions(p: FileProblems, expr: Node, conditions: Mapping[str, Condition]
                     ) -> Node | None:
    """The expression with the conditions it names in place; None after an error."""
    expanded, errors = expand(expr, conditions)
    for error in errors:
        p.error(["require"], str(error))
    return None if errors else expanded


def _scope(p: FileProblems, node: Any) -> tuple[str, ...]:
    if node is None:
        return ("title", "text")
    items = p.string_list(node, ["scope"])
    names = [s for s, _ in items]
    for name in names:
        if name not in SCOPES:
            p.error(["scope"], f"unknown scope {name!r}; use any of {', '.join(SCOPES)}")
    if len(set(names)) != len(names):
        p.error(["scope"], "a scope is listed twice")
    if not names:
        p.error(["scope"], "list at least one of title, lead, text")
    return tuple(n for n in SCOPES if n in names)


def _example(p: FileProblems, item: Any, path: list[str | int], expect: bool
             ) -> ExampleSpec | None:
    line = p.line(path)
    if isinstance(item, str) and item.strip():
        return ExampleSpec("", item, expect, line)
    if isinstance(item, dict):
        p.unknown_keys(item, path, ("title", "text"))
        title, text = item.get("title", ""), item.get("text", "")
        if isinstance(title, str) and isinstance(text, str) and (title.strip() or text.strip()):
            return ExampleSpec(title, text, expect, line)
    p.error(path, "an example is a string (the article text) or {title: ..., text: ...}")
    return None


def _examples(p: FileProblems, node: Any) -> list[ExampleSpec]:
    if node is None:
        return []
    if not isinstance(node, dict):
        p.error(["examples"], "must be a mapping with `match:` and/or `no_match:` lists")
        return []
    p.unknown_keys(node, ["examples"], ("match", "no_match"))
    out: list[ExampleSpec] = []
    for key, expect in (("match", True), ("no_match", False)):
        items = node.get(key) or []
        if not isinstance(items, list):
            p.error(["examples", key], "must be a list of examples")
            continue
        for i, item in enumerate(items):
            example = _example(p, item, ["examples", key, i], expect)
            if example:
                out.append(example)
    return out


def _min_score(p: FileProblems, node: Any) -> float | None:
    if node is None:
        return None
    if isinstance(node, bool) or not isinstance(node, int | float) or node < 0:
        p.error(["min_score"], "must be a number >= 0")
        return None
    return float(node)


def _parties(p: FileProblems, node: Any) -> tuple[str, ...]:
    if node is None:
        return ()
    names = [s.removeprefix("@") for s, _ in p.string_list(node, ["parties"])]
    if len(names) != 2 or names[0] == names[1]:
        p.error(["parties"], "list the two states of the pair, as lexicon country ids: "
                "[india, japan]")
        return ()
    return tuple(names)


def _text(p: FileProblems, doc: dict[str, Any], key: str) -> str:
    value = doc.get(key, "")
    if not isinstance(value, str):
        p.error([key], "must be text")
        return ""
    return value.strip()


def _all_groups(p: FileProblems, doc: dict[str, Any], shared: SharedGroups
                ) -> tuple[dict[str, list[TermSpec]], dict[str, int]]:
    """The rule's own groups, and the shared groups and conditions it lists (with their
    lines)."""
    if "terms" not in doc and "shared" not in doc:
        p.error(["terms"], "required key is missing (or list shared groups in `shared:`)")
    local = read_groups(p, doc["terms"], ["terms"]) if "terms" in doc else {}
    listed = _shared(p, doc["shared"], shared, local) if doc.get("shared") is not None else {}
    return local, listed


def _compiled_groups(local: dict[str, list[TermSpec]], listed: Iterable[str],
                     shared: SharedGroups) -> dict[str, list[TermSpec]]:
    """Every group the rule is compiled with: its own, the shared ones it lists, and those
    its conditions use. A listed name that is unknown or has errors is an empty group: the
    rule does not load, and the errors already reported say why."""
    groups = dict(local)
    for name in listed:
        condition = shared.conditions.get(name)
        for group in condition_groups(condition) if condition else (name,):
            if group not in groups:
                found = shared.groups.get(group)
                groups[group] = list(found.terms) if found else []
    return groups


def read_rule(path: Path, shared: SharedGroups, load: YamlLoad = load_yaml) -> RuleRead:
    """Validate one rule file, collecting every problem."""
    try:
        doc = load(path)
    except YamlSyntaxError as exc:
        return RuleRead(None, [RuleProblem(exc.file, exc.line, "", exc.message)], [])
    p = FileProblems(str(path), doc)
    if not isinstance(doc, dict):
        p.error([], "a rule file is a mapping with id, title, terms and require")
        return RuleRead(None, p.items, [])
    p.unknown_keys(doc, [], KEYS)
    for key in _REQUIRED:
        if key not in doc:
            p.error([key], "required key is missing")
    rule_id = doc.get("id")
    if "id" in doc and (not isinstance(rule_id, str) or not _ID.match(rule_id)):
        p.error(["id"], "an id is lowercase letters, digits and hyphens, e.g. india-japan")
    elif isinstance(rule_id, str) and rule_id != path.stem:
        p.warning(["id"], f"id {rule_id!r} differs from the file name {path.name!r}")
    title, description = _text(p, doc, "title"), _text(p, doc, "description")
    if "title" in doc and not title:
        p.error(["title"], "must be a short non-empty title")
    local, listed = _all_groups(p, doc, shared)
    groups = _compiled_groups(local, listed, shared)
    conditions = {n: shared.conditions[n] for n in listed if n in shared.conditions}
    expr = _expr(p, doc["require"]) if "require" in doc else None
    if expr is not None:
        _unused(p, expr, local, listed, conditions)
        # a condition's groups are its own business: the rule names only what it lists
        if not _known(p, expr, local.keys() | listed.keys(), shared):
            expr = None
    if expr is not None:
        expr = _with_conditions(p, expr, conditions)
    exclude = (read_terms(p, doc["exclude"], ["exclude"]) if doc.get("exclude") is not None
               else [])
    scope = _scope(p, doc.get("scope"))
    min_score = _min_score(p, doc.get("min_score"))
    parties = _parties(p, doc.get("parties"))
    examples = _examples(p, doc.get("examples"))
    terms = [t for group in local.values() for t in group] + exclude
    if any(x.severity == "error" for x in p.items) or expr is None:
        return RuleRead(None, p.items, terms, tuple(listed))
    assert isinstance(rule_id, str)
    spec = RuleSpec(rule_id, title, description, str(path), p.line(["id"]), groups,
                    str(doc["require"]).strip(), expr, exclude, scope, min_score, examples,
                    parties, p.line(["parties"]) if parties else 0)
    return RuleRead(spec, p.items, terms, tuple(listed))
