"""Reading and validating one topic rule file (rules/<id>.yaml) into a RuleSpec.

Everything that can be checked without the lexicon is checked here; `@refs` are resolved
when the rule set is compiled. Every problem is collected, none is raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import RuleProblem
from bot.rules.expr import KEYWORDS, ExprError, Node, parse, refs
from bot.rules.normalize import core
from bot.rules.problems import FileProblems, did_you_mean
from bot.yamlfile import YamlSyntaxError, load_yaml

__all__ = ["SCOPES", "ExampleSpec", "RuleSpec", "TermSpec", "read_rule"]

SCOPES = ("title", "lead", "text")
KEYS = ("id", "title", "description", "terms", "require", "exclude", "scope", "min_score",
        "examples")
_REQUIRED = ("id", "title", "terms", "require")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_GROUP = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_REF = re.compile(r"^@[a-z0-9][a-z0-9-]*(:([a-z0-9][a-z0-9-]*|\*))?$")


@dataclass(frozen=True)
class TermSpec:
    text: str  # as written: "navy", "ACSA", "@japan", "@country:*"
    line: int
    field: str  # "terms.japan" or "exclude"


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
    groups: dict[str, list[TermSpec]]
    require: str
    expr: Node
    exclude: list[TermSpec]
    scope: tuple[str, ...]
    min_score: float | None
    examples: list[ExampleSpec]


def _terms(p: FileProblems, node: Any, path: list[str | int]) -> list[TermSpec]:
    out: list[TermSpec] = []
    for text, line in p.string_list(node, path):
        where = ".".join(str(x) for x in path)
        if text.startswith("re:"):
            p.error(path, f"{text!r}: regular expressions are not supported; list the words "
                    "(spelling variants, hyphens and case are handled for you)", line=line)
        elif text.startswith("@") and not _REF.match(text):
            p.error(path, f"{text!r}: a lexicon reference is @id, @kind:* or @kind:country "
                    "(e.g. @japan, @country:*, @person:japan)", line=line)
        elif not text.startswith("@") and not core(text):
            p.error(path, f"{text!r} has no letters or digits to match", line=line)
        else:
            out.append(TermSpec(text.strip(), line, where))
    return out


def _groups(p: FileProblems, node: Any) -> dict[str, list[TermSpec]]:
    if not isinstance(node, dict) or not node:
        p.error(["terms"], "must be a mapping of group name → list of terms")
        return {}
    groups: dict[str, list[TermSpec]] = {}
    for key, value in node.items():
        name = str(key)
        if not _GROUP.match(name) or name in KEYWORDS:
            p.error(["terms", name], "a group name is a word (letters, digits, _ and -) "
                    f"other than {', '.join(KEYWORDS)}")
            continue
        if value is None or value == []:
            p.error(["terms", name], "empty group: list at least one term")
            continue
        terms = _terms(p, value, ["terms", name])
        if terms:
            groups[name] = terms
    return groups


def _expr(p: FileProblems, node: Any, groups: dict[str, list[TermSpec]]) -> Node | None:
    if not isinstance(node, str) or not node.strip():
        p.error(["require"], "must be an expression such as: india and japan and defence")
        return None
    try:
        expr = parse(node)
    except ExprError as exc:
        p.error(["require"], str(exc))
        return None
    ok = True
    for ref in refs(expr):
        if ref.name not in groups:
            ok = False
            p.error(["require"], f"column {ref.col}: unknown group {ref.name!r}"
                    + did_you_mean(ref.name, groups))
    used = {r.name for r in refs(expr)}
    for name in groups:
        if name not in used:
            p.warning(["terms", name], f"group {name!r} is never used in require")
    return expr if ok else None


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


def _text(p: FileProblems, doc: dict[str, Any], key: str) -> str:
    value = doc.get(key, "")
    if not isinstance(value, str):
        p.error([key], "must be text")
        return ""
    return value.strip()


def read_rule(path: Path) -> tuple[RuleSpec | None, list[RuleProblem], list[TermSpec]]:
    """Validate one rule file: a spec only when it has no errors; problems; all its terms
    (so that lexicon references are checked even in a file with other errors)."""
    try:
        doc = load_yaml(path)
    except YamlSyntaxError as exc:
        return None, [RuleProblem(exc.file, exc.line, "", exc.message)], []
    p = FileProblems(str(path), doc)
    if not isinstance(doc, dict):
        p.error([], "a rule file is a mapping with id, title, terms and require")
        return None, p.items, []
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
    groups = _groups(p, doc["terms"]) if "terms" in doc else {}
    expr = _expr(p, doc["require"], groups) if "require" in doc else None
    exclude = _terms(p, doc["exclude"], ["exclude"]) if doc.get("exclude") is not None else []
    scope = _scope(p, doc.get("scope"))
    min_score = _min_score(p, doc.get("min_score"))
    examples = _examples(p, doc.get("examples"))
    terms = [t for group in groups.values() for t in group] + exclude
    if any(x.severity == "error" for x in p.items) or expr is None:
        return None, p.items, terms
    assert isinstance(rule_id, str)
    return RuleSpec(rule_id, title, description, str(path), p.line(["id"]), groups,
                    str(doc["require"]).strip(), expr, exclude, scope, min_score,
                    examples), p.items, terms
